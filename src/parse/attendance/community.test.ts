// Attendance as community and parish councils write it: "A, B and C, Councillors, and D, Clerk",
// bulleted lists with roles, one line holding several labels, members who attended remotely.
import { test } from "node:test";
import assert from "node:assert/strict";
import { splitLines } from "../../domain/source.ts";
import { parseMinutes } from "../minutes.ts";

const attendance = (text: string) =>
  parseMinutes({ file: "minutes.txt", format: "txt", text, lines: splitLines(text), contentHash: "", byteLength: text.length }).attendance.map((a) =>
    [a.name, a.status, a.kind, a.role].filter((x) => x !== null).join(" | "),
  );

test("'A, B and C, Councillors, and D, Clerk': the plural word describes the list, it is nobody's role", () => {
  // Burton-cum-Walden Parish Council, 3 June 2025
  const text = `BURTON-CUM-WALDEN PARISH COUNCIL
MINUTES OF THE PARISH COUNCIL MEETING HELD ON
TUESDAY, 3 JUNE 2025

A Parish Council meeting was held in the Village Hall, West Burton on Tuesday, 3 June 2025.

Present: Miss Jane Ritchie, Mr Andrew Landau, Mrs Sally Sahin, Mrs Victoria Whitehead and Mr
David Dent, Councillors, and Mr Richard Nolan, Clerk.

1. Apologies
There were no apologies, all the members being present.

2. Declarations of interest
There were no declarations of interest.
`;
  assert.deepEqual(attendance(text), [
    "Miss Jane Ritchie | present | member",
    "Mr Andrew Landau | present | member",
    "Mrs Sally Sahin | present | member",
    "Mrs Victoria Whitehead | present | member",
    "Mr David Dent | present | member",
    "Mr Richard Nolan | present | officer | Clerk",
  ]);
});

test("apologies 'received, and the reason accepted, from Councillor X': the clause is not a role", () => {
  // Burton-cum-Walden Parish Council, 7 May 2024
  const text = `BURTON-CUM-WALDEN PARISH COUNCIL
MINUTES OF THE ANNUAL PARISH COUNCIL MEETING HELD ON
TUESDAY, 7 MAY 2024

Present: Miss Jane Ritchie, Mr David Dent, Mr Andrew Landau, and Mrs Sally Sahin, Councillors, and
Mrs Susan Ryding, Clerk

Also attending: Mr Richard Nolan and PCSO Heather Campbell

1. Election of Chairman
Councillor Sally Sahin proposed and Councillor David Dent seconded, that Councillor Jane Ritchie
should be elected as Chairman, and this was passed unanimously.

2. Apologies
Apologies were received, and the reason accepted, from Councillor Victoria Whitehead.

3. Declarations of interest
There were no declarations of interest
`;
  const got = attendance(text);
  assert.ok(got.includes("Councillor Victoria Whitehead | apologies | member"), got.join("\n"));
  assert.ok(got.includes("Mrs Sally Sahin | present | member"), got.join("\n"));
  assert.ok(got.includes("Mrs Susan Ryding | present | officer | Clerk"), got.join("\n"));
});

test("bulleted Present and Apologies lists, with roles in brackets and after a dash", () => {
  const text = `NEWTOWN COMMUNITY COUNCIL
Minutes of the meeting held on 3 March 2024 at the Village Hall

Present:
• Cllr A Smith (Chair)
• Cllr B Jones
- Jane Doe – Clerk
Apologies:
• Cllr C Brown

1. Welcome
The Chair welcomed everyone.
`;
  assert.deepEqual(attendance(text), [
    "Cllr A Smith | present | member | Chair",
    "Cllr B Jones | present | member",
    "Jane Doe | present | officer | Clerk",
    "Cllr C Brown | apologies | member",
  ]);
});

test("one line holding Present, Apologies and In attendance", () => {
  const text = `NEWTOWN COMMUNITY COUNCIL
Minutes of the meeting held on 3 March 2024 at the Village Hall

Present: Cllr A Smith, Cllr B Jones. Apologies: Cllr C Brown. In attendance: Jane Doe (Clerk)

1. Welcome
The Chair welcomed everyone.
`;
  assert.deepEqual(attendance(text), [
    "Cllr A Smith | present | member",
    "Cllr B Jones | present | member",
    "Cllr C Brown | apologies | member",
    "Jane Doe | present | officer | Clerk",
  ]);
});

test("members who attended remotely or virtually are present, and how they attended is not a role", () => {
  const text = `NEWTOWN COMMUNITY COUNCIL
Minutes of the meeting held on 3 March 2024 at the Village Hall

Present: Cllr A Smith (Chair), Cllr B Jones (virtual), Cllr E White (attended remotely), Cllr F Black (via Zoom)

1. Welcome
The Chair welcomed everyone. Cllr D Green attended remotely.
`;
  assert.deepEqual(attendance(text), [
    "Cllr A Smith | present | member | Chair",
    "Cllr B Jones | present | member",
    "Cllr E White | present | member",
    "Cllr F Black | present | member",
    "Cllr D Green | present | member",
  ]);
});

test("an Apologies heading numbered inline after the attendance sentence still opens its list", () => {
  // Stoke Ferry Parish Council, 11 March 2015
  const text = `Minutes of Stoke Ferry Parish Council Meeting held Wednesday 11th March 2015, in the Community Centre, All Saints Academy Those attending: Cllr D Clements (Chair), Cllr P Denny, Cllr T Mann, Cllr J Stocking, Mrs J A Taylor (Clerk), Borough Cllr C Sampson, County Cllr M Storey, six members of the public. 1. Apologies

Cllr Leamon (unwell); Cllr Lintern (travelling); Cllr Ryves (no reason given); Cllr Scott (no reason given).

2\\. To approve the minutes of the last meeting 11 February 2015
`;
  const apologies = attendance(text).filter((a) => a.includes("| apologies |"));
  assert.deepEqual(apologies.map((a) => a.split(" | ")[0]), ["Cllr Leamon", "Cllr Lintern", "Cllr Ryves", "Cllr Scott"]);
});
