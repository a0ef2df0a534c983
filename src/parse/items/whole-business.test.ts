import { test } from "node:test";
import assert from "node:assert/strict";
import { splitLines } from "../../domain/source.ts";
import { parseMinutes } from "../minutes.ts";

const record = (text: string) => parseMinutes({ file: "t.txt", format: "txt", text, lines: splitLines(text), contentHash: "", byteLength: text.length });

// The shape of a real single-business special meeting (Limerick, 2014): heading, attendance, then
// the business with no item heading, and a decision in it.
const SPECIAL = `MINUTES OF PROCEEDINGS AT SPECIAL MEETING OF LIMERICK CITY AND COUNTY COUNCIL HELD IN THE COUNCIL CHAMBER, DOORADOYLE, LIMERICK, ON FRIDAY, 19TH SEPTEMBER, 2014, AT 3.00 P.M.

PRESENT IN THE CHAIR: Councillor K. O'Hanlon, Mayor.

MEMBERS PRESENT: Councillors Browne, Butler, Costelloe, Daly and Galvin.

The Mayor explained that the Special Meeting had been called to discuss the funding of the local property tax and its effect on services in the county.

Following a lengthy discussion, it was agreed that a cross-party group of Councillors would meet with the Minister for Finance to discuss the matter further.

This concluded the Meeting.
`;

test("a meeting with no item headings keeps its business, and what it decided, as one implied item", () => {
  const r = record(SPECIAL);
  assert.equal(r.items.length, 1);
  assert.equal(r.items[0].number, "1");
  assert.equal(r.items[0].title, "Special Meeting");
  assert.equal(r.provenance["items/0/number"].implied, true);
  assert.equal(r.provenance["items/0/title"].implied, true);
  assert.match(r.items[0].resolutions.map((x) => x.text).join(" "), /cross-party group of Councillors would meet/);
  assert.ok(r.warnings.some((w) => /no item headings/.test(w)));
  assert.ok(r.attendance.length >= 5, "the attendance is not swallowed by the item");
});

test("a heading that names no kind of meeting gives a plain implied title", () => {
  const r = record(SPECIAL.replace("SPECIAL MEETING", "A MEETING"));
  assert.equal(r.items[0]?.title, "Business of the meeting");
});

test("minutes whose items are numbered are left as they are", () => {
  const r = record(SPECIAL.replace("The Mayor explained", "1. Local Property Tax\n\nThe Mayor explained"));
  assert.ok(!r.warnings.some((w) => /no item headings/.test(w)));
});

test("a document with nothing after its attendance but a signature gets no item", () => {
  const r = record(`MINUTES OF SPECIAL MEETING OF THE PARISH COUNCIL HELD ON 3 MAY 2016\n\nPresent: Cllr A Smith, Cllr B Jones\n\nSigned ........ Chairman\n`);
  assert.deepEqual(r.items, []);
});
