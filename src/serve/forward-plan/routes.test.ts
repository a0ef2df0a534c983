// The forward plan's routes on SQLite and PostgreSQL: every write for every role (a refused write
// changes nothing; an allowed one is audited once), the notice rule on entry with its exceptions,
// two clerks on one key decision, the public page's filters, each decision's page, the CSV and the
// API with its OpenAPI description, the public face of a decision to be taken in private, and the
// link both ways between a key decision and the meeting where it was taken.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Hono } from "hono";
import { sql } from "kysely";
import { createApp } from "../app.ts";
import { openStore, type Db } from "../../store/db.ts";
import { readAudit } from "../../store/audit.ts";
import { addKeyDecisionEntry, type KeyDecisionFields } from "../../store/forward-plan/entries.ts";
import { linkTaken } from "../../store/forward-plan/taken.ts";
import { BUCKS, importFromCorpus } from "../../store/scrutiny/test-stores.ts";
import { client, signInAs, type Client } from "../../../test/support/accounts.ts";
import { addStaff } from "../../../test/support/people.ts";
import { postgresUnavailable, startPostgres, type PostgresCluster } from "../../../test/support/postgres.ts";

const PG_SKIP = postgresUnavailable();
const json = async (res: Response | Promise<Response>): Promise<any> => (await res).json();
let cluster: Promise<PostgresCluster> | null = null;
after(async () => {
  if (cluster) await (await cluster).stop();
});

const ROLES = ["admin", "clerk", "officer", "member", "signed-out"] as const;
type Role = (typeof ROLES)[number];
const CABINET = "buckinghamshire-county-council-cabinet";
const NOW = new Date("2018-03-01T10:00:00Z");
const TODAY = "2018-03-01";
const PLAN = (ref: string) => `buckinghamshire-county-council-${ref.toLowerCase()}`;
const SECRET_DETAILS = "Acme Care Ltd bid 4.2 million pounds";
const SECRET_URL = "https://intranet.example.gov.uk/tender-evaluation.pdf";

const storeFields = (over: Partial<KeyDecisionFields> = {}): KeyDecisionFields => ({
  reference: "KD-1",
  decision: "Direct Care and Support Services: future commissioning",
  details: "Whether to commission in-house care from an external provider",
  body: CABINET,
  decisionMaker: null,
  plannedDate: "2018-04-23",
  wards: ["Aylesbury North"],
  consultees: "Service users; staff; trade unions",
  documents: [{ title: "Cabinet report", url: "https://democracy.example.gov.uk/report.pdf" }],
  exempt: null,
  exception: null,
  ...over,
});
/** The form a clerk posts, all fields present as a browser sends them. */
const form = (over: Record<string, string> = {}): Record<string, string> => ({
  reference: "",
  decision: "Library opening hours",
  details: "",
  body: CABINET,
  decisionMaker: "",
  plannedDate: "2018-04-23",
  wards: "Chesham\nAmersham",
  consultees: "Library users",
  documents: "Consultation report https://example.gov.uk/libraries.pdf",
  exempt: "",
  exemptParagraphs: "",
  exemptReason: "",
  exception: "none",
  exceptionChair: "",
  exceptionOn: "",
  exceptionReason: "",
  ...over,
});

for (const dialect of ["sqlite", "postgres"] as const) {
  describe(`forward plan routes on ${dialect}`, { skip: dialect === "postgres" && PG_SKIP ? PG_SKIP : false }, () => {
    let db: Db;
    let app: Hono;
    let emails: Awaited<ReturnType<typeof addStaff>>;
    let meetingSlug: string;
    const clients = new Map<Role | "clerk2", Client>();
    const actor = { userId: null, label: "setup" };

    before(async () => {
      db = await openStore(dialect === "sqlite" ? ":memory:" : await (await (cluster ??= startPostgres())).createDatabase());
      meetingSlug = (await importFromCorpus(db, BUCKS)).meetingSlug;
      emails = await addStaff(db);
      app = createApp({ db, now: () => NOW });
      for (const role of [...ROLES, "clerk2"] as const) {
        const cl = client(app);
        if (role !== "signed-out") assert.equal((await signInAs(cl, emails[role])).status, 303);
        clients.set(role, cl);
      }
      // one key decision per role for each write, and one to be taken in private
      for (const role of ROLES) {
        for (const w of ["E", "W", "T", "U"]) await addKeyDecisionEntry(db, { fields: storeFields({ reference: `KD-${w}-${role}`, decision: `Decision ${w} for ${role}` }), actor, now: NOW, today: TODAY });
        await linkTaken(db, { slug: PLAN(`KD-U-${role}`), version: 1, meeting: meetingSlug, itemNumber: "10", resolutionPosition: 1, actor, now: NOW });
      }
      await addKeyDecisionEntry(db, {
        fields: storeFields({ reference: "KD-P", decision: "Award of the home care contract", details: SECRET_DETAILS, documents: [{ title: "Tender evaluation", url: SECRET_URL }], exempt: { paragraphs: "3", reason: "Commercially sensitive tender prices" }, plannedDate: "2018-05-21" }),
        actor,
        now: NOW,
        today: TODAY,
      });
    });
    after(async () => db?.destroy());

    const versionOf = async (slug: string) => String((await sql<{ version: number }>`SELECT version FROM forward_plan_entries WHERE slug = ${slug}`.execute(db)).rows[0].version);
    const tokenFor = (role: Role | "clerk2") => clients.get(role)!.formToken(role === "signed-out" ? "/sign-in" : "/admin");
    const snapshot = async () => JSON.stringify({ rows: (await sql`SELECT * FROM forward_plan_entries ORDER BY id`.execute(db)).rows, audit: (await readAudit(db)).total });

    test("the workspace pages are for clerks and admins, never cached", async () => {
      for (const path of ["/admin/forward-plan", "/admin/forward-plan/new", `/admin/forward-plan/${PLAN("KD-E-admin")}`, `/admin/forward-plan/${PLAN("KD-W-officer")}/taken`]) {
        const got = await Promise.all(ROLES.map(async (r) => (await clients.get(r)!.get(path)).status));
        assert.deepEqual(got, [200, 200, 403, 403, 302], path);
        assert.equal((await clients.get("clerk")!.get(path)).headers.get("cache-control"), "no-store", path);
      }
      assert.equal((await clients.get("clerk")!.get("/admin/forward-plan/no-such-decision")).status, 404);
    });

    test("every write answers each role as expected; a refused write changes nothing, an allowed one is audited once", async () => {
      const routes: Record<string, (role: Role) => Promise<[string, Record<string, string>]>> = {
        add: async (role) => ["/admin/forward-plan", form({ reference: `KD-A-${role}` })],
        edit: async (role) => [`/admin/forward-plan/${PLAN(`KD-E-${role}`)}`, form({ version: await versionOf(PLAN(`KD-E-${role}`)), reference: `KD-E-${role}`, decision: `Edited by ${role}`, plannedDate: "2018-05-21" })],
        withdraw: async (role) => [`/admin/forward-plan/${PLAN(`KD-W-${role}`)}/withdraw`, { version: await versionOf(PLAN(`KD-W-${role}`)), withdrawReason: `Withdrawn by ${role}` }],
        taken: async (role) => [`/admin/forward-plan/${PLAN(`KD-T-${role}`)}/taken`, { version: await versionOf(PLAN(`KD-T-${role}`)), meeting: meetingSlug, resolution: "10|1" }],
        untake: async (role) => [`/admin/forward-plan/${PLAN(`KD-U-${role}`)}/taken/remove`, { version: await versionOf(PLAN(`KD-U-${role}`)) }],
      };
      for (const [name, request] of Object.entries(routes)) {
        for (const role of ROLES) {
          const [path, body] = await request(role);
          const before = await snapshot();
          const auditBefore = (await readAudit(db)).total;
          const res = await clients.get(role)!.post(path, { csrf: await tokenFor(role), ...body });
          if (role === "admin" || role === "clerk") {
            assert.equal(res.status, 303, `${name} as ${role}: ${res.status} ${res.status !== 303 ? await res.text() : ""}`);
            assert.equal((await readAudit(db)).total, auditBefore + 1, `${name} as ${role} is audited once`);
            const entry = (await readAudit(db, { recordKind: "key_decision", actor: emails[role], limit: 1 })).entries[0];
            assert.equal(entry.action, `key_decision.${name === "add" ? "add" : name === "untake" ? "untaken" : name}`);
          } else {
            assert.equal(res.status, role === "signed-out" ? 303 : 403, `${name} as ${role}`);
            if (role === "signed-out") assert.match(res.headers.get("location") ?? "", /^\/sign-in\?next=%2Fadmin%2Fforward-plan/);
            assert.equal(await snapshot(), before, `${name} refused to ${role} changed nothing`);
          }
        }
      }
      const row = async (ref: string) => (await sql<Record<string, unknown>>`SELECT * FROM forward_plan_entries WHERE slug = ${PLAN(ref)}`.execute(db)).rows[0];
      assert.equal((await row("KD-A-clerk")).first_published, TODAY);
      assert.equal((await row("KD-A-officer")), undefined);
      assert.deepEqual([(await row("KD-E-clerk")).decision, (await row("KD-E-member")).decision], ["Edited by clerk", "Decision E for member"]);
      assert.equal((await row("KD-W-admin")).withdrawn_reason, "Withdrawn by admin");
      assert.equal((await row("KD-W-officer")).withdrawn_on, null);
      assert.deepEqual([(await row("KD-T-clerk")).taken_item_number, (await row("KD-T-officer")).taken_item_number], ["10", null]);
      assert.deepEqual([(await row("KD-U-clerk")).taken_meeting_id, typeof (await row("KD-U-member")).taken_meeting_id], [null, "number"]);
    });

    test("short notice: refused (422) until general exception or special urgency is recorded, then shown publicly with who and why", async () => {
      const cl = clients.get("clerk")!;
      const csrf = await tokenFor("clerk");
      const before = await snapshot();
      const short = await cl.post("/admin/forward-plan", { csrf, ...form({ reference: "KD-S", plannedDate: "2018-03-20" }) });
      assert.equal(short.status, 422);
      const html = await short.text();
      assert.match(html, /<title>Error: Add a key decision/);
      assert.match(html, /href="#exception">Notice is 18 clear days, short of the 28/);
      assert.match(html, /value="KD-S"/, "the form keeps what was typed");
      assert.equal(await snapshot(), before);
      // general exception too soon: 5 clear days after notice on 1 March means 7 March at the earliest
      const soon = await cl.post("/admin/forward-plan", { csrf, ...form({ reference: "KD-S", plannedDate: "2018-03-06", exception: "general_exception", exceptionChair: "Cllr Ann Scrutiny", exceptionOn: "2018-03-01", exceptionReason: "Grant offer arrived late" }) });
      assert.equal(soon.status, 422);
      assert.match(await soon.text(), /2018-03-07 or later, or record special urgency/);
      const ok = await cl.post("/admin/forward-plan", { csrf, ...form({ reference: "KD-S", plannedDate: "2018-03-20", exception: "general_exception", exceptionChair: "Cllr Ann Scrutiny", exceptionOn: "2018-03-01", exceptionReason: "Grant offer arrived late" }) });
      assert.equal(ok.status, 303);
      const page = await (await app.request(`/forward-plan/${PLAN("KD-S")}`)).text();
      assert.match(page, /general exception \(regulation 10/);
      assert.match(page, /Cllr Ann Scrutiny, chair of the relevant overview and scrutiny committee, was informed on 1 March 2018/);
      assert.match(page, /Grant offer arrived late/);
      const urgent = await cl.post("/admin/forward-plan", { csrf, ...form({ reference: "KD-SU", plannedDate: "2018-03-02", exception: "special_urgency", exceptionChair: "Cllr Ann Scrutiny", exceptionOn: "2018-03-01", exceptionReason: "The provider has ceased trading" }) });
      assert.equal(urgent.status, 303);
      const api = await json(app.request(`/api/v1/forward-plan/${PLAN("KD-SU")}`));
      assert.deepEqual([api.exception, api.exceptionRecord.chair, api.notice.status], ["special_urgency", "Cllr Ann Scrutiny", "exception"]);
      assert.match(await (await app.request("/forward-plan")).text(), /Short notice: exception recorded/);
    });

    test("form errors answer 400 with an error summary linked to each field, and change nothing", async () => {
      const cl = clients.get("clerk")!;
      const csrf = await tokenFor("clerk");
      const before = await snapshot();
      const cases: [Record<string, string>, number, RegExp][] = [
        [form({ decision: "" }), 400, /href="#decision">Enter the decision to be taken/],
        [form({ plannedDate: "" }), 400, /href="#plannedDate">Enter the expected date/],
        [form({ documents: "just a title" }), 400, /href="#documents">Give each document as its title then its link/],
        [form({ body: "", decisionMaker: "" }), 422, /href="#decisionMaker">Choose the committee that decides/],
        [form({ plannedDate: "spring" }), 422, /href="#plannedDate">Enter the expected date as a date/],
        [form({ exempt: "yes", exemptParagraphs: "8", exemptReason: "" }), 422, /href="#exemptParagraphs">[\s\S]*href="#exemptReason">/],
      ];
      for (const [body, status, message] of cases) {
        const res = await cl.post("/admin/forward-plan", { csrf, ...body });
        const html = await res.text();
        assert.equal(res.status, status, JSON.stringify(body));
        assert.match(html, /<title>Error: /);
        assert.match(html, message);
      }
      assert.equal(await snapshot(), before);
    });

    test("a full form is read, not refused for its size: long details in any script fit", async () => {
      const res = await clients.get("clerk")!.post("/admin/forward-plan", { csrf: await tokenFor("clerk"), ...form({ reference: "KD-LONG", details: "é".repeat(3900), consultees: "Résidents ".repeat(190) }) });
      assert.equal(res.status, 303);
      assert.equal((await sql<{ n: number }>`SELECT length(details) AS n FROM forward_plan_entries WHERE slug = ${PLAN("KD-LONG")}`.execute(db)).rows[0].n, 3900);
    });

    test("two clerks edit one key decision: the second save is refused with 409 and shows the first clerk's change", async () => {
      const path = `/admin/forward-plan/${PLAN("KD-E-officer")}`;
      const read = async (role: "clerk" | "clerk2") => {
        const html = await (await clients.get(role)!.get(path)).text();
        return { csrf: /name="csrf" value="([^"]+)"/.exec(html)![1], version: /name="version" value="(\d+)"/.exec(html)![1] };
      };
      const a = await read("clerk");
      const b = await read("clerk2");
      assert.equal((await clients.get("clerk")!.post(path, { ...a, ...form({ reference: "KD-E-officer", decision: "First clerk's wording" }) })).status, 303);
      const before = await snapshot();
      const res = await clients.get("clerk2")!.post(path, { ...b, ...form({ reference: "KD-E-officer", decision: "Second clerk's wording" }) });
      assert.equal(res.status, 409);
      const html = await res.text();
      assert.match(html, /<title>Error: /);
      assert.ok(html.includes(emails.clerk), "names who made the other change");
      assert.match(html, /Second clerk&#39;s wording|Second clerk's wording/, "the second clerk's text is kept in the form");
      assert.equal(await snapshot(), before);
    });

    test("the public page filters by decision maker and month; withdrawn decisions are listed apart", async () => {
      await addKeyDecisionEntry(db, { fields: storeFields({ reference: "KD-OFF", body: null, decisionMaker: "Director of Finance", decision: "Treasury management strategy", plannedDate: "2018-06" }), actor, now: NOW, today: TODAY });
      const all = await (await app.request("/forward-plan")).text();
      assert.match(all, /Treasury management strategy/);
      assert.match(all, /<option value="Director of Finance"/);
      assert.match(all, /<option value="2018-06"[^>]*>June 2018/);
      const byMaker = await (await app.request("/forward-plan?maker=Director+of+Finance")).text();
      assert.match(byMaker, /Treasury management strategy/);
      assert.doesNotMatch(byMaker, /Decision E for member/);
      const byMonth = await (await app.request("/forward-plan?month=2018-05")).text();
      assert.match(byMonth, /Award of the home care contract/);
      assert.doesNotMatch(byMonth, /Treasury management strategy/);
      assert.match(all, /id="withdrawn"[\s\S]*Decision W for admin<\/a> – withdrawn on 1 March 2018/);
      assert.equal((await app.request("/forward-plan?month=2018-13")).status, 400);
      const csv = await (await app.request("/forward-plan.csv?maker=Director+of+Finance")).text();
      const lines = csv.trimEnd().split("\r\n");
      assert.equal(lines.length, 2);
      assert.match(lines[1], /^KD-OFF,Treasury management strategy,/);
    });

    test("a decision to be taken in private: every public surface gives the paragraph and the reason, never its details or documents", async () => {
      const surfaces = ["/forward-plan", `/forward-plan/${PLAN("KD-P")}`, "/forward-plan.csv", "/api/v1/forward-plan", `/api/v1/forward-plan/${PLAN("KD-P")}`, "/forward-plan?month=2018-05"];
      for (const path of surfaces) {
        const body = await (await app.request(path)).text();
        assert.ok(body.includes("Award of the home care contract"), `${path} lists the decision`);
        assert.ok(body.includes("Commercially sensitive tender prices"), `${path} gives the reason`);
        assert.ok(!body.includes(SECRET_DETAILS) && !body.includes(SECRET_URL), `${path} leaks exempt details`);
      }
      const api = await json(app.request(`/api/v1/forward-plan/${PLAN("KD-P")}`));
      assert.deepEqual([api.private, api.withheld, api.details, api.documents], [{ reason: "Commercially sensitive tender prices", paragraphs: "3" }, true, null, []]);
      // a clerk entitled to every committee sees them, marked not for publication
      const staff = await (await clients.get("clerk")!.get(`/forward-plan/${PLAN("KD-P")}`)).text();
      assert.ok(staff.includes(SECRET_DETAILS));
      assert.match(staff, /Exempt — not for publication/);
      // a member with no grant does not
      assert.ok(!(await (await clients.get("member")!.get(`/forward-plan/${PLAN("KD-P")}`)).text()).includes(SECRET_DETAILS));
    });

    test("a decision taken links to its meeting and resolution, and the meeting page links back", async () => {
      const slug = PLAN("KD-T-clerk");
      const page = await (await app.request(`/forward-plan/${slug}`)).text();
      assert.ok(page.includes(`href="/meetings/${meetingSlug}"`), "links to the meeting");
      const res = /href="\/meetings\/[^"#]+#(decision-[^"]+)"/.exec(page);
      assert.ok(res, "links to the resolution");
      const meeting = await (await app.request(`/meetings/${meetingSlug}`)).text();
      assert.ok(meeting.includes(`href="/forward-plan/${slug}"`), "the meeting links back");
      assert.ok(meeting.includes(`id="${res[1]}"`), "the resolution's anchor is on the meeting page");
      // suggested from the committee and the date
      const taken = await (await clients.get("clerk")!.get(`/admin/forward-plan/${PLAN("KD-W-officer")}/taken`)).text();
      assert.ok(taken.includes(`/admin/forward-plan/${PLAN("KD-W-officer")}/taken?meeting=${meetingSlug}`), "the Bucks cabinet of 23 April 2018 is suggested");
      const chosen = await (await clients.get("clerk")!.get(`/admin/forward-plan/${PLAN("KD-W-officer")}/taken?meeting=${meetingSlug}`)).text();
      assert.match(chosen, /value="10\|1"/);
      // minutes that are not public are not linked publicly
      await db.updateTable("meetings").set({ minutes_status: "draft" }).where("slug", "=", meetingSlug).execute();
      try {
        assert.ok(!(await (await app.request(`/forward-plan/${slug}`)).text()).includes(`/meetings/${meetingSlug}`));
        assert.equal((await json(app.request(`/api/v1/forward-plan/${slug}`))).taken, null);
      } finally {
        await db.updateTable("meetings").set({ minutes_status: "published" }).where("slug", "=", meetingSlug).execute();
      }
    });

    test("the meeting's API record lists the key decisions taken at it, each linking to its record, which links back; an exempt one sealed", async () => {
      await linkTaken(db, { slug: PLAN("KD-P"), version: 1, meeting: meetingSlug, itemNumber: null, resolutionPosition: null, actor, now: NOW });
      const doc = await json(app.request("/api/v1/openapi.json"));
      const meeting = await json(app.request(`/api/v1/meetings/${meetingSlug}`));
      const listed = meeting.keyDecisions as { id: string; apiUrl: string; url: string; withheld: boolean }[];
      // the earlier write tests linked and unlinked some: those linked now, as the store holds them
      const linked = (await sql<{ slug: string }>`SELECT f.slug FROM forward_plan_entries f JOIN meetings m ON m.id = f.taken_meeting_id WHERE m.slug = ${meetingSlug}`.execute(db)).rows.map((r) => r.slug);
      assert.ok(linked.length >= 4 && linked.includes(PLAN("KD-P")));
      assert.deepEqual(listed.map((d) => d.id).sort(), linked.sort());
      assert.ok(JSON.stringify(doc.components.schemas.MeetingDetail).includes('"keyDecisions":{"type":"array","items":{"$ref":"#/components/schemas/KeyDecisionLink"}'), "MeetingDetail documents keyDecisions");
      const schema = doc.components.schemas.KeyDecisionLink as { required: string[]; properties: Record<string, unknown> };
      for (const d of listed) {
        for (const key of schema.required) assert.ok(key in d, key);
        for (const key of Object.keys(d)) assert.ok(key in schema.properties, `undocumented ${key}`);
        assert.equal(d.url, `/forward-plan/${d.id}`);
        const record = await json(app.request(d.apiUrl));
        assert.equal(record.id, d.id);
        assert.equal(record.taken.meeting.apiUrl, `/api/v1/meetings/${meetingSlug}`, "and back");
      }
      const text = JSON.stringify(meeting);
      assert.ok(!text.includes(SECRET_DETAILS) && !text.includes(SECRET_URL), "the exempt decision's details stay withheld");
      assert.equal(listed.find((d) => d.id === PLAN("KD-P"))!.withheld, true);
      const staff = await json(clients.get("clerk")!.get(`/api/v1/meetings/${meetingSlug}`));
      assert.equal(staff.keyDecisions.find((d: { id: string }) => d.id === PLAN("KD-P")).withheld, false, "an entitled clerk sees it");
    });

    test("the API answers as its OpenAPI description says", async () => {
      const doc = await json(app.request("/api/v1/openapi.json"));
      assert.ok(doc.paths["/api/v1/forward-plan"] && doc.paths["/api/v1/forward-plan/{id}"]);
      const schema = doc.components.schemas.KeyDecision as { required: string[]; properties: Record<string, unknown> };
      const list = await json(app.request("/api/v1/forward-plan?withdrawn=true&limit=500"));
      assert.ok(list.data.length > 5);
      for (const record of list.data) {
        for (const key of schema.required) assert.ok(key in record, key);
        for (const key of Object.keys(record)) assert.ok(key in schema.properties, `undocumented ${key}`);
      }
      const page = await json(app.request("/api/v1/forward-plan?limit=2"));
      assert.equal(page.data.length, 2);
      assert.match(page.next, /offset=2/);
      assert.equal((await app.request("/api/v1/forward-plan/no-such")).status, 404);
    });
  });
}
