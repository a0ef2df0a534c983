import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { findItems } from "./find-items.ts";
import { contextOf } from "./test-support.ts";
import { parseMinutes } from "../minutes.ts";
import { splitLines } from "../../domain/source.ts";

const lastItemText = (text: string) => {
  const ctx = contextOf(text);
  const found = findItems(ctx);
  const last = found[found.length - 1];
  return ctx.lines.slice(last.bodyStart, last.end).map((l) => l.text).join("\n");
};

test("the signature and the response appendix after the last item are not part of it", () => {
  // Buckinghamshire Cabinet, 23 April 2018: item 11, then the Leader's signature and the response table
  const file = new URL("../../../test/golden/dev/bucks-cabinet-2018-04-23.txt", import.meta.url);
  const text = readFileSync(file, "utf8");
  const body = lastItemText(text);
  assert.match(body, /21 May 2018, Mezzanine 1 & 2, County Hall, Aylesbury/);
  assert.doesNotMatch(body, /MARTIN TETT|Response to Buckinghamshire Select Committee Inquiry|Recommendation\tAgreed/);
  // the record says where the item ends, so the item's stored text stops there too
  const record = parseMinutes({ file: "bucks.txt", format: "txt", text, lines: splitLines(text), contentHash: "", byteLength: text.length });
  const span = record.provenance["items/10"];
  assert.ok(span, "the last item has a span");
  assert.ok(span.end <= text.indexOf("MARTIN TETT"), "the item's span stops before the signature");
  assert.equal(record.items[10].title, "Date of the Next Meeting");
  assert.ok(record.warnings.some((w) => /after the last item/.test(w)), "a warning says what was left out");
});

test("an appendix heading or a signature line ends the last item; ordinary text does not", () => {
  const doc = (tail: string[]) => ["1. Apologies", "None.", "2. Date of next meeting", "The next meeting will be on 3 June 2024.", ...tail].join("\n");
  assert.equal(lastItemText(doc(["", "Appendix A", "Schedule of payments", "Clerk's salary 300.00"])), "The next meeting will be on 3 June 2024.\n");
  assert.equal(lastItemText(doc(["", "Signed ............................ Chairman", "Date ................"])), "The next meeting will be on 3 June 2024.\n");
  // Limerick, 12 February 2016: a reference to an appendix wrapped onto a line of its own
  assert.equal(lastItemText(doc(["Cllr T Neville and the lessee, (See", "Appendix O).", "The Members sought advice."])), "The next meeting will be on 3 June 2024.\nCllr T Neville and the lessee, (See\nAppendix O).\nThe Members sought advice.");
  // a heading in capitals that names an office is not a signature
  assert.equal(lastItemText(doc(["REPORT OF THE CHAIRMAN", "The Chairman thanked members."])), "The next meeting will be on 3 June 2024.\nREPORT OF THE CHAIRMAN\nThe Chairman thanked members.");
  assert.equal(lastItemText(doc(["", "J SMITH CHAIRMAN"])), "The next meeting will be on 3 June 2024.\n");
  assert.equal(lastItemText(doc(["The meeting closed at 9.15pm."])), "The next meeting will be on 3 June 2024.\nThe meeting closed at 9.15pm.");
});

test("an unnumbered 'Other matters' heading after the last numbered item is not part of it", () => {
  // Souldern Parish Council planning meeting, 25 April 2019
  const text = [
    "04.19.05\tThe following accounts were approved for payment :",
    "04.19.06\tSandy & Diana Gray",
    "Sandy and Diana Gray are leaving the village after 49 years.",
    "ACTION : CF to find out the best way of accounting for the spend.",
    "",
    "Other matters",
    "NBW - There was concern that the Bushcraft Instructor may not have suitable insurance and it was agreed that LH will speak to the mother of the children and report back to the PC.",
  ].join("\n");
  const body = lastItemText(text);
  assert.match(body, /leaving the village/);
  assert.doesNotMatch(body, /Other matters|Bushcraft/);
});
