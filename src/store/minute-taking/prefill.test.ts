// A minute-taking sheet prefilled from the meeting's published agenda, on SQLite and PostgreSQL:
// items in the agenda's order with number, title and exemption (paragraph as the ground); attendance
// from the committee's members; an unpublished item left out; once a sheet is saved, a supplement's
// items are added at the end on opening and nothing the clerk typed, removed or renamed changes.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { Db } from "../db.ts";
import { eachStore } from "../scrutiny/test-stores.ts";
import { addUser } from "../accounts/users.ts";
import { addAgendaItem } from "../agenda/items.ts";
import { agendaDb } from "../agenda/schema.ts";
import { tempDocuments, type TempDocuments } from "../../../test/support/agenda.ts";
import { NORTHSHIRE, scheduledMeeting } from "../../../test/support/meetings.ts";
import { publishItems, THREE_ITEMS } from "../../../test/support/take-minutes.ts";
import { openSheet, saveSheet } from "./sheets.ts";
import { scheduleMeeting } from "../schedule/meetings.ts";
import { committeeWithMinutes } from "../../../test/support/schedule.ts";

const early = new Date("2026-02-20T10:00:00Z");
const late = new Date("2026-03-09T10:00:00Z");

eachStore("minute-taking sheets from the agenda", (store) => {
  let db: Db;
  let docs: TempDocuments;
  let slug: string;
  let actor: { userId: number; label: string };

  before(async () => {
    db = await store.open();
    docs = tempDocuments();
    const clerk = await addUser(db, { email: "clerk@council.gov.uk", role: "clerk" }, early);
    actor = { userId: clerk.id, label: clerk.email };
    slug = (await scheduledMeeting(db, NORTHSHIRE)).slug;
    await publishItems(db, docs.documents, slug, THREE_ITEMS, actor, early);
    // added to the agenda but not yet published: not on the sheet
    await addAgendaItem(db, slug, { number: "4", title: "Draft item not yet published", reportAuthor: null, wards: null, decisionMaker: null, exempt: false, exemptParagraph: null }, actor, early);
  });
  after(() => docs?.close());

  test("a first sheet takes the published agenda's items in order, exempt with its paragraph, and the committee's members", async () => {
    const open = await openSheet(db, slug);
    assert.equal(open.version, 0);
    assert.deepEqual(
      open.sheet.items.map((i) => [i.number, i.title, i.exempt, i.exemptParagraphs]),
      [
        ["1", "Apologies for absence", false, ""],
        ["2", "Highways maintenance programme 2026/27", false, ""],
        ["3", "Depot site disposal", true, "3"],
      ],
    );
    assert.deepEqual(open.sheet.attendance.map((a) => [a.name, a.status, a.kind, a.role, a.substituteFor]), [
      ["Cllr Mark Abel", "", "member", "", ""],
      ["Cllr Dan Brook", "", "member", "", ""],
      ["Cllr Tom Carrow", "", "member", "Chairman", ""],
      ["Cllr Lucy Eden", "", "member", "Vice-Chairman", ""],
      ["Cllr Kay Quill", "", "member", "", ""],
    ]);
    assert.equal(open.sheet.fromAgenda?.length, 3);
    assert.deepEqual(open.addedFromAgenda, []);
  });

  test("once saved, a supplement's item is added at the end on opening; what the clerk typed, removed or renamed stays", async () => {
    const open = await openSheet(db, slug);
    const sheet = structuredClone(open.sheet);
    sheet.items[0].text = "Apologies were received from Cllr Kay Quill.";
    sheet.items[1].title = "Highways maintenance programme";
    // the clerk takes item 3 off the sheet
    sheet.items.splice(2, 1);
    const saved = await saveSheet(db, slug, 0, sheet, actor, early);

    // the agenda changes after the sheet was saved: a title edited, the draft item published as a supplement
    await agendaDb(db).updateTable("agenda_items").set({ title: "Highways: the 2026/27 programme" }).where("number", "=", "2").execute();
    await publishItems(db, docs.documents, slug, [{ number: "5", title: "Urgent item: flood grant", exempt: "" }], actor, late, "The grant offer arrived after the agenda was published");

    const reopened = await openSheet(db, slug);
    assert.equal(reopened.version, saved, "opening saves nothing");
    assert.deepEqual(reopened.addedFromAgenda, ["4", "5"]);
    assert.deepEqual(
      reopened.sheet.items.map((i) => [i.number, i.title, i.text]),
      [
        ["1", "Apologies for absence", "Apologies were received from Cllr Kay Quill."],
        ["2", "Highways maintenance programme", ""],
        ["4", "Draft item not yet published", ""],
        ["5", "Urgent item: flood grant", ""],
      ],
    );

    // saved with the added items, the sheet is opened again unchanged
    await saveSheet(db, slug, saved, reopened.sheet, actor, late);
    const again = await openSheet(db, slug);
    assert.deepEqual(again.addedFromAgenda, []);
    assert.deepEqual(again.sheet.items.map((i) => i.number), ["1", "2", "4", "5"]);
  });

  test("an agenda item whose number the clerk already typed on the sheet is not added twice", async () => {
    const open = await openSheet(db, slug);
    const sheet = structuredClone(open.sheet);
    sheet.items.push({ ...sheet.items[0], number: "6", title: "Chairman's announcements", text: "" });
    const v = await saveSheet(db, slug, open.version, sheet, actor, late);
    await publishItems(db, docs.documents, slug, [{ number: "6", title: "Announcements" }], actor, late, "Added on the chairman's instruction");
    const reopened = await openSheet(db, slug);
    assert.equal(reopened.version, v);
    assert.deepEqual(reopened.addedFromAgenda, []);
    assert.deepEqual(reopened.sheet.items.map((i) => [i.number, i.title]).slice(-1), [["6", "Chairman's announcements"]]);
  });

  test("a committee known from its minutes: the next meeting's sheet lists who was on it at its last meeting", async () => {
    const { body } = await committeeWithMinutes(db);
    const next = await scheduleMeeting(db, { body, date: "2017-01-10", startTime: "10:00", venue: "Council Chamber" }, actor, early);
    const names = (await openSheet(db, next.slug)).sheet.attendance.map((a) => [a.name, a.role]);
    assert.equal(names.length, 12);
    assert.deepEqual(names.filter(([, role]) => role), [
      ["John Francis", "Chairman"],
      ["David Williams", "Vice-Chairman"],
    ]);
    // a meeting of another committee still lists only its own members
    assert.deepEqual((await openSheet(db, slug)).sheet.attendance.map((a) => a.name), ["Cllr Mark Abel", "Cllr Dan Brook", "Cllr Tom Carrow", "Cllr Lucy Eden", "Cllr Kay Quill"]);
  });
});
