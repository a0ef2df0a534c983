// Virtual lines: badly converted minutes run items together on one line ("… comments. 9. Review of
// PC Policies …") or run a heading into its body. Splitting such a line keeps each part's source
// line number and true character offset, so spans stay exact.
import type { SourceLine } from "../../domain/source.ts";

export interface Cut {
  line: number;
  /** raw column where the second part starts */
  col: number;
}

export function splitLines(lines: SourceLine[], cuts: Cut[]): SourceLine[] {
  if (!cuts.length) return lines;
  const byLine = new Map<number, number[]>();
  for (const c of cuts) {
    const text = lines[c.line]?.text ?? "";
    if (c.col <= 0 || c.col >= text.length) continue;
    byLine.set(c.line, [...(byLine.get(c.line) ?? []), c.col]);
  }
  const out: SourceLine[] = [];
  lines.forEach((line, i) => {
    const cols = byLine.get(i);
    if (!cols) return out.push(line);
    const sorted = [...new Set(cols)].sort((a, b) => a - b);
    let from = 0;
    for (const col of [...sorted, line.text.length]) {
      const piece = line.text.slice(from, col);
      const lead = piece.length - piece.trimStart().length;
      const text = piece.trim();
      if (text || from === 0) {
        const part: SourceLine = { no: line.no, text, offset: line.offset + from + (text ? lead : 0) };
        if (line.page !== undefined) part.page = line.page;
        out.push(part);
      }
      from = col;
    }
  });
  return out;
}
