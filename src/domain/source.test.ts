import { test } from "node:test";
import assert from "node:assert/strict";
import { splitLines } from "./source.ts";

test("lines are numbered from 1 with the offset of their first character", () => {
  assert.deepEqual(splitLines("PRESENT\nCllr Tett\n"), [
    { no: 1, text: "PRESENT", offset: 0 },
    { no: 2, text: "Cllr Tett", offset: 8 },
    { no: 3, text: "", offset: 18 },
  ]);
});

test("a page is recorded where the document has pages", () => {
  const lines = splitLines("Page one\nPage two", (offset) => (offset < 9 ? 1 : 2));
  assert.deepEqual(lines.map((l) => [l.offset, l.page]), [[0, 1], [9, 2]]);
  assert.equal("page" in splitLines("a", () => undefined)[0], false);
});
