// UK principal-council minutes in the committee-system layout, a second shape (invented names):
// minute numbers "283/24" with "(Item N)" on the heading line, PART I / PART II headings over the
// public and private business, and an amendment lost before the substantive motion was carried.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { splitLines } from "../domain/source.ts";
import { parseMinutes } from "./minutes.ts";

const parse = (text: string) => parseMinutes({ file: "minutes.txt", format: "txt", text, lines: splitLines(text), contentHash: "", byteLength: text.length });
const text = readFileSync(new URL("../../test/fixtures/principal/cabinet-part-two.txt", import.meta.url), "utf8");
const record = parse(text);

test("'284/24   Budget Monitoring (Item 6)': the minute number is the number, the agenda reference leaves the title", () => {
  assert.deepEqual(
    record.items.map((i) => `${i.number} ${i.title}`),
    ["283/24 Apologies for Absence", "284/24 Budget Monitoring", "285/24 Highways Contract", "286/24 Property Disposal"],
  );
});

test("business under PART II is exempt; business under PART I is not", () => {
  assert.deepEqual(record.items.map((i) => i.exempt), [false, false, false, true]);
});

test("an amendment that was lost is not the decision; the substantive motion carried after it is", () => {
  const budget = record.items[1].resolutions.map((r) => r.text);
  assert.deepEqual(budget, ["that the report be noted."]);
  const highways = record.items[2].resolutions;
  assert.equal(highways.length, 1, JSON.stringify(highways));
  assert.match(highways[0].text, /that the contract be awarded to Roads Ltd/);
  assert.ok(!highways.some((r) => /re-tendered/.test(r.text)));
});
