// Votes read into the record: each decision carries the tally recorded with it, read before
// cleanup drops it from the text. The fixture is a real parish council's minutes (Stoke Ferry,
// October 2012, as ../shared/corpus/real/norfolk-parishes holds it).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { splitLines } from "../../domain/source.ts";
import { parseMinutes } from "../minutes.ts";

const parse = (text: string) => parseMinutes({ file: "minutes.md", format: "md", text, lines: splitLines(text), contentHash: "", byteLength: text.length });
const text = readFileSync(new URL("../../../test/fixtures/votes/2012-10-stoke-ferry-parish-council-minutes-october-2012.md", import.meta.url), "utf8");
const record = parse(text);
const item = (title: RegExp) => record.items.find((i) => title.test(i.title))!;

test("each decision carries the tally recorded with it, and its text no longer does", () => {
  const drafts = item(/Publication of Draft Minutes/).resolutions;
  assert.equal(drafts.length, 1);
  assert.deepEqual(drafts[0].votes, { for: 7, against: 1, abstain: null });
  assert.doesNotMatch(drafts[0].text, /Votes|Carried/);
  assert.deepEqual(item(/Diplomatic Bag/).resolutions[0].votes, { for: 5, against: 3, abstain: null });
  const orders = item(/Final Approval of Committees/).resolutions.find((r) => /Standing Orders/.test(r.text))!;
  assert.deepEqual(orders.votes, { for: 7, against: null, abstain: 1 });
});

test("a decision with no tally recorded gets none from its neighbours", () => {
  const first = item(/Final Approval of Committees/).resolutions[0];
  assert.match(first.text, /once any land becomes available/);
  assert.equal(first.votes, undefined);
});

test("the tally's provenance is its decision's: the span holds the decision's words", () => {
  const i = record.items.indexOf(item(/Diplomatic Bag/));
  const span = record.provenance[`items/${i}/resolutions/0`];
  assert.match(text.slice(span.start, span.end), /Diplomatic Bag should continue to be circulated/);
});

test("the clauses of one resolution share the votes recorded after it", () => {
  // Township of Nipissing, 20 February 2024 (R2024-040), with the roll call an Alameda board prints
  const doc =
    "Township of Nipissing\n\nMinutes of the Council Meeting held February 20, 2024\n\nPresent: Mayor Tom Piper, Councillor Tom Butler, Councillor Stephen Kirkey\n\n1. Shore Road Allowance\n\nR2024-040 T. Butler, S. Kirkey:\nBE IT RESOLVED:\n   1. That this Council does approve “in principle” the Application of Shardell Lamka, to purchase the\n      Shore Road Allowance located in front of Concession 15 PT Lot 13 PCL 7580 N/S, Township of\n      Nipissing.\n   2. That this resolution is subject to the following conditions:\n         • The Council shall select an independent search firm specializing in fishery issues. Carried.\nAyes: 4; Noes: 0; Absent: None\n\n2. Adjournment\n\nThe meeting adjourned at 8:06 p.m.\n";
  const r = parse(doc).items.find((i) => /Shore Road/.test(i.title))!.resolutions;
  assert.equal(r.length, 2);
  assert.deepEqual(r.map((x) => x.votes), [{ for: 4, against: 0, abstain: null }, { for: 4, against: 0, abstain: null }]);
});
