// Minute-taking in the store, on SQLite and PostgreSQL: every save kept and numbered, a save from a
// stale number refused (also when two race), draft minutes stored through storeRecord and stored
// again in place, minutes already public refused, and an audit entry for each write.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import type { Db } from "../db.ts";
import { eachStore } from "../scrutiny/test-stores.ts";
import { addUser } from "../accounts/users.ts";
import { readAudit } from "../audit.ts";
import { QuorumError } from "../../domain/errors.ts";
import { sheetRecord, sheetTexts, type MinuteSheet } from "../../domain/minute-sheet.ts";
import { splitLines, type SourceText } from "../../domain/source.ts";
import { documentFromRecord, minutesBlocks, minutesText } from "../../render/minutes/document.ts";
import { itemTexts } from "../item-body.ts";
import { openSheet, saveAsDraftMinutes, saveSheet } from "./sheets.ts";
import { publishDraftMinutes } from "../lifecycle/minutes.ts";
import { NORTHSHIRE, scheduledMeeting } from "../../../test/support/meetings.ts";

const at = new Date("2026-03-10T12:00:00Z");

/** The draft a sheet makes, as the minute-taking route makes it. */
function draftOf(open: Awaited<ReturnType<typeof openSheet>>, sheet: MinuteSheet, tag: string) {
  const m = open.meeting;
  const base = sheetRecord({ authority: m.authority, body: m.bodyName, date: m.date, startTime: m.startTime }, sheet);
  const { text, provenance } = minutesText(minutesBlocks(documentFromRecord(base, sheetTexts(sheet))));
  const source: SourceText = { file: `${m.slug}.docx`, format: "docx", text, lines: splitLines(text), contentHash: `test-${tag}`, byteLength: text.length };
  return { record: { ...base, provenance }, source };
}

eachStore("minute-taking sheets", (store) => {
  let db: Db;
  let slug: string;
  let actor: { userId: number; label: string };

  before(async () => {
    db = await store.open();
    const clerk = await addUser(db, { email: "clerk@council.gov.uk", role: "clerk" }, at);
    actor = { userId: clerk.id, label: clerk.email };
    slug = (await scheduledMeeting(db, NORTHSHIRE)).slug;
  });

  test("a first sheet lists the committee's members, unrecorded, and three opening items", async () => {
    const open = await openSheet(db, slug);
    assert.equal(open.version, 0);
    assert.deepEqual(open.sheet.attendance.map((a) => [a.name, a.status, a.role]), [
      ["Cllr Mark Abel", "", ""],
      ["Cllr Dan Brook", "", ""],
      ["Cllr Tom Carrow", "", "Chairman"],
      ["Cllr Lucy Eden", "", "Vice-Chairman"],
      ["Cllr Kay Quill", "", ""],
    ]);
    assert.deepEqual(open.sheet.items.map((i) => i.title), ["Apologies for absence", "Declarations of interest", "Minutes of the previous meeting"]);
  });

  test("saves are numbered and kept; one made from an older number is refused, also when two race", async () => {
    const open = await openSheet(db, slug);
    const sheet = structuredClone(open.sheet);
    sheet.attendance[0].status = "present";
    assert.equal(await saveSheet(db, slug, 0, sheet, actor, at), 1);
    await assert.rejects(saveSheet(db, slug, 0, sheet, actor, at), (e: unknown) => e instanceof QuorumError && e.code === "conflict");
    // two tabs saving from save 1 at once: exactly one is kept
    const a = structuredClone(sheet);
    a.items[0].text = "From tab A";
    const b = structuredClone(sheet);
    b.items[0].text = "From tab B";
    const results = await Promise.allSettled([saveSheet(db, slug, 1, a, actor, at), saveSheet(db, slug, 1, b, actor, at)]);
    assert.deepEqual(results.map((r) => r.status).sort(), ["fulfilled", "rejected"]);
    const kept = await openSheet(db, slug);
    assert.equal(kept.version, 2);
    const winner = results.findIndex((r) => r.status === "fulfilled");
    assert.equal(kept.sheet.items[0].text, winner === 0 ? "From tab A" : "From tab B");
    const saves = await db.withTables<{ minute_taking_saves: { version: number; meeting_id: number } }>().selectFrom("minute_taking_saves").select("version").orderBy("version").execute();
    assert.deepEqual(saves.map((s) => s.version), [1, 2]);
    assert.equal((await readAudit(db, { recordId: slug })).entries.filter((e) => e.action === "minutes.take.save").length, 2);
  });

  test("draft minutes are stored through storeRecord: not public, with item texts cut from the rendered minutes", async () => {
    const open = await openSheet(db, slug);
    const sheet = structuredClone(open.sheet);
    sheet.items[2].text = "The minutes were considered.";
    sheet.items[2].resolution = "That the minutes be approved.";
    const { record, source } = draftOf(open, sheet, "1");
    assert.deepEqual(await saveAsDraftMinutes(db, { slug, baseVersion: open.version, sheet, record, source, parserVersion: "test" }, actor, at), { version: 3 });
    const m = await db.selectFrom("meetings").where("slug", "=", slug).select(["id", "minutes_status", "source_document_id"]).executeTakeFirstOrThrow();
    assert.equal(m.minutes_status, "draft");
    const items = await db.selectFrom("items").where("meeting_id", "=", m.id).selectAll().orderBy("position").execute();
    const texts = await itemTexts(db, m.id, items);
    assert.match(texts[2].text ?? "", /The minutes were considered\.\nRESOLVED: That the minutes be approved\./);
    assert.equal((await openSheet(db, slug)).submittedAt, at.toISOString());
  });

  test("draft minutes stored again replace the draft in place", async () => {
    const open = await openSheet(db, slug);
    const sheet = structuredClone(open.sheet);
    sheet.items[2].resolution = "That the minutes be approved as amended.";
    const before = await db.selectFrom("meetings").where("slug", "=", slug).select(["id"]).executeTakeFirstOrThrow();
    const { record, source } = draftOf(open, sheet, "2");
    await saveAsDraftMinutes(db, { slug, baseVersion: open.version, sheet, record, source, parserVersion: "test" }, actor, at);
    const after = await db.selectFrom("meetings").where("slug", "=", slug).select(["id", "minutes_status"]).executeTakeFirstOrThrow();
    assert.deepEqual(after, { id: before.id, minutes_status: "draft" });
    assert.equal(await db.selectFrom("meetings").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow().then((r) => Number(r.n)), 1);
    const decisions = await db.selectFrom("resolutions").where("meeting_id", "=", before.id).select("text").execute();
    assert.deepEqual(decisions.map((d) => d.text), ["That the minutes be approved as amended."]);
    const audit = (await readAudit(db, { recordId: slug })).entries.filter((e) => e.action === "minutes.take.draft");
    assert.equal(audit.length, 2);
  });

  test("once the minutes are published, the sheet is refused: published minutes are corrected instead", async () => {
    await publishDraftMinutes(db, slug, actor, at);
    const open = await openSheet(db, slug);
    await assert.rejects(saveSheet(db, slug, open.version, open.sheet, actor, at), (e: unknown) => e instanceof QuorumError && e.code === "conflict" && /already published/.test(e.message));
    assert.equal((await openSheet(db, slug)).version, open.version);
  });
});
