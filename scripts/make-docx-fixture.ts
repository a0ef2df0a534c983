// Writes test/fixtures/docx/westbury-parish-council-2025-01-14.docx: parish council minutes as
// Word stores them — automatic item numbering (continuing across body text, with sub-levels),
// bullets, a payments table, a tab-separated line, a soft line break and a tracked deletion.
// Run: node --import tsx scripts/make-docx-fixture.ts
import { writeFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { makeZip } from "../src/ingest/zip.ts";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const run = (text: string, bold = false) =>
  `<w:r>${bold ? "<w:rPr><w:b/></w:rPr>" : ""}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
const p = (content: string, props = "") => `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ""}${content}</w:p>`;
const para = (text: string, props = "") => p(run(text), props);
const item = (text: string, level = 0, numId = 1) => para(text, `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${numId}"/></w:numPr>`);
const cell = (text: string) => `<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>${para(text)}</w:tc>`;
const row = (...cells: string[]) => `<w:tr>${cells.map(cell).join("")}</w:tr>`;

const body = [
  para("WESTBURY PARISH COUNCIL", '<w:pStyle w:val="Title"/>'),
  p(
    run("Minutes of the Meeting of the Parish Council held on Tuesday 14") +
      '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>th</w:t></w:r>' +
      run(" January 2025 at 7.30pm in the Village Hall, Church Lane, Westbury"),
  ),
  p(run("Present:", true) + run("\u00a0Cllr J Smith (Chair), Cllr A Patel, Cllr R Jones and Cllr S O\u2019Neill")),
  p(run("In attendance:", true) + run(" Mrs K Brown (Clerk) and 3 members of the public")),
  '<w:p/>',
  item("Apologies for absence"),
  para("Apologies were received and accepted from Cllr T Green (work commitments)."),
  item("Declarations of interest"),
  para("Cllr Patel declared a non-pecuniary interest in item 5 as a member of the Westbury Allotment Society."),
  item("Minutes of the previous meeting"),
  p(
    run("RESOLVED:", true) +
      run(" that the minutes of the meeting held on 10 December 2024 be approved as a true record and signed by the Chair.") +
      '<w:del w:id="1" w:author="Clerk" w:date="2025-01-15T09:00:00Z"><w:r><w:delText> (draft wording withdrawn)</w:delText></w:r></w:del>',
  ),
  item("Finance"),
  item("Payments", 1),
  para("The following payments were approved:"),
  `<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="3000"/><w:gridCol w:w="3000"/></w:tblGrid>` +
    row("Payee", "Description", "Amount") +
    row("K Brown", "Clerk salary, December", "\u00a3412.50") +
    row("Westbury Village Hall", "Hall hire, 14 January", "\u00a325.00") +
    row("HMRC", "PAYE, quarter 3", "\u00a3103.20") +
    `</w:tbl>`,
  item("Budget and precept 2025/26", 1),
  para("The Clerk presented the draft budget. Members noted:"),
  item("grass cutting contract increase of 4%", 0, 2),
  item("new litter bin on the recreation ground", 0, 2),
  p(
    run("RESOLVED:", true) +
      run(" to set the precept for 2025/26 at \u00a318,500. Proposed Cllr Jones, seconded Cllr Patel; carried unanimously."),
  ),
  item("Planning"),
  para("Applications received:", ""),
  item("24/01234/FUL, 3 Mill Road: single-storey rear extension. No objection.", 0, 3),
  item("24/01301/HOU, Orchard Cottage: replacement garage. No objection.", 0, 3),
  item("Correspondence"),
  p(run("Letter from Norfolk County Council Highways,") + "<w:r><w:br/></w:r>" + run("County Hall, Norwich: road closure on Station Road from 3 February.")),
  item("Date of next meeting"),
  p(run("Next meeting:") + "<w:r><w:tab/></w:r>" + run("Tuesday 11 February 2025 at 7.30pm, Village Hall")),
  para("The meeting closed at 9.05pm."),
  para("Signed ........................................ Chair        Date ................"),
].join("");

const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${W}><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`;

const lvl = (ilvl: number, fmt: string, text: string, start = 1) =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="${360 * (ilvl + 1)}" w:hanging="360"/></w:pPr></w:lvl>`;
const numbering = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ${W}>
<w:abstractNum w:abstractNumId="0">${lvl(0, "decimal", "%1.")}${lvl(1, "decimal", "%1.%2")}</w:abstractNum>
<w:abstractNum w:abstractNumId="1">${lvl(0, "bullet", "\u2022")}</w:abstractNum>
<w:abstractNum w:abstractNumId="2">${lvl(0, "lowerLetter", "%1)")}</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>`;

const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${W}>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>
</w:styles>`;

const parts: Record<string, string> = {
  "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>`,
  "_rels/.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`,
  "word/_rels/document.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>`,
  "word/document.xml": document,
  "word/numbering.xml": numbering,
  "word/styles.xml": styles,
};

{
  const dir = fileURLToPath(new URL("../test/fixtures/docx/", import.meta.url));
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}westbury-parish-council-2025-01-14.docx`, makeZip(parts));
  console.log(`wrote ${dir}westbury-parish-council-2025-01-14.docx`);
}
