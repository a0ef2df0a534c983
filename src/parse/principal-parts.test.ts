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

test("decisions that only mention an amendment stay, even when an amendment was lost in the same item", () => {
  // Limerick City and County Council, 24 January 2022 and 11 November 2016 (shape of the records)
  const item = `NORTHSHIRE COUNTY COUNCIL

MINUTES of a meeting of the County Council held in the Council Chamber, County Hall, Northtown on Thursday, 9 January 2025.

PRESENT: Mr T Carrow (Chairman), Mr M Abel, Mr D Brook

1. Development Contribution Scheme

It was agreed to take a Vote on the Amendment in the form of a show of hands.

The amendment was defeated.

It was agreed that the Draft Development Contribution Scheme 2022-2026 be adopted without any amendment.
`;
  const texts = parse(item).items[0].resolutions.map((r) => r.text);
  assert.ok(texts.some((t) => /show of hands/.test(t)), texts.join(" | "));
  assert.ok(texts.some((t) => /adopted without any amendment/.test(t)), texts.join(" | "));
});
