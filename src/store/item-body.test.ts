// An item's text kept as a cut of its source: every text itemText gives reads back exactly.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cutItemText, itemTextColumns } from "./item-body.ts";
import { itemText } from "./item-text.ts";

const SOURCE = "1. Apologies\nNone.\n\n2. Planning\nThe committee considered the application.\n\n\n\nIt was refused (a.b*c).\n\n3. Close\nThe meeting closed.\n";

test("an item's text whose blank lines were joined is still kept as a cut of the source", () => {
  const bodyStart = SOURCE.indexOf("2. Planning") + "2. Planning".length;
  const text = itemText(SOURCE, { headingStart: 0, bodyStart, end: SOURCE.indexOf("3. Close"), until: SOURCE.indexOf("3. Close") })!;
  assert.equal(text, "The committee considered the application.\n\nIt was refused (a.b*c).");
  const stored = itemTextColumns(SOURCE, text, bodyStart);
  assert.equal(stored.text_uncut, null);
  assert.ok(stored.text_start! >= bodyStart);
  assert.equal(cutItemText(SOURCE, stored), text);
});

test("a plain cut is found after the item's heading when the same words come earlier too", () => {
  const source = "1. Minutes\nNone.\n\n2. Other\nNone.\n";
  const stored = itemTextColumns(source, "None.", source.indexOf("2. Other"));
  assert.equal(stored.text_start, source.lastIndexOf("None."));
  assert.equal(cutItemText(source, stored), "None.");
});

test("text that no cut of the source gives is kept whole", () => {
  const stored = itemTextColumns(SOURCE, "Words the source does not hold", 0);
  assert.deepEqual(stored, { text_start: null, text_end: null, text_uncut: "Words the source does not hold" });
  assert.equal(cutItemText(SOURCE, stored), "Words the source does not hold");
  assert.deepEqual(itemTextColumns(SOURCE, null), { text_start: null, text_end: null, text_uncut: null });
});
