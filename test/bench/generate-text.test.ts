// Rewriting a template's text for a generated meeting: spans still point at what they read, and a
// header's date says the new date in the style it was written in.
import { test } from "node:test";
import assert from "node:assert/strict";
import { applyEdits, dateEdits, mapSpan } from "../../bench/generate-text.ts";

test("edits shift the spans after them and a span over an edited name covers the new name", () => {
  const text = "Present: Cllr J Smith (Chair)\nApologies: Mrs Brown\n";
  const smith = { line: 1, start: text.indexOf("Cllr"), end: text.indexOf(" (Chair)") };
  const brown = { line: 2, start: text.indexOf("Mrs"), end: text.indexOf("Brown") + 5 };
  const r = applyEdits(text, [
    { start: text.indexOf("J Smith"), end: text.indexOf("J Smith") + 7, text: "Karen Okafor" },
    { start: text.indexOf("Brown"), end: text.indexOf("Brown") + 5, text: "Wainwright" },
  ]);
  assert.equal(r.text, "Present: Cllr Karen Okafor (Chair)\nApologies: Mrs Wainwright\n");
  const s = mapSpan(smith, r);
  assert.equal(r.text.slice(s.start, s.end), "Cllr Karen Okafor");
  const b = mapSpan(brown, r);
  assert.equal(r.text.slice(b.start, b.end), "Mrs Wainwright");
  assert.equal(b.line, 2);
});

test("an insertion at the end of a span stays outside it, and the next span starts after it", () => {
  const text = "12. Contract award\nThe contract be awarded.";
  const title = { line: 1, start: 4, end: 18 };
  const body = { line: 2, start: 19, end: text.length };
  const r = applyEdits(text, [{ start: 18, end: 18, text: " (exempt)" }]);
  assert.equal(r.text.slice(mapSpan(title, r).start, mapSpan(title, r).end), "Contract award");
  assert.equal(r.text.slice(mapSpan(body, r).start, mapSpan(body, r).end), "The contract be awarded.");
});

test("an edit that would add or remove a line break is not made", () => {
  const r = applyEdits("a\nb", [{ start: 0, end: 3, text: "c" }]);
  assert.equal(r.text, "a\nb");
});

test("a header's date is rewritten in its own style", () => {
  const cases: [string, string, string][] = [
    ["held on Tuesday 12th March 2019 at", "2023-05-04", "held on Thursday 4th May 2023 at"],
    ["ON WEDNESDAY, 16TH JULY, 2020", "2021-01-21", "ON THURSDAY, 21ST JANUARY, 2021"],
    ["Meeting of March 12, 2019", "2020-11-02", "Meeting of November 2, 2020"],
    ["Date: 12/03/2019", "2022-10-05", "Date: 05/10/2022"],
    ["on 2019-03-12", "2024-02-29", "on 2024-02-29"],
    ["Mon 3 Sept 2018", "2019-09-23", "Mon 23 Sep 2019"],
  ];
  for (const [written, date, expected] of cases) {
    const r = applyEdits(written, dateEdits(written, { start: 0, end: written.length }, date));
    assert.equal(r.text, expected, written);
  }
});
