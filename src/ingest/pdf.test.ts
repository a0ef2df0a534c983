import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readDocument, fromBytes } from "./read.ts";
import { buildPdf, textAt, IMAGE_ONLY } from "./pdf-fixture.ts";
import { QuorumError } from "../domain/errors.ts";
import { findProgram, OCR_MISSING } from "./ocr.ts";
import type { SourceText } from "../domain/source.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const REAL = `${root}test/fixtures/pdf/Minutes-December-5-2023.pdf`;
const DEV = `${root}test/golden/dev/Minutes-April-2-2024.pdf`;

const texts = (src: SourceText) => src.lines.map((l) => l.text);
/** Index of the first line equal to (string) or matching (RegExp) `want`, failing if absent. */
const at = (src: SourceText, want: string | RegExp, from = 0) => {
  const i = src.lines.findIndex((l, n) => n >= from && (typeof want === "string" ? l.text === want : want.test(l.text)));
  assert.ok(i >= 0, `no line ${want} after line ${from + 1} in:\n${texts(src).join("\n")}`);
  return i;
};

test("a real three-page PDF comes out in reading order with its page numbers", async () => {
  const src = await readDocument(REAL);
  assert.equal(src.format, "pdf");
  assert.deepEqual(texts(src).slice(0, 3), ["MINUTES", "TOWNSHIP OF NIPISSING", "Tuesday, December 5, 2023"]);
  const motion = at(src, "R2023-217 D. Yemm, S. Foote:");
  assert.equal(src.lines[motion + 1].text, "That the minutes of the Council meeting held November 14, 2023, be adopted as published. Carried.");
  // Paragraph spacing becomes a blank line; ordinary line spacing does not.
  assert.deepEqual(texts(src).slice(motion - 1, motion + 4), ["", "R2023-217 D. Yemm, S. Foote:", src.lines[motion + 1].text, "", "R2023-218 S. Kirkey, T. Butler:"]);
  const lib = at(src, "R2023-225 S. Kirkey, D. Yemm:");
  const carried = at(src, /Federation of Ontario Public Libraries\. Carried\.$/, lib);
  assert.equal(src.lines[lib].page, 2);
  assert.equal(src.lines[carried].page, 3);
  assert.equal(src.lines[at(src, "R2023-232 T. Butler, S. Foote:")].page, 3);
  assert.equal(src.lines.at(-1)!.text, "Minutes to be approved by Council at the next regular Council Meeting.");
});

test("table rows keep their cells on one line, separated by tabs", async () => {
  const src = await readDocument(REAL);
  const head = at(src, "The 2024 Council Meeting Schedule will be as follows:");
  assert.equal(src.lines[head + 1].text, "January 2, 2024\tJanuary 16, 2024");
  assert.equal(src.lines[head + 2].text, "February 6, 2024\tFebruary 20, 2024");
  at(src, "December 3, 2024\tDecember 17, 2024. Carried.", head);
  const hours = at(src, "December 25-29, 2023\tClosed");
  assert.equal(src.lines[hours + 2].text, "December 24, 2023\tClosed at 2:00 p.m.");
  // Ordinary prose never gets a tab.
  assert.ok(!src.lines[at(src, /^That we authorize the Township Office/)].text.includes("\t"));
});

test("running headers with page numbers are left out, body text is kept", async () => {
  const src = await readDocument(REAL);
  assert.equal(src.lines.filter((l) => /Page \d/.test(l.text)).length, 0);
  assert.ok(src.lines.some((l) => l.text === "R2023-219 S. Kirkey, T. Butler:" && l.page === 2));
  assert.ok(src.lines.some((l) => l.text.startsWith("THEREFORE, the Council of the Township") && l.page === 3));
});

test("the dev PDF: superscript ordinals join their number and lines keep their offsets", async () => {
  const src = await readDocument(DEV);
  at(src, /developed on March 12th and March 28th, posing a danger/);
  at(src, "Read a first, second and third time, and passed this 2nd day of April, 2024. Carried.");
  assert.ok(!texts(src).some((t) => /Page 2|^(th|nd)$/.test(t)));
  const i = at(src, "R2024-085 D. Yemm, S. Foote:");
  assert.equal(src.text.slice(src.lines[i].offset).split("\n")[0], "R2024-085 D. Yemm, S. Foote:");
  assert.deepEqual([...new Set(src.lines.map((l) => l.page))], [1, 2, 3]);
});

test("lines are rebuilt from positions, not from the order the text was drawn in", async () => {
  // Drawn bottom-up and right-to-left; read top-down and left-to-right.
  const page =
    textAt(300, 600, "Closed") +
    textAt(72, 600, "December 25, 2023") +
    textAt(72, 650, "seconded by Cllr B.") +
    textAt(72, 700, "Moved by Cllr A,") +
    textAt(72, 720, "3. Planning") +
    textAt(122, 700, "") +
    "BT /F1 7 Tf 138.1 744 Td (rd) Tj ET\n" +
    textAt(72, 740, "Meeting of 3");
  const src = await fromBytes("drawn.pdf", "pdf", buildPdf({ pages: [page] }));
  assert.deepEqual(texts(src), ["Meeting of 3rd", "3. Planning", "Moved by Cllr A,", "seconded by Cllr B.", "December 25, 2023\tClosed"]);
  assert.ok(src.lines.every((l) => l.page === 1));
});

test("repeated headers and bare page-number footers are dropped on every page", async () => {
  const pages = [1, 2, 3, 4].map(
    (n) =>
      textAt(200, 760, "Stoke Ferry Parish Council") +
      textAt(72, 700, `Body text on page ${n}`) +
      textAt(72, 686, "Stoke Ferry Parish Council") +
      textAt(300, 40, `- ${n} -`),
  );
  const src = await fromBytes("running.pdf", "pdf", buildPdf({ pages }));
  assert.deepEqual(
    src.lines.map((l) => `${l.page}:${l.text}`),
    [1, 2, 3, 4].flatMap((n) => [`${n}:Body text on page ${n}`, `${n}:Stoke Ferry Parish Council`]),
  );
  const two = await fromBytes("two.pdf", "pdf", buildPdf({ pages: pages.slice(0, 2) }));
  assert.deepEqual(two.lines.map((l) => l.text), ["Body text on page 1", "Stoke Ferry Parish Council", "Body text on page 2", "Stoke Ferry Parish Council"]);
  // A margin line that appears on one page only is not a running header.
  const once = await fromBytes("once.pdf", "pdf", buildPdf({ pages: [pages[0], textAt(72, 700, "Body text on page 2") + textAt(72, 40, "Continued overleaf")] }));
  assert.deepEqual(once.lines.map((l) => l.text), ["Stoke Ferry Parish Council", "Body text on page 1", "Stoke Ferry Parish Council", "Body text on page 2", "Continued overleaf"]);
});

test("a running footer of three lines set above the bottom margin is dropped (Alameda City Council)", async () => {
  const last = ["at the Creekside Community Church.", "Districts. Appellant: J. Barni. Continued to February 1, 2005.", "supports the Resolution; submitted a packet of information from the"];
  const pages = [1, 2, 3].map(
    (n) =>
      textAt(72, 710, `(05-03${n}) Presentation of letters of appreciation to members of the`) +
      textAt(72, 697, "Alameda Police Department.") +
      textAt(72, 115, last[n - 1]) +
      textAt(72, 91, "Regular Meeting") +
      textAt(72, 83, "Alameda City Council") +
      textAt(540, 83, String(n)) +
      textAt(72, 74, "January 18, 2005"),
  );
  const src = await fromBytes("footer.pdf", "pdf", buildPdf({ pages }));
  assert.deepEqual(
    src.lines.map((l) => l.text).filter((t) => t.trim()),
    [1, 2, 3].flatMap((n) => [`(05-03${n}) Presentation of letters of appreciation to members of the`, "Alameda Police Department.", last[n - 1]]),
  );
});

test("the title at the top of the first page stays when later pages repeat it as a header (Lincoln Square SSA #21)", async () => {
  const pages = [
    textAt(72, 705, "Commission Meeting Minutes") + textAt(72, 670, "Minutes from Monday, January 29, 2018 - 9:00am at Carbon Arc Bar & Board") + textAt(72, 400, "Updates"),
    textAt(72, 705, "Commission Meeting Minutes") + textAt(72, 670, "Announcements") + textAt(72, 400, "Meeting adjourned at 11:25am"),
  ];
  const src = await fromBytes("ssa.pdf", "pdf", buildPdf({ pages }));
  const lines = src.lines.map((l) => l.text).filter((t) => t.trim());
  assert.equal(lines[0], "Commission Meeting Minutes");
  assert.equal(lines.filter((t) => t === "Commission Meeting Minutes").length, 1);
});

test("two-column prose is read down the left column, then the right", async () => {
  const left = [
    "The Chair welcomed members and the public",
    "and reminded everyone that the meeting was",
    "being recorded. Apologies were received",
    "from Cllr Hughes and Cllr Patel, and were",
    "accepted. There were no declarations of",
    "interest. The minutes of the meeting held",
    "on 12 May were approved and signed as a",
    "true record, proposed by Cllr Jones.",
  ];
  const right = [
    "RESOLVED: that the grass cutting contract",
    "be renewed for a further year at the same",
    "price, subject to the Clerk confirming the",
    "insurance cover of the contractor. Cllr Ward",
    "asked that the verges on Mill Lane be cut",
    "before the summer fete. The Clerk will ask",
    "the contractor for a quote and report back",
    "to the next meeting of the council.",
  ];
  let page = textAt(180, 750, "MINUTES OF THE PARISH COUNCIL, 2 JUNE 2025", 12);
  left.forEach((t, i) => (page += textAt(50, 720 - i * 12, t, 10)));
  right.forEach((t, i) => (page += textAt(320, 720 - i * 12, t, 10)));
  page += textAt(50, 600, "Signed ........................................ Chair, dated 7 July 2025", 10);
  const src = await fromBytes("columns.pdf", "pdf", buildPdf({ pages: [page] }));
  assert.deepEqual(texts(src), [
    "MINUTES OF THE PARISH COUNCIL, 2 JUNE 2025",
    "",
    ...left,
    "",
    ...right,
    "",
    "Signed ........................................ Chair, dated 7 July 2025",
  ]);
});

test("a page turned with /Rotate reads as displayed", async () => {
  // A landscape table on a portrait page: the text runs up the page and /Rotate 90 turns it upright.
  const up = (x: number, y: number, t: string) => `BT /F1 12 Tf 0 1 -1 0 ${x} ${y} Tm (${t}) Tj ET\n`;
  const page = up(100, 72, "Item") + up(100, 300, "Decision") + up(120, 72, "7 Planning") + up(120, 300, "Approved") + up(80, 72, "Cabinet decisions");
  const src = await fromBytes("turned.pdf", "pdf", buildPdf({ pages: [page], rotate: 90 }));
  assert.deepEqual(texts(src), ["Cabinet decisions", "Item\tDecision", "7 Planning\tApproved"]);
});

test("glyphs drawn one at a time join into words, with spaces only where the gap is a space", async () => {
  const widths: Record<string, number> = { M: 833, i: 222, n: 556, u: 556, t: 278, e: 556, s: 500, " ": 278, o: 556, f: 278 };
  let x = 72;
  let page = "";
  for (const c of "Minutes of") {
    if (c !== " ") page += textAt(x, 700, c);
    x += (widths[c] * 12) / 1000;
  }
  page += textAt(72, 686, "Present: Cllr A Smith, Cllr B Jones");
  const src = await fromBytes("glyphs.pdf", "pdf", buildPdf({ pages: [page] }));
  assert.deepEqual(texts(src), ["Minutes of", "Present: Cllr A Smith, Cllr B Jones"]);
});

const rejects = async (name: string, bytes: Uint8Array, reason: RegExp) =>
  assert.rejects(fromBytes(name, "pdf", bytes), (err: unknown) => {
    assert.ok(err instanceof QuorumError, String(err));
    assert.match(err.message, reason);
    assert.ok(!err.message.includes("\n"), err.message);
    assert.ok(!/at .*\.(ts|js|mjs):\d/.test(err.message), err.message);
    return true;
  });

// With OCR installed the grey boxes are read and found empty; without it the error says what to
// install (test/cli/ocr.test.ts runs that case with a PATH that lacks tesseract).
const ocrInstalled = !!(await findProgram("tesseract")) && !!(await findProgram("pdftoppm"));
const NOTHING_FOUND = ocrInstalled ? "no text found (a scanned PDF, and OCR found no text on its pages)" : OCR_MISSING;
const literally = (s: string) => new RegExp(`^${s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);

test("an image-only PDF with nothing legible says so, or how to enable OCR", () =>
  rejects("scan.pdf", buildPdf({ pages: [IMAGE_ONLY, IMAGE_ONLY] }), literally(`scan.pdf: ${NOTHING_FOUND}`)));

test("a scan whose only text is a scanner's stamp is not taken for a text PDF", () =>
  rejects("stamped.pdf", buildPdf({ pages: [1, 2, 3].map(() => IMAGE_ONLY + textAt(400, 30, "Scanned with CamScan", 8)) }), literally(`stamped.pdf: ${NOTHING_FOUND}`)));

test("a short one-page notice with real text is kept", async () => {
  const src = await fromBytes("notice.pdf", "pdf", buildPdf({ pages: [textAt(72, 700, "Meeting cancelled: the Planning Committee of 4 June will not take place.")] }));
  assert.deepEqual(texts(src), ["Meeting cancelled: the Planning Committee of 4 June will not take place."]);
});

test("an encrypted PDF says so in one line", () =>
  rejects("locked.pdf", buildPdf({ pages: [textAt(72, 700, "secret minutes")], encrypted: true }), /^locked\.pdf: not a readable PDF document \(it is encrypted with a password\)$/));

test("a truncated PDF is reported as corrupt in one line", () =>
  rejects("cut.pdf", readFileSync(REAL).subarray(0, 30000), /^cut\.pdf: not a readable PDF document \(the file is corrupt or not a PDF\)$/));

test("a table row whose first cells are empty keeps its cells in their columns", async () => {
  // Souldern Parish Council, 17 November 2016: three centred columns of names, the middle one longer
  const rows: [number, string][][] = [
    [[90, "Present:"], [265, "Also in attendance:"], [520, "Apologies:"]],
    [[48, "K Draper (Chair - KD)"], [282, "Cllr A Fatemian"], [527, "N Oakhill"]],
    [[63, "K Allpress (KA)"], [290, "J Abernethy"], [535, "B May"]],
    [[75, "C Rothero"], [292, "R Summers"], [526, "A Prescott"]],
    [[35, "N Robertson (RFO - NO)"], [292, "D Summers"]],
    [[35, "B McGarry (Clerk - BMc)"], [302, "J Sneyd"]],
    [[292, "D Stephens"]],
    [[295, "C Couzens"]],
  ];
  const content = rows.map((cells, i) => cells.map(([x, t]) => textAt(x, 700 - i * 14, t, 11)).join("")).join("");
  const src = await fromBytes("cols.pdf", "pdf", buildPdf({ pages: [content + textAt(35, 560, "2. Minutes: The minutes of the meeting held on 29th September 2016 were approved and signed", 11)] }));
  const lines = texts(src);
  const first = at(src, /^Present:/);
  assert.deepEqual(lines.slice(first, first + 8), [
    "Present:\tAlso in attendance:\tApologies:",
    "K Draper (Chair - KD)\tCllr A Fatemian\tN Oakhill",
    "K Allpress (KA)\tJ Abernethy\tB May",
    "C Rothero\tR Summers\tA Prescott",
    "N Robertson (RFO - NO)\tD Summers",
    "B McGarry (Clerk - BMc)\tJ Sneyd",
    "\tD Stephens",
    "\tC Couzens",
  ]);
  assert.ok(lines.includes("2. Minutes: The minutes of the meeting held on 29th September 2016 were approved and signed"));
});
