import { test } from "node:test";
import assert from "node:assert/strict";
import { splitLines, type SourceText } from "../../domain/source.ts";
import { ParseContext } from "../context.ts";
import { parseAttendance } from "./attendance.ts";

const read = (text: string) => {
  const source: SourceText = { file: "doc.txt", format: "txt", text, lines: splitLines(text), contentHash: "", byteLength: text.length };
  const ctx = new ParseContext(source);
  return parseAttendance(ctx, ctx.lines.length, []).map((a) => `${a.value.name} | ${a.value.status}`);
};

test("side-by-side attendance columns: each name belongs to the column it is printed in", () => {
  // Souldern Parish Council, 17 November 2016, as read from the PDF (a tab before a name whose
  // first column is empty)
  const text = [
    "MINUTES OF THE SOULDERN PARISH COUNCIL MEETING",
    "",
    "Present:\tAlso in attendance:\tApologies:",
    "K Draper (Chair - KD)\tCllr A Fatemian\tN Oakhill",
    "K Allpress (KA)\tJ Abernethy\tB May",
    "C Rothero\tR Summers\tA Prescott",
    "N Robertson (RFO - NO)\tD Summers",
    "B McGarry (Clerk - BMc)\tJ Sneyd",
    "\tD Stephens",
    "\tC Couzens",
    "",
    "2. Minutes:",
    "The minutes of the meeting held on 29th September 2016 were approved and signed",
  ].join("\n");
  const got = read(text);
  for (const p of ["K Draper", "K Allpress", "C Rothero", "N Robertson", "B McGarry"]) assert.ok(got.includes(`${p} | present`), `${p} in ${got.join("; ")}`);
  for (const p of ["Cllr A Fatemian", "J Abernethy", "R Summers", "D Summers", "J Sneyd", "D Stephens", "C Couzens"])
    assert.ok(got.includes(`${p} | in_attendance`), `${p} in ${got.join("; ")}`);
  for (const p of ["N Oakhill", "B May", "A Prescott"]) assert.ok(got.includes(`${p} | apologies`), `${p} in ${got.join("; ")}`);
  assert.equal(got.length, 15, got.join("; "));
});

test("a label that spans two columns, a label inside a column, and members of the public", () => {
  // Souldern Annual Parish Meeting, 14 May 2015 (excerpt), and Souldern Parish Council, 25 April 2019
  const got = read(
    [
      "Present:\tAlso in attendance:",
      "N Oakhill (Chairman)\tMrs M May\tMrs J Clifford",
      "B McGarry (Clerk)\tMr H Snow\tMr D Blunt",
      "\tMaj A Gray\tMrs E Johnson",
      "Apologies:\tMr E Deeley\tMr W Johnson",
      "Cllr J Macnamara\tMr R Deeley\tMrs T Noble",
      "K Hewitt\tMr B Wright\tMrs K Gray",
      "\tMr D Summers",
      "",
      "1. Apologies:",
    ].join("\n"),
  );
  for (const p of ["N Oakhill", "B McGarry"]) assert.ok(got.includes(`${p} | present`), `${p} in ${got.join("; ")}`);
  for (const p of ["Mrs M May", "Mrs J Clifford", "Maj A Gray", "Mrs E Johnson", "Mr E Deeley", "Mrs T Noble", "Mr D Summers"])
    assert.ok(got.includes(`${p} | in_attendance`), `${p} in ${got.join("; ")}`);
  for (const p of ["Cllr J Macnamara", "K Hewitt"]) assert.ok(got.includes(`${p} | apologies`), `${p} in ${got.join("; ")}`);

  const planning = read(
    [
      "ON 25th APRIL 2019",
      "",
      "Present:\tMembers of the Public",
      "",
      "Nick Oakhill (NO) CHAIR\tDavid Blunt",
      "John Hoodless (JH)\tHelen Blunt",
      "Laura How (LH)",
      "Cathy Fleet (CF) CLERK",
      "",
      "04.19.01\tApologies",
    ].join("\n"),
  );
  for (const p of ["Nick Oakhill", "John Hoodless", "Laura How", "Cathy Fleet"]) assert.ok(planning.includes(`${p} | present`), `${p} in ${planning.join("; ")}`);
  for (const p of ["David Blunt", "Helen Blunt"]) assert.ok(planning.includes(`${p} | in_attendance`), `${p} in ${planning.join("; ")}`);
});
