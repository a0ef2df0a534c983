// A county council's PRESENT list, set in a justified column: names break across lines between
// initials and surname ("Ms A\nFinch", "Ms F\nM Oakes"), honours follow commas. The list is the one
// issue 12 quotes (invented names), scaled up to 500 people.
import { test } from "node:test";
import assert from "node:assert/strict";
import { splitLines } from "../../domain/source.ts";
import { parseMinutes } from "../minutes.ts";
import { surname } from "../../../test/support/hostile.ts";

const ISSUE_LIST =
  "Mrs C Abel, Ms R S Brook, Mrs D Carrow, Ms P A Dale, Mrs H D Eden, Ms A Finch, Ms G P Gale, Ms H R S Hurst, MBE, Mrs H H Irwin, OBE, Ms P Jarrow, Mr K Keel, OBE, Ms T P T Lomas, MBE, Ms K S Mercer, Ms B S H Norbury, Ms F M Oakes, OBE, Ms R Pryor, Mrs T Quill, OBE, Mr A S Rowe, OBE, Ms N F F Stone, MBE, Ms G Thorne, MBE, Ms T M Usher, OBE, Mrs J A Vane, MBE, Mrs G P B Wells, OBE, Mrs G T P Yates, OBE";
const PEOPLE = ISSUE_LIST.split(/, (?=Mr?s? )/);

/** `n` people of the issue's shapes (each surname made unique), wrapped at `width` and justified. */
function northshire(n: number, width: number): { text: string; names: string[] } {
  const people = Array.from({ length: n }, (_, i) => {
    const p = PEOPLE[i % PEOPLE.length];
    return i < PEOPLE.length ? p : p.replace(/ ([A-Z][a-z]+)(?=,|$)/, (_m, s: string) => ` ${s}${surname(i).toLowerCase()}`);
  });
  const lines: string[] = [];
  let line = "PRESENT:";
  for (const w of people.join(", ").split(" ")) {
    if (line.length + w.length + 1 > width) {
      lines.push(line);
      line = w;
    } else line += ` ${w}`;
  }
  lines.push(line);
  // justified: the spaces of every line but the last are widened to fill the column
  const justified = lines.map((l, k) => {
    if (k === lines.length - 1) return l;
    const words = l.split(" ");
    for (let extra = width - l.length, g = 0; extra > 0; extra--, g++) words[1 + (g % (words.length - 1))] = ` ${words[1 + (g % (words.length - 1))]}`;
    return words.join(" ");
  });
  const text = [
    "NORTHSHIRE COUNTY COUNCIL",
    "",
    "MINUTES of a meeting of the County Council held in the Council Chamber,",
    "County Hall, Northtown on Thursday, 9 January 2025.",
    "",
    ...justified,
    "",
    "1. Apologies",
    "",
    "RESOLVED that the apologies be noted.",
    "",
  ].join("\n");
  return { text, names: people.map((p) => p.replace(/, [A-Z]BE$/, "")) };
}

const attendees = (text: string) =>
  parseMinutes({ file: "northshire.txt", format: "txt", text, lines: splitLines(text), contentHash: "", byteLength: text.length }).attendance;

test("the issue's PRESENT list, as printed: every name, including those broken across lines", () => {
  const text = `NORTHSHIRE COUNTY COUNCIL

MINUTES of a meeting of the County Council held in the Council Chamber,
County Hall, Northtown on Thursday, 9 January 2025.

PRESENT: Mrs C Abel, Ms R S Brook, Mrs D Carrow, Ms P A Dale, Mrs H D Eden, Ms A
Finch, Ms G P Gale, Ms H R S Hurst, MBE, Mrs H H Irwin, OBE, Ms P Jarrow,
Mr K Keel, OBE, Ms T P T Lomas, MBE, Ms K S Mercer, Ms B S H Norbury, Ms F
M Oakes, OBE, Ms R Pryor, Mrs T Quill, OBE, Mr A S Rowe, OBE, Ms N F F
Stone, MBE, Ms G Thorne, MBE, Ms T M Usher, OBE, Mrs J A Vane, MBE, Mrs G P
B Wells, OBE, Mrs G T P Yates, OBE

1. Apologies

RESOLVED that the apologies be noted.
`;
  assert.deepEqual(attendees(text).map((a) => a.name), PEOPLE.map((p) => p.replace(/, [A-Z]BE$/, "")));
});

test("the same list with 500 names, wrapped at several widths, gives all 500, each whole", () => {
  for (const width of [64, 72, 76, 81, 90]) {
    const { text, names } = northshire(500, width);
    // the wraps fall between initials and surname, and between an honorific and its initials
    assert.match(text, /\b(?:Mrs?|Ms)(?: [A-Z])*\n/, `width ${width}`);
    const got = attendees(text);
    assert.equal(got.length, 500, `width ${width}`);
    assert.deepEqual(got.map((a) => a.name), names, `width ${width}`);
    assert.ok(got.every((a) => a.status === "present" && a.role === null), `width ${width}`);
  }
});
