// The minutes lifecycle through the app, on SQLite and PostgreSQL: public labels on the meeting
// page, lists, calendar, search and API; draft minutes staying 404; the approval offered from the
// later meeting's real "Adoption of Minutes" item; the approved text kept after a correction, with
// exempt business withheld; and every write route for every role, refused writes changing nothing.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Hono } from "hono";
import { sql } from "kysely";
import { createApp } from "../app.ts";
import { parsedDb, stopPostgres, type TestDb } from "../../../test/support/portal-db.ts";
import { postgresUnavailable } from "../../../test/support/postgres.ts";
import { addRoleUsers, roleClients, type Client, type Who } from "../../../test/support/accounts.ts";
import { importChanged, NEWCASTLE_NOV, NEWCASTLE_OCT, slugOf, STAFFS_EXEMPT, WEST_DEREHAM } from "../../../test/support/lifecycle.ts";
import { readAudit } from "../../store/audit.ts";
import { approveMinutes, recordMinutesCorrection } from "../../store/lifecycle/minutes.ts";
import { reindexMeeting } from "../../store/search.ts";
import { crawl } from "../../../test/support/crawl.ts";

const PG_SKIP = postgresUnavailable();
after(() => stopPostgres());

const DRAFT = "Draft, not yet approved";

for (const dialect of ["sqlite", "postgres"] as const) {
  describe(`minutes lifecycle routes on ${dialect}`, { skip: dialect === "postgres" && PG_SKIP ? PG_SKIP : false }, () => {
    let t: TestDb;
    let app: Hono;
    const as = new Map<Who, Client>();
    let dereham: string;
    let derehamDate: string;
    let oct: string;
    let nov: string;
    const at = new Date("2026-03-02T09:00:00Z");

    before(async () => {
      t = await parsedDb([NEWCASTLE_OCT, NEWCASTLE_NOV, WEST_DEREHAM], dialect);
      await addRoleUsers(t.db, at);
      app = createApp({ db: t.db, now: () => at });
      for (const [who, cl] of await roleClients(app)) as.set(who, cl);
      oct = (await slugOf(t.db, "2016-10-05")).slug;
      nov = (await slugOf(t.db, "2016-11-09")).slug;
      ({ slug: dereham, date: derehamDate } = await t.db.selectFrom("meetings").where("slug", "like", "%dereham%").select(["slug", "date"]).executeTakeFirstOrThrow());
    });
    after(() => t?.close());

    const get = async (path: string, status = 200) => {
      const res = await app.request(path);
      assert.equal(res.status, status, path);
      return res.headers.get("content-type")?.includes("json") ? res.json() : res.text();
    };
    const status = async (slug: string) => (await t.db.selectFrom("meetings").where("slug", "=", slug).select(["minutes_status", "minutes_draft"]).executeTakeFirstOrThrow());
    const auditCount = async () => (await readAudit(t.db, { recordKind: "meeting", limit: 1000 })).total;
    /** Posts a form from the page's own token (signed out: the sign-in page's). */
    async function post(who: Who, path: string, form: Record<string, string>) {
      const cl = as.get(who)!;
      const csrf = await cl.formToken(who === "signed out" || who === "officer" || who === "member" ? "/sign-in" : "/admin");
      return cl.post(path, { csrf, ...form });
    }

    test("public labels: a published draft is labelled on its page, the committee page, the calendar, home, search and the API", async () => {
      const page = (await get(`/meetings/${dereham}`)) as string;
      assert.match(page, new RegExp(DRAFT));
      assert.match(page, /a draft until a later meeting agrees them/);
      const body = dereham.replace(/-\d{4}-\d{2}-\d{2}.*$/, "");
      assert.match((await get(`/committees/${body}`)) as string, new RegExp(DRAFT));
      assert.match((await get(`/calendar/2016-10`)) as string, new RegExp(`West Dereham[\\s\\S]*?${DRAFT}`));
      const search = (await get(`/search?q=Dereham`)) as string;
      assert.match(search, new RegExp(DRAFT));
      const api = (await get(`/api/v1/meetings/${dereham}`)) as any;
      assert.equal(api.minutesStatus, "published");
      assert.equal(api.minutesDraft, true);
      assert.equal(api.minutesApproval, null);
      const list = (await get(`/api/v1/meetings?limit=10`)) as any;
      assert.deepEqual(Object.fromEntries(list.data.map((m: any) => [m.date, m.minutesDraft])), { "2016-11-09": false, "2016-10-05": false, [derehamDate]: true });
      const hits = (await get(`/api/v1/search?q=Dereham`)) as any;
      assert.ok(hits.data.some((h: any) => h.meeting?.minutesDraft === true));
      // minutes with no draft marking are the final record: no draft label anywhere on the page
      const final = (await get(`/meetings/${oct}`)) as string;
      assert.doesNotMatch(final, new RegExp(DRAFT));
      assert.match(final, /<dt class="govuk-summary-list__key">Minutes<\/dt>\s*<dd class="govuk-summary-list__value">Published<\/dd>/);
    });

    test("home lists the published draft with its label", async () => {
      const home = (await get("/")) as string;
      if (home.includes("West Dereham")) assert.match(home, new RegExp(`West Dereham[\\s\\S]*?${DRAFT}`));
      else assert.fail("home lists recent meetings, including West Dereham");
    });

    test("the clerk's page offers the November meeting's Adoption of Minutes item, and /admin lists it", async () => {
      const page = await (await as.get("clerk")!.get(`/admin/meetings/${oct}/minutes`)).text();
      assert.match(page, new RegExp(`value="${nov}#1"[^>]*checked`));
      assert.match(page, /Item 1, Adoption of Minutes: Municipal District of Newcastle West, Wednesday 9 November 2016/);
      assert.match(page, /Found because the item names this meeting&#39;s date/);
      const dash = await (await as.get("clerk")!.get(`/admin`)).text();
      assert.match(dash, new RegExp(`href="/admin/meetings/${oct}/minutes">Municipal District of Newcastle West, 5 October 2016</a>: item 1 \\(Adoption of Minutes\\)`));
      // an officer's dashboard has no minutes panel
      assert.doesNotMatch(await (await as.get("officer")!.get(`/admin`)).text(), /approval-suggestions/);
    });

    test("role matrix: the minutes page", async () => {
      const expected: Record<Who, number> = { admin: 200, clerk: 200, officer: 403, member: 403, "signed out": 302 };
      for (const [who, code] of Object.entries(expected) as [Who, number][]) {
        const res = await as.get(who)!.get(`/admin/meetings/${oct}/minutes`);
        assert.equal(res.status, code, who);
        assert.equal(res.headers.get("cache-control"), "no-store", who);
        if (who === "signed out") assert.match(res.headers.get("location") ?? "", /^\/sign-in\?next=/);
      }
    });

    test("role matrix: publishing a draft; refused writes change nothing", async () => {
      const toDraft = async () => {
        await t.db.updateTable("meetings").set({ minutes_status: "draft", minutes_draft: 0 }).where("slug", "=", dereham).execute();
        await reindexMeeting(t.db, (await slugOf(t.db, derehamDate)).id);
      };
      await toDraft();
      // draft minutes stay 404 for the public, page and API
      await get(`/meetings/${dereham}`, 404);
      await get(`/api/v1/meetings/${dereham}`, 404);
      const path = `/admin/meetings/${dereham}/minutes/publish`;
      for (const who of ["signed out", "member", "officer"] as const) {
        const before = await auditCount();
        const res = await post(who, path, {});
        assert.equal(res.status, who === "signed out" ? 303 : 403, who);
        if (who === "signed out") assert.match(res.headers.get("location") ?? "", /^\/sign-in/);
        assert.equal((await status(dereham)).minutes_status, "draft", who);
        assert.equal(await auditCount(), before, who);
      }
      for (const who of ["clerk", "admin"] as const) {
        const before = await auditCount();
        const res = await post(who, path, {});
        assert.equal(res.status, 303, who);
        assert.equal(res.headers.get("location"), `/admin/meetings/${dereham}/minutes`);
        assert.deepEqual({ ...(await status(dereham)), minutes_draft: Number((await status(dereham)).minutes_draft) }, { minutes_status: "published", minutes_draft: 1 });
        assert.equal(await auditCount(), before + 1, who);
        assert.equal((await readAudit(t.db, { recordKind: "meeting", recordId: dereham })).entries.filter((e) => !e.action.startsWith("import."))[0].actorLabel, `${who}@council.gov.uk`);
        assert.match((await get(`/meetings/${dereham}`)) as string, new RegExp(DRAFT));
        if (who === "clerk") {
          // publishing again is a conflict, shown on the page
          const again = await post(who, path, {});
          assert.equal(again.status, 409);
          const html = await again.text();
          assert.match(html, /<title>Error: Minutes/);
          assert.match(html, /already published/);
          await toDraft();
        }
      }
    });

    test("approving: form errors, then the role matrix; refused writes change nothing", async () => {
      const path = `/admin/meetings/${oct}/minutes/approve`;
      const errorsFor = async (form: Record<string, string>, code: number, message: RegExp) => {
        const before = await auditCount();
        const res = await post("clerk", path, form);
        assert.equal(res.status, code, JSON.stringify(form));
        const html = await res.text();
        assert.match(html, /<title>Error: Minutes/);
        assert.match(html, /govuk-error-summary/);
        assert.match(html, message);
        assert.doesNotMatch(html, /at .*\.ts:\d+/, "no stack trace");
        assert.equal((await status(oct)).minutes_status, "published");
        assert.equal(await auditCount(), before);
      };
      await errorsFor({}, 400, /Choose where these minutes were agreed/);
      await errorsFor({ approval: "other" }, 400, /Choose the later meeting that agreed these minutes/);
      await errorsFor({ approval: "other", approvedAt: nov, item: "99" }, 422, /The approving meeting has no item 99/);
      await errorsFor({ approval: "other", approvedAt: oct }, 422, /must be a later meeting/);

      for (const who of ["signed out", "member", "officer"] as const) {
        const before = await auditCount();
        const res = await post(who, path, { approval: `${nov}#1` });
        assert.equal(res.status, who === "signed out" ? 303 : 403, who);
        assert.equal((await status(oct)).minutes_status, "published", who);
        assert.equal(await sql<{ n: number }>`SELECT count(*) AS n FROM minutes_approvals`.execute(t.db).then((r) => Number(r.rows[0].n)), 0, who);
        assert.equal(await auditCount(), before, who);
      }
      for (const who of ["admin", "clerk"] as const) {
        const res = await post(who, path, { approval: `${nov}#1` });
        assert.equal(res.status, 303, who);
        assert.equal((await status(oct)).minutes_status, "approved", who);
        if (who === "admin") {
          // undone by hand so the clerk can approve too
          await sql`DELETE FROM minutes_approvals`.execute(t.db);
          await t.db.updateTable("meetings").set({ minutes_status: "published" }).where("slug", "=", oct).execute();
        }
      }
      // approving approved minutes again is a conflict, shown on the page; the approval stays as it was
      const before = await auditCount();
      const again = await post("clerk", path, { approval: `${nov}#1` });
      assert.equal(again.status, 409);
      const html = await again.text();
      assert.match(html, /<title>Error: Minutes/);
      assert.match(html, /href="#minutes-status">These minutes are already approved/);
      assert.equal(await auditCount(), before);
      assert.equal(await sql<{ n: number }>`SELECT count(*) AS n FROM minutes_approvals`.execute(t.db).then((r) => Number(r.rows[0].n)), 1);
    });

    test("approved minutes: the meeting page, lists and API say where and when; after a correction the approved text stays retrievable", async () => {
      const page = (await get(`/meetings/${oct}`)) as string;
      assert.match(page, new RegExp(`Approved as a correct record at\\s*<a class="govuk-link" href="/meetings/${nov}">the Municipal District of Newcastle West meeting of Wednesday 9 November 2016</a> \\(item 1, Adoption of Minutes\\) on 9 November 2016`));
      assert.match(page, new RegExp(`href="/meetings/${oct}/minutes/approved"`));
      const api = (await get(`/api/v1/meetings/${oct}`)) as any;
      assert.equal(api.minutesStatus, "approved");
      assert.equal(api.minutesApprovedOn, "2016-11-09");
      assert.deepEqual(api.minutesApproval, { approvedOn: "2016-11-09", meeting: { id: nov, date: "2016-11-09", url: `/meetings/${nov}` }, item: { number: "1", title: "Adoption of Minutes" }, approvedVersionUrl: `/meetings/${oct}/minutes/approved` });

      await importChanged(t.db, NEWCASTLE_OCT, (text) => text.replace("Templegreen", "Temple Green"));
      await recordMinutesCorrection(t.db, { slug: oct, correctedOn: "2016-11-20", reason: "The estate's name was misspelt." }, { userId: null, label: "cli" }, at);
      const after = (await get(`/meetings/${oct}`)) as string;
      assert.match(after, /Corrected on 20 November 2016: The estate&#39;s name was misspelt\./);
      assert.match(after, /Temple Green/);
      const approved = (await get(`/meetings/${oct}/minutes/approved`)) as string;
      assert.match(approved, /Templegreen/);
      assert.doesNotMatch(approved, /Temple Green/);
      assert.match(approved, /Corrected on 20 November 2016/);
      const api2 = (await get(`/api/v1/meetings/${oct}`)) as any;
      assert.equal(api2.minutesCorrectedOn, "2016-11-20");
      assert.deepEqual(api2.minutesCorrections, [{ date: "2016-11-20", reason: "The estate's name was misspelt." }]);
      assert.match((await get(`/calendar/2016-10`)) as string, /Approved, corrected 20 November 2016/);
      // minutes not approved have no approved version
      await get(`/meetings/${nov}/minutes/approved`, 404);
    });

    test("the approved version withholds exempt items from the public", async () => {
      await importChanged(t.db, STAFFS_EXEMPT, (x) => x);
      await importChanged(t.db, STAFFS_EXEMPT, (x) => x.replace("12 December 2016", "16 January 2017"));
      const staffs = await slugOf(t.db, "2016-12-12");
      const later = await slugOf(t.db, "2017-01-16");
      await approveMinutes(t.db, { slug: staffs.slug, approvingSlug: later.slug, itemNumber: "29" }, { userId: null, label: "cli" }, at);
      const html = (await get(`/meetings/${staffs.slug}/minutes/approved`)) as string;
      assert.match(html, /Modern Slavery/);
      assert.match(html, /Exempt under paragraphs 1 &amp; 7/);
      assert.doesNotMatch(html, /Wolstanton/);
      // a signed-out crawl from the approved meeting, its approved version and its API record finds none of it
      const visits = await crawl(app, [`/meetings/${staffs.slug}`, `/meetings/${staffs.slug}/minutes/approved`, `/api/v1/meetings/${staffs.slug}`, `/api/v1/meetings/${later.slug}`], {
        follow: (u) => !u.startsWith("/calendar") && !u.startsWith("/assets") && !u.startsWith("/sign-in"),
        max: 400,
      });
      assert.ok([...visits.keys()].includes(`/meetings/${staffs.slug}/minutes/approved`));
      assert.deepEqual([...visits.values()].filter((v) => /Wolstanton/.test(v.body)).map((v) => v.url), []);
      // the snapshot itself keeps the exempt item whole, for officers
      const snap = await sql<{ s: string }>`SELECT snapshot_json AS s FROM minutes_approvals WHERE meeting_id = ${staffs.id}`.execute(t.db);
      assert.match(snap.rows[0].s, /Wolstanton/);
    });
  });
}
