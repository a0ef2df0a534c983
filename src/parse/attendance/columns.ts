// Attendance printed in side-by-side columns: a row of labels ("Present:", "Also in attendance:",
// "Apologies:", "Members of the Public") with the names below them in the same columns, one row
// per line, cells separated by tabs (the PDF reader puts a tab before a cell whose columns to the
// left are empty). Each name belongs to the column it is printed in; a label printed inside a
// column ("Apologies:" under the last name present) takes over that column from there on, and a
// column without a label of its own continues the label to its left, which spans it.
import type { SectionKind } from "./sections.ts";
import { findSections, isProse } from "./sections.ts";

export interface ColumnEntry {
  section: SectionKind & { label: string };
  /** the cell's text and where it starts in the text */
  text: string;
  start: number;
}

const PUBLIC = /^members?\s+of\s+(?:the\s+)?public\s*:?$/i;

/** The attendance status a cell holding only a label gives its column, or null. */
function labelOf(cell: string): (SectionKind & { label: string }) | null {
  const t = cell.trim();
  if (!t || t.length > 60) return null;
  if (PUBLIC.test(t)) return { status: "in_attendance", kind: "other", label: t };
  const found = findSections(t);
  if (found.length !== 1 || found[0].labelIndex !== 0 || t.slice(found[0].start).replace(/[:\s]/g, "")) return null;
  const { status, kind, role, plainInAttendance } = found[0];
  return { status, kind, role, plainInAttendance, label: t };
}

interface Cell {
  text: string;
  start: number;
}

function cellsOf(line: string, offset: number): Cell[] {
  const cells: Cell[] = [];
  let at = 0;
  for (const part of line.split("\t")) {
    cells.push({ text: part, start: offset + at });
    at += part.length + 1;
  }
  return cells;
}

/**
 * The names read from attendance columns in `text`, and the text with those blocks blanked out
 * (same length, line breaks kept) so that the label-by-label reading does not read them again.
 */
export function readColumns(text: string): { entries: ColumnEntry[]; rest: string } {
  const entries: ColumnEntry[] = [];
  if (!text.includes("\t")) return { entries, rest: text };
  const lines = text.split("\n");
  const offsets: number[] = [];
  let off = 0;
  for (const l of lines) {
    offsets.push(off);
    off += l.length + 1;
  }
  const blanks: [number, number][] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = cellsOf(lines[i], offsets[i]);
    const filled = head.filter((c) => c.text.trim());
    if (filled.length < 2) continue;
    const labels = head.map((c) => labelOf(c.text));
    // a row of labels and nothing else
    if (labels.filter(Boolean).length < 2 || head.some((c, k) => c.text.trim() && !labels[k])) continue;
    const columns = labels.slice();
    // names are given column by column, as a reader reads them, not row by row
    const block: (ColumnEntry & { column: number })[] = [];
    let last = i;
    let rows = 0;
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j];
      if (!line.trim()) {
        if (rows) break;
        continue;
      }
      const cells = cellsOf(line, offsets[j]);
      const first = cells.find((c) => c.text.trim())!.text.trim();
      // the list ends at prose, at a numbered heading, or at a labelled paragraph
      if (isProse(line) || /^\(?\d/.test(first) || (cells.length === 1 && /:\s*\S/.test(first))) break;
      cells.forEach((c, k) => {
        if (!c.text.trim()) return;
        const own = labelOf(c.text);
        if (own) {
          columns[k] = own;
          return;
        }
        let label = null;
        for (let m = Math.min(k, columns.length - 1); m >= 0 && !label; m--) label = columns[m];
        if (!label) return;
        const lead = c.text.length - c.text.trimStart().length;
        block.push({ section: label, text: c.text.trim(), start: c.start + lead, column: k });
      });
      rows++;
      last = j;
    }
    if (!rows) continue;
    for (const { column: _, ...e } of block.sort((a, b) => a.column - b.column)) entries.push(e);
    blanks.push([offsets[i], offsets[last] + lines[last].length]);
    i = last;
  }
  if (!blanks.length) return { entries, rest: text };
  let rest = "";
  let at = 0;
  for (const [a, b] of blanks) {
    rest += text.slice(at, a) + text.slice(a, b).replace(/[^\n]/g, " ");
    at = b;
  }
  return { entries, rest: rest + text.slice(at) };
}
