// The correction routes on SQLite and PostgreSQL: who may read and write them (every write route,
// every role, signed out; a refused write changes nothing), the forms' checks, two clerks editing
// one meeting, conflicts after a re-import, and approved minutes needing a reason.
import { it } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import type { Hono } from "hono";
import { sql } from "kysely";
import { createApp } from "../app.ts";
import { readDocument } from "../../ingest/read.ts";
import { parseMinutes } from "../../parse/minutes.ts";
import type { ParsedMinutes } from "../../domain/minutes.ts";
import { eachStore } from "../../store/scrutiny/test-stores.ts";
import { importMinutes } from "../../store/import.ts";
import type { Db } from "../../store/db.ts";
import { addUser, setPasswordHash } from "../../store/accounts/users.ts";
import { hashPassword } from "../auth/password.ts";
import { client, PASSWORD, signInAs, type Client } from "../../../test/support/accounts.ts";
import { listCorrections } from "../../store/corrections/corrections.ts";

const FIXTURE = fileURLToPath(new URL("../../../test/fixtures/exempt/staffs-2016-12-12-v2-item-35-exempt.txt", import.meta.url));
const SLUG = "safe-and-strong-communities-select-committee-2016-12-12";
const BASE = `/admin/meetings/${SLUG}/correct`;
const ROLES = ["admin", "clerk", "officer", "member"] as const;

async function importFixture(db: Db, change?: (r: ParsedMinutes) => void, parserVersion = "1") {
  const source = await readDocument(FIXTURE);
  const record = parseMinutes(source);
  change?.(record);
  return importMinutes(db, { source, record, parserVersion });
}

async function setUp(db: Db) {
  const result = await importFixture(db);
  const at = new Date("2026-03-02T09:00:00Z");
  const hash = await hashPassword(PASSWORD);
  for (const [email, role] of [["admin@council.gov.uk", "admin"], ["clerk@council.gov.uk", "clerk"], ["clerk2@council.gov.uk", "clerk"], ["officer@council.gov.uk", "officer"], ["member@council.gov.uk", "member"]] as const) {
    const u = await addUser(db, { email, role, displayName: email.split("@")[0] }, at);
    await setPasswordHash(db, u.id, hash, at);
  }
  return result;
}

async function as(app: Hono, role: string | null): Promise<Client> {
  const cl = client(app);
  if (role) assert.equal((await signInAs(cl, `${role}@council.gov.uk`)).status, 303);
  return cl;
}

/** What a refused write must leave alone. */
async function snapshot(db: Db) {
  const meeting = await db.selectFrom("meetings").where("slug", "=", SLUG).select(["version", "venue"]).executeTakeFirstOrThrow();
  const audit = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM audit_log WHERE action <> 'user.sign_in'`.execute(db);
  const corrections = await listCorrections(db, SLUG);
  const attendance = await db.selectFrom("attendance").innerJoin("meetings", "meetings.id", "attendance.meeting_id").where("meetings.slug", "=", SLUG).select(["attendance.role", "attendance.status", "attendance.kind"]).orderBy("attendance.position").execute();
  return JSON.stringify({ meeting, audit: Number(audit.rows[0].n), corrections, attendance });
}

async function version(db: Db) {
  return String((await db.selectFrom("meetings").where("slug", "=", SLUG).select("version").executeTakeFirstOrThrow()).version);
}

const WRITES: { path: string; form: Record<string, string> }[] = [
  { path: "/header", form: { date: "2016-12-12", startTime: "10:00", endTime: "", venue: "County Buildings, Stafford", status: "held" } },
  { path: "/attendance/2", form: { status: "present", kind: "member", role: "Vice-Chairman", substituteFor: "", person: "auto" } },
  { path: "/items/2", form: { number: "30", title: "Modern Slavery Partnership", exempt: "no", exemptParagraphs: "" } },
  { path: "/items/2/decisions/0", form: { text: "That the progress made be noted.", outcome: "deferred", votesFor: "7", votesAgainst: "2", votesAbstain: "" } },
  { path: "/declarations/0", form: { name: "Mike Davies", item: "31", interest: "pecuniary", description: "as a foster carer" } },
  { path: "/recommendations/0", form: { number: "1", text: "That the plan be adopted.", response: "yes", responseText: "", responsibleMember: "", responsibleOfficer: "", actionBy: "2017-06" } },
];

eachStore("correction routes", (store) => {
  it("role matrix: only admins and clerks read the correction pages; the signed-out are sent to sign in", async () => {
    const db = await store.open();
    await setUp(db);
    const app = createApp({ db });
    const pages = ["/admin/meetings", ...["", "/header", "/attendance/0", "/items/7", "/items/2/decisions/0", "/declarations/1", "/recommendations/1"].map((p) => BASE + p)];
    for (const role of [...ROLES, null]) {
      const cl = await as(app, role);
      for (const p of pages) {
        const res = await cl.get(p);
        const expected = role === "admin" || role === "clerk" ? 200 : role === null ? 302 : 403;
        assert.equal(res.status, expected, `${role ?? "signed out"} GET ${p}`);
        if (expected === 302) assert.match(res.headers.get("location")!, /^\/sign-in\?next=/);
        if (expected === 200) assert.equal(res.headers.get("cache-control"), "no-store");
        if (expected === 200 && p === "/admin/meetings") assert.match(await res.text(), new RegExp(`href="${BASE}"`));
      }
    }
  });

  it("role matrix: every write route answers admin and clerk, refuses officer, member and the signed-out, and a refused write changes nothing", async () => {
    const db = await store.open();
    await setUp(db);
    const app = createApp({ db });
    for (const w of WRITES) {
      for (const role of ["officer", "member", null, "admin", "clerk"] as const) {
        const cl = await as(app, role);
        const before = await snapshot(db);
        const csrf = await cl.formToken("/sign-in");
        const res = await cl.post(BASE + w.path, { ...w.form, csrf, version: await version(db), reason: `by ${role}` });
        if (role === "admin" || role === "clerk") {
          assert.equal(res.status, 303, `${role} POST ${w.path}`);
          assert.equal(res.headers.get("location"), `${BASE}?saved=1`);
          continue;
        }
        assert.equal(res.status, role === null ? 302 : 403, `${role ?? "signed out"} POST ${w.path}`);
        assert.equal(await snapshot(db), before, `${role ?? "signed out"} POST ${w.path} changed nothing`);
      }
    }
    // each form's save reached the stored meeting
    const m = await db.selectFrom("meetings").where("slug", "=", SLUG).select(["venue", "start_time", "id"]).executeTakeFirstOrThrow();
    assert.deepEqual([m.venue, m.start_time], ["County Buildings, Stafford", "10:00"]);
    const res = await db.selectFrom("resolutions").innerJoin("items", "items.id", "resolutions.item_id").where("items.meeting_id", "=", m.id).where("items.number", "=", "30").select(["outcome", "votes_for", "votes_against", "votes_abstain", "items.title"]).executeTakeFirstOrThrow();
    assert.deepEqual(res, { outcome: "deferred", votes_for: 7, votes_against: 2, votes_abstain: null, title: "Modern Slavery Partnership" });
    const dec = await db.selectFrom("declarations").where("meeting_id", "=", m.id).where("position", "=", 0).select("interest").executeTakeFirstOrThrow();
    assert.equal(dec.interest, "pecuniary");
    const rec = await db.selectFrom("recommendations").where("meeting_id", "=", m.id).where("position", "=", 0).select(["response", "action_by"]).executeTakeFirstOrThrow();
    assert.deepEqual(rec, { response: "yes", action_by: "2017-06" });
    // the second save of each form (by the clerk, after the admin's) changed nothing further, so wrote no correction entry
    const audit = await sql<{ action: string; actor_label: string }>`SELECT action, actor_label FROM audit_log WHERE record_kind = 'meeting' AND action NOT LIKE 'import.%' ORDER BY id`.execute(db);
    assert.deepEqual(audit.rows.map((r) => r.actor_label), WRITES.map(() => "admin@council.gov.uk"));
  });

  it("role matrix: settling a conflict is for admins and clerks only", async () => {
    const db = await store.open();
    await setUp(db);
    const app = createApp({ db });
    const admin = await as(app, "admin");
    let csrf = await admin.formToken("/sign-in");
    await admin.post(BASE + "/attendance/2", { ...WRITES[1].form, csrf, version: "1" });
    await admin.post(BASE + "/attendance/3", { status: "present", kind: "member", role: "Observer", substituteFor: "", person: "auto", csrf, version: "2" });
    await importFixture(db, (r) => ((r.attendance[2].role = "Chair"), (r.attendance[3].role = "Deputy")), "2");
    const conflicts = (await listCorrections(db, SLUG)).filter((c) => c.state === "conflict");
    assert.equal(conflicts.length, 2);
    for (const role of ["officer", "member", null] as const) {
      const cl = await as(app, role);
      const before = await snapshot(db);
      const res = await cl.post(`${BASE}/conflicts/${conflicts[0].id}`, { csrf: await cl.formToken("/sign-in"), version: await version(db), choice: "take" });
      assert.equal(res.status, role === null ? 302 : 403);
      assert.equal(await snapshot(db), before);
    }
    const overview = await (await admin.get(BASE)).text();
    assert.ok(overview.indexOf("Corrections to check (2)") < overview.indexOf("Meeting details"), "conflicts come first");
    assert.match(overview, /Chair<\/td>/);
    for (const [role, conflict, choice] of [["admin", conflicts[0], "keep"], ["clerk", conflicts[1], "take"]] as const) {
      const cl = await as(app, role);
      csrf = await cl.formToken("/sign-in");
      const res = await cl.post(`${BASE}/conflicts/${conflict.id}`, { csrf, version: await version(db), choice });
      assert.equal(res.status, 303);
    }
    assert.deepEqual((await listCorrections(db, SLUG)).map((c) => c.state).sort(), ["active", "superseded"]);
    const actions = await sql<{ action: string }>`SELECT action FROM audit_log WHERE action LIKE 'correction.%' ORDER BY id`.execute(db);
    assert.deepEqual(actions.rows.map((r) => r.action), ["correction.conflict", "correction.conflict", "correction.keep", "correction.take_parsed"]);
  });

  it("two clerks edit one meeting: the second is refused with 409 and sees the first's change", async () => {
    const db = await store.open();
    await setUp(db);
    const app = createApp({ db });
    const first = await as(app, "clerk");
    const second = await as(app, "clerk2");
    const formA = await (await first.get(BASE + "/header")).text();
    const formB = await (await second.get(BASE + "/header")).text();
    const versionOf = (html: string) => /name="version" value="(\d+)"/.exec(html)![1];
    const tokenOf = (html: string) => /name="csrf" value="([^"]+)"/.exec(html)![1];
    const saved = await second.post(BASE + "/header", { ...WRITES[0].form, venue: "Oak Room, County Buildings", csrf: tokenOf(formB), version: versionOf(formB) });
    assert.equal(saved.status, 303);
    const refused = await first.post(BASE + "/header", { ...WRITES[0].form, venue: "Council Chamber", csrf: tokenOf(formA), version: versionOf(formA) });
    assert.equal(refused.status, 409);
    const html = await refused.text();
    assert.match(html, /<title>Error: /);
    assert.match(html, /Someone else changed this meeting after you opened this form\. Your change was not saved\./);
    assert.match(html, /clerk2@council\.gov\.uk/);
    assert.match(html, /Oak Room, County Buildings/);
    assert.equal(versionOf(html), "2");
    const m = await db.selectFrom("meetings").where("slug", "=", SLUG).select(["venue", "version"]).executeTakeFirstOrThrow();
    assert.deepEqual(m, { venue: "Oak Room, County Buildings", version: 2 });
    const refusal = await sql<{ actor_label: string; before_json: string; after_json: string }>`SELECT actor_label, before_json, after_json FROM audit_log WHERE action = 'meeting.correct_refused'`.execute(db);
    assert.deepEqual(refusal.rows.map((r) => [r.actor_label, JSON.parse(r.before_json), JSON.parse(r.after_json).attempted.venue]), [["clerk@council.gov.uk", { version: 1 }, "Council Chamber"]]);
  });

  it("a form with mistakes is shown again with an error summary and changes nothing", async () => {
    const db = await store.open();
    await setUp(db);
    const app = createApp({ db });
    const cl = await as(app, "clerk");
    const before = await snapshot(db);
    const csrf = await cl.formToken("/sign-in");
    const res = await cl.post(BASE + "/header", { ...WRITES[0].form, date: "12/12/2016", startTime: "25:00", status: "adjourned", csrf, version: "1" });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /<title>Error: Correct the meeting details/);
    assert.match(html, /href="#date">Date must be a date like 2024-03-12/);
    assert.match(html, /href="#startTime">Start time must be a 24-hour time/);
    assert.match(html, /href="#status">Choose the meeting status from the list/);
    assert.match(html, /value="12\/12\/2016"/);
    const badVotes = await cl.post(BASE + "/items/2/decisions/0", { ...WRITES[3].form, votesFor: "seven", outcome: "won", csrf, version: "1" });
    assert.equal(badVotes.status, 422);
    assert.equal(await snapshot(db), before);
    // a missing version is a bad request, not a silent overwrite
    assert.equal((await cl.post(BASE + "/header", { ...WRITES[0].form, csrf })).status, 400);
    assert.equal((await cl.get(BASE + "/attendance/999")).status, 404);
    // an oversized form is refused before it is read
    assert.equal((await cl.post(BASE + "/items/2/decisions/0", { ...WRITES[3].form, text: "x".repeat(200_000), csrf, version: "1" })).status, 413);
    assert.equal(await snapshot(db), before);
    assert.equal((await cl.get("/admin/meetings/no-such-meeting/correct")).status, 404);
  });

  it("draft minutes can be corrected; approved minutes need a reason", async () => {
    const db = await store.open();
    await setUp(db);
    const app = createApp({ db });
    const cl = await as(app, "clerk");
    const csrf = await cl.formToken("/sign-in");
    await db.updateTable("meetings").set({ minutes_status: "draft" }).execute();
    assert.equal((await cl.post(BASE + "/attendance/2", { ...WRITES[1].form, csrf, version: "1" })).status, 303);
    await db.updateTable("meetings").set({ minutes_status: "approved" }).execute();
    const before = await snapshot(db);
    const res = await cl.post(BASE + "/items/2", { ...WRITES[2].form, csrf, version: "2", reason: "  " });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /href="#reason">Enter the reason for correcting approved minutes/);
    assert.equal(await snapshot(db), before);
    assert.equal((await cl.post(BASE + "/items/2", { ...WRITES[2].form, csrf, version: "2", reason: "Title misread" })).status, 303);
    const [c] = await listCorrections(db, SLUG);
    assert.deepEqual([c.path, c.reason], ["items/2/title", "Title misread"]);
  });
});
