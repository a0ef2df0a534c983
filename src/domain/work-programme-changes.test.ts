import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { slotOf, workProgrammeChanges } from "./work-programme-changes.ts";

const staffs = readFileSync(new URL("../../test/golden/dev/staffs-safe-strong-2016-12-12.txt", import.meta.url), "utf8");
const item33 = staffs.slice(staffs.indexOf("33. Work Programme"), staffs.indexOf("34. Exclusion"));

test("Staffs item 33: two items moved, three kinds of addition, one removal", () => {
  const changes = workProgrammeChanges(item33, "2016-12-12");
  assert.deepEqual(
    changes.filter((c) => c.kind === "move"),
    [
      { kind: "move", title: "Cabinet Response: Preventing Low Level Neglect of Children in Staffordshire", from: "2017-01", to: "2017-03-06" },
      { kind: "move", title: "Staffordshire Safeguarding Children Board Annual Report 2015/16", from: "2017-01", to: "2017-03-06" },
    ],
  );
  assert.deepEqual(
    changes.filter((c) => c.kind === "remove"),
    [{ kind: "remove", title: "Wood report legislation", from: "2017-03", note: "was not now expected until Autumn 2017" }],
  );
  const added = changes.filter((c) => c.kind === "add");
  assert.deepEqual(added.map((c) => [c.title, c.to]), [
    ["As and when rolling programme of Serious Case Reviews", null],
    ["Action plan on modern day slavery", "2017-03"],
    ["Adult social care market failure policy", null],
    ["Missing persons", null],
  ]);
  // The paragraph after the list (a letter to another committee) changes nothing here.
  assert.ok(!changes.some((c) => /Corporate Review/i.test(c.title)));
});

test("text without a lettered list of changes gives none", () => {
  assert.deepEqual(workProgrammeChanges("RESOLVED - That the work programme be noted.", "2016-12-12"), []);
  assert.deepEqual(workProgrammeChanges("a) the report be noted; b) the minutes be signed.", "2016-12-12"), []);
});

test("slots: months without a year fall on or after the meeting's month", () => {
  assert.equal(slotOf("January", "2016-12-12"), "2017-01");
  assert.equal(slotOf("December", "2016-12-12"), "2016-12");
  assert.equal(slotOf("6 March Select Committee agenda", "2016-12-12"), "2017-03-06");
  assert.equal(slotOf("March meeting", "2016-12-12"), "2017-03");
  assert.equal(slotOf("work programme", "2016-12-12"), null);
  assert.equal(slotOf("30 February", "2016-12-12"), undefined);
  assert.equal(slotOf("next year", "2016-12-12"), undefined);
});

test("Staffs item 33 read with doubled spaces, as justified PDF text comes out, gives the same changes", () => {
  const squash = (s: string | null) => (s === null ? null : s.replace(/\s+/g, " "));
  const doubled = workProgrammeChanges(item33.replace(/ /g, "  "), "2016-12-12").map((c) => ({ ...c, title: squash(c.title), ...("note" in c ? { note: squash(c.note) } : {}) }));
  assert.deepEqual(doubled, workProgrammeChanges(item33, "2016-12-12"));
  assert.equal(doubled.length, 7);
});

test("slots with a year, a day's ordinal, or none", () => {
  assert.equal(slotOf("6th March 2018", "2016-12-12"), "2018-03-06");
  assert.equal(slotOf("the 21st  January  2017 meeting", "2016-12-12"), "2017-01-21");
  assert.equal(slotOf("12 January", "2016-12-12"), "2017-01-12");
  assert.equal(slotOf("March 2018", "2016-12-12"), "2018-03");
  assert.equal(slotOf("the Select Committee's work programme", "2016-12-12"), null);
  assert.equal(slotOf("Forward Plan", "2016-12-12"), null);
  assert.equal(slotOf("the agenda", "2016-12-12"), null);
  assert.equal(slotOf("6 March 18", "2016-12-12"), undefined);
  assert.equal(slotOf("Smarch", "2016-12-12"), undefined);
  assert.equal(slotOf("March programme", "2016-12-12"), undefined);
});

test("one change per clause: moved, taken off and added, in the forms minutes use", () => {
  const text =
    "RESOLVED – That: a) the item on Libraries be moved from January to the March meeting; " +
    "b) Items on Highways and on Flooding be deferred from the March agenda to 6 April; " +
    "c) “Youth Services” would be taken off the March agenda; " +
    "d) Waste was now complete and therefore this item should be removed from the work programme; " +
    "e) an item on Bus Services be added to the April meeting.";
  assert.deepEqual(workProgrammeChanges(text, "2016-12-12"), [
    { kind: "move", title: "Libraries", from: "2017-01", to: "2017-03" },
    { kind: "move", title: "Highways", from: "2017-03", to: "2017-04-06" },
    { kind: "move", title: "Flooding", from: "2017-03", to: "2017-04-06" },
    { kind: "remove", title: "Youth Services", from: "2017-03", note: null },
    { kind: "remove", title: "Waste", from: null, note: "was now complete" },
    { kind: "add", title: "Bus Services", to: "2017-04" },
  ]);
  // a change to a slot that is not one is left out
  assert.deepEqual(workProgrammeChanges("a) Libraries be moved from January to next year; b) Parks be added to the summer; c) Roads be taken off the list.", "2016-12-12"), []);
});

test("a quoted title keeps its colon; a removal without 'would' or 'be'; a slot with a word before the month", () => {
  const text =
    'a) the "Cabinet Response:Preventing Low Level Neglect" be moved from January to 6 March Select Committee agenda; ' +
    "b) Parks be removed from the work programme; c) Roads taken off the March agenda.";
  assert.deepEqual(workProgrammeChanges(text, "2016-12-12"), [
    { kind: "move", title: "Cabinet Response: Preventing Low Level Neglect", from: "2017-01", to: "2017-03-06" },
    { kind: "remove", title: "Parks", from: null, note: null },
    { kind: "remove", title: "Roads", from: "2017-03", note: null },
  ]);
  assert.equal(slotOf("late January", "2016-12-12"), undefined);
});
