// Community-council minutes whose headings are topics, not numbers. The wording is Burton-cum-Walden
// Parish Council's (9 January 2024); the headings are printed without numbers, as community councils
// that head business by topic print them. Items are numbered 1, 2, … in order.
import { test } from "node:test";
import assert from "node:assert/strict";
import { splitLines } from "../../domain/source.ts";
import { parseMinutes } from "../minutes.ts";

const text = `Burton-cum-Walden Parish Council Minutes for Tuesday, 9 January 2024

A Parish Council meeting was held in the Village Hall, West Burton on Tuesday, 9 January 2024

Present: Miss Jane Ritchie, Mr Andrew Landau, Mrs Sally Sahin, Mr David Dent and Mrs Victoria Whitehead, Councillors, and Mrs Susan Ryding, Clerk

Apologies

There were no apologies, all the Members being present.

Declarations of interest

There were no declarations of interest

Minutes

The minutes of the Parish Council meeting held on 5 December 2023, having been circulated to all Members, were confirmed as a true copy, and duly signed by the Chairman.

Planning Applications

RESOLVED: That the Council had no objection to the application.

Date of the next meeting

The next meeting will be held on Tuesday, 6 February 2024 at 7.30 pm in the Village Hall.
`;

test("topic headings are the items, the Apologies heading and the next-meeting heading included", () => {
  const record = parseMinutes({ file: "minutes.txt", format: "txt", text, lines: splitLines(text), contentHash: "", byteLength: text.length });
  assert.deepEqual(
    record.items.map((i) => `${i.number} ${i.title}`),
    ["1 Apologies", "2 Declarations of interest", "3 Minutes", "4 Planning Applications", "5 Date of the next meeting"],
  );
  assert.equal(record.attendance.length, 6);
});
