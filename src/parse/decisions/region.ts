// The text an item owns, as one string, with a map back to lines so every decision keeps its span.
// Items may start in the middle of a line (flattened tables, run-on paragraphs), so the region is cut
// by source offsets: from the end of this item's title to the start of the next item's number.
import type { Span } from "../../domain/minutes.ts";
import type { ItemBlock, ParseContext } from "../context.ts";

export interface Region {
  /** Lines of the region joined with "\n". */
  text: string;
  /** For each character of `text`: the ctx.lines index it came from. */
  lineOf: Int32Array;
  /** For each character of `text`: its column within that line. */
  colOf: Int32Array;
}

export function itemRegion(ctx: ParseContext, item: ItemBlock, items: ItemBlock[]): Region {
  const k = items.indexOf(item);
  const next = k >= 0 ? items[k + 1] : undefined;
  const from = item.title.span.end;
  // the next item's number counts only where it is printed with its title (flattened tables print numbers apart)
  let until = next ? next.title.span.start : Number.POSITIVE_INFINITY;
  if (next) {
    const headingLine = ctx.lines[next.start];
    const n = next.number.span.start;
    if (n < until && headingLine && n >= headingLine.offset && n >= from) until = n;
  }
  const lastLine = next ? Math.max(item.end - 1, lineAt(ctx, until, item.start)) : item.end - 1;
  return buildRegion(ctx, item.start, Math.min(lastLine, ctx.lines.length - 1), from, until);
}

/** Region over lines [first, last] limited to source offsets [from, until). */
export function buildRegion(ctx: ParseContext, first: number, last: number, from = -1, until = Number.POSITIVE_INFINITY): Region {
  // the pieces first, then the character maps filled in place: built a character at a time in
  // growing arrays, the maps cost more than reading the item's decisions from its text
  const pieces: { line: number; a: number; text: string }[] = [];
  let length = 0;
  for (let i = Math.max(0, first); i <= last && i < ctx.lines.length; i++) {
    const line = ctx.lines[i];
    const a = Math.max(0, Math.min(line.text.length, from - line.offset));
    const b = Math.max(0, Math.min(line.text.length, until - line.offset));
    if (line.offset + line.text.length < from && i < last) continue;
    if (line.offset >= until) break;
    const piece = b > a ? line.text.slice(a, b) : "";
    // a piece after the first is joined on by a "\n" that stands at column a of its own line
    length += (pieces.length ? 1 : 0) + piece.length;
    pieces.push({ line: i, a, text: piece });
  }
  const lineOf = new Int32Array(length);
  const colOf = new Int32Array(length);
  let at = 0;
  for (const [k, { line, a, text }] of pieces.entries()) {
    if (k) {
      lineOf[at] = line;
      colOf[at++] = a;
    }
    lineOf.fill(line, at, at + text.length);
    for (let c = 0; c < text.length; c++) colOf[at + c] = a + c;
    at += text.length;
  }
  return { text: pieces.map((p) => p.text).join("\n"), lineOf, colOf };
}

function lineAt(ctx: ParseContext, offset: number, fromIndex: number): number {
  for (let i = Math.max(0, fromIndex); i < ctx.lines.length; i++) {
    const l = ctx.lines[i];
    if (offset <= l.offset + l.text.length) return i;
  }
  return ctx.lines.length - 1;
}

/** Span of region characters [start, end). */
export function regionSpan(ctx: ParseContext, region: Region, start: number, end: number): Span {
  const s = Math.max(0, Math.min(start, region.text.length - 1));
  const e = Math.max(s, Math.min(end, region.text.length) - 1);
  const la = region.lineOf[s] ?? 0;
  const lb = region.lineOf[e] ?? la;
  const a = ctx.lines[la];
  const b = ctx.lines[lb];
  const span: Span = { line: a.no, start: a.offset + (region.colOf[s] ?? 0), end: b.offset + (region.colOf[e] ?? 0) + 1 };
  if (b.no !== a.no) span.endLine = b.no;
  return span;
}
