import type { ItemBlock, ParseContext } from "../context.ts";
import type { Span } from "../../domain/minutes.ts";
import { LineReader, readCandidate, type Candidate } from "./headings.ts";
import { bestSequence, withOutOfOrder } from "./sequence.ts";
import { successor } from "./numbering.ts";
import { splitLines, type Cut } from "./split-lines.ts";
import { titleCase } from "./titles.ts";
import { resolutionItems } from "./resolution-items.ts";
import { flattenedItems } from "./flattened-table.ts";
import { topicItems } from "./topics.ts";
import { bulletHeadingItems } from "./bullet-headings.ts";
import { closeAtSections } from "./sections.ts";
import { closeAtBackMatter } from "./back-matter.ts";
import { letteredSubItems } from "./lettered.ts";

/** Finds agenda item headings and the lines each item spans. */
export function findItems(ctx: ParseContext): ItemBlock[] {
  const items =
    resolutionItems(ctx) ?? flattenedItems(ctx) ?? numberedItems(ctx) ?? bulletHeadingItems(ctx) ?? topicItems(ctx) ?? [];
  closeAtSections(ctx, items);
  closeAtBackMatter(ctx, items);
  return items;
}

/** Items printed with numbers, after splitting lines where items or bodies run on. */
export function numberedItems(ctx: ParseContext): ItemBlock[] | null {
  keepLongLineItems(ctx);
  let chain: Candidate[] = [];
  for (let round = 0; round < 4; round++) {
    const r = new LineReader(ctx.lines);
    chain = sequenceOf(r);
    if (!chain.length) return null;
    const cuts = [...hiddenItems(r, chain), ...bodyCuts(chain)];
    if (!cuts.length) break;
    ctx.lines = splitLines(ctx.lines, cuts);
  }
  return letteredSubItems(ctx, chain.map((c, k) => toBlock(ctx, c, chain[k + 1]?.line ?? ctx.lines.length)));
}

/**
 * Some converters put a whole document on one line. Such lines are cut speculatively before every
 * number that could open an item; the cuts that start items of the chosen sequence are kept.
 */
function keepLongLineItems(ctx: ParseContext): void {
  const long = ctx.lines.map((l, i) => (l.text.length > 1500 ? i : -1)).filter((i) => i >= 0);
  if (!long.length) return;
  const speculative: Cut[] = [];
  for (const i of long) {
    const text = ctx.lines[i].text;
    const re = /(?<=\s)(\d{1,6}(?:\/\d{2}(?:\/\d{1,2})?|\.0\.?|\.)?)\s+(?=[A-Z])/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      // references to items ("item 134/20", "Items 128/20-145/20") and ranges are not headings
      if (/\b(?:items?|minutes?|min|no|para|page|of|from|to)\s*$/i.test(before) || /[–-]\s*$/.test(before)) continue;
      if (!/[./]/.test(m[1]) && !/[.!?:]\s*$/.test(before)) continue;
      speculative.push({ line: i, col: m.index });
    }
  }
  if (!speculative.length) return;
  const original = ctx.lines;
  const trial = splitLines(original, speculative);
  const chain = sequenceOf(new LineReader(trial));
  const keep: Cut[] = [];
  // looked up, not searched for, per item: a document of many long lines has many items
  const indexOf = new Map<number, number>();
  original.forEach((l, k) => indexOf.has(l.no) || indexOf.set(l.no, k));
  const isLong = new Set(long);
  for (const c of chain) {
    const line = trial[c.line];
    const k = indexOf.get(line.no) ?? -1;
    if (k >= 0 && isLong.has(k) && line.offset > original[k].offset) keep.push({ line: k, col: line.offset - original[k].offset });
  }
  ctx.lines = splitLines(original, keep);
}

function sequenceOf(r: LineReader): Candidate[] {
  const cands: Candidate[] = [];
  for (let i = 0; i < r.lines.length; i++) {
    const c = readCandidate(r, i);
    if (c) cands.push(c);
  }
  return withOutOfOrder(bestSequence(cands), cands);
}

/** A heading whose body runs on after it on the same line is cut in two, so bodies start on their own line. */
function bodyCuts(chain: Candidate[]): Cut[] {
  return chain.filter((c) => c.bodyCol !== null).map((c) => ({ line: c.titleEndLine, col: c.bodyCol! }));
}

/**
 * Numbers missing from the sequence that are printed inside a paragraph ("… comments. 9. Review of PC
 * Policies …"). Only for numbers with punctuation or a distinctive form, and only after a sentence end.
 */
function hiddenItems(r: LineReader, chain: Candidate[]): Cut[] {
  const cuts: Cut[] = [];
  const punct = mainPunct(chain);
  const family = chain[0].num.family;
  if (!punct && !/^(slash|triple)/.test(family)) return cuts;
  const search = (from: Candidate, upto: number, want: string[]) => {
    let line = from.titleEndLine;
    let col = Math.max(0, r.plain(line).cols.findIndex((c) => c >= from.titleCols[1]));
    for (const n of want) {
      const re = new RegExp(`(?:[.!?;:)”"’]|\\d{4})\\s+(${escape(n)})${escape(punct)}\\s+(?=[A-Z“"‘])`, "g");
      let found = false;
      for (let i = line; i < upto && !found; i++) {
        const p = r.plain(i);
        re.lastIndex = i === line ? col : 0;
        const m = re.exec(p.text);
        if (!m) continue;
        const at = m.index + m[0].lastIndexOf(m[1] + punct);
        cuts.push({ line: i, col: p.cols[at] });
        line = i;
        col = at + m[1].length;
        found = true;
      }
      if (!found) return;
    }
  };
  for (let k = 0; k + 1 < chain.length; k++) {
    const a = chain[k];
    const gap = chain[k + 1].num.key - a.num.key - 1;
    if (gap > 0 && a.num.family === chain[k + 1].num.family && a.num.family !== "sub") {
      search(a, chain[k + 1].line + 1, Array.from({ length: gap }, (_, g) => successor(a.num, g + 1)));
    }
  }
  const last = chain[chain.length - 1];
  if (last.num.family !== "sub") search(last, r.lines.length, [successor(last.num, 1)]);
  return cuts;
}

function mainPunct(chain: Candidate[]): string {
  const count = new Map<string, number>();
  for (const c of chain) {
    const p = c.num.style.replace(/^item/, "");
    count.set(p, (count.get(p) ?? 0) + 1);
  }
  return [...count].sort((a, b) => b[1] - a[1])[0][0];
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

function toBlock(ctx: ParseContext, c: Candidate, end: number): ItemBlock {
  const titleSpan: Span =
    c.titleLine === c.titleEndLine
      ? ctx.span(c.titleLine, c.titleCols[0], c.titleCols[1])
      : {
          line: ctx.lines[c.titleLine].no,
          endLine: ctx.lines[c.titleEndLine].no,
          start: ctx.lines[c.titleLine].offset + c.titleCols[0],
          end: ctx.lines[c.titleEndLine].offset + c.titleCols[1],
        };
  if (titleSpan.endLine === titleSpan.line) delete titleSpan.endLine;
  return {
    number: ctx.located(c.num.text, c.line, c.numCols[0], c.numCols[1]),
    title: { value: titleCase(c.title), span: titleSpan },
    start: c.line,
    bodyStart: Math.min(end, c.titleEndLine + 1),
    end,
  };
}
