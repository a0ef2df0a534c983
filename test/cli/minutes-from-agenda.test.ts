// Minutes taken on a sheet prefilled from a published agenda, on SQLite and PostgreSQL: the draft
// minutes stored have the agenda's three items in order, the exempt one with its Schedule 12A
// paragraph; the stored record, rendered as Word and read by `quorum parse` (a real process), gives
// back what was recorded; once published, the exempt minute shows its title and ground only.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Db } from "../../src/store/db.ts";
import type { ParsedMinutes } from "../../src/domain/minutes.ts";
import { eachStore } from "../../src/store/scrutiny/test-stores.ts";
import { addUser } from "../../src/store/accounts/users.ts";
import { unpack, unpackRecord } from "../../src/store/packed.ts";
import { openSheet, saveAsDraftMinutes } from "../../src/store/minute-taking/sheets.ts";
import { publishDraftMinutes } from "../../src/store/lifecycle/minutes.ts";
import { getMeeting } from "../../src/store/read/index.ts";
import { draftFromSheet } from "../../src/serve/minute-taking/documents.ts";
import { documentFromRecord, minutesBlocks } from "../../src/render/minutes/document.ts";
import { minutesDocx } from "../../src/render/minutes/docx.ts";
import { tempDocuments, type TempDocuments } from "../support/agenda.ts";
import { NORTHSHIRE, scheduledMeeting } from "../support/meetings.ts";
import { publishItems, THREE_ITEMS } from "../support/take-minutes.ts";
import { recordDifferences } from "../support/round-trip.ts";

const bin = new URL("../../bin/quorum", import.meta.url).pathname;
const published = new Date("2026-02-20T10:00:00Z");
const taken = new Date("2026-03-10T13:00:00Z");
const SECRET = "The site was valued at 1.4 million pounds";

eachStore("minutes taken from the agenda", (store) => {
  let db: Db;
  let docs: TempDocuments;
  let slug: string;
  let meetingId: number;
  let actor: { userId: number; label: string };
  let stored: ParsedMinutes;
  const dir = mkdtempSync(join(tmpdir(), "quorum-taken-"));

  before(async () => {
    db = await store.open();
    docs = tempDocuments();
    const clerk = await addUser(db, { email: "clerk@council.gov.uk", role: "clerk" }, published);
    actor = { userId: clerk.id, label: clerk.email };
    ({ slug, id: meetingId } = await scheduledMeeting(db, NORTHSHIRE));
    await publishItems(db, docs.documents, slug, THREE_ITEMS, actor, published);
  });
  after(() => {
    docs?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("the sheet from a three-item agenda, saved as draft minutes, is stored with the three items in order and the exempt one's paragraph", async () => {
    const open = await openSheet(db, slug);
    const sheet = structuredClone(open.sheet);
    for (const a of sheet.attendance) a.status = a.name === "Cllr Kay Quill" ? "apologies" : "present";
    sheet.attendance.push({ name: "Cllr Ann Hale", status: "present", kind: "member", role: "", substituteFor: "Cllr Kay Quill" });
    sheet.endTime = "11:40";
    sheet.items[1].text = "The Head of Highways introduced the programme.";
    sheet.items[1].resolution = "That the highways maintenance programme for 2026/27 be approved.";
    Object.assign(sheet.items[1], { votesFor: "4", votesAgainst: "1", votesAbstain: "0" });
    sheet.items[2].text = SECRET;
    sheet.items[2].resolution = "That the depot site be sold to the preferred bidder.";
    const { record, source } = await draftFromSheet(open.meeting, sheet);
    await saveAsDraftMinutes(db, { slug, baseVersion: open.version, sheet, record, source, parserVersion: "minute-taking" }, actor, taken);

    const items = await db.selectFrom("items").where("meeting_id", "=", meetingId).select(["position", "number", "title", "exempt", "exempt_paragraphs"]).orderBy("position").execute();
    assert.deepEqual(
      items.map((i) => [i.number, i.title, i.exempt === true || i.exempt === 1, i.exempt_paragraphs]),
      [
        ["1", "Apologies for absence", false, null],
        ["2", "Highways maintenance programme 2026/27", false, null],
        ["3", "Depot site disposal", true, "3"],
      ],
    );
    const m = await db.selectFrom("meetings").where("id", "=", meetingId).select(["minutes_status", "source_document_id"]).executeTakeFirstOrThrow();
    assert.equal(m.minutes_status, "draft");
    const doc = await db.selectFrom("source_documents").where("id", "=", m.source_document_id!).select(["packed_text", "packed_record"]).executeTakeFirstOrThrow();
    stored = unpackRecord<ParsedMinutes>(doc.packed_record, unpack(doc.packed_text))!;
    assert.deepEqual(stored.items.map((i) => [i.number, i.title, i.exempt, i.exemptParagraphs]), [
      ["1", "Apologies for absence", false, null],
      ["2", "Highways maintenance programme 2026/27", false, null],
      ["3", "Depot site disposal", true, "3"],
    ]);
    assert.equal(stored.attendance.find((a) => a.name === "Cllr Ann Hale")?.substituteFor, "Cllr Kay Quill");
  });

  test("the stored record rendered as Word reads back through `quorum parse` as what was recorded", async () => {
    const file = join(dir, `${store.dialect}.docx`);
    writeFileSync(file, await minutesDocx(minutesBlocks(documentFromRecord(stored)), "Draft minutes"));
    const r = spawnSync(process.execPath, [bin, "parse", "--json", file], { encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    const parsed = JSON.parse(r.stdout) as ParsedMinutes;
    assert.deepEqual(recordDifferences(stored, parsed), []);
    // what the comparison rests on was really read back
    assert.deepEqual(parsed.items.map((i) => [i.number, i.exempt, i.exemptParagraphs ?? null]), [
      ["1", false, null],
      ["2", false, null],
      ["3", true, "3"],
    ]);
    assert.deepEqual(parsed.items[1].resolutions[0].votes && [parsed.items[1].resolutions[0].votes.for, parsed.items[1].resolutions[0].votes.against], [4, 1]);
    assert.equal(parsed.attendance.length, 6);
  });

  test("published, the exempt minute shows the public its title and ground only", async () => {
    await publishDraftMinutes(db, slug, actor, taken);
    const m = await getMeeting(db, slug);
    assert.ok(m);
    const exempt = m.items.find((i) => i.number === "3")!;
    assert.deepEqual([exempt.title, exempt.exempt, exempt.withheld, exempt.exemptParagraphs, exempt.resolutions.length], ["Depot site disposal", true, true, "3", 0]);
    assert.ok(!JSON.stringify(m).includes("1.4 million"));
    assert.equal(m.items.find((i) => i.number === "2")!.resolutions[0].text, "That the highways maintenance programme for 2026/27 be approved.");
  });
});
