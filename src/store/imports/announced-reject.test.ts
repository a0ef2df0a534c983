// Rejecting a review import removes a meeting known only from it; it never removes a meeting that
// was announced (scheduled here), which is public with its agenda and history whatever its minutes.
// On SQLite and PostgreSQL.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import type { Db } from "../db.ts";
import { eachStore } from "../scrutiny/test-stores.ts";
import { QuorumError } from "../../domain/errors.ts";
import { importMinutes } from "../import.ts";
import { scheduleMeeting } from "../schedule/meetings.ts";
import { openSheet, saveAsDraftMinutes } from "../minute-taking/sheets.ts";
import { sheetRecord, sheetTexts } from "../../domain/minute-sheet.ts";
import { splitLines, type SourceText } from "../../domain/source.ts";
import { documentFromRecord, minutesBlocks, minutesText } from "../../render/minutes/document.ts";
import { committeeWithMinutes, MINUTES_DATE } from "../../../test/support/schedule.ts";
import { parsedInput, STAFFS_V1 } from "../../../test/support/imports.ts";
import { addUser } from "../accounts/users.ts";
import { rejectImport } from "./decide.ts";

const AT = new Date("2016-12-12T18:00:00Z");
const clerk = { userId: null, label: "clerk@council.gov.uk" };

eachStore("rejecting a review import of an announced meeting", (store) => {
  let db: Db;
  before(async () => {
    db = await store.open();
  });

  test("is refused while the meeting holds draft minutes from it: the meeting, its history and its draft stay", async () => {
    const { body } = await committeeWithMinutes(db);
    const m = await scheduleMeeting(db, { body, date: MINUTES_DATE, startTime: null, venue: null }, clerk, new Date("2016-11-01T09:00:00Z"));
    // the clerk takes draft minutes, then minutes for the same meeting are imported for review over them
    const open = await openSheet(db, m.slug);
    const base = sheetRecord({ authority: open.meeting.authority, body: open.meeting.bodyName, date: open.meeting.date, startTime: open.meeting.startTime }, open.sheet);
    const { text, provenance } = minutesText(minutesBlocks(documentFromRecord(base, sheetTexts(open.sheet))));
    const source: SourceText = { file: `${m.slug}.docx`, format: "docx", text, lines: splitLines(text), contentHash: "taken-draft", byteLength: text.length };
    await saveAsDraftMinutes(db, { slug: m.slug, baseVersion: open.version, sheet: open.sheet, record: { ...base, provenance }, source, parserVersion: "test" }, clerk, AT);
    const r = await importMinutes(db, { ...(await parsedInput(STAFFS_V1)), review: true });
    assert.equal(r.meetingSlug, m.slug, "the import found the announced meeting");
    assert.ok(r.queued, "and was queued for review");

    const reviewer = await addUser(db, { email: "reviewer@council.gov.uk", role: "clerk" }, AT);
    await assert.rejects(rejectImport(db, r.queued.reviewId, { userId: reviewer.id, label: reviewer.email }, AT), (e: unknown) => e instanceof QuorumError && e.code === "conflict" && /announced/.test(e.message));
    const kept = await db.selectFrom("meetings").where("slug", "=", m.slug).select(["id", "minutes_status"]).executeTakeFirst();
    assert.deepEqual(kept && { minutes_status: kept.minutes_status }, { minutes_status: "draft" });
    const events = await db.withTables<{ meeting_events: { meeting_id: number; kind: string } }>().selectFrom("meeting_events").where("meeting_id", "=", kept!.id).select("kind").execute();
    assert.deepEqual(events.map((e) => e.kind), ["scheduled"]);
  });
});
