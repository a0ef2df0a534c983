// PDF → lines in reading order. pdf.js hands back text runs in content-stream order, which is
// whatever order the producing program drew them in; rebuilding lines from positions gives the
// order a reader sees, close to `pdftotext -layout` but without the padding spaces.
import { getDocumentProxy } from "unpdf";

/** One page of a PDF as text lines (no trailing newline). */
export type PdfPages = string[][];

export interface Run {
  str: string;
  x: number;
  /** Baseline, device space: y grows downwards from the top of the page. */
  y: number;
  /** Right end of the run on the x axis. */
  end: number;
  size: number;
}

const LIST_MARKER = /^(?:\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivxlc]{1,6})[.)]|[•·▪◦●○■□➢►\-–*])$/i;

/** Fewest side-by-side lines that make a two-column block. */
const MIN_COLUMN_LINES = 6;

/** A gap wider than this many font sizes separates table columns rather than words. */
const TAB_GAP = 2;

interface Line {
  runs: Run[];
  y: number;
  size: number;
  top: number;
  bottom: number;
}

/** A page with (almost) no text layer: a scan, or text drawn as outlines. Sizes in points. */
export interface BarePage {
  page: number;
  width: number;
  height: number;
  /** letters the text layer does hold (a scanner's stamp, a page number) */
  letters: number;
}

/**
 * Reads bare pages some other way (OCR): runs in the page's own coordinates (points, y down from
 * the top), by page number; a page left out keeps what its text layer holds.
 */
export type ReadBarePages = (pages: BarePage[], pageCount: number) => Promise<Map<number, Run[]>>;

/** A page whose text layer has fewer letters than this is read by `readBare`, when given. */
const BARE_PAGE_LETTERS = 20;

/** Text of every page, one array of lines per page, headers and footers left out. */
export async function pdfPages(bytes: Uint8Array, readBare?: ReadBarePages): Promise<PdfPages> {
  // pdf.js takes ownership of (detaches) the buffer it is given, so it gets a copy.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 } as never);
  const pages: { runs: Run[]; width: number; height: number }[] = [];
  const bare: BarePage[] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const runs = runsOf(content.items, viewport.transform);
      pages.push({ runs, width: viewport.width, height: viewport.height });
      const letters = runs.reduce((sum, r) => sum + (r.str.match(/\p{L}/gu)?.length ?? 0), 0);
      if (readBare && letters < BARE_PAGE_LETTERS) bare.push({ page: n, width: viewport.width, height: viewport.height, letters });
      page.cleanup();
    }
  } finally {
    await pdf.destroy();
  }
  if (readBare && bare.length) for (const [n, runs] of await readBare(bare, pages.length)) pages[n - 1].runs = runs;
  const laid = pages.map((p) => ({ lines: buildLines(p.runs), height: p.height }));
  return dropMargins(laid).map((lines) => {
    const ordered = splitColumns(lines);
    const columns = columnStarts(ordered);
    const texts = alignedRows(ordered, ordered.map((l) => lineText(l, columns)));
    return withParagraphBreaks(ordered.map((l, i) => ({ ...l, text: texts[i] })));
  });
}

function runsOf(items: unknown[], view: number[]): Run[] {
  const runs: Run[] = [];
  for (const item of items as { str?: string; transform?: number[]; width?: number }[]) {
    if (typeof item.str !== "string" || !item.transform || item.str === "") continue;
    const m = multiply(view, item.transform);
    const size = Math.hypot(m[2], m[3]) || Math.hypot(m[0], m[1]) || 1;
    const scaleX = Math.hypot(m[0], m[1]) / (Math.hypot(item.transform[0], item.transform[1]) || 1);
    const x = m[4];
    const y = m[5];
    const end = x + (item.width ?? 0) * (Number.isFinite(scaleX) && scaleX > 0 ? scaleX : 1);
    // Some producers fake bold by drawing the same run twice, a fraction of a point apart.
    const prev = runs[runs.length - 1];
    if (prev && prev.str === item.str && Math.abs(prev.x - x) < size * 0.2 && Math.abs(prev.y - y) < size * 0.2) continue;
    runs.push({ str: item.str, x, y, end, size });
  }
  return runs;
}

function multiply(a: number[], b: number[]): number[] {
  return [
    a[0] * b[0] + a[2] * b[1],
    a[1] * b[0] + a[3] * b[1],
    a[0] * b[2] + a[2] * b[3],
    a[1] * b[2] + a[3] * b[3],
    a[0] * b[4] + a[2] * b[5] + a[4],
    a[1] * b[4] + a[3] * b[5] + a[5],
  ];
}

/**
 * Groups runs into lines by vertical overlap, so a superscript ("12th") or subscript stays on the
 * line it belongs to, then orders each line left to right.
 */
function buildLines(runs: Run[]): TextLine[] {
  const visible = runs.filter((r) => r.str.trim() !== "");
  // Top to bottom; on a shared baseline the larger run comes first and founds the line.
  visible.sort((a, b) => a.y - b.y || b.size - a.size);
  const lines: Line[] = [];
  for (const r of visible) {
    const top = r.y - r.size * 0.8;
    const bottom = r.y + r.size * 0.2;
    let best: Line | undefined;
    let bestOverlap = 0;
    for (let i = lines.length - 1; i >= 0 && i >= lines.length - 4; i--) {
      const l = lines[i];
      const overlap = Math.min(bottom, l.bottom) - Math.max(top, l.top);
      const smaller = Math.min(r.size, l.size);
      if (overlap > smaller * 0.55 && Math.abs(r.y - l.y) < Math.max(r.size, l.size) * 0.6 && overlap > bestOverlap) {
        best = l;
        bestOverlap = overlap;
      }
    }
    if (best) {
      best.runs.push(r);
      if (r.size > best.size) {
        best.size = r.size;
        best.y = r.y;
        best.top = top;
        best.bottom = bottom;
      }
    } else {
      lines.push({ runs: [r], y: r.y, size: r.size, top, bottom });
    }
  }
  lines.sort((a, b) => a.y - b.y);
  for (const l of lines) l.runs.sort((a, b) => a.x - b.x);
  // Provisional text, good enough to recognise running headers and footers before the columns
  // and tabs are settled.
  return lines.map((l) => ({ ...l, text: lineText(l, []) }));
}

/**
 * Two-column prose (newsletter-style minutes) is read column by column: a block of at least
 * MIN_COLUMN_LINES consecutive lines that all keep clear of one vertical gutter, with running text
 * on both sides, becomes its left half followed by its right half. Tables are left as rows: their
 * cells are short, so they never pass the running-text test.
 */
function splitColumns(lines: Line[]): Line[] {
  const gaps: [number, number][] = [];
  for (const l of lines) {
    for (let i = 1; i < l.runs.length; i++) {
      const from = l.runs[i - 1].end;
      if (l.runs[i].x - from >= l.size * 1.2) gaps.push([from, l.runs[i].x]);
    }
  }
  if (gaps.length < MIN_COLUMN_LINES) return lines;
  // Gutter candidates: x positions covered by the gaps of many lines, best first, 3 pt apart.
  const lo = Math.min(...gaps.map((g) => g[0]));
  const hi = Math.max(...gaps.map((g) => g[1]));
  const covered: [number, number][] = [];
  for (let x = Math.ceil(lo); x <= hi && covered.length < 2000; x += 3) {
    const n = gaps.filter(([a, b]) => a < x && x < b).length;
    if (n >= MIN_COLUMN_LINES) covered.push([x, n]);
  }
  covered.sort((a, b) => b[1] - a[1]);
  const tried = new Set<number>();
  for (const [g, count] of covered) {
    // Neighbouring positions covered by the same gaps give the same split; try each count once.
    if (tried.has(count) || tried.size >= 4) continue;
    tried.add(count);
    const crosses = (l: Line) => l.runs.some((r) => r.x < g && r.end > g);
    const out: Line[] = [];
    let changed = false;
    let block: Line[] = [];
    const finish = () => {
      const halves = block.map((l) => ({ left: l.runs.filter((r) => r.end <= g), right: l.runs.filter((r) => r.x >= g), line: l }));
      const both = halves.filter((h) => h.left.length && h.right.length);
      const prose = (runs: Run[][]) => runs.length > 0 && runs.reduce((n, rs) => n + rs.map((r) => r.str).join(" ").length, 0) / runs.length >= 30;
      if (both.length >= MIN_COLUMN_LINES && prose(halves.map((h) => h.left).filter((r) => r.length)) && prose(halves.map((h) => h.right).filter((r) => r.length))) {
        changed = true;
        const part = (runs: Run[], l: Line): Line => ({ ...l, runs });
        for (const h of halves) if (h.left.length) out.push(part(h.left, h.line));
        for (const h of halves) if (h.right.length) out.push(part(h.right, h.line));
      } else out.push(...block);
      block = [];
    };
    for (const l of lines) {
      // A wide vertical gap (before a footer, say) ends the block as surely as a full-width line.
      const last = block[block.length - 1];
      if (last && l.y - last.y > Math.max(l.size, last.size) * 3) finish();
      if (crosses(l)) {
        finish();
        out.push(l);
      } else block.push(l);
    }
    finish();
    if (changed) return out;
  }
  return lines;
}

/** Where each run of a line begins a new cell: after a gap too wide for a word space. */
function cellBreaks(line: Line): boolean[] {
  let end = -Infinity;
  return line.runs.map((r) => {
    const wide = end > -Infinity && r.x - end > line.size * TAB_GAP;
    end = Math.max(end, r.end);
    return wide;
  });
}

/**
 * Left edges of table cells on a page (those found on at least two rows), so that a row whose
 * cells happen to be close together still gets its tabs where the other rows have theirs.
 */
function columnStarts(lines: Line[]): number[] {
  const starts: number[] = [];
  for (const l of lines) cellBreaks(l).forEach((wide, i) => wide && starts.push(l.runs[i].x));
  return starts.filter((x) => starts.filter((y) => Math.abs(x - y) < 3).length >= 2);
}

function lineText(line: Line, columns: number[]): string {
  const size = line.size;
  const breaks = cellBreaks(line);
  const tabular = breaks.some(Boolean);
  let text = "";
  let end = -Infinity;
  line.runs.forEach((r, i) => {
    const gap = r.x - end;
    if (text) {
      const aligned = (gap > size * 0.8 || (tabular && gap > size * 0.15)) && columns.some((x) => Math.abs(x - r.x) < 3);
      // A list marker's hanging indent is not a table column: "1.   Council to…" reads as "1. Council to…".
      if ((breaks[i] || aligned) && !LIST_MARKER.test(text.trim())) text = text.trimEnd() + "\t";
      else if (gap > size * 0.12 && !/\s$/.test(text) && !/^\s/.test(r.str)) text += " ";
    }
    text += r.str;
    end = Math.max(end, r.end);
  });
  return text.replace(/[ \u00A0]+/g, " ").replace(/ ?\t ?/g, "\t").trim();
}

/** The cells of a line (runs split where cellBreaks finds a wide gap), with their extent. */
function cellsOf(line: Line): { runs: Run[]; x: number; end: number }[] {
  const cells: { runs: Run[]; x: number; end: number }[] = [];
  cellBreaks(line).forEach((wide, i) => {
    const r = line.runs[i];
    const last = cells[cells.length - 1];
    if (!last || wide) cells.push({ runs: [r], x: r.x, end: r.end });
    else {
      last.runs.push(r);
      last.end = Math.max(last.end, r.end);
    }
  });
  return cells;
}

/**
 * In a table, a row whose first cells are empty ("", "D Stephens", "") would read as if its text
 * stood in the first column. Within a block of closely spaced lines that holds at least two rows of
 * several cells, each shorter row's cells are placed in the columns they lie under, with a tab for
 * every empty column before them. The columns are the extents of the block's fullest rows, so that
 * centred cells of varying width still fall into their column.
 */
function alignedRows(lines: Line[], texts: string[]): string[] {
  const out = [...texts];
  let from = 0;
  for (let i = 1; i <= lines.length; i++) {
    const step = i < lines.length ? lines[i].y - lines[i - 1].y : -1;
    if (i < lines.length && step > 0 && step <= Math.max(lines[i].size, lines[i - 1].size) * 1.9) continue;
    if (i - from >= 3) alignBlock(lines.slice(from, i), from, out);
    from = i;
  }
  return out;
}

/** A cell that holds only a paragraph or item number: "04.19.01", "2.", "(a)", "Item 3". */
const NUMBER_CELL = /^(?:item\s*)?\(?[A-Za-z]{0,3}\d[\w.()/-]{0,12}[.:)]?$/i;

function alignBlock(block: Line[], offset: number, out: string[]): void {
  const cells = block.map(cellsOf);
  const widest = Math.max(...cells.map((c) => c.length));
  if (widest < 2 || cells.filter((c) => c.length >= 2).length < 2) return;
  const columns: { x: number; end: number }[] = [];
  for (const row of cells) {
    if (row.length !== widest) continue;
    row.forEach((c, j) => {
      const col = columns[j];
      if (!col) columns[j] = { x: c.x, end: c.end };
      else {
        col.x = Math.min(col.x, c.x);
        col.end = Math.max(col.end, c.end);
      }
    });
  }
  // numbered paragraphs with a hanging indent ("04.19.01   Apologies" over indented text) are not a
  // table: their text stays as it is
  const multi = cells.filter((c) => c.length >= 2);
  if (multi.every((row) => NUMBER_CELL.test(lineText({ ...block[0], runs: row[0].runs }, [])))) return;
  // columns that overlap are not a table's columns
  for (let j = 1; j < columns.length; j++) if (columns[j].x <= columns[j - 1].end) return;
  cells.forEach((row, k) => {
    if (!row.length || row.length === widest) return;
    const at = row.map((c) => columns.findIndex((col) => c.x >= col.x - 2 && c.end <= col.end + 2));
    if (at.some((j) => j < 0) || at.some((j, n) => n > 0 && j <= at[n - 1])) return;
    if (at.every((j, n) => j === n)) return;
    let text = "";
    let prev = -1;
    row.forEach((c, n) => {
      text += "\t".repeat(at[n] - prev - (prev < 0 ? 1 : 0)) + lineText({ ...block[k], runs: c.runs }, []);
      prev = at[n];
    });
    out[offset + k] = text;
  });
}

type TextLine = Line & { text: string };
type PageLines = { lines: TextLine[]; height: number };

const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:page\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?(?:\s*[-–—])?$/i;
/** Most lines a running header or footer takes at one edge of a page. */
const EDGE_LINES = 4;
const PAGE_MARK = /\bpage\s+\d{1,4}(?:\s+of\s+\d{1,4})?\b/i;

/**
 * Leaves out running headers and footers: lines in the top or bottom margin that are a bare page
 * number, say "Page N", or repeat on most pages (the page's own number aside). Only the
 * outermost lines are considered, working inwards while they keep matching, so body text that
 * happens to sit near the edge is kept.
 */
function dropMargins(pages: PageLines[]): Line[][] {
  const key = (t: string, pageNo: number) =>
    t.replace(new RegExp(`(^|\\D)${pageNo}(?!\\d)`), "$1#").replace(/\s+/g, " ").toLowerCase();
  // further in, only a page number set apart in a column of its own ("Alameda City Council\t1")
  const bandKey = (t: string, pageNo: number) =>
    "band|" + t.replace(new RegExp(`(^|\\t)${pageNo}(?=\\t|$)`), "$1#").replace(/\s+/g, " ").toLowerCase();
  const keyOf = (p: PageLines, l: TextLine, pageNo: number) => `${Math.round(l.y / 4)}|${inMargin(p, l) ? key(l.text, pageNo) : bandKey(l.text, pageNo)}`;
  const inMargin = (p: PageLines, l: Line) => l.y < p.height * 0.08 || l.y > p.height * 0.92;
  // A running header or footer of several lines ("Regular Meeting / Alameda City Council 1 /
  // January 18, 2005") reaches further in than a page number; repetition at the same place on
  // most pages is what marks it, so repeated lines are looked for in a wider band.
  const inBand = (p: PageLines, l: Line) => l.y < p.height * 0.12 || l.y > p.height * 0.88;
  const counts = new Map<string, number>();
  pages.forEach((p, i) => {
    const seen = new Set<string>();
    for (const l of [...p.lines.slice(0, EDGE_LINES), ...p.lines.slice(-EDGE_LINES)]) if (inBand(p, l)) seen.add(keyOf(p, l, i + 1));
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  });
  const repeated = (p: PageLines, l: TextLine, pageNo: number) =>
    pages.length >= 2 && (counts.get(keyOf(p, l, pageNo)) ?? 0) >= Math.max(2, Math.ceil(pages.length * 0.5));
  return pages.map((p, i) => {
    // the top of the first page is where the title stands, which later pages may repeat as a header
    const banded = (l: TextLine) => inBand(p, l) && (i > 0 || inMargin(p, l) || l.y > p.height / 2);
    const marginal = (l: TextLine) =>
      (inMargin(p, l) && (PAGE_NUMBER.test(l.text) || PAGE_MARK.test(l.text))) || (banded(l) && repeated(p, l, i + 1));
    let from = 0;
    let to = p.lines.length;
    while (from < to && from < EDGE_LINES && marginal(p.lines[from])) from++;
    while (to > from && p.lines.length - to < EDGE_LINES && marginal(p.lines[to - 1])) to--;
    return p.lines.slice(from, to);
  });
}

/**
 * Puts a blank line where the vertical gap between two lines is clearly wider than the page's
 * usual line spacing, as `pdftotext -layout` does, so paragraphs stay apart.
 */
function withParagraphBreaks(lines: TextLine[]): string[] {
  const steps = lines.slice(1).map((l, i) => l.y - lines[i].y).filter((d) => d > 0).sort((a, b) => a - b);
  const usual = steps.length ? steps[Math.floor(steps.length / 2)] : 0;
  const out: string[] = [];
  lines.forEach((l, i) => {
    const prev = lines[i - 1];
    if (prev) {
      const step = l.y - prev.y;
      // Moving back up the page means the next column of a two-column block starts.
      if (step < 0 || (step > usual * 1.5 && step > Math.max(l.size, prev.size) * 1.6)) out.push("");
    }
    out.push(l.text);
  });
  return out;
}
