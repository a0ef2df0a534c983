import { test } from "node:test";
import assert from "node:assert/strict";
import { splitLines, type SourceText } from "../../domain/source.ts";
import { parseMinutes } from "../minutes.ts";

const parse = (text: string) => {
  const source: SourceText = { file: "CityCouncil.txt", format: "txt", text, lines: splitLines(text), contentHash: "", byteLength: text.length };
  return parseMinutes(source);
};

// Alameda City Council, 18 January 2005: the Regular Meeting, then the minutes of a Special Meeting
const TEXT = [
  "MINUTES OF THE REGULAR CITY COUNCIL MEETING",
  "TUESDAY- -JANUARY 18, 2005- -7:30 P.M.",
  "Acting Mayor Gilmore convened the Regular Meeting at 7:45 p.m.",
  "",
  "Roll Call -\tPresent: Councilmembers Daysog, deHaan, Gilmore,",
  "Matarrese, and Mayor Johnson – 5.",
  "",
  "(05-042) Ordinance No. 2935, “Amending the Alameda Municipal Code.” Finally passed.",
  "",
  "(05-043) Councilmember deHaan inquired whether the budget review process would take two months.",
  "",
  "ADJOURNMENT",
  "There being no further business, Acting Mayor Gilmore adjourned the",
  "Regular Meeting at 10:02 p.m.",
  "Respectfully Submitted,",
  "",
  "Lara Weisiger",
  "City Clerk",
  "",
  "The agenda for this meeting was posted in accordance with the Brown",
  "Act.",
  "MINUTES OF THE SPECIAL CITY COUNCIL MEETING",
  "TUESDAY- -JANUARY 18, 2005- -6:30 P.M.",
  "Acting Mayor Gilmore convened the Special Meeting at 6:33 p.m.",
  "",
  "The Special Meeting was adjourned to Closed Session to consider:",
  "(05-026) Conference with Labor Negotiators; Agency Negotiators: Craig Jory.",
  "",
  "Adjournment",
  "There being no further business, Acting Mayor Gilmore adjourned the",
  "Special Meeting at 7:27 p.m.",
].join("\n");

test("a further meeting's minutes after the first meeting's adjournment feed none of its items or times", () => {
  const r = parse(TEXT);
  assert.deepEqual(r.items.map((i) => i.number), ["05-042", "05-043"]);
  assert.equal(r.endTime, "22:02");
  // the later meetings are named in a warning (or, where the document is split, read as meetings of their own)
  assert.ok(r.warnings.some((w) => /MINUTES OF THE SPECIAL CITY COUNCIL MEETING|holds the minutes of \d+ meetings/.test(w)), r.warnings.join("\n"));
});
