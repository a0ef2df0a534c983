// A line that could open an agenda item: a number, then a heading (on the same line or the next).
// Whether it really is an item is decided by the sequence it belongs to (see sequence.ts).
import type { SourceLine } from "../../domain/source.ts";
import { plain, rawRange, type Plain } from "./markup.ts";
import { readNumber, type ItemNumber } from "./numbering.ts";
import { isMonthStart, STARTERS, titleLength } from "./titles.ts";

export interface Candidate {
  /** index of the line holding the number */
  line: number;
  num: ItemNumber;
  /** raw columns of the number on `line` */
  numCols: [number, number];
  title: string;
  /** first and last line index of the title, and raw columns on them */
  titleLine: number;
  titleEndLine: number;
  titleCols: [number, number];
  /** raw column on `titleEndLine` where the body starts when it runs on after the title, else null */
  bodyCol: number | null;
  /** how much the line looks like a heading, 0–1.2 */
  weight: number;
}

const BULLET = /^(?:[-*+•¢>·▪◦]\s|\|)/;
const CONNECTOR_END = /\b(?:of|from|by|to|the|and|for|with|on|at|in|into|a|an|or|re|regarding|&|–|-|Councillor|Cllr\.?|Mr\.?|Mrs\.?|Ms\.?)$/;
/** Words that open a sub-heading of its own under an item heading, rather than continue it. */
const SUB_HEADING =
  /^(?:Update|Updates|Report|Reports|Review|Presentation|Proposed|Proposal|Part\s+\d|Consideration|Request|Notice|Question|Deputation|Adoption|Approval|Circulated|Draft|Schedule|Section\s+\d)\b/;
const HEADING_START = /^(?:[A-Z“"‘'(]|\d+[A-Za-z]|(?:19|20)\d\d\s+[A-Z])/;

export class LineReader {
  private cache = new Map<number, Plain>();
  constructor(readonly lines: SourceLine[]) {}
  plain(i: number): Plain {
    let p = this.cache.get(i);
    if (!p) {
      p = plain(this.lines[i]?.text ?? "");
      this.cache.set(i, p);
    }
    return p;
  }
  /** next line index after i that has text, within `within` lines */
  nextText(i: number, within = 3): number | null {
    for (let k = i + 1; k < this.lines.length && k <= i + within; k++) if (this.plain(k).text) return k;
    return null;
  }
}

export function readCandidate(r: LineReader, i: number): Candidate | null {
  const p = r.plain(i);
  const t = p.text;
  if (!t || BULLET.test(t)) return null;
  const num = readNumber(t);
  if (!num) return null;
  const restAt = skipSpaces(t, num.length);
  const rest = t.slice(restAt);
  const digits = t.search(/\d/);
  const numCols = rawRange(p, digits, digits + num.text.length);

  if (!rest) {
    // the heading is on the next line: "**Item 1:**" / "**Adoption of Draft Minutes …**"
    if (!num.style) return null;
    const k = r.nextText(i, 3);
    if (k === null) return null;
    const q = r.plain(k);
    if (!HEADING_START.test(q.text) || readNumber(q.text) || BULLET.test(q.text)) return null;
    const len = titleLength(q.text);
    if (!len || len < q.text.length * 0.5 || q.text.split(/\s+/).length > 25) return null;
    const c = finishTitle(r, i, num, numCols, k, 0, len);
    c.weight = num.style.startsWith("item") ? 1.2 : 0.9;
    return c;
  }
  // "2"? MARCH, 2016": a date whose day carries OCR marks or a misread ordinal, not a heading
  if (isMonthStart(rest) || isMonthStart(rest.replace(/^[^A-Za-z0-9\s]{1,3}\s*/, ""))) return null;
  // scanned minutes garble the start of headings ("2. _—- Matters Arising", "4. uestion submitted b …");
  // such a line can only fill a gap in a run of punctuated numbers, so it weighs little
  let at = restAt;
  let noisy = false;
  if (!HEADING_START.test(rest)) {
    // "2 members of the public", "1 will move": without punctuation a lower-case word is never a heading
    if (!num.style || num.style === "item") return null;
    const junk = /^[^A-Za-z0-9“"‘(]+/.exec(rest)?.[0].length ?? 0;
    at = restAt + junk;
    if (!/^[A-Za-z]/.test(t.slice(at))) return null;
    noisy = true;
  }
  const body = t.slice(at);
  const len = titleLength(body);
  if (!len) return null;
  const c = finishTitle(r, i, num, numCols, i, at, at + len);
  let weight = num.style.startsWith("item") ? 1.2 : 1;
  if (/^that\b/i.test(body)) weight = 0.2;
  else if (c.bodyCol !== null) weight = 0.85;
  if (c.title.split(/\s+/).length > 20) weight *= 0.7;
  if (/^\d/.test(body)) weight *= 0.6;
  // a row of a payments table: cheque numbers run in sequence too
  if (/£\s?\d|\b\d+\.\d\d\s*$/.test(t)) weight *= 0.3;
  if (noisy) weight = /^[A-Z]/.test(body) ? weight * 0.8 : 0.3;
  c.weight = weight;
  return c;
}

function skipSpaces(t: string, at: number): number {
  while (at < t.length && t[at] === " ") at++;
  return at;
}

/** Builds the candidate from the title's first line, following it onto a second line when it wraps. */
function finishTitle(
  r: LineReader,
  i: number,
  num: ItemNumber,
  numCols: [number, number],
  tl: number,
  from: number,
  to: number,
): Candidate {
  const p = r.plain(tl);
  let title = p.text.slice(from, to);
  let endLine = tl;
  let endPlainTo = to;
  let bodyCol: number | null = null;
  const runsOn = p.text.slice(to).replace(/^[\s:;,.–—-]+/, "").length > 0;
  if (runsOn) {
    const after = skipSpaces(p.text, to);
    let a = after;
    while (a < p.text.length && /[:;,.–—\s-]/.test(p.text[a])) a++;
    bodyCol = p.cols[a] ?? null;
  } else {
    // a title that wraps: the first line ends mid-phrase, or both lines are set in bold
    const direct = tl + 1 < r.lines.length && r.plain(tl + 1).text !== "";
    const k = direct ? tl + 1 : r.nextText(tl, 2);
    // a line split off the heading's own source line is its body, never the rest of its title
    if (k !== null && r.lines[k].no !== r.lines[tl].no && !/^\(?(?:[ivx]{1,4}|[a-h])[.)]\s/i.test(r.plain(k).text)) {
      const q = r.plain(k);
      // converters that put a blank line after every printed line leave a wrapped title as a short
      // fragment paragraph: no closing stop, not opening a sentence, after a first line long enough to wrap
      const first = q.text.split(" ")[0];
      const fragment =
        !direct &&
        title.length >= 45 &&
        q.text.length <= 70 &&
        !/[:;]$/.test(q.text) &&
        !/[a-z]{2,}\.\s+[A-Z]/.test(q.text) &&
        !SUB_HEADING.test(q.text) &&
        !STARTERS.has(first) &&
        /^[A-Z]/.test(q.text);
      const wraps =
        (direct
          ? CONNECTOR_END.test(title) || /^[a-z]/.test(q.text) || (p.bold && q.bold) || (capitals(title) && capitals(q.text) && q.text.length <= 60 && !/^(?:RESOLVED|AGREED|NOTED|DECIDED|PRESENT|APOLOGIES)\b/.test(q.text))
          : (p.bold && q.bold) || fragment || (CONNECTOR_END.test(title) && /^[a-z]/.test(q.text))) &&
        !readNumber(q.text) &&
        !BULLET.test(q.text) &&
        !/[.:]$/.test(title);
      if (wraps) {
        const len = titleLength(q.text);
        if (len > 0 && title.split(/\s+/).length + q.text.slice(0, len).split(/\s+/).length <= 30) {
          title = `${title} ${q.text.slice(0, len)}`;
          endLine = k;
          endPlainTo = len;
          if (q.text.slice(len).replace(/^[\s:;,.–—-]+/, "")) {
            let a = len;
            while (a < q.text.length && /[:;,.–—\s-]/.test(q.text[a])) a++;
            bodyCol = q.cols[a] ?? null;
          }
        }
      }
    }
  }
  const startCol = rawRange(p, from, to)[0];
  const endCol = rawRange(r.plain(endLine), 0, endPlainTo)[1];
  return {
    line: i,
    num,
    numCols,
    // "76. Budget Monitoring (Item 6)": the agenda's number for the item is not part of its title
    title: title.replace(/\s+/g, " ").trim().replace(/\s*\((?:agenda\s+)?item\s+(?:no\.?\s*)?\d{1,3}[a-z]?\)$/i, ""),
    titleLine: tl,
    titleEndLine: endLine,
    titleCols: [startCol, endCol],
    bodyCol,
    weight: 1,
  };
}

/** A heading printed in capitals continues on a next line printed in capitals. */
function capitals(text: string): boolean {
  const letters = text.replace(/[^A-Za-z]/g, "");
  return letters.length >= 3 && letters === letters.toUpperCase();
}
