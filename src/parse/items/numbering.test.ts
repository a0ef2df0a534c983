import { test } from "node:test";
import assert from "node:assert/strict";
import { readNumber, step, successor } from "./numbering.ts";

test("reads the printed forms of item numbers", () => {
  const cases: [string, string, string][] = [
    ["28. Declarations of Interest", "28", "whole"],
    ["1 APOLOGIES FOR ABSENCE", "1", "whole"],
    ["196/20 Minutes", "196/20", "slash/20"],
    ["16/01/1 Public Forum", "16/01/1", "triple16/01"],
    ["15/09/1Public Forum", "15/09/1", "triple15/09"],
    ["1.0 Apologies", "1.0", "dot0"],
    ["3362. Adoption of Minutes", "3362", "whole"],
    ["Item 4: Update", "4", "whole"],
    ["Item #10 Consideration", "10", "whole"],
    ["8.1 Quotations", "8.1", "sub"],
  ];
  for (const [text, printed, family] of cases) {
    const n = readNumber(text);
    assert.ok(n, text);
    assert.equal(n.text, printed, text);
    assert.equal(n.family, family, text);
  }
});

test("does not read reference numbers and paragraph numbers as item numbers", () => {
  for (const text of ["5.1.1 Allotments", "£500 was paid", "15/02050/O – Outline application", "R2024-070 S. Kirkey"]) {
    assert.equal(readNumber(text), null, text);
  }
});

test("numbers follow one another only within one family", () => {
  const a = readNumber("182/18 Apologies")!;
  assert.equal(step(a, readNumber("183/18 Minutes")!), 0);
  assert.equal(step(a, readNumber("185/18 Minutes")!), 2);
  assert.equal(step(a, readNumber("183/19 Minutes")!), null);
  assert.equal(step(a, readNumber("181/18 Minutes")!), null);
  assert.equal(step(readNumber("8. Assets")!, readNumber("8.1 Quotations")!), null);
  assert.equal(successor(a), "183/18");
  assert.equal(successor(readNumber("16/01/9 Cemetery")!), "16/01/10");
});

test("reads month.year.sequence numbers, with a meeting's ordinal in brackets", () => {
  // Souldern Parish Council, 2019 and 2024 (second April meeting)
  const a = readNumber("04.19.01\tApologies")!;
  assert.equal(a?.text, "04.19.01");
  const b = readNumber("04.19.02\tDeclarations of interest")!;
  assert.equal(step(a, b), 0);
  const c = readNumber("04(2).24.01 Apologies")!;
  assert.equal(c?.text, "04(2).24.01");
  assert.equal(step(readNumber("04(2).24.08\tPlayground update")!, readNumber("04(2).24.9\tTrees by NBW")!), 0);
  assert.equal(step(a, c), null);
  assert.equal(successor(c), "04(2).24.02");
});
