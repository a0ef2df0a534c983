import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readDocument, fromBytes } from "./read.ts";
import { makeZip } from "./zip.ts";
import { QuorumError } from "../domain/errors.ts";

const FIXTURE = fileURLToPath(new URL("../../test/fixtures/docx/westbury-parish-council-2025-01-14.docx", import.meta.url));
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

test("a Word document: paragraphs, computed item numbers, bullets and table rows, in order", async () => {
  const src = await readDocument(FIXTURE);
  assert.equal(src.format, "docx");
  assert.deepEqual(
    src.lines.map((l) => l.text),
    [
      "WESTBURY PARISH COUNCIL",
      "Minutes of the Meeting of the Parish Council held on Tuesday 14th January 2025 at 7.30pm in the Village Hall, Church Lane, Westbury",
      "Present: Cllr J Smith (Chair), Cllr A Patel, Cllr R Jones and Cllr S O’Neill",
      "In attendance: Mrs K Brown (Clerk) and 3 members of the public",
      "",
      "1. Apologies for absence",
      "Apologies were received and accepted from Cllr T Green (work commitments).",
      "2. Declarations of interest",
      "Cllr Patel declared a non-pecuniary interest in item 5 as a member of the Westbury Allotment Society.",
      "3. Minutes of the previous meeting",
      "RESOLVED: that the minutes of the meeting held on 10 December 2024 be approved as a true record and signed by the Chair.",
      "4. Finance",
      "4.1 Payments",
      "The following payments were approved:",
      "Payee\tDescription\tAmount",
      "K Brown\tClerk salary, December\t£412.50",
      "Westbury Village Hall\tHall hire, 14 January\t£25.00",
      "HMRC\tPAYE, quarter 3\t£103.20",
      "4.2 Budget and precept 2025/26",
      "The Clerk presented the draft budget. Members noted:",
      "- grass cutting contract increase of 4%",
      "- new litter bin on the recreation ground",
      "RESOLVED: to set the precept for 2025/26 at £18,500. Proposed Cllr Jones, seconded Cllr Patel; carried unanimously.",
      "5. Planning",
      "Applications received:",
      "a) 24/01234/FUL, 3 Mill Road: single-storey rear extension. No objection.",
      "b) 24/01301/HOU, Orchard Cottage: replacement garage. No objection.",
      "6. Correspondence",
      "Letter from Norfolk County Council Highways,",
      "County Hall, Norwich: road closure on Station Road from 3 February.",
      "7. Date of next meeting",
      "Next meeting:\tTuesday 11 February 2025 at 7.30pm, Village Hall",
      "The meeting closed at 9.05pm.",
      "Signed ........................................ Chair Date ................",
    ],
  );
  const resolved = src.lines.find((l) => l.text.startsWith("RESOLVED: that the minutes"))!;
  assert.equal(src.text.slice(resolved.offset, resolved.offset + 9), "RESOLVED:");
  assert.ok(!src.text.includes("draft wording withdrawn"), "tracked deletions are not part of the text");
});

/** A DOCX holding just a document body and, optionally, numbering and style parts. */
const docx = (body: string, numbering?: string, styles?: string) =>
  makeZip({
    "[Content_Types].xml": "<Types/>",
    "word/document.xml": `<w:document ${W}><w:body>${body}</w:body></w:document>`,
    ...(numbering ? { "word/numbering.xml": `<w:numbering ${W}>${numbering}</w:numbering>` } : {}),
    ...(styles ? { "word/styles.xml": `<w:styles ${W}>${styles}</w:styles>` } : {}),
  });
const p = (text: string, numId?: number, ilvl = 0) =>
  `<w:p>${numId ? `<w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>` : ""}<w:r><w:t>${text}</w:t></w:r></w:p>`;

test("numbering honours start values, restarts and roman numerals", async () => {
  const numbering =
    `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="196"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1/20"/></w:lvl>` +
    `<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%2)"/></w:lvl></w:abstractNum>` +
    `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
    `<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`;
  const body = p("Apologies", 1) + p("Minutes", 1) + p("first", 1, 1) + p("second", 1, 1) + p("third", 1, 1) + p("Finance", 1) + p("again", 1, 1) + p("Restarted", 2);
  const src = await fromBytes("n.docx", "docx", docx(body, numbering));
  assert.deepEqual(src.lines.map((l) => l.text), [
    "196/20 Apologies",
    "197/20 Minutes",
    "(i) first",
    "(ii) second",
    "(iii) third",
    "198/20 Finance",
    "(i) again",
    "1/20 Restarted",
  ]);
});

test("tracked changes: deleted and moved-away text and the old numbering are ignored; empty numbered paragraphs use up a number", async () => {
  const numbering =
    `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>` +
    `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
  const changed =
    `<w:p><w:pPr><w:pStyle w:val="Normal"/><w:pPrChange w:id="9" w:author="A"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange></w:pPr>` +
    `<w:r><w:t>No longer numbered</w:t></w:r><w:moveFrom w:id="3" w:author="A"><w:r><w:t> moved text</w:t></w:r></w:moveFrom></w:p>`;
  const body = p("Apologies", 1) + p("", 1) + changed + p("Minutes", 1);
  const src = await fromBytes("tracked.docx", "docx", docx(body, numbering));
  assert.deepEqual(src.lines.map((l) => l.text), ["1. Apologies", "", "No longer numbered", "3. Minutes"]);
});

test("headings numbered through their paragraph style, inherited via basedOn", async () => {
  const numbering =
    `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="12"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:pStyle w:val="ItemHeading"/></w:lvl>` +
    `<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/><w:pStyle w:val="SubItem"/></w:lvl></w:abstractNum>` +
    `<w:num w:numId="4"><w:abstractNumId w:val="0"/></w:num>`;
  const styles =
    `<w:style w:type="paragraph" w:styleId="ItemHeading"><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>` +
    `<w:style w:type="paragraph" w:styleId="SubItem"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="4"/></w:numPr></w:pPr></w:style>` +
    `<w:style w:type="paragraph" w:styleId="CouncilItem"><w:basedOn w:val="ItemHeading"/></w:style>`;
  const styled = (style: string, text: string) => `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
  const body = styled("ItemHeading", "Public participation") + styled("SubItem", "Questions") + styled("SubItem", "Petitions") + p("Body text.") + styled("CouncilItem", "Finance");
  const src = await fromBytes("styled.docx", "docx", docx(body, numbering, styles));
  assert.deepEqual(src.lines.map((l) => l.text), ["12. Public participation", "(a) Questions", "(b) Petitions", "Body text.", "13. Finance"]);
});

test("a table cell with several paragraphs stays on its row", async () => {
  const cell = (...ps: string[]) => `<w:tc>${ps.map((t) => p(t)).join("")}</w:tc>`;
  const body = `<w:tbl><w:tr>${cell("R1")}${cell("Improve signage.", "Owner: Highways")}${cell("Yes")}</w:tr><w:tr>${cell("R2")}${cell("")}${cell("No")}</w:tr></w:tbl>` + p("After the table");
  const src = await fromBytes("t.docx", "docx", docx(body));
  assert.deepEqual(src.lines.map((l) => l.text), ["R1\tImprove signage. Owner: Highways\tYes", "R2\t\tNo", "After the table"]);
});

for (const [name, bytes, reason] of [
  ["photo.docx", Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9, 0, 0, 0]), /^photo\.docx: not a readable DOCX document \(not a zip archive\)$/],
  ["cut.docx", readFileSync(FIXTURE).subarray(0, 900), /^cut\.docx: not a readable DOCX document \(truncated zip archive/],
  ["sheet.docx", makeZip({ "xl/workbook.xml": "<workbook/>" }), /^sheet\.docx: not a readable DOCX document \(not a Word document/],
  ["blank.docx", docx(p("") + p("  ")), /^blank\.docx: no text found$/],
] as const) {
  test(`bad DOCX ${name}: one-line error naming the file`, async () => {
    await assert.rejects(fromBytes(name, "docx", bytes), (err: unknown) => {
      assert.ok(err instanceof QuorumError, String(err));
      assert.match(err.message, reason);
      assert.ok(!err.message.includes("\n"));
      return true;
    });
  });
}
