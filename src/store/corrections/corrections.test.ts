// Corrections in the store, on SQLite and PostgreSQL: saved apart from the parsed record, laid over
// every later import of the meeting, conflicts when the parser reads a corrected field differently,
// versions that refuse a stale save, and the audit entries each of these writes.
import { it } from "node:test";
import assert from "node:assert/strict";
import { sql } from "kysely";
import { fileURLToPath } from "node:url";
import type { ParsedMinutes } from "../../domain/minutes.ts";
import type { SourceText } from "../../domain/source.ts";
import { readDocument } from "../../ingest/read.ts";
import { parseMinutes } from "../../parse/minutes.ts";
import { eachStore } from "../scrutiny/test-stores.ts";
import { importMinutes } from "../import.ts";
import { readAudit } from "../audit.ts";
import { lifecycleDb } from "../lifecycle/schema.ts";
import type { Db } from "../db.ts";
import { listCorrections, resolveConflict, saveCorrections } from "./corrections.ts";
import { meetingToCorrect } from "./meeting.ts";
import { publicCorrections } from "./public.ts";
import { unpack, unpackRecord } from "../packed.ts";

const FIXTURE = fileURLToPath(new URL("../../../test/fixtures/exempt/staffs-2016-12-12-v2-item-35-exempt.txt", import.meta.url));
const T = new Date("2026-03-02T10:00:00Z");
const clerk = { userId: null, label: "clerk@council.gov.uk" };
const other = { userId: null, label: "other@council.gov.uk" };

async function imported(db: Db, change?: (r: ParsedMinutes) => void, parserVersion = "1") {
  const source: SourceText = await readDocument(FIXTURE);
  const record = parseMinutes(source);
  change?.(record);
  return { source, record, result: await importMinutes(db, { source, record, parserVersion }) };
}

async function attendee(db: Db, meetingId: number, name: string) {
  return db.selectFrom("attendance").where("meeting_id", "=", meetingId).where("raw_name", "=", name).selectAll().executeTakeFirstOrThrow();
}

async function outcomeOf(db: Db, meetingId: number, itemNumber: string) {
  return (await db.selectFrom("resolutions").innerJoin("items", "items.id", "resolutions.item_id").where("resolutions.meeting_id", "=", meetingId).where("items.number", "=", itemNumber).select(["resolutions.outcome", "resolutions.votes_for"]).executeTakeFirstOrThrow());
}

async function version(db: Db, slug: string) {
  return (await db.selectFrom("meetings").where("slug", "=", slug).select("version").executeTakeFirstOrThrow()).version;
}

eachStore("corrections", (store) => {
  it("an import keeps the parsed record and starts the meeting at version 1", async () => {
    const db = await store.open();
    const { record, result } = await imported(db);
    const doc = await db.selectFrom("source_documents").where("id", "=", result.sourceDocumentId).select(["packed_record", "packed_text"]).executeTakeFirstOrThrow();
    assert.deepEqual(unpackRecord(doc.packed_record, unpack(doc.packed_text)), JSON.parse(JSON.stringify(record)));
    assert.equal(await version(db, result.meetingSlug), 1);
  });

  it("a saved correction changes the stored meeting, raises its version and is audited with before and after", async () => {
    const db = await store.open();
    const { result } = await imported(db);
    const slug = result.meetingSlug;
    const saved = await saveCorrections(db, {
      slug,
      expectedVersion: 1,
      changes: [
        { path: "attendance/2/role", value: "Vice-Chairman" },
        { path: "items/2/resolutions/0/outcome", value: "deferred" },
        { path: "venue", value: "Council Chamber, Stafford" },
      ],
      actor: clerk,
      now: T,
    });
    assert.deepEqual(saved, { status: "saved", version: 2, changed: ["attendance/2/role", "items/2/resolutions/0/outcome", "venue"] });
    assert.equal((await attendee(db, result.meetingId, "Robert Marshall")).role, "Vice-Chairman");
    assert.equal((await outcomeOf(db, result.meetingId, "30")).outcome, "deferred");
    assert.equal((await db.selectFrom("meetings").where("slug", "=", slug).select("venue").executeTakeFirstOrThrow()).venue, "Council Chamber, Stafford");
    const [entry] = (await readAudit(db, { recordKind: "meeting", recordId: slug })).entries.filter((e) => !e.action.startsWith("import."));
    assert.equal(entry.action, "meeting.correct");
    assert.equal(entry.actorLabel, "clerk@council.gov.uk");
    assert.deepEqual(entry.before, { version: 1, fields: { "attendance/2/role": null, "items/2/resolutions/0/outcome": "agreed", venue: null } });
    assert.deepEqual(entry.after, { version: 2, fields: { "attendance/2/role": "Vice-Chairman", "items/2/resolutions/0/outcome": "deferred", venue: "Council Chamber, Stafford" } });
    // the parsed record is kept as parsed
    const doc = await db.selectFrom("source_documents").where("id", "=", result.sourceDocumentId).select(["packed_record", "packed_text"]).executeTakeFirstOrThrow();
    assert.equal(unpackRecord<ParsedMinutes>(doc.packed_record, unpack(doc.packed_text))!.attendance[2].role, null);
  });

  it("corrections survive importing the same document again and a new parser version that shifts indexes", async () => {
    const db = await store.open();
    const { result } = await imported(db);
    await saveCorrections(db, { slug: result.meetingSlug, expectedVersion: 1, changes: [{ path: "attendance/2/role", value: "Vice-Chairman" }, { path: "items/2/resolutions/0/outcome", value: "deferred" }], actor: clerk, now: T });
    // the same bytes, the same parser: nothing to do
    assert.equal((await imported(db)).result.status, "unchanged");
    // a new parser version that finds an extra attendee first and an extra item before item 30
    const again = await imported(
      db,
      (r) => {
        r.attendance.unshift({ name: "Philip White", status: "present", kind: "member", role: null, substituteFor: null });
        r.items.splice(1, 0, { number: "28A", title: "Urgent business", exempt: false, resolutions: [] });
      },
      "2",
    );
    assert.equal(again.result.status, "updated");
    assert.equal((await attendee(db, result.meetingId, "Robert Marshall")).role, "Vice-Chairman");
    assert.equal((await attendee(db, result.meetingId, "Philip White")).role, null);
    assert.equal((await outcomeOf(db, result.meetingId, "30")).outcome, "deferred");
    assert.deepEqual((await listCorrections(db, result.meetingSlug)).map((c) => c.state), ["active", "active"]);
    assert.equal(await version(db, result.meetingSlug), 3);
  });

  it("a field parsed differently on re-import keeps the correction as a conflict; the clerk keeps it or takes the new value", async () => {
    const db = await store.open();
    const { result } = await imported(db);
    const slug = result.meetingSlug;
    await saveCorrections(db, { slug, expectedVersion: 1, changes: [{ path: "attendance/2/role", value: "Vice-Chairman" }, { path: "attendance/1/kind", value: "officer" }], actor: clerk, now: T });
    await imported(
      db,
      (r) => {
        r.attendance[2].role = "Chair";
        r.attendance[1].kind = "other";
      },
      "2",
    );
    assert.equal((await attendee(db, result.meetingId, "Robert Marshall")).role, "Vice-Chairman");
    const conflicts = (await listCorrections(db, slug)).filter((c) => c.state === "conflict");
    assert.deepEqual(
      conflicts.map((c) => [c.path, c.before, c.parsedNow, c.after]),
      [
        ["attendance/1/kind", "member", "other", "officer"],
        ["attendance/2/role", null, "Chair", "Vice-Chairman"],
      ],
    );
    const role = conflicts.find((c) => c.path === "attendance/2/role")!;
    const kind = conflicts.find((c) => c.path === "attendance/1/kind")!;
    assert.equal((await resolveConflict(db, { slug, correctionId: role.id, choice: "take", expectedVersion: 3, actor: clerk, now: T })).status, "saved");
    assert.equal((await attendee(db, result.meetingId, "Robert Marshall")).role, "Chair");
    assert.equal((await resolveConflict(db, { slug, correctionId: kind.id, choice: "keep", expectedVersion: 4, actor: clerk, now: T })).status, "saved");
    assert.equal((await attendee(db, result.meetingId, "Maureen Compton")).kind, "officer");
    const after = await listCorrections(db, slug);
    assert.deepEqual(after.map((c) => [c.path, c.state, c.before]), [
      ["attendance/1/kind", "active", "other"],
      ["attendance/2/role", "superseded", null],
    ]);
    const actions = (await readAudit(db, { recordKind: "meeting", recordId: slug })).entries.filter((e) => !e.action.startsWith("import.")).map((e) => e.action);
    assert.deepEqual(actions.slice(0, 5).sort(), ["correction.conflict", "correction.conflict", "correction.keep", "correction.take_parsed", "meeting.correct"]);
    const found = (await readAudit(db, { recordKind: "meeting", recordId: slug, actor: "import" })).entries.find((e) => (e.after as { path: string }).path === "attendance/2/role")!;
    assert.deepEqual([found.before, found.after], [{ path: "attendance/2/role", parsedBefore: null, corrected: "Vice-Chairman" }, { path: "attendance/2/role", parsedNow: "Chair" }]);
    const take = (await readAudit(db, { recordKind: "meeting", recordId: slug })).entries.filter((e) => !e.action.startsWith("import.")).find((e) => e.action === "correction.take_parsed")!;
    assert.deepEqual(take.before, { version: 3, path: "attendance/2/role", state: "conflict", parsedBefore: null, parsedNow: "Chair", corrected: "Vice-Chairman" });
    assert.deepEqual(take.after, { version: 4, path: "attendance/2/role", state: "superseded", value: "Chair" });
    // a re-import that reads the field as first corrected brings no new conflict
    await imported(db, (r) => void (r.attendance[1].kind = "other"), "3");
    assert.deepEqual((await listCorrections(db, slug)).filter((c) => c.state === "conflict"), []);
  });

  it("a save against an older version is refused, changes nothing, and shows the other person's change", async () => {
    const db = await store.open();
    const { result } = await imported(db);
    const slug = result.meetingSlug;
    await saveCorrections(db, { slug, expectedVersion: 1, changes: [{ path: "attendance/2/role", value: "Vice-Chairman" }], actor: other, now: T });
    const refused = await saveCorrections(db, { slug, expectedVersion: 1, changes: [{ path: "attendance/2/role", value: "Chairman" }], actor: clerk, now: T });
    assert.equal(refused.status, "stale");
    assert.ok(refused.status === "stale");
    assert.equal(refused.version, 2);
    assert.deepEqual(refused.changes.map((e) => [e.actorLabel, e.after]), [["other@council.gov.uk", { version: 2, fields: { "attendance/2/role": "Vice-Chairman" } }]]);
    assert.equal((await attendee(db, result.meetingId, "Robert Marshall")).role, "Vice-Chairman");
    assert.equal(await version(db, slug), 2);
    assert.equal((await listCorrections(db, slug)).length, 1);
    const [entry] = (await readAudit(db, { recordKind: "meeting", recordId: slug })).entries.filter((e) => !e.action.startsWith("import."));
    assert.equal(entry.action, "meeting.correct_refused");
    assert.deepEqual(entry.before, { version: 1 });
    assert.deepEqual(entry.after, { version: 2, attempted: { "attendance/2/role": "Chairman" } });
  });

  it("approved minutes take a correction only with a reason", async () => {
    const db = await store.open();
    const { result } = await imported(db);
    const slug = result.meetingSlug;
    await db.updateTable("meetings").set({ minutes_status: "approved" }).where("slug", "=", slug).execute();
    const change = [{ path: "items/2/title", value: "Modern Slavery Task Group" }];
    assert.deepEqual(await saveCorrections(db, { slug, expectedVersion: 1, changes: change, actor: clerk, now: T }), { status: "reason_required" });
    assert.deepEqual(await listCorrections(db, slug), []);
    assert.equal((await saveCorrections(db, { slug, expectedVersion: 1, changes: change, reason: "Title misread from the agenda", actor: clerk, now: T })).status, "saved");
    const [c] = await listCorrections(db, slug);
    assert.equal(c.reason, "Title misread from the agenda");
    assert.deepEqual(await publicCorrections(db, slug), [{ what: "Item 30", reason: "Title misread from the agenda", at: T.toISOString() }]);
    // and the minutes now stand corrected, on the day, for that reason
    const m = await db.selectFrom("meetings").where("slug", "=", slug).select("id").executeTakeFirstOrThrow();
    const told = await lifecycleDb(db).selectFrom("minutes_corrections").where("meeting_id", "=", m.id).select(["corrected_on", "reason"]).execute();
    assert.deepEqual(told, [{ corrected_on: T.toISOString().slice(0, 10), reason: "Title misread from the agenda" }]);
  });

  it("an attendee can be linked to a chosen person of the council, or to nobody", async () => {
    const db = await store.open();
    const { result } = await imported(db);
    const slug = result.meetingSlug;
    const white = await attendee(db, result.meetingId, "David Williams");
    const target = await db.selectFrom("people").where("display_name", "=", "Mark Sutton").select(["id", "slug"]).executeTakeFirstOrThrow();
    await saveCorrections(db, { slug, expectedVersion: 1, changes: [{ path: `attendance/${white.position}/person`, value: target.slug }, { path: "attendance/0/person", value: "" }], actor: clerk, now: T });
    assert.equal((await attendee(db, result.meetingId, "David Williams")).person_id, target.id);
    assert.equal((await attendee(db, result.meetingId, "John Francis")).person_id, null);
  });

  it("the public list of corrections leaves out exempt business and draft minutes", async () => {
    const db = await store.open();
    const { result } = await imported(db);
    const slug = result.meetingSlug;
    const m = (await meetingToCorrect(db, slug))!;
    const exemptItem = m.parsed.items.findIndex((i) => i.exempt);
    await saveCorrections(db, { slug, expectedVersion: 1, changes: [{ path: `items/${exemptItem}/title`, value: "Wolstanton grievance" }, { path: "declarations/1/interest", value: "pecuniary" }, { path: "declarations/0/interest", value: "pecuniary" }], reason: "typo", actor: clerk, now: T });
    assert.deepEqual((await publicCorrections(db, slug)).map((c) => c.what), ["A declaration of interest"]);
    await db.updateTable("meetings").set({ minutes_status: "draft" }).where("slug", "=", slug).execute();
    assert.deepEqual(await publicCorrections(db, slug), []);
  });

  it("a meeting stored before parsed records were kept is read again from its stored text", async () => {
    const db = await store.open();
    const { result } = await imported(db);
    await sql`UPDATE source_documents SET packed_record = NULL`.execute(db);
    await assert.rejects(meetingToCorrect(db, result.meetingSlug), /stored before parsed records were kept/);
    const saved = await saveCorrections(db, { slug: result.meetingSlug, expectedVersion: 1, changes: [{ path: "attendance/2/role", value: "Vice-Chairman" }], actor: clerk, now: T, reparse: parseMinutes });
    assert.equal(saved.status, "saved");
    assert.equal((await attendee(db, result.meetingId, "Robert Marshall")).role, "Vice-Chairman");
    assert.notEqual((await db.selectFrom("source_documents").where("id", "=", result.sourceDocumentId).select("packed_record").executeTakeFirstOrThrow()).packed_record, null);
  });
});
