// The agenda reports pack: one PDF holding the front sheet, the agenda, and every public PDF paper
// in agenda order, each page numbered. Exempt papers are listed on the agenda with their ground
// and left out. Word papers are listed with their download address and not converted: turning a
// Word document into PDF pages needs a layout engine, and a text dump would lose its tables,
// numbering and headings, so the paper as the author wrote it is the one published.
import { localDateAndTime } from "../../domain/zone-format.ts";
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { formatLong } from "../../domain/calendar.ts";
import { QuorumError } from "../../domain/errors.ts";

export interface PackMeeting {
  councilName: string | null;
  bodyName: string;
  date: string;
  startTime: string | null;
  venue: string | null;
}

export interface PackPaper {
  title: string;
  format: "pdf" | "docx";
  /** exempt on its own or through its item: listed, never included */
  exempt: boolean;
  exemptParagraph: string | null;
  /** where the public can download it (for Word papers, which are listed rather than included) */
  url: string;
  /** the paper's bytes; read only for public PDF papers */
  bytes: () => Promise<Uint8Array>;
}

export interface PackItem {
  number: string;
  title: string;
  reportAuthor: string | null;
  wards: string | null;
  decisionMaker: string | null;
  exempt: boolean;
  exemptParagraph: string | null;
  papers: PackPaper[];
}

export interface PackInput {
  meeting: PackMeeting;
  /** 0: the agenda; 1, 2, …: supplements */
  sequence: number;
  publishedAt: string;
  /** the council's zone, in which the front sheet gives the time of publication */
  timeZone?: string;
  lateReason: string | null;
  items: PackItem[];
}

export interface BuiltPack {
  bytes: Uint8Array;
  pages: number;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const BODY = 11;
const LINE = 15;

export function packTitle(sequence: number): string {
  return sequence === 0 ? "Agenda reports pack" : `Supplementary agenda reports pack ${sequence}`;
}

export function exemptGround(paragraph: string | null): string {
  return paragraph
    ? `Not for publication by virtue of paragraph ${paragraph} of Part 1 of Schedule 12A to the Local Government Act 1972`
    : "Not for publication under Part 1 of Schedule 12A to the Local Government Act 1972";
}

interface Line {
  text: string;
  size: number;
  bold?: boolean;
  indent?: number;
  gap?: number;
}

export async function buildPack(input: PackInput): Promise<BuiltPack> {
  const pack = await PDFDocument.create();
  pack.setTitle(`${input.meeting.bodyName}, ${formatLong(input.meeting.date)}: ${packTitle(input.sequence)}`);
  pack.setProducer("Quorum");
  pack.setCreationDate(new Date(input.publishedAt));
  pack.setModificationDate(new Date(input.publishedAt));
  const regular = await pack.embedFont(StandardFonts.Helvetica);
  const bold = await pack.embedFont(StandardFonts.HelveticaBold);

  // the public PDF papers, loaded first: the agenda names the page each starts on
  const included: { doc: PDFDocument; paper: PackPaper }[] = [];
  for (const item of input.items) {
    for (const paper of item.papers) {
      if (paper.exempt || item.exempt || paper.format !== "pdf") continue;
      let doc: PDFDocument;
      try {
        doc = await PDFDocument.load(await paper.bytes());
      } catch (err) {
        throw new QuorumError("invalid", `The paper "${paper.title}" could not be read as a PDF: ${(err as Error).message}`);
      }
      included.push({ doc, paper });
    }
  }

  const front = frontSheet(input);
  const agendaLines = (startPages: Map<PackPaper, number>) => agendaOf(input, startPages);
  // lay the agenda out once to count its pages, then again with the papers' page numbers
  const provisional = layout(agendaLines(new Map()), regular, bold);
  let next = 1 + provisional.length + 1;
  const startPages = new Map<PackPaper, number>();
  for (const { doc, paper } of included) {
    startPages.set(paper, next);
    next += doc.getPageCount();
  }
  const agendaPages = layout(agendaLines(startPages), regular, bold);
  if (agendaPages.length !== provisional.length) throw new QuorumError("internal", "the agenda's layout changed between passes");

  draw(pack.addPage(A4), layout(front, regular, bold)[0], regular, bold);
  for (const page of agendaPages) draw(pack.addPage(A4), page, regular, bold);
  for (const { doc } of included) {
    const copied = await pack.copyPages(doc, doc.getPageIndices());
    for (const page of copied) pack.addPage(page);
  }
  const total = pack.getPageCount();
  const footer = `${input.meeting.bodyName}, ${formatLong(input.meeting.date)}`;
  pack.getPages().forEach((page, i) => {
    const text = clean(`${footer}  ·  Page ${i + 1} of ${total}`, regular);
    const { width } = page.getSize();
    page.drawText(text, { x: width / 2 - regular.widthOfTextAtSize(text, 8) / 2, y: 20, size: 8, font: regular, color: rgb(0.3, 0.3, 0.3) });
  });
  const bytes = await pack.save({ useObjectStreams: false });
  return { bytes, pages: total };
}

function frontSheet(input: PackInput): Line[] {
  const m = input.meeting;
  const lines: Line[] = [];
  if (m.councilName) lines.push({ text: m.councilName, size: 14, gap: 8 });
  lines.push({ text: m.bodyName, size: 22, bold: true, gap: 6 });
  lines.push({ text: packTitle(input.sequence), size: 16, gap: 18 });
  lines.push({ text: `Date: ${formatLong(m.date)}`, size: 12 });
  if (m.startTime) lines.push({ text: `Time: ${m.startTime}`, size: 12 });
  if (m.venue) lines.push({ text: `Venue: ${m.venue}`, size: 12 });
  lines.push({ text: `Published: ${publishedLabel(input.publishedAt, input.timeZone ?? "UTC")}`, size: 12, gap: 12 });
  if (input.lateReason) {
    lines.push({ text: "Published with fewer than five clear working days' notice. The reason:", size: 12, bold: true });
    lines.push({ text: input.lateReason, size: 12 });
  }
  return lines;
}

/** "10 March 2026 at 15:00", in the council's zone. */
function publishedLabel(iso: string, timeZone: string): string {
  const at = new Date(iso);
  try {
    const { date, time } = localDateAndTime(at, timeZone);
    return `${formatLong(date)} at ${time}`;
  } catch {
    return `${formatLong(iso.slice(0, 10))} at ${iso.slice(11, 16)} UTC`;
  }
}

function agendaOf(input: PackInput, startPages: Map<PackPaper, number>): Line[] {
  const lines: Line[] = [{ text: input.sequence === 0 ? "Agenda" : `Supplementary agenda ${input.sequence}`, size: 18, bold: true, gap: 10 }];
  for (const item of input.items) {
    lines.push({ text: `${item.number}  ${item.title}`, size: 12, bold: true, gap: 2 });
    if (item.exempt) {
      lines.push({ text: exemptGround(item.exemptParagraph), size: BODY, indent: 18 });
    } else {
      if (item.reportAuthor) lines.push({ text: `Report author: ${item.reportAuthor}`, size: BODY, indent: 18 });
      if (item.wards) lines.push({ text: `Wards affected: ${item.wards}`, size: BODY, indent: 18 });
      if (item.decisionMaker) lines.push({ text: `Decision maker: ${item.decisionMaker}`, size: BODY, indent: 18 });
    }
    for (const paper of item.papers) {
      let where: string;
      if (paper.exempt || item.exempt) where = `${exemptGround(paper.exemptParagraph ?? item.exemptParagraph)}; not included`;
      else if (paper.format === "docx") where = `Word document, published separately: ${paper.url}`;
      else where = startPages.has(paper) ? `page ${startPages.get(paper)}` : "page 000";
      lines.push({ text: `${paper.title}: ${where}`, size: BODY, indent: 30 });
    }
    lines[lines.length - 1].gap = 10;
  }
  return lines;
}

interface Placed {
  text: string;
  size: number;
  bold?: boolean;
  x: number;
  y: number;
}

/** Lines wrapped to the page's width and cut into pages. */
function layout(lines: Line[], regular: PDFFont, bold: PDFFont): Placed[][] {
  const pages: Placed[][] = [[]];
  let y = A4[1] - MARGIN;
  for (const line of lines) {
    const font = line.bold ? bold : regular;
    const x = MARGIN + (line.indent ?? 0);
    const width = A4[0] - MARGIN - x;
    const step = Math.max(LINE, line.size * 1.3);
    for (const part of wrap(clean(line.text, font), font, line.size, width)) {
      if (y - step < MARGIN) {
        pages.push([]);
        y = A4[1] - MARGIN;
      }
      y -= step;
      pages[pages.length - 1].push({ text: part, size: line.size, bold: line.bold, x, y });
    }
    y -= line.gap ?? 0;
  }
  return pages;
}

function draw(page: PDFPage, placed: Placed[], regular: PDFFont, bold: PDFFont): void {
  for (const p of placed) page.drawText(p.text, { x: p.x, y: p.y, size: p.size, font: p.bold ? bold : regular });
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width || !current) current = candidate;
    else {
      out.push(current);
      current = word;
    }
  }
  if (current) out.push(current);
  return out.length ? out : [""];
}

const charsets = new WeakMap<PDFFont, Set<number>>();

/** The text in characters the standard font can show; others become "?". */
function clean(text: string, font: PDFFont): string {
  let set = charsets.get(font);
  if (!set) charsets.set(font, (set = new Set(font.getCharacterSet())));
  let out = "";
  for (const ch of text.replace(/[\t\r\n]+/g, " ")) out += set.has(ch.codePointAt(0)!) ? ch : "?";
  return out;
}
