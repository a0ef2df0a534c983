import { test } from "node:test";
import assert from "node:assert/strict";
import { splitLines, type SourceText } from "../../domain/source.ts";
import { ParseContext } from "../context.ts";
import { parseAttendance } from "./attendance.ts";

const roles = (text: string) => {
  const source: SourceText = { file: "doc.txt", format: "txt", text, lines: splitLines(text), contentHash: "", byteLength: text.length };
  const ctx = new ParseContext(source);
  return Object.fromEntries(parseAttendance(ctx, ctx.lines.length, []).map((a) => [a.value.name, a.value.role]));
};

test("a plural label is nobody's role, an email address is not a role, and minuting initials are not part of one", () => {
  // Burton-cum-Walden Parish Council, 3 June 2025
  const burton = roles(
    "Present: Miss Jane Ritchie, Mrs Jill Wilson, Mr Ian Hanley, Mr Cecil Aldersley and Mr David Dent, Councillors, and Mr Richard Nolan, Clerk.\n\n1. Apologies",
  );
  assert.equal(burton["Mr David Dent"], null);
  assert.equal(burton["Mr Richard Nolan"], "Clerk");
  // the website's rendition of 9 January 2024 printed the Clerk's address for the word "Clerk"
  const web = roles("Present: Mrs Victoria Whitehead, Councillors, and Mrs Susan Ryding, clerk@burtoncumwalden-pc.gov.uk.\n\n1. Apologies");
  assert.equal(web["Mrs Victoria Whitehead"], null);
  assert.equal(web["Mrs Susan Ryding"], "Clerk");
  // Souldern Parish Council, 17 November 2016
  const souldern = roles("Present:\nK Draper (Chair - KD)\nN Robertson (RFO - NO)\nB McGarry (Clerk - BMc)\n\n2. Minutes:");
  assert.deepEqual([souldern["K Draper"], souldern["N Robertson"], souldern["B McGarry"]], ["Chair", "RFO", "Clerk"]);
});
