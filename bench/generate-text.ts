// Rewriting a template's text for a generated meeting: edits (start, end, replacement) applied in
// one pass, and offsets in the old text mapped to the new so provenance spans still point at what
// they read. No edit adds or removes a line break, so line numbers stay as they were.
import type { Span } from "../src/domain/minutes.ts";

export interface Edit {
  start: number;
  end: number;
  text: string;
}

export interface Rewritten {
  text: string;
  /** maps an offset in the old text to the new; inside an edit, a start goes to its start and an end to its end */
  map: (offset: number, side: "start" | "end") => number;
}

/** Applies non-overlapping edits (an edit overlapping an earlier one is dropped). */
export function applyEdits(text: string, edits: Edit[]): Rewritten {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: Edit[] = [];
  for (const e of sorted) {
    if (e.end < e.start || e.start < 0 || e.end > text.length || e.text.includes("\n") || text.slice(e.start, e.end).includes("\n")) continue;
    const prev = kept[kept.length - 1];
    if (prev && (e.start < prev.end || (e.start === prev.start && e.end === e.start))) continue;
    kept.push(e);
  }
  const parts: string[] = [];
  let at = 0;
  // new start of each kept edit, for mapping
  const newStarts: number[] = [];
  let shift = 0;
  for (const e of kept) {
    parts.push(text.slice(at, e.start), e.text);
    newStarts.push(e.start + shift);
    shift += e.text.length - (e.end - e.start);
    at = e.end;
  }
  parts.push(text.slice(at));
  const map = (offset: number, side: "start" | "end"): number => {
    // the last edit starting before the offset (binary search); an insertion exactly at a span's
    // start comes before the span, at its end after it
    let lo = 0;
    let hi = kept.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid].start < offset) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    while (side === "start" && k + 1 < kept.length && kept[k + 1].start === offset && kept[k + 1].end === offset) k++;
    if (k < 0) return offset;
    const e = kept[k];
    if (offset >= e.end) return offset - e.end + newStarts[k] + e.text.length;
    // inside a replaced stretch
    return side === "start" ? newStarts[k] : newStarts[k] + e.text.length;
  };
  return { text: parts.join(""), map };
}

export function mapSpan(span: Span, r: Rewritten): Span {
  return { ...span, start: r.map(span.start, "start"), end: r.map(span.end, "end") };
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export function sameCase(model: string, word: string): string {
  if (model.length > 1 && model === model.toUpperCase()) return word.toUpperCase();
  if (model === model.toLowerCase()) return word.toLowerCase();
  return word;
}

/**
 * Edits that make a written date (the header's "Tuesday 12th March 2019", "March 12, 2019",
 * "12/03/2019", "2019-03-12") say another date, in the same style. A form it does not know is left.
 */
export function dateEdits(text: string, span: { start: number; end: number }, date: string): Edit[] {
  const [y, m, d] = date.split("-").map(Number);
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  const written = text.slice(span.start, span.end);
  const edits: Edit[] = [];
  const at = (i: number, len: number, t: string) => edits.push({ start: span.start + i, end: span.start + i + len, text: t });
  const numeric = /\b(\d{4})-(\d{2})-(\d{2})\b|\b(\d{1,2})([/.])(\d{1,2})\5(\d{4}|\d{2})\b/.exec(written);
  if (numeric) {
    if (numeric[1]) at(numeric.index, numeric[0].length, date);
    else {
      const us = Number(numeric[4]) <= 12 && Number(numeric[6]) > 12;
      const [a, b] = us ? [m, d] : [d, m];
      const pad = (n: number, like: string) => (like.length === 2 ? String(n).padStart(2, "0") : String(n));
      const year = numeric[7].length === 2 ? String(y % 100).padStart(2, "0") : String(y);
      at(numeric.index, numeric[0].length, `${pad(a, numeric[4])}${numeric[5]}${pad(b, numeric[6])}${numeric[5]}${year}`);
    }
    return edits;
  }
  for (const match of written.matchAll(/\b(\p{L}+|\d{1,4})(st|nd|rd|th|ST|ND|RD|TH)?\b/gu)) {
    const token = match[1];
    const lower = token.toLowerCase();
    const wd = WEEKDAYS.findIndex((w) => lower === w.toLowerCase() || (lower.length === 3 && w.toLowerCase().startsWith(lower)));
    const mo = MONTHS.findIndex((w) => lower === w.toLowerCase() || ((lower.length === 3 || (lower.length === 4 && lower === "sept")) && w.toLowerCase().startsWith(lower)));
    if (wd >= 0 && !match[2]) at(match.index, token.length, sameCase(token, token.length === 3 ? weekday.slice(0, 3) : weekday));
    else if (mo >= 0 && !match[2]) at(match.index, token.length, sameCase(token, token.length <= 4 && lower !== "june" && lower !== "july" && lower !== "may" ? MONTHS[m - 1].slice(0, 3) : MONTHS[m - 1]));
    else if (/^\d{4}$/.test(token) && Number(token) > 1900) at(match.index, 4, String(y));
    else if (/^\d{1,2}$/.test(token) && Number(token) >= 1 && Number(token) <= 31) {
      const suffix = match[2] ? (d % 10 === 1 && d !== 11 ? "st" : d % 10 === 2 && d !== 12 ? "nd" : d % 10 === 3 && d !== 13 ? "rd" : "th") : "";
      at(match.index, match[0].length, `${d}${sameCase(match[2] ?? "", suffix)}`);
    }
  }
  return edits;
}
