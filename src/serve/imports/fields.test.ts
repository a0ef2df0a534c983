// What the review screen lists first: values the parser was unsure of. Parsed from real text: the
// Cappamore-Kilmallock header with no year on its date (the year was guessed), and Newcastle West's
// questions with no REPLY label (where each answer starts was inferred).
import { test } from "node:test";
import assert from "node:assert/strict";
import { splitLines } from "../../domain/source.ts";
import { parseMinutes } from "../../parse/minutes.ts";
import { fieldLabel, fieldSections, lowConfidence } from "./fields.ts";

function parsed(text: string) {
  return parseMinutes({ file: "minutes.txt", format: "txt", text, lines: splitLines(text), contentHash: "", byteLength: text.length });
}

const CAPPAMORE =
  "MINUTES OF PROCEEDINGS OF SPECIAL MEETING OF THE\nMUNICIPAL DISTRICT OF CAPPAMORE-KILMALLOCK HELD IN ARAS\nMAINCHIN SEOIGHE, KILMALLOCK ON THURSDAY 1st FEBRUARY\nAT 3.00PM.\nPRESENT IN THE CHAIR: Councillor M. Donegan\n\n1. Budget 2024\nThe minutes of 7 December 2023 and 11 January 2024 were adopted; the 2023 outturn and Budget 2023 were noted. The next meeting is on 7 March 2024.\n\n" +
  "2. Questions\nQuestions submitted by Councillor Scanlan:\n\n(i) “I will ask at the next area meeting as to what is being done to remove\nthe trees lying to the west of Castleview Estate”.\n\nIt was noted that the fallen trees had been removed.\n";

test("a guessed year and an inferred answer are listed first, with why", () => {
  const record = parsed(CAPPAMORE);
  assert.equal(record.confidence?.date, "low", JSON.stringify(record.confidence));
  assert.equal(record.confidence?.["questions/0/answer"], "low");
  const sections = fieldSections(record, CAPPAMORE.length, []);
  const first = lowConfidence(sections).map((d) => [fieldLabel(sections, d.row), d.why]);
  assert.deepEqual(
    first.filter(([label]) => label === "Date" || /Question/.test(label)),
    [
      ["Date", "the parser was unsure: a guess or a fallback"],
      ["Questions: Councillor Scanlan", "the parser was unsure: a guess or a fallback"],
    ],
  );
  // the question's row shows what was asked and the answer
  const q = sections.find((s) => s.id === "questions")!.rows[0];
  assert.match(q.value, /^Item 2\nI will ask at the next area meeting .*\nAnswer: It was noted that the fallen trees had been removed\.$/s);
});

test("values read as written are not listed", () => {
  const text = "WEST DEREHAM PARISH COUNCIL\nDRAFT Minutes of the meeting held on 4th February 2014 at 7.30pm\nPRESENT: Cllr A Smith (Chair), Cllr B Jones\n\n1. Apologies\nNone.\n\n2. Close\nThe meeting closed at 9pm.\n";
  const record = parsed(text);
  const sections = fieldSections(record, text.length, []);
  assert.deepEqual(lowConfidence(sections).map((d) => d.row.path), []);
  assert.ok(sections[0].rows.some((r) => r.label === "Minutes status" && r.value === "Draft (“DRAFT Minutes”)"), JSON.stringify(sections[0].rows));
});
