// Recorded minutes → Word document → `quorum parse`'s reading (src/ingest/docx.ts, then the
// parser) → the same record, field by field, on real records and on a record taken by a clerk.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import type { ParsedMinutes } from "../../domain/minutes.ts";
import { emptyItem, sheetRecord, sheetTexts, type MinuteSheet, type SheetItem } from "../../domain/minute-sheet.ts";
import { docxText } from "../../ingest/docx.ts";
import { readDocument } from "../../ingest/read.ts";
import { parseMinutes } from "../../parse/minutes.ts";
import { recordDifferences, renderAndParse } from "../../../test/support/round-trip.ts";
import { documentFromRecord, minutesBlocks, minutesText, withholdExempt } from "./document.ts";
import { minutesDocx } from "./docx.ts";
import { minutesHtml } from "./html.ts";

const golden = (path: string): ParsedMinutes => JSON.parse(readFileSync(new URL(`../../../test/golden/${path}.expected.json`, import.meta.url), "utf8"));
const taken = (): ParsedMinutes => JSON.parse(readFileSync(new URL("../../../test/fixtures/taken/cabinet-committee.record.json", import.meta.url), "utf8"));

// hand-checked records of real minutes: parish councils, an Irish municipal district, a US commission
const REAL = [
  "dev/2016-03-northwold-parish-council-meeting-january-2016",
  "dev/2016-10-west-dereham-parish-council-october-meeting-2",
  "dev/2019-12-minutes-monthly-meeting-of-the-municipal-district-of-cappamore-kilmallock-21st-november-20",
  "real/2013-03-wereham-parish-council-january",
  "real/2017-12-minutes-monthly-meeting-of-the-municipal-district-of-newcastle-west-8th-november-2017",
  "wider/RecreationandParkCommission-2008-12-11",
  "wider/minutes-2025-06-03",
  "wider/minutes-2024-01-09",
  "wider/souldern-2024-04-25-spc-minutes",
];

// real documents (and two made in a principal council's layout) as the parser records them: votes
// named and counted, declarations, an exempt item, a substitute, question time, a Word document
const FIXTURES = [
  "principal/cabinet-committee.txt",
  "principal/cabinet-part-two.txt",
  "votes/2012-10-stoke-ferry-parish-council-minutes-october-2012.md",
  "votes/alameda-public-art-2005-03-24.txt",
  "docx/westbury-parish-council-2025-01-14.docx",
  "html/cabinet-2024-03-12.html",
  "questions/limerick-metropolitan-2024-11-18-questions.md",
  "exempt/staffs-2016-12-12-v2-item-35-exempt.txt",
  "people/2018-05-minutes-monthly-meeting-of-the-municipal-district-of-cappamore-kilmallock-19th-april-2018.md",
];

for (const path of REAL) {
  test(`round trip: ${path}`, async () => {
    const record = golden(path);
    const { parsed } = await renderAndParse(record);
    assert.deepEqual(recordDifferences(record, parsed), []);
    assert.ok(record.items.length > 0 && record.attendance.length > 0, "a record with items and attendance");
  });
}

for (const path of FIXTURES) {
  test(`round trip: test/fixtures/${path} as parsed`, async () => {
    const record = parseMinutes(await readDocument(new URL(`../../../test/fixtures/${path}`, import.meta.url).pathname));
    const { parsed } = await renderAndParse(record);
    assert.deepEqual(recordDifferences(record, parsed), []);
    assert.ok(record.items.length > 0);
  });
}

test("the fixtures carry what the round trip must keep: named votes, tallies, declarations, an exempt item", async () => {
  const read = async (path: string) => parseMinutes(await readDocument(new URL(`../../../test/fixtures/${path}`, import.meta.url).pathname));
  const votes = await read("votes/alameda-public-art-2005-03-24.txt");
  assert.ok(votes.items.some((i) => i.resolutions.some((r) => (r.votes?.recorded?.for.length ?? 0) > 0)));
  const staffs = await read("exempt/staffs-2016-12-12-v2-item-35-exempt.txt");
  assert.ok(staffs.items.some((i) => i.exempt) && (staffs.declarations?.length ?? 0) > 0);
});

test("round trip: a clerk's record with substitutes, declarations, named votes, an exempt item and narratives", async () => {
  const record = taken();
  const texts = [
    "Apologies were received as recorded above.",
    "Declarations are recorded under the items they concern.",
    "",
    "Ms Oakes introduced the report which set out the work of the Film Office.\nMembers asked questions and made comments.",
    "The Committee considered the exempt report.",
  ];
  const { parsed } = await renderAndParse(record, texts);
  assert.deepEqual(recordDifferences(record, parsed), []);
  // the parts this record exists to carry were really read back, not skipped as absent
  assert.equal(parsed.attendance.find((a) => a.name === "Mr J Rowe")?.substituteFor, "Mr K Quill");
  assert.deepEqual(parsed.items[3].resolutions[0].votes?.recorded?.against, ["Mr D Brook"]);
  assert.equal(parsed.items[4].exempt, true);
  assert.equal(parsed.declarations?.length, 2);
});

test("round trip: the record a minute-taking sheet makes", async () => {
  const item = (number: string, title: string, more: Partial<SheetItem> = {}): SheetItem => ({ ...emptyItem(number, title), ...more });
  const sheet: MinuteSheet = {
    endTime: "21:05",
    venue: "Village Hall, Church Lane",
    attendance: [
      { name: "Cllr Ann Hale", status: "present", kind: "member", role: "Chair", substituteFor: "" },
      { name: "Cllr Ben Ivory", status: "present", kind: "member", role: "", substituteFor: "" },
      { name: "Cllr Cara Jukes", status: "present", kind: "member", role: "", substituteFor: "Cllr Dev Khan" },
      { name: "Cllr Dev Khan", status: "apologies", kind: "member", role: "", substituteFor: "" },
      { name: "Cllr Eve Lord", status: "absent", kind: "member", role: "", substituteFor: "" },
      { name: "Cllr Fin Moss", status: "", kind: "member", role: "", substituteFor: "" },
      { name: "Cllr Gil Nash", status: "in_attendance", kind: "member", role: "", substituteFor: "" },
      { name: "Mrs H Owen", status: "present", kind: "officer", role: "Clerk", substituteFor: "" },
    ],
    items: [
      item("1", "Apologies for absence", { text: "Apologies were accepted." }),
      item("2", "Declarations of interest", {
        declarations: [
          { name: "Cllr Ben Ivory", kind: "non_pecuniary", description: "as a member of the allotment society" },
          { name: "Cllr Ann Hale", kind: "disclosable_pecuniary", description: "as the owner of the land" },
        ],
      }),
      item("3", "Allotment rents", {
        text: "The clerk reported on the rents charged by neighbouring councils.",
        resolution: "That allotment rents rise by 5% from 1 October.",
        votesFor: "2",
        votesAgainst: "1",
        votesAbstain: "0",
        namesFor: "Cllr Ben Ivory, Cllr Cara Jukes",
        namesAgainst: "Cllr Ann Hale",
      }),
      item("4", "Staffing matter", { exempt: true, exemptParagraphs: "1", text: "The council considered a staffing report.", resolution: "That the recommendation be agreed." }),
    ],
  };
  const record = sheetRecord({ authority: "Northwold Parish Council", body: "Northwold Parish Council", date: "2026-03-10", startTime: "19:30" }, sheet);
  assert.equal(record.attendance.length, 7, "a member whose attendance was not recorded is left out");
  const { parsed } = await renderAndParse(record, sheetTexts(sheet));
  assert.deepEqual(recordDifferences(record, parsed), []);
  assert.deepEqual(parsed.items[2].resolutions[0].votes?.recorded?.for, ["Cllr Ben Ivory", "Cllr Cara Jukes"]);
});

test("draft minutes say so, and read back as a draft", async () => {
  const record = { ...taken(), draftMarking: "Draft minutes" };
  const { parsed, text } = await renderAndParse(record);
  assert.match(text, /^Draft minutes$/m);
  assert.equal(parsed.minutesStatus, "draft");
  assert.deepEqual(recordDifferences(record, parsed), []);
});

test("the Word document's text is the layout's text, and the layout's provenance points at each value", async () => {
  const record = taken();
  const blocks = minutesBlocks(documentFromRecord(record));
  const { text, provenance } = minutesText(blocks);
  assert.equal(await docxText(await minutesDocx(blocks, "Minutes")), text);
  const at = (path: string) => text.slice(provenance[path].start, provenance[path].end);
  assert.equal(at("body"), record.body);
  assert.equal(at("venue"), record.venue);
  assert.equal(at("attendance/5"), "Mr J Rowe");
  assert.equal(at("items/3/title"), "Northshire Film Office");
  assert.equal(at("items/4/resolutions/0"), "That the disposal be endorsed.");
  // a declaration with no place in the text would be sealed as soon as the minutes hold exempt business
  assert.equal(at("declarations/0"), "Mrs L Eden declared a personal interest in item 79, as a trustee of the Northtown Film Society.");
  assert.equal(text.split("\n")[provenance["items/3/number"].line - 1], "79. Northshire Film Office");
});

test("the public copy of an exempt item keeps its title and ground only", () => {
  const record = taken();
  const doc = withholdExempt(documentFromRecord(record, ["", "", "", "", "The valuation was £1.2m."]), () => true);
  const html = minutesHtml(minutesBlocks(doc), "Minutes");
  assert.match(html, /80\. Property Disposal at Northtown/);
  assert.match(html, /Exempt information under paragraph 3\./);
  assert.doesNotMatch(html, /valuation|disposal be endorsed|neighbouring property/);
  // the public item beside it keeps its decision and its declaration
  assert.match(html, /update in twelve months/);
  assert.match(html, /trustee of the Northtown Film Society/);
});

test("HTML escapes what was typed", () => {
  const record = { ...taken(), venue: "<script>alert(1)</script> Hall" };
  const html = minutesHtml(minutesBlocks(documentFromRecord(record)), "Minutes & more");
  assert.doesNotMatch(html, /<script>alert/);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt; Hall/);
  assert.match(html, /<title>Minutes &amp; more<\/title>/);
});
