// UK principal-council minutes as committee systems print them: "MINUTES of a meeting of the …
// held in …", PRESENT with honours and "(Chairman)", IN ATTENDANCE officers with job titles in
// brackets, UNRESTRICTED / EXEMPT ITEMS headings, minute numbers followed by "(Item N)", and
// "RESOLVED that: (1) … (2) …". The fixture follows the layout of a county council's cabinet
// committee minutes, with invented names.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { splitLines } from "../domain/source.ts";
import { parseMinutes } from "./minutes.ts";

const parse = (text: string) => parseMinutes({ file: "minutes.txt", format: "txt", text, lines: splitLines(text), contentHash: "", byteLength: text.length });
const text = readFileSync(new URL("../../test/fixtures/principal/cabinet-committee.txt", import.meta.url), "utf8");
const record = parse(text);

test("the body is the committee named after 'MINUTES of a meeting of the'", () => {
  assert.equal(record.authority, "Northshire County Council");
  assert.equal(record.body, "Growth and Communities Cabinet Committee");
  assert.equal(record.date, "2024-03-05");
});

test("minute numbers with '(Item N)' under them are the items; numbered paragraphs inside are not", () => {
  assert.deepEqual(
    record.items.map((i) => `${i.number} ${i.title}`),
    [
      "76 Apologies and Substitutes",
      "77 Declarations of Interests by Members in items on the agenda",
      "78 Minutes of the meeting held on 16 January 2024",
      "79 Northshire Film Office",
      "80 Property Disposal at Northtown",
    ],
  );
  const film = record.items[3];
  assert.ok(film.resolutions.some((r) => /the report be noted/.test(r.text)), "item 79's resolution is found");
});

test("IN ATTENDANCE officers keep their job titles, commas and all", () => {
  const officers = record.attendance.filter((a) => a.kind === "officer").map((a) => [a.name, a.role]);
  assert.deepEqual(officers, [
    ["Mr S Mercer", "Corporate Director of Growth, Environment and Transport"],
    ["Mr D Norbury", "Director of Growth and Communities"],
    ["Ms K Oakes", "Head of Culture and Creative Economy"],
    ["Mr M Pryor", "Democratic Services Officer"],
  ]);
  assert.ok(record.attendance.some((a) => a.name === "Mr T Carrow" && a.role === "Chairman"));
});

test("business under EXEMPT ITEMS is exempt, and the heading is not part of the item before it", () => {
  assert.deepEqual(record.items.map((i) => i.exempt), [false, false, false, false, true]);
  const film = record.provenance["items/3"];
  assert.ok(film && film.end < text.indexOf("EXEMPT ITEMS"), "item 79 ends before the EXEMPT ITEMS heading");
});

test("'RESOLVED that: (1) … (2) …' gives one decision per clause, each with its own span", () => {
  const i = record.items.findIndex((it) => it.number === "79");
  const film = record.items[i];
  assert.deepEqual(
    film.resolutions.map((r) => r.text),
    ["(1) the report be noted", "(2) the Committee receive an update in twelve months."],
  );
  const spans = film.resolutions.map((_, j) => record.provenance[`items/${i}/resolutions/${j}`]);
  assert.match(text.slice(spans[0].start, spans[0].end), /^\(1\) the report be noted; and$/);
  assert.match(text.slice(spans[1].start, spans[1].end), /^\(2\) the Committee receive an update in twelve months\.$/);
});
