// The import review queue on SQLite and PostgreSQL: a review import stores a new meeting as a
// draft, holds a replacement of a public meeting, and every import leaves an audit entry written
// with it; publishing and rejecting do what the review screen says.
import { it } from "node:test";
import { sql } from "kysely";
import assert from "node:assert/strict";
import { eachStore } from "../scrutiny/test-stores.ts";
import { importMinutes } from "../import.ts";
import { readAudit } from "../audit.ts";
import { addUser } from "../accounts/users.ts";
import { getMeeting, listMeetings } from "../read/index.ts";
import { search } from "../search.ts";
import { publishImport, rejectImport } from "./decide.ts";
import { getImportReview, listImportReviews } from "./read.ts";
import { reviewsDb } from "./schema.ts";
import { saveCorrections } from "../corrections/corrections.ts";
import { parsedInput, STAFFS_V1, STAFFS_V2 } from "../../../test/support/imports.ts";
import type { Db } from "../db.ts";

const AT = new Date("2026-03-02T09:00:00Z");

async function clerkOf(db: Db) {
  const u = await addUser(db, { email: "clerk@council.gov.uk", role: "clerk" }, AT);
  return { userId: u.id, label: u.email };
}

const count = async (db: Db, table: "meetings" | "source_documents" | "people" | "search_entries") =>
  Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);

eachStore("import review queue", (store) => {
  it("a review import stores a new meeting as a draft, queued with its warnings, and audited in the same transaction", async () => {
    const db = await store.open();
    const input = await parsedInput(STAFFS_V2, { review: true, actor: "cli:jo" });
    input.record.warnings = ["the closing time could not be read"];
    const r = await importMinutes(db, input);
    assert.equal(r.status, "created");
    assert.deepEqual(r.queued, { reviewId: r.queued!.reviewId, replaces: false });
    const m = await db.selectFrom("meetings").where("id", "=", r.meetingId).select("minutes_status").executeTakeFirstOrThrow();
    assert.equal(m.minutes_status, "draft");
    assert.equal(await getMeeting(db, r.meetingSlug), null);
    assert.equal((await listMeetings(db)).total, 0);
    assert.equal((await search(db, "slavery")).total, 0);

    const queue = await listImportReviews(db);
    assert.equal(queue.total, 1);
    assert.deepEqual(
      { ...queue.data[0], queuedAt: "" },
      {
        id: r.queued!.reviewId,
        state: "pending",
        council: "Safe and Strong Communities Select Committee",
        committee: "Safe and Strong Communities Select Committee",
        meetingDate: "2016-12-12",
        meetingSlug: r.meetingSlug,
        fileName: "staffs-2016-12-12-v2-item-35-exempt.txt",
        warnings: 1,
        replaces: false,
        queuedAt: "",
        queuedBy: "cli:jo",
        decidedBy: null,
        decidedAt: null,
      },
    );
    const detail = (await getImportReview(db, r.queued!.reviewId))!;
    assert.ok(detail.sourceText?.includes("Wolstanton"));
    assert.equal(detail.exemptRanges.length, 1);
    assert.ok(detail.sourceText!.slice(...detail.exemptRanges[0]).includes("Wolstanton"), "the exempt range covers item 35's text");
    assert.deepEqual(detail.warningList, ["the closing time could not be read"]);

    const { entries } = await readAudit(db);
    assert.deepEqual(
      entries.map((e) => [e.actorLabel, e.action, e.recordKind, e.recordId, e.before]),
      [["cli:jo", "import.queue", "meeting", r.meetingSlug, null]],
    );
    const after = entries[0].after as Record<string, unknown>;
    assert.equal(after.document, input.source.contentHash);
    assert.equal(after.items, input.record.items.length);
    assert.equal(after.attendance, input.record.attendance.length);
    assert.equal(after.minutesStatus, "draft");
    assert.equal(after.review, r.queued!.reviewId);
  });

  it("an import without --review publishes at once and writes import.publish; a failed import writes no audit entry", async () => {
    const db = await store.open();
    const input = await parsedInput(STAFFS_V1);
    const r = await importMinutes(db, input);
    assert.equal(r.queued, undefined);
    assert.ok(await getMeeting(db, r.meetingSlug));
    assert.equal((await listImportReviews(db)).total, 0);
    const { entries } = await readAudit(db);
    assert.deepEqual(entries.map((e) => [e.actorLabel, e.action, e.recordId, (e.after as { document: string }).document]), [["import", "import.publish", r.meetingSlug, input.source.contentHash]]);
    // a second version replacing the first records the first's document as "before"
    const v2 = await parsedInput(STAFFS_V2);
    await importMinutes(db, v2);
    const latest = (await readAudit(db)).entries[0];
    assert.deepEqual(latest.before, { document: input.source.contentHash, file: "staffs-2016-12-12-v1-item-35-public.txt" });
    // unchanged bytes write nothing
    await importMinutes(db, v2);
    assert.equal((await readAudit(db)).total, 2);
    // an import that fails part-way leaves neither the meeting nor its audit entry
    const broken = await parsedInput(STAFFS_V1);
    broken.source.contentHash = "0".repeat(64);
    broken.record.date = "2017-01-09";
    broken.record.attendance = [{ name: "x".repeat(10), status: "present", kind: "member", role: null, substituteFor: null }, null as never];
    await assert.rejects(importMinutes(db, broken));
    assert.equal((await readAudit(db)).total, 2);
    assert.equal(await count(db, "meetings"), 1);
  });

  it("the audit entry is written in the import's transaction: when it cannot be written, nothing of the import is stored", async () => {
    const db = await store.open();
    await sql`ALTER TABLE audit_log RENAME TO audit_log_away`.execute(db);
    for (const review of [false, true]) await assert.rejects(importMinutes(db, await parsedInput(STAFFS_V2, { review })), /audit_log/);
    await sql`ALTER TABLE audit_log_away RENAME TO audit_log`.execute(db);
    assert.deepEqual([await count(db, "meetings"), await count(db, "source_documents"), await count(db, "people"), (await listImportReviews(db)).total], [0, 0, 0, 0]);
  });

  it("the review screen shows the record as publishing will store it: with the clerk's corrections laid over", async () => {
    const db = await store.open();
    const r = await importMinutes(db, await parsedInput(STAFFS_V2, { review: true }));
    const before = (await getImportReview(db, r.queued!.reviewId))!.record;
    assert.equal(before.attendance[2].status, "present");
    const saved = await saveCorrections(db, { slug: r.meetingSlug, expectedVersion: 1, changes: [{ path: "attendance/2/status", value: "apologies" }, { path: "venue", value: "Oak Room" }], actor: { userId: null, label: "clerk@council.gov.uk" }, now: AT });
    assert.equal(saved.status, "saved");
    const after = (await getImportReview(db, r.queued!.reviewId))!.record;
    assert.equal(after.attendance[2].status, "apologies");
    assert.equal(after.attendance[2].name, before.attendance[2].name);
    assert.equal(after.venue, "Oak Room");
  });

  it("publishing a queued new meeting makes it public and searchable, once, with an audit entry", async () => {
    const db = await store.open();
    const clerk = await clerkOf(db);
    const r = await importMinutes(db, await parsedInput(STAFFS_V2, { review: true }));
    const decision = await publishImport(db, r.queued!.reviewId, clerk, AT);
    assert.deepEqual(decision, { meetingSlug: r.meetingSlug, state: "published" });
    const meeting = await getMeeting(db, r.meetingSlug);
    assert.equal(meeting?.minutesStatus, "published");
    assert.ok((await search(db, "slavery")).total > 0, "the published meeting is in search");
    assert.equal((await search(db, "Wolstanton")).total, 0, "exempt text stays out of search");
    const row = (await listImportReviews(db, { state: "published" })).data[0];
    assert.deepEqual([row.state, row.decidedBy, row.decidedAt], ["published", "clerk@council.gov.uk", AT.toISOString()]);
    const e = (await readAudit(db, { actor: "clerk@council.gov.uk" })).entries[0];
    assert.equal(e.action, "import.publish");
    assert.equal(e.actorUserId, clerk.userId);
    assert.deepEqual((e.before as { state: string; minutesStatus: string }).state, "pending");
    assert.deepEqual((e.before as { minutesStatus: string }).minutesStatus, "draft");
    assert.deepEqual([(e.after as { state: string }).state, (e.after as { minutesStatus: string }).minutesStatus], ["published", "published"]);
    await assert.rejects(publishImport(db, r.queued!.reviewId, clerk, AT), /already published by clerk@council.gov.uk/);
    await assert.rejects(rejectImport(db, r.queued!.reviewId, clerk, AT), /already published/);
    await assert.rejects(publishImport(db, 9999, clerk, AT), /no import 9999/);
  });

  it("a review import over a public meeting is held: the public meeting is unchanged until published", async () => {
    const db = await store.open();
    const clerk = await clerkOf(db);
    const v1 = await importMinutes(db, await parsedInput(STAFFS_V1));
    const before = await getMeeting(db, v1.meetingSlug);
    const held = await importMinutes(db, await parsedInput(STAFFS_V2, { review: true }));
    assert.deepEqual(held.queued, { reviewId: held.queued!.reviewId, replaces: true });
    assert.equal(held.meetingSlug, v1.meetingSlug);
    assert.deepEqual(await getMeeting(db, v1.meetingSlug), before, "the public meeting did not change");
    const detail = (await getImportReview(db, held.queued!.reviewId))!;
    assert.equal(detail.replaces, true);
    assert.equal(detail.meetingStatus, "published");
    assert.ok(detail.sourceText?.includes("Wolstanton"));
    // queued again: the one pending row is refreshed, not doubled
    await importMinutes(db, await parsedInput(STAFFS_V2, { review: true }));
    assert.equal((await listImportReviews(db, { state: "pending" })).total, 1);

    await publishImport(db, held.queued!.reviewId, clerk, AT);
    const now = (await getMeeting(db, v1.meetingSlug))!;
    const item35 = now.items.find((i) => i.number === "35")!;
    assert.equal(item35.exempt, true, "the held record is stored on publish");
    assert.notDeepEqual(now, before);
    const e = (await readAudit(db, { actor: "clerk@council.gov.uk" })).entries[0];
    assert.equal((e.before as { published: { file: string } }).published.file, "staffs-2016-12-12-v1-item-35-public.txt");
    assert.equal((e.after as { file: string }).file, "staffs-2016-12-12-v2-item-35-exempt.txt");
  });

  it("rejecting a held replacement discards it and its document; the public meeting stays", async () => {
    const db = await store.open();
    const clerk = await clerkOf(db);
    const v1 = await importMinutes(db, await parsedInput(STAFFS_V1));
    const before = await getMeeting(db, v1.meetingSlug);
    const docs = await count(db, "source_documents");
    const held = await importMinutes(db, await parsedInput(STAFFS_V2, { review: true }));
    assert.equal(await count(db, "source_documents"), docs + 1);
    await rejectImport(db, held.queued!.reviewId, clerk, AT);
    assert.equal(await count(db, "source_documents"), docs);
    assert.deepEqual(await getMeeting(db, v1.meetingSlug), before);
    const e = (await readAudit(db, { actor: "clerk@council.gov.uk" })).entries[0];
    assert.deepEqual([e.action, (e.after as { removed: string }).removed], ["import.reject", "held record"]);
  });

  it("rejecting a queued new meeting removes it, its document, its tracker rows and the people only it named", async () => {
    const db = await store.open();
    const clerk = await clerkOf(db);
    const empty = { meetings: await count(db, "meetings"), docs: await count(db, "source_documents"), people: await count(db, "people"), search: await count(db, "search_entries") };
    const r = await importMinutes(db, await parsedInput(STAFFS_V2, { review: true }));
    assert.ok((await count(db, "people")) > 0);
    await rejectImport(db, r.queued!.reviewId, clerk, AT);
    assert.deepEqual(
      { meetings: await count(db, "meetings"), docs: await count(db, "source_documents"), people: await count(db, "people"), search: await count(db, "search_entries") },
      empty,
    );
    const t = reviewsDb(db) as unknown as import("kysely").Kysely<Record<string, Record<string, unknown>>>;
    for (const table of ["inquiries", "tracked_recommendations", "actions", "work_programme_events", "work_programme_items"]) {
      const n = Number((await t.selectFrom(table).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
      assert.equal(n, 0, `${table} emptied`);
    }
    const row = (await listImportReviews(db)).data[0];
    assert.equal(row.state, "rejected");
    assert.equal((await getImportReview(db, row.id))!.sourceText, null);
  });
});
