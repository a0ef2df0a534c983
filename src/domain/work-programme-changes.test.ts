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
