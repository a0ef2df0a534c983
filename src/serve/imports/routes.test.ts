// The import review routes on SQLite and PostgreSQL: who may see the queue and the review screen,
// who may publish and reject (a refused write changes nothing: the meeting, the queue row and the
// audit log are as before), CSRF, a decision made twice, and what the review screen shows.
import { before, it } from "node:test";
import assert from "node:assert/strict";
import type { Db } from "../../store/db.ts";
import { addUser, setPasswordHash } from "../../store/accounts/users.ts";
import { hashPassword } from "../auth/password.ts";
import { importMinutes } from "../../store/import.ts";
import { readAudit } from "../../store/audit.ts";
import { reviewsDb } from "../../store/imports/schema.ts";
import { publishImport } from "../../store/imports/decide.ts";
import { eachStore } from "../../store/scrutiny/test-stores.ts";
import { client, PASSWORD, signInAs, type Client } from "../../../test/support/accounts.ts";
import { parsedInput, STAFFS_V1, STAFFS_V2 } from "../../../test/support/imports.ts";
import { createApp } from "../app.ts";

const AT = new Date("2026-03-02T09:00:00Z");
const ROLES = ["admin", "clerk", "officer", "member"] as const;
let hash: string;
before(async () => {
  hash = await hashPassword(PASSWORD);
});

async function withStaff(db: Db) {
  for (const role of ROLES) {
    const u = await addUser(db, { email: `${role}@council.gov.uk`, role, displayName: role }, AT);
    await setPasswordHash(db, u.id, hash, AT);
  }
  return createApp({ db });
}

/** A queued new meeting of its own for each call (a different date makes a different meeting). */
let day = 1;
async function queued(db: Db) {
  const input = await parsedInput(STAFFS_V2, { review: true });
  const d = String(day++).padStart(2, "0");
  input.record.date = `2017-01-${d}`;
  input.source.contentHash = input.source.contentHash.slice(0, -2) + d;
  const r = await importMinutes(db, input);
  return { id: r.queued!.reviewId, slug: r.meetingSlug };
}

async function as(app: ReturnType<typeof createApp>, role: (typeof ROLES)[number] | "public"): Promise<Client> {
  const cl = client(app);
  if (role !== "public") assert.equal((await signInAs(cl, `${role}@council.gov.uk`)).status, 303);
  return cl;
}

async function snapshot(db: Db, id: number, slug: string) {
  const row = await reviewsDb(db).selectFrom("import_reviews").where("id", "=", id).select(["state", "decided_by", "meeting_id", "source_document_id"]).executeTakeFirst();
  const meeting = await db.selectFrom("meetings").where("slug", "=", slug).select("minutes_status").executeTakeFirst();
  return { row, meeting, audit: (await readAudit(db)).total };
}

eachStore("import review routes", (store) => {
  it("the queue and the review screen: clerks and admins see them; officers and members are refused; the signed-out are sent to sign in", async () => {
    const db = await store.open();
    const app = await withStaff(db);
    const { id } = await queued(db);
    const expected = { admin: 200, clerk: 200, officer: 403, member: 403, public: 302 };
    for (const [role, status] of Object.entries(expected)) {
      const cl = await as(app, role as keyof typeof expected);
      for (const path of ["/admin/imports", `/admin/imports/${id}`, "/admin/imports?state=pending"]) {
        const res = await cl.get(path);
        assert.equal(res.status, status, `${role} ${path}`);
        assert.equal(res.headers.get("cache-control"), "no-store", `${role} ${path}`);
        if (status === 302) assert.equal(res.headers.get("location"), `/sign-in?next=${encodeURIComponent(path)}`);
      }
    }
    const clerk = await as(app, "clerk");
    assert.match(await (await clerk.get("/admin")).text(), /href="\/admin\/imports"/, "the workspace links to the queue");
    assert.doesNotMatch(await (await (await as(app, "officer")).get("/admin")).text(), /href="\/admin\/imports"/);
    assert.equal((await clerk.get("/admin/imports/99999")).status, 404);
    assert.equal((await clerk.get("/admin/imports/abc")).status, 400);
    assert.equal((await clerk.get("/admin/imports?state=maybe")).status, 400);
    assert.equal((await clerk.get(`/admin/imports/${id}?field=${encodeURIComponent("<script>")}`)).status, 400);
  });

  for (const verb of ["publish", "reject"] as const) {
    it(`${verb}: clerks and admins may; officers, members and the signed-out change nothing`, async () => {
      const db = await store.open();
      const app = await withStaff(db);
      for (const role of [...ROLES, "public"] as const) {
        const { id, slug } = await queued(db);
        const cl = await as(app, role);
        const csrf = await cl.formToken(role === "public" ? "/sign-in" : `/admin/imports/${id}`).catch(() => cl.formToken("/sign-in"));
        const was = await snapshot(db, id, slug);
        const res = await cl.post(`/admin/imports/${id}/${verb}`, { csrf });
        const now = await snapshot(db, id, slug);
        if (role === "admin" || role === "clerk") {
          assert.equal(res.status, 303, role);
          assert.equal(res.headers.get("location"), `/admin/imports/${id}?done=${verb === "publish" ? "published" : "rejected"}`);
          assert.equal(now.row!.state, verb === "publish" ? "published" : "rejected");
          assert.equal(now.meeting?.minutes_status, verb === "publish" ? "published" : undefined);
          assert.equal(now.audit, was.audit + 1);
          const entry = (await readAudit(db)).entries[0];
          assert.deepEqual([entry.actorLabel, entry.action, entry.recordId], [`${role}@council.gov.uk`, `import.${verb}`, slug]);
          assert.equal((entry.before as { state: string }).state, "pending");
          const page = await cl.get(res.headers.get("location")!);
          assert.match(await page.text(), verb === "publish" ? /Published\./ : /Rejected: nothing from this import is stored/);
        } else {
          assert.equal(res.status, role === "public" ? 303 : 403, role);
          if (role === "public") assert.equal(res.headers.get("location"), `/sign-in?next=${encodeURIComponent(`/admin/imports/${id}`)}`);
          assert.deepEqual(now, was, `${role}: nothing changed`);
        }
      }
    });
  }

  it("a form without its token, or from another site, is refused and changes nothing", async () => {
    const db = await store.open();
    const app = await withStaff(db);
    const { id, slug } = await queued(db);
    const cl = await as(app, "clerk");
    const csrf = await cl.formToken(`/admin/imports/${id}`);
    const was = await snapshot(db, id, slug);
    assert.equal((await cl.post(`/admin/imports/${id}/publish`, {})).status, 403);
    assert.equal((await cl.post(`/admin/imports/${id}/publish`, { csrf: (csrf[0] === "x" ? "y" : "x") + csrf.slice(1) })).status, 403);
    assert.equal((await cl.post(`/admin/imports/${id}/publish`, { csrf }, { origin: "https://evil.example" })).status, 403);
    assert.deepEqual(await snapshot(db, id, slug), was);
    // other paths under the queue still take no POST
    assert.equal((await cl.post(`/admin/imports/${id}`, { csrf })).status, 405);
  });

  it("deciding an import already decided shows the page again with the reason, and changes nothing", async () => {
    const db = await store.open();
    const app = await withStaff(db);
    const { id, slug } = await queued(db);
    const cl = await as(app, "clerk");
    const csrf = await cl.formToken(`/admin/imports/${id}`);
    assert.equal((await cl.post(`/admin/imports/${id}/publish`, { csrf })).status, 303);
    const was = await snapshot(db, id, slug);
    const again = await cl.post(`/admin/imports/${id}/reject`, { csrf });
    assert.equal(again.status, 409);
    const html = await again.text();
    assert.match(html, /<title>Error: Review import/);
    assert.match(html, /This import was already published by clerk@council\.gov\.uk/);
    assert.deepEqual(await snapshot(db, id, slug), was);
  });

  it("the review screen: warnings and inferred values first, every value linked to its span and its correction, exempt text marked", async () => {
    const db = await store.open();
    const app = await withStaff(db);
    const input = await parsedInput(STAFFS_V2, { review: true });
    input.record.warnings = ["two items numbered 31"];
    input.record.provenance["venue"] = { ...input.record.provenance["date"], implied: true };
    input.record.venue = "County Buildings";
    input.record.confidence = { body: "low" };
    const r = await importMinutes(db, input);
    const cl = await as(app, "clerk");
    const html = await (await cl.get(`/admin/imports/${r.queued!.reviewId}`)).text();
    const checkFirst = html.indexOf("Check these first");
    const record = html.indexOf("Parsed record");
    assert.ok(checkFirst > 0 && checkFirst < record, "the checks come before the record");
    const first = html.slice(checkFirst, record);
    assert.match(first, /two items numbered 31/);
    assert.match(first, /Venue<\/a>: inferred, not read from the text/);
    assert.match(first, /Committee<\/a>: the parser was unsure: a guess or a fallback/);
    // the attendee John Francis links to his line and to the corrections form
    const francis = input.record.attendance.findIndex((a) => a.name.includes("John Francis"));
    const span = input.record.provenance[`attendance/${francis}`];
    assert.ok(html.includes(`href="?field=attendance%2F${francis}#L${span.line}"`), "a value links to its line");
    assert.ok(html.includes(`href="/admin/meetings/${r.meetingSlug}/correct?field=attendance%2F${francis}"`), "a value links to its correction");
    // exempt item 35 is shown to staff, marked exempt, with its paragraph
    assert.match(html, /Exempt<\/strong> Item 35: Confidential HR Matter/);
    assert.match(html, /Schedule 12A paragraph 1 &amp; 7/);
    assert.match(html, /qm-exempt[^>]*>[\s\S]{0,400}Wolstanton/);
    // choosing a value marks exactly its span in the source
    const marked = await (await cl.get(`/admin/imports/${r.queued!.reviewId}?field=attendance%2F${francis}`)).text();
    const m = /<mark class="qm-mark">([^<]*)<\/mark>/.exec(marked);
    assert.equal(m?.[1], input.source.text.slice(span.start, span.end).split("\n")[0]);
    assert.match(marked, /Marked: the source of Attendance: John Francis/);
    // a pending replacement says what publishing does
    await publishImport(db, r.queued!.reviewId, { userId: 1, label: "admin@council.gov.uk" });
    const held = await importMinutes(db, await parsedInput(STAFFS_V1, { review: true }));
    assert.equal(held.queued?.replaces, true);
    const heldHtml = await (await cl.get(`/admin/imports/${held.queued!.reviewId}`)).text();
    assert.match(heldHtml, /Publishing replaces the published version of these minutes/);
    assert.match(heldHtml, /Publish and replace the published version/);
    assert.doesNotMatch(html, /Publishing replaces/);
  });
});
