// A run of lines read as one string, so that patterns can cross line breaks (PDF and OCR text
// wraps mid-sentence, Markdown exports put a whole header on one line) while every match can
// still be traced back to its line and source offset.
import type { Span } from "../../domain/minutes.ts";
import type { ParseContext } from "../context.ts";

export interface Joined {
  text: string;
  /** index into ctx.lines of the first joined line */
  from: number;
  /** line index and column of a character offset in `text` */
  at(offset: number): { line: number; col: number };
  /** source span of [start, end) in `text` */
  span(start: number, end: number, implied?: boolean): Span;
}

/**
 * Joins ctx.lines[from, to) with "\n". `endCol` cuts the last line (index to-1) at that column,
 * and `startCol` starts the first line at that column.
 */
export function joinLines(ctx: ParseContext, from: number, to: number, opts: { startCol?: number; endCol?: number } = {}): Joined {
  const starts: number[] = [];
  const cols: number[] = [];
  const lineIdx: number[] = [];
  let text = "";
  const last = Math.min(to, ctx.lines.length);
  for (let i = Math.max(0, from); i < last; i++) {
    let t = ctx.lines[i].text;
    let c0 = 0;
    if (i === last - 1 && opts.endCol !== undefined) t = t.slice(0, opts.endCol);
    if (i === from && opts.startCol !== undefined) {
      c0 = Math.min(opts.startCol, t.length);
      t = t.slice(c0);
    }
    if (starts.length) text += "\n";
    starts.push(text.length);
    cols.push(c0);
    lineIdx.push(i);
    text += t;
  }
  const at = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    if (!starts.length) return { line: from, col: 0 };
    return { line: lineIdx[lo], col: cols[lo] + Math.max(0, offset - starts[lo]) };
  };
  const span = (start: number, end: number, implied = false): Span => {
    if (!starts.length) return ctx.span(from, 0, 0, implied);
    const a = at(start);
    const b = at(Math.max(start, end - 1));
    const la = ctx.lines[a.line];
    const lb = ctx.lines[b.line];
    const s: Span = { line: la.no, start: la.offset + a.col, end: lb.offset + b.col + (end > start ? 1 : 0) };
    if (lb.no !== la.no) s.endLine = lb.no;
    if (implied) s.implied = true;
    return s;
  };
  return { text, from, at, span };
}

const SMALL_WORDS = new Set("a an and as at but by de for from in into of on or per the to with via".split(" "));
/** Acronyms with vowels that stay in capitals when a phrase is recased (those without vowels always do). */
const KEEP_CAPS = new Set("AOB AGM SPC ICT HR CIL OPW HSE UK EU CCTV LED NALC SAM MD ESB CEO GDPR COVID CPG SPA LEA NHS RAG".split(" "));

/** Words in capitals ("WEST DEREHAM VILLAGE HALL") → title case; small words after the first stay lower case. */
export function titleCase(s: string): string {
  let first = true;
  return s.replace(/[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’]*/g, (w) => {
    const wasFirst = first;
    first = false;
    if (w.length >= 2 && /^[A-Z]+$/.test(w) && (!/[AEIOUY]/.test(w) || KEEP_CAPS.has(w))) return w;
    const lower = w.toLowerCase();
    const out = !wasFirst && SMALL_WORDS.has(lower) ? lower : lower.charAt(0).toUpperCase() + lower.slice(1);
    // O'Brien / O’Connor keep the capital after the apostrophe
    return out.replace(/^([OD])(['’])(\w)/, (_m, a, b, c) => a + b + c.toUpperCase());
  });
}

/** True when a phrase has letters and none of them is lower case. */
export function isShouting(s: string): boolean {
  return /[A-Z]{2}/.test(s) && !/[a-z]/.test(s);
}

/** Collapses runs of white space (including line breaks) to single spaces. */
export function squash(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}
