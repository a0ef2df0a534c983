// Parish-council minutes as they are printed: minute numbers of month, year and item ("09.25.01"),
// and a Present block laid out beside another in two columns.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { splitLines } from "../../domain/source.ts";
import { parseMinutes } from "../minutes.ts";
import { readNumber, successor } from "./numbering.ts";

const parse = (text: string) => parseMinutes({ file: "minutes.txt", format: "txt", text, lines: splitLines(text), contentHash: "", byteLength: text.length });
// Souldern Parish Council, 25 September 2025, as the PDF's text layer reads
const souldern = readFileSync(new URL("../../../test/fixtures/parish/souldern-2025-09-25.txt", import.meta.url), "utf8");

test("'09.25.01' is one item number of a month-year family; a paragraph '1.2.1' is not", () => {
  const n = readNumber("09.25.01\tApologies for absence");
  assert.ok(n);
  assert.equal(n.text, "09.25.01");
  assert.equal(successor(n), "09.25.02");
  assert.equal(readNumber("1.2.1 The Clerk reported"), null);
});

test("minute numbers '09.25.01' … are the items, with their titles", () => {
  const record = parse(souldern);
  const items = record.items.map((i) => `${i.number} ${i.title}`);
  assert.deepEqual(items.slice(0, 6), [
    "09.25.01 Apologies for absence",
    "09.25.02 Declarations of Interests",
    "09.25.03 To receive the minutes of the last parish council meeting",
    "09.25.04 Public participation",
    "09.25.05 Clerks Report and Actions from previous meeting",
    "09.25.06 Co-option of Amanda Sharman",
  ]);
  assert.ok(items.includes("09.25.10 Correspondence"), items.join("\n"));
  assert.ok(record.items[5].resolutions.some((r) => /co-opt Amanda Sharman/.test(r.text)));
});

const attendance = (text: string) =>
  parse(text).attendance.map((a) => [a.name, a.status, a.kind, a.role].filter((x) => x !== null).join(" | "));

test("a Present block printed beside another in two columns: each column under its own label", () => {
  assert.deepEqual(attendance(souldern), [
    "Nick Oakhill | present | member | Chair",
    "Kate Green | present | member",
    "Rob Large | present | member",
    "John Hoodless | present | member",
    "Cathy Fleet | present | officer | Clerk",
    // residents named under "Members of the Public" attended (the labelling conventions)
    "Cllr David Rogers | in_attendance | other",
    "Cllr Gareth Epps | in_attendance | other",
    "Abby Jeffs | in_attendance | other | RAF Croughton",
    "Amanda Sharman | in_attendance | other",
  ]);
  // Souldern Parish Council, 21 March 2013
  const text = `MINUTES OF THE SOULDERN PARISH COUNCIL MEETING
HELD IN THE VILLAGE HALL
ON 21st March 2013

Present:\tAlso in attendance:
Mr A Martin (Chairman)\tMr M Kerford Byrne
Ms K Draper\tMr W Green
Mr C Rothero\tMs D Stephens
Mrs S Barrett
\tApologies:
Mrs B McGarry (Clerk)
Mrs J Martin (RFO)\tMrs J Coleman
Mr R Deeley\tMr L Barrett

1\tThe minutes of the meeting held on 17th January 2013 were approved and signed
`;
  // each name belongs to the column it is printed in: "Apologies:" heads the right-hand column only
  assert.deepEqual(attendance(text).map((g) => g.split(" | ").slice(0, 2).join(" | ")), [
    "Mr A Martin | present",
    "Ms K Draper | present",
    "Mr C Rothero | present",
    "Mrs S Barrett | present",
    "Mrs B McGarry | present",
    "Mrs J Martin | present",
    "Mr R Deeley | present",
    "Mr M Kerford Byrne | in_attendance",
    "Mr W Green | in_attendance",
    "Ms D Stephens | in_attendance",
    "Mrs J Coleman | apologies",
    "Mr L Barrett | apologies",
  ]);
});

test("three blocks side by side, and roles in square brackets", () => {
  // Souldern Parish Council planning meeting, 22 March 2018
  const text = `MINUTES OF THE SOULDERN PARISH COUNCIL PLANNING MEETING

HELD IN THE VILLAGE HALL

ON

22nd March 2018

Present:\tMembers of the Public:\tApologies:

Katy Draper (KD)[acting Chair]\tMary May\tNick Oakhill (NO)
Bruce May (BM)\tCllr Mike Kerford-Byrnes\tAnne Prescott
Chris Rothero (CR)\tDavid & Joanna Carlisle
Alan Smith (AS)\tNorma Jones
Kirsty Allpress (KA)\tBarbara McGarry
Cathy Fleet (CF) [Clerk & RFO]

03.18.02\tDeclarations of interest
There were no declarations of interest
03.18.03\tMinutes of the last meeting
`;
  // the middle column's residents attended (the labelling conventions); the other two are read exactly
  const read = attendance(text);
  for (const resident of ["Mary May", "Cllr Mike Kerford-Byrnes", "Norma Jones", "Barbara McGarry"]) assert.ok(read.includes(`${resident} | in_attendance | other`), read.join("\n"));
  assert.deepEqual(read.filter((a) => !a.includes("| in_attendance |")), [
    "Katy Draper | present | member | Acting Chair",
    "Bruce May | present | member",
    "Chris Rothero | present | member",
    "Alan Smith | present | member",
    "Kirsty Allpress | present | member",
    "Cathy Fleet | present | officer | Clerk & RFO",
    "Nick Oakhill | apologies | member",
    "Anne Prescott | apologies | member",
  ]);
});

test("a column heading printed without its colon still heads its column", () => {
  // Souldern Parish Council, 17 March 2016
  const text = `MINUTES OF THE SOULDERN PARISH COUNCIL MEETING
HELD IN THE VILLAGE HALL
ON 17th MARCH 2016

Present:\tAlso in attendance:\tApologies
K Draper (KD - Chair)\tR Summers\tN Oakhill
K Allpress (KA)\tD Summers\tCllr Fatemian
C Rothero (CR)\tD Stephenson\tM May
B McGarry (Clerk - BMc)\tD Carlisle
T Noble

1. Minutes:
The minutes of the meeting held on 17th March 2016 were approved & signed
`;
  const got = attendance(text).map((g) => g.split(" | ").slice(0, 2).join(" | "));
  assert.deepEqual(
    got.filter((g) => g.endsWith("apologies")),
    ["N Oakhill | apologies", "Cllr Fatemian | apologies", "M May | apologies"],
  );
  assert.ok(got.includes("K Draper | present") && got.includes("R Summers | in_attendance"), got.join("\n"));
});

test("a heading after a blank line ends the list above it: it is no one's role", () => {
  // Souldern Parish Council, 21 March 2013
  const text = `MINUTES OF THE SOULDERN PARISH COUNCIL MEETING
HELD IN THE VILLAGE HALL
ON 21st March 2013

Present:\tAlso in attendance:
Mr A Martin (Chairman)\tMr M Kerford Byrne
\tApologies:
Mrs B McGarry (Clerk)
Mrs J Martin (RFO)\tMrs J Coleman
Mr R Deeley\tMr L Barrett

Minutes of previous meeting
1\tThe minutes of the meeting held on 17th January 2013 were approved and signed
Proposed: CR 2nd: KD

2\tDeclarations of Interest from Councillors:
a) RD declared an interest in planning applications.
`;
  assert.ok(attendance(text).includes("Mr L Barrett | apologies | member"), attendance(text).join("\n"));
});

test("in double-spaced text a blank line is no paragraph break: a wrapped list goes on past it", () => {
  // Limerick City and County Council, 14 March 2016
  const text = `MINUTES OF ORDINARY MEETING OF LIMERICK CITY AND COUNTY COUNCIL HELD ON MONDAY 14th MARCH 2016

OFFICIALS IN ATTENDANCE:

Chief Executive (Mr. C. Murray), Director, Regional Services (Ms. C. Curley), Director, Service

Operations/Change

Management

(Mr.

G.

Daly),

A/Head

of

Finance/Human

Resources/Corporate/ICT (Mr. S. Coughlan), Meetings Administrator (Mr. C. O’Connor).

ADJOURNMENT OF MEETING:

At the outset and with the permission of the Mayor, on the proposal of Councillor O’Hanlon, seconded by Councillor Sheahan (J), it was unanimously agreed that the Meeting would be adjourned.
`;
  const names = attendance(text).map((a) => a.split(" | ")[0]);
  assert.ok(names.includes("Mr. S. Coughlan") && names.includes("Mr. C. O’Connor"), names.join("\n"));
});
