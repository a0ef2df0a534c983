// Taking the minutes through the app, on SQLite and PostgreSQL: who may open and save the sheet,
// saves kept and numbered with a stale one refused, "Save as draft minutes" storing draft minutes
// that the lifecycle then publishes, audit entries, and the public minutes documents.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import type { Hono } from "hono";
import { createApp } from "../app.ts";
import type { Db } from "../../store/db.ts";
import { addUser, setPasswordHash } from "../../store/accounts/users.ts";
import { hashPassword } from "../auth/password.ts";
import { readAudit } from "../../store/audit.ts";
import { docxText } from "../../ingest/docx.ts";
import { eachStore } from "../../store/scrutiny/test-stores.ts";
import { client, PASSWORD, signInAs, type Client } from "../../../test/support/accounts.ts";
import { NORTHSHIRE, scheduledMeeting } from "../../../test/support/meetings.ts";
import { sheetForm } from "../../../test/support/take-minutes.ts";

const at = new Date("2026-03-10T12:00:00Z");

eachStore("taking the minutes", (store) => {
  let db: Db;
  let app: Hono;
  let slug: string;
  const page = () => `/admin/meetings/${slug}/take-minutes`;

  before(async () => {
    db = await store.open();
    const hash = await hashPassword(PASSWORD);
    for (const [email, role] of [["admin@council.gov.uk", "admin"], ["clerk@council.gov.uk", "clerk"], ["officer@council.gov.uk", "officer"], ["member@council.gov.uk", "member"]] as const) {
      const u = await addUser(db, { email, role, displayName: role }, at);
      await setPasswordHash(db, u.id, hash, at);
    }
    slug = (await scheduledMeeting(db, NORTHSHIRE)).slug;
    app = createApp({ db, now: () => at });
  });

  async function as(email: string | null): Promise<Client> {
    const c = client(app);
    if (email) await signInAs(c, email);
    return c;
  }

  const formOf = (c: Client, change: Record<string, string> = {}) => sheetForm(c, page(), change);

  test("only clerks and admins open the sheet: officers and members are refused, the signed out sent to sign in", async () => {
    for (const [who, status] of [["admin@council.gov.uk", 200], ["clerk@council.gov.uk", 200], ["officer@council.gov.uk", 403], ["member@council.gov.uk", 403], [null, 302]] as const) {
      const res = await (await as(who)).get(page());
      assert.equal(res.status, status, `${who}`);
      if (status === 302) assert.match(res.headers.get("location") ?? "", /^\/sign-in\?next=/);
      if (status === 200) assert.equal(res.headers.get("cache-control"), "no-store");
    }
  });

  test("the sheet starts from the committee's members and three opening items", async () => {
    const html = await (await (await as("clerk@council.gov.uk")).get(page())).text();
    for (const m of NORTHSHIRE.members) assert.match(html, new RegExp(`value="${m.name}"`));
    assert.match(html, /value="Apologies for absence"/);
    assert.match(html, /Take the minutes: Growth and Communities Cabinet Committee/);
    // the workspace offers the sheet of a meeting held with no minutes yet
    const admin = await (await (await as("clerk@council.gov.uk")).get("/admin")).text();
    assert.match(admin, new RegExp(`id="minutes-to-take"[\\s\\S]*href="/admin/meetings/${slug}/take-minutes"`));
  });

  test("a save is kept and numbered; a save made from an older number is refused and changes nothing", async () => {
    const clerk = await as("clerk@council.gov.uk");
    const first = await formOf(clerk, { "att-0-status": "present", "item-2-text": "The minutes were read." });
    const res = await clerk.post(page(), { ...first, action: "save" });
    assert.equal(res.status, 303);
    assert.match(res.headers.get("location") ?? "", /take-minutes\?saved=1$/);
    const after1 = await formOf(clerk);
    assert.equal(after1.version, "1");
    assert.equal(after1["item-2-text"], "The minutes were read.");
    // a second tab still holding save 0
    const stale = await clerk.post(page(), { ...first, "item-2-text": "Overwritten?", action: "save" });
    assert.equal(stale.status, 409);
    const html = await stale.text();
    assert.match(html, /<title>Error: /);
    assert.match(html, /saved elsewhere/);
    assert.equal((await formOf(clerk))["item-2-text"], "The minutes were read.");
    // in the background (JSON), the same rule
    const json = await clerk.post(page(), { ...after1, "item-2-text": "Read and agreed.", action: "save" }, { accept: "application/json" });
    assert.equal(json.status, 200);
    assert.deepEqual(await json.json(), { version: 2 });
    const staleJson = await clerk.post(page(), { ...after1, action: "save" }, { accept: "application/json" });
    assert.equal(staleJson.status, 409);
    const saves = await readAudit(db, { recordId: slug });
    assert.deepEqual(saves.entries.map((e) => e.action), ["minutes.take.save", "minutes.take.save"]);
  });

  test("a save by an officer, a member or the signed out is refused and changes nothing; an administrator's is kept", async () => {
    const clerk = await as("clerk@council.gov.uk");
    const form = await formOf(clerk, { "item-2-text": "Changed by someone without rights" });
    for (const who of ["officer@council.gov.uk", "member@council.gov.uk", null]) {
      const c = await as(who);
      const csrf = who ? await c.formToken("/account") : await c.formToken("/sign-in");
      const res = await c.post(page(), { ...form, csrf, action: "save" });
      assert.ok(res.status === 403 || res.status === 303, `${who}: ${res.status}`);
      if (res.status === 303) assert.match(res.headers.get("location") ?? "", /^\/sign-in/);
    }
    assert.equal((await formOf(clerk))["item-2-text"], "Read and agreed.");
    // an administrator may save
    const admin = await as("admin@council.gov.uk");
    assert.equal((await admin.post(page(), { ...(await formOf(admin)), action: "save" })).status, 303);
    assert.equal((await formOf(clerk)).version, "3");
  });

  test("a bad closing time or tally is shown with an error summary, and nothing is saved", async () => {
    const clerk = await as("clerk@council.gov.uk");
    const form = await formOf(clerk, { endTime: "late", "item-1-for": "many" });
    const res = await clerk.post(page(), { ...form, action: "save" });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /<title>Error: /);
    assert.match(html, /href="#endTime"/);
    assert.match(html, /href="#item-1-for"/);
    assert.equal((await formOf(clerk)).version, "3");
  });

  test("Save as draft minutes stores draft minutes (not public); the lifecycle publishes them", async () => {
    const clerk = await as("clerk@council.gov.uk");
    const form = await formOf(clerk, {
      "att-0-status": "present",
      "att-1-status": "present",
      "att-2-status": "present",
      "att-3-status": "present",
      "att-4-status": "apologies",
      "att-5-name": "Cllr Jo Rowe",
      "att-5-status": "present",
      "att-5-sub": "Cllr Kay Quill",
      "item-1-decl-0-name": "Cllr Dan Brook",
      "item-1-decl-0-kind": "personal",
      "item-1-decl-0-desc": "as a member of the Film Society",
      "item-2-names-for": "Cllr Tom Carrow, Cllr Lucy Eden, Cllr Mark Abel, Cllr Jo Rowe",
      "item-2-names-abstain": "Cllr Dan Brook",
      "item-2-resolution": "That the minutes of the meeting held on 10 February 2026 be approved as a correct record.",
      "item-2-for": "4",
      "item-2-against": "0",
      "item-2-abstain": "1",
      endTime: "11:45",
      "item-0-exempt": "yes",
      "item-0-paragraphs": "3",
      "item-0-text": "The confidential valuation of the depot was discussed.",
      "item-0-resolution": "That the depot be sold to the preferred bidder.",
    });
    const res = await clerk.post(page(), { ...form, action: "draft" });
    assert.equal(res.status, 303, await res.clone().text());
    assert.equal(res.headers.get("location"), `/admin/meetings/${slug}/minutes`);
    const m = await db.selectFrom("meetings").where("slug", "=", slug).select(["id", "minutes_status", "source_document_id", "end_time"]).executeTakeFirstOrThrow();
    assert.equal(m.minutes_status, "draft");
    assert.notEqual(m.source_document_id, null);
    assert.equal(m.end_time, "11:45");
    const attendance = await db.selectFrom("attendance").where("meeting_id", "=", m.id).select(["raw_name", "status", "substitute_for"]).orderBy("position").execute();
    assert.deepEqual(attendance.find((a) => a.raw_name === "Cllr Jo Rowe"), { raw_name: "Cllr Jo Rowe", status: "present", substitute_for: "Cllr Kay Quill" });
    assert.equal(attendance.find((a) => a.raw_name === "Cllr Kay Quill")?.status, "apologies");
    const decision = await db.selectFrom("resolutions").where("meeting_id", "=", m.id).where("text", "like", "That the minutes%").select(["text", "votes_for", "votes_against", "votes_abstain"]).executeTakeFirstOrThrow();
    assert.deepEqual(decision, { text: "That the minutes of the meeting held on 10 February 2026 be approved as a correct record.", votes_for: 4, votes_against: 0, votes_abstain: 1 });
    const named = await db.selectFrom("decision_votes").where("meeting_id", "=", m.id).select(["vote", "raw_name"]).orderBy("position").execute();
    assert.deepEqual(named.map((v) => `${v.vote}: ${v.raw_name}`), ["for: Cllr Tom Carrow", "for: Cllr Lucy Eden", "for: Cllr Mark Abel", "for: Cllr Jo Rowe", "abstain: Cllr Dan Brook"]);
    const declared = await db
      .selectFrom("declarations")
      .innerJoin("items", "items.id", "declarations.item_id")
      .where("declarations.meeting_id", "=", m.id)
      .select(["declarations.raw_name", "items.number", "declarations.kind"])
      .executeTakeFirstOrThrow();
    assert.deepEqual(declared, { raw_name: "Cllr Dan Brook", number: "2", kind: "personal" });
    // draft minutes are not public: the meeting stays listed without them, and their documents answer 404
    const pub = await as(null);
    for (const path of [`/meetings/${slug}/minutes.docx`, `/meetings/${slug}/minutes.html`]) assert.equal((await pub.get(path)).status, 404, path);
    const listed = await pub.get(`/meetings/${slug}`);
    assert.equal(listed.status, 200);
    const listedPage = await listed.text();
    assert.doesNotMatch(listedPage, /Cllr Jo Rowe|be approved as a correct record/);
    assert.match(listedPage, /have not been published yet/);
    // the workspace lists the draft, and the lifecycle's publish applies
    assert.match(await (await clerk.get("/admin")).text(), new RegExp(`/admin/meetings/${slug}/minutes`));
    const csrf = await clerk.formToken(`/admin/meetings/${slug}/minutes`);
    assert.equal((await clerk.post(`/admin/meetings/${slug}/minutes/publish`, { csrf })).status, 303);
    assert.match(await (await pub.get(`/meetings/${slug}`)).text(), /Cllr Jo Rowe/);
    assert.doesNotMatch(await (await clerk.get("/admin")).text(), new RegExp(`/admin/meetings/${slug}/take-minutes`), "published minutes are no longer to take");
    const audit = await readAudit(db, { recordId: slug });
    assert.deepEqual(audit.entries.slice(0, 2).map((e) => e.action), ["minutes.publish", "minutes.take.draft"]);
  });

  test("the public minutes as Word and HTML read back to what was recorded", async () => {
    const pub = await as(null);
    const res = await pub.get(`/meetings/${slug}/minutes.docx`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /wordprocessingml/);
    const text = await docxText(new Uint8Array(await res.arrayBuffer()));
    assert.match(text, /^Draft minutes$/m);
    assert.match(text, /^Substitutes: Cllr Jo Rowe \(substitute for Cllr Kay Quill\)$/m);
    assert.match(text, /^RESOLVED: That the minutes of the meeting held on 10 February 2026 be approved as a correct record\.$/m);
    assert.equal(text.match(/RESOLVED:/g)?.length, 1, "the decision printed once");
    assert.match(text, /^Votes: 4 in favour, 0 against and 1 abstention\.$/m);
    assert.match(text, /^For: Cllr Tom Carrow, Cllr Lucy Eden, Cllr Mark Abel and Cllr Jo Rowe\.$/m);
    assert.match(text, /^Abstained: Cllr Dan Brook\.$/m);
    assert.match(text, /^Read and agreed\.$/m);
    const html = await (await pub.get(`/meetings/${slug}/minutes.html`)).text();
    // the exempt item: its title and ground, none of its minute or decision, in either document or on the page
    const meetingPage = await (await pub.get(`/meetings/${slug}`)).text();
    for (const [what, body] of [["docx", text], ["html", html], ["page", meetingPage]]) {
      assert.doesNotMatch(body, /valuation of the depot|preferred bidder/, what);
      assert.match(body, /Apologies for absence/, what);
    }
    assert.match(text, /^1\. Apologies for absence\nExempt information under paragraph 3\.\n2\. /m);
    assert.match(html, /Cllr Dan Brook declared a personal interest in item 2, as a member of the Film Society\./);
  });

  test("minutes already stored are not taken again", async () => {
    const clerk = await as("clerk@council.gov.uk");
    const form = await formOf(clerk);
    const res = await clerk.post(page(), { ...form, action: "save" });
    assert.equal(res.status, 409);
    assert.match(await res.text(), /already published/);
  });
});
