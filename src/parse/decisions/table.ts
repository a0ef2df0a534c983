// Rebuilds numbered table rows from text converters that break them: cells split by tabs or pipes, a
// row's cells wrapped over several lines (each line carrying its share of every column), the number in
// a cell of its own or at the start of the first cell, and continuation lines with stray numbers.

export interface TableRow {
  /** number as printed (without a trailing "."), or null */
  printed: string | null;
  cells: string[];
  /** ctx.lines indexes the row was read from */
  lines: number[];
}

export function splitCells(line: string): string[] | null {
  if (line.includes("\t")) return line.split("\t").map((c) => c.trim());
  if (/^\s*\|.*\|\s*$/.test(line)) return line.trim().replace(/^\||\|$/g, "").split("|").map((c) => c.trim());
  return null;
}

const BARE_NUMBER = /^\(?(\d{1,3})[.)]?$/;
const LEADING_NUMBER = /^\(?(\d{1,3})[.)]\s+(?=\S)/;

/**
 * Reads rows of a table with `width` columns from `lines` (text per line, null where a line is not
 * tabular). A new row starts where a number or a filled "key" column appears; other lines continue the
 * row above, column by column.
 */
export function readRows(lines: { index: number; text: string }[], width: number, isKeyCell: (cells: string[]) => boolean): TableRow[] {
  const rows: TableRow[] = [];
  for (const { index, text } of lines) {
    let cells = splitCells(text);
    if (!cells) continue;
    let printed: string | null = null;
    let lead: string | null = null;
    // an extra first cell is the number column (empty on continuation lines); else extra cells are trailing blanks
    const leadLike = cells.length > width && (cells[0] === "" || BARE_NUMBER.test(cells[0]) || /^[•·*▪◦‣-]$/.test(cells[0]));
    if (!leadLike) while (cells.length > width && cells.length > 1 && cells[cells.length - 1] === "") cells = cells.slice(0, -1);
    if (cells.length > width) {
      lead = cells[0];
      cells = cells.slice(1, width + 1);
    }
    while (cells.length < width) cells.push("");
    if (lead !== null) {
      const m = BARE_NUMBER.exec(lead);
      if (m) printed = m[1];
    } else {
      const bare = BARE_NUMBER.exec(cells[0]);
      if (bare) {
        // a stray number alone in the first column belongs to no text of its own
        printed = bare[1];
        cells[0] = "";
      } else {
        const m = LEADING_NUMBER.exec(cells[0]);
        if (m) {
          printed = m[1];
          cells[0] = cells[0].slice(m[0].length);
        }
      }
    }
    const starts = isKeyCell(cells) || (printed !== null && cells[0] !== "");
    const prev = rows[rows.length - 1];
    if (starts || !prev) {
      rows.push({ printed: starts ? printed : null, cells, lines: [index] });
    } else {
      prev.cells = prev.cells.map((c, i) => joinCell(c, cells[i] ?? ""));
      prev.lines.push(index);
    }
  }
  return rows;
}

function joinCell(a: string, b: string): string {
  if (!b) return a;
  if (!a) return b;
  return `${a} ${b}`;
}

export interface Chunk {
  text: string;
  start: number;
  end: number;
}

/** Pieces of a layout line (pdftotext -layout) separated by two or more spaces, with their columns. */
export function chunks(line: string): Chunk[] {
  const out: Chunk[] = [];
  const re = /\S+(?: \S+)*/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * Lays a layout line out on columns starting at `starts`: returns the cells (a leading cell for what
 * stands left of the first column), or null when the line's text runs across column boundaries, which
 * means it is prose, not a row.
 */
export function layoutCells(line: string, starts: number[]): string[] | null {
  const cells = new Array<string>(starts.length + 1).fill("");
  const slack = 2;
  for (const c of chunks(line)) {
    let k = -1;
    for (let i = 0; i < starts.length; i++) if (starts[i] <= c.start + slack) k = i;
    const nextStart = k + 1 < starts.length ? starts[k + 1] : Number.POSITIVE_INFINITY;
    if (c.end > nextStart + slack) return null;
    cells[k + 1] = cells[k + 1] ? `${cells[k + 1]} ${c.text}` : c.text;
  }
  return cells;
}
