import { test } from "node:test";
import assert from "node:assert/strict";
import { plain, rawRange } from "./markup.ts";

test("a line without markup is its own plain text, column for column", () => {
  assert.deepEqual(plain("2. Minutes of the last meeting"), {
    text: "2. Minutes of the last meeting",
    cols: [...Array(31).keys()],
    bold: false,
  });
  assert.deepEqual(plain(""), { text: "", cols: [0], bold: false });
});

test("emphasis and escapes are taken out, and each plain character keeps its raw column", () => {
  const p = plain("**1.**  **Apologies**");
  assert.equal(p.text, "1. Apologies");
  assert.deepEqual(p.cols, [2, 3, 6, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  assert.equal(p.bold, true);
  assert.deepEqual(rawRange(p, 3, 12), [10, 19]);
  assert.deepEqual(plain("2\\. Minutes").text, "2. Minutes");
  assert.deepEqual(plain("2\\. Minutes").cols.slice(0, 3), [0, 2, 3]);
});

test("spaces a line starts or ends with, runs of them, tabs and no-break spaces are tidied with their columns", () => {
  assert.deepEqual(plain("  3.  Planning "), { text: "3. Planning", cols: [2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14], bold: false });
  assert.deepEqual(plain("4.\tFinance"), { text: "4. Finance", cols: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], bold: false });
  assert.deepEqual(plain("5.\u00a0Roads").text, "5. Roads");
});
