// Draft markings read from the headers of real minutes (test/fixtures/lifecycle/headers, copied from
// real documents) and from the golden set; the body's talk of other drafts never counts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join, resolve } from "node:path";
import { fromBytes, readDocument } from "../../ingest/read.ts";
import { parseMinutes } from "../minutes.ts";

const HEADERS = resolve(import.meta.dirname, "../../../test/fixtures/lifecycle/headers");
const GOLDEN = resolve(import.meta.dirname, "../../../test/golden");

async function marking(path: string) {
  const source = await readDocument(path);
  const record = parseMinutes(source);
  const span = record.provenance.draftMarking;
  return { value: record.draftMarking, written: span ? source.text.slice(span.start, span.end) : undefined };
}

const MARKED: [string, RegExp][] = [
  ["northwold-2016-10-draft-until-signed.md", /^DRAFT UNTIL SIGNED BY THE CHAIR$/],
  ["limerick-travel-spc-2020-12-draft-bold.md", /^Draft\s+Minutes\b/],
  ["stoke-ferry-2010-06-draft-line.md", /^DRAFT( Minutes)?$/],
  ["stoke-ferry-2020-09-draft-until-approved.md", /^Draft \(until approved at the next meeting\) Minutes\b/],
  ["boughton-2014-02-draft-minutes.md", /^DRAFT Minutes$/],
  ["wereham-2014-05-draft-annual.md", /^DRAFT Minutes\b/],
];

for (const [file, expected] of MARKED) {
  test(`a real header marked as a draft: ${file}`, async () => {
    const m = await marking(join(HEADERS, file));
    assert.match(m.value ?? "", expected);
    // the span points at the words in the source text
    assert.ok(m.written && /draft/i.test(m.written), `span: ${m.written}`);
  });
}

test("golden minutes headed as drafts carry the marking: West Dereham and Stoke Ferry", async () => {
  assert.match((await marking(join(GOLDEN, "dev/2016-10-west-dereham-parish-council-october-meeting-2.md"))).value ?? "", /^DRAFT MINUTES\b/);
  assert.match((await marking(join(GOLDEN, "dev/2018-11-stoke-ferry-parish-council-minutes-of-september-meeeting.md"))).value ?? "", /^Draft Minutes\b/);
});

for (const file of ["limerick-2018-10-draft-budgetary-plan-not-draft.md", "limerick-metropolitan-2021-06-link-only-not-draft.md"]) {
  test(`a real header that is not a draft marking: ${file}`, async () => {
    assert.equal((await marking(join(HEADERS, file))).value, null);
  });
}

test("final minutes whose items speak of draft minutes or confirming minutes are not drafts", async () => {
  for (const f of [
    "dev/staffs-safe-strong-2016-12-12.txt",
    "dev/bucks-cabinet-2018-04-23.txt",
    "dev/2016-07-minutes-community-leisure-emergency-services-spc-11th-may-2016.md",
    "real/2017-12-minutes-monthly-meeting-of-the-municipal-district-of-newcastle-west-8th-november-2017.md",
    "real/2018-04-minutes-meeting-of-the-economic-development-enterprise-and-planning-spc-12th-february-2018.md",
  ]) {
    assert.equal((await marking(join(GOLDEN, f))).value, null, f);
  }
});

test("wording without the word draft: unconfirmed minutes, subject to approval, to be signed at the next meeting", async () => {
  const read = async (text: string) => parseMinutes(await fromBytes("x.txt", "txt", Buffer.from(text))).draftMarking;
  assert.equal(await read("Unconfirmed minutes of the Planning Committee\nheld on 3 March 2024\n\n1. Apologies\n"), "Unconfirmed minutes");
  // the Stoke Ferry header of September 2018 without its word "Draft"
  assert.match(await read("STOKE FERRY PARISH COUNCIL Minutes Subject to the Approval at the next Meeting Ordinary Meeting of the Parish Council held on 5 September 2018\n") ?? "", /^Subject to the Approval at the next Meeting/);
  assert.match(await read("Minutes of the Finance Committee, 4 June 2019 (to be signed at the next meeting)\nPresent: Cllr A\n") ?? "", /^to be signed at the next meeting/);
  // a venue "to be confirmed" or a plan subject to consultation is no marking
  assert.equal(await read("Minutes of the Finance Committee held on 4 June 2019\nNext meeting: venue to be confirmed\n"), null);
  assert.equal(await read("Minutes of the Draft Local Plan Working Group, 4 June 2019\nPresent: Cllr A\n"), null);
});
