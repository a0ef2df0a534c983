// Minutes typed in a table (number | heading and text | action) and flattened to text print the item
// numbers apart from their headings: "16/01/2 i) ii)", "iii) 16/01/3", "16/01/9 i) 16/01/10 i)". The numbers
// are read in order with the count of their sub-numbers (i), ii) …); the headings are then matched in
// order: a "Heading:" at a sentence start always opens the next item, and otherwise the next paragraph
// that opens like a heading does, once the previous item's sub-headings have been passed.
import type { ItemBlock, ParseContext } from "../context.ts";
import type { SourceLine } from "../../domain/source.ts";
import { splitLines, type Cut } from "./split-lines.ts";
import { STARTERS, titleLength } from "./titles.ts";

const TOKEN = /(?<![\d/])(\d{2}\/(?:\d{1,3}\/){1,2})(\d{1,2})(?![\d/]|\.\d)/g;
const ROMAN = /^\(?[ivx]{1,5}\)$/;
const PRONOUNS = /^(?:The|It|There|This|These|A|An|He|She|They|We|I|No|None|Cllr\.?|Mr\.?|Mrs\.?)$/;
const NOT_HEADINGS = /^(?:absent|present|apologies|signed|date|action|actions|clerk|chair(?:man)?|proposed|seconded|resolved|note|notes)$/i;

interface NumberToken {
  text: string;
  key: number;
  line: number;
  col: number;
  subs: number;
}

interface Slot {
  line: number;
  col: number;
  title: string;
  bodyCol: number | null;
  strong: boolean;
}

export function flattenedItems(ctx: ParseContext): ItemBlock[] | null {
  const tokens = readTokens(ctx.lines);
  if (!tokens) return null;
  const first = tokens[0];
  const slots = headingSlots(ctx.lines, first.line, first.col + first.text.length);

  // walk the headings: each number takes one heading, then passes its sub-headings
  const chosen: Slot[] = [];
  let t = 0;
  let skip = 0;
  for (const s of slots) {
    if (t >= tokens.length) break;
    if (skip > 0 && !s.strong) {
      skip--;
      continue;
    }
    chosen.push(s);
    // the first sub-heading shares the heading's line when text follows the heading there
    skip = Math.max(0, tokens[t].subs - (s.bodyCol !== null ? 1 : 0));
    t++;
  }
  if (chosen.length < Math.min(3, tokens.length)) return null;

  // headings and bodies get their own virtual lines so each item's text starts cleanly
  const cuts: Cut[] = [];
  for (const s of chosen) {
    cuts.push({ line: s.line, col: s.col });
    if (s.bodyCol !== null) cuts.push({ line: s.line, col: s.bodyCol });
  }
  const before = ctx.lines;
  ctx.lines = splitLines(ctx.lines, cuts);
  const index = (line: number, col: number): number => {
    const no = before[line].no;
    const abs = before[line].offset + col;
    return ctx.lines.findIndex((l) => l.no === no && l.offset <= abs && abs <= l.offset + l.text.length && l.text !== "");
  };
  const tokenIndex = (tok: NumberToken) => {
    const no = before[tok.line].no;
    const abs = before[tok.line].offset + tok.col;
    const k = ctx.lines.findIndex((l) => l.no === no && l.offset <= abs && abs < l.offset + l.text.length);
    return { k, col: k >= 0 ? abs - ctx.lines[k].offset : 0 };
  };
  const items: ItemBlock[] = [];
  chosen.forEach((s, n) => {
    const start = index(s.line, s.col);
    const tok = tokens[n];
    const at = tokenIndex(tok);
    items.push({
      number: ctx.located(tok.text, at.k, at.col, at.col + tok.text.length),
      title: ctx.located(s.title, start, 0, s.title.length),
      start,
      bodyStart: start + 1,
      end: ctx.lines.length,
    });
  });
  for (let k = 0; k + 1 < items.length; k++) items[k].end = items[k + 1].start;
  if (tokens.length > chosen.length) {
    ctx.warn(`item numbers without a heading: ${tokens.slice(chosen.length).map((x) => x.text).join(", ")}`);
  }
  return items;
}

/** The item numbers in order with their sub-number counts, when most of them stand apart from any heading. */
function readTokens(lines: SourceLine[]): NumberToken[] | null {
  const seen = new Map<number, NumberToken>();
  let bare = 0;
  let prefix: string | null = null;
  let current: NumberToken | null = null;
  lines.forEach((line, i) => {
    const words = [...line.text.matchAll(/\S+/g)];
    for (let w = 0; w < words.length; w++) {
      const word = words[w][0];
      TOKEN.lastIndex = 0;
      const m = TOKEN.exec(word);
      if (m && m.index === 0 && m[0].length === word.length) {
        const p = m[1];
        if (prefix === null) prefix = p;
        if (p !== prefix) continue;
        const key = Number(m[2]);
        const next = words[w + 1]?.[0];
        if (next === undefined || ROMAN.test(next) || TOKEN.test(next)) bare++;
        TOKEN.lastIndex = 0;
        if (seen.has(key)) {
          current = null;
          continue;
        }
        current = { text: m[0], key, line: i, col: words[w].index!, subs: 0 };
        seen.set(key, current);
        continue;
      }
      if (current && ROMAN.test(word)) current.subs++;
      else if (current && !/^(?:Item|Clerk|Action|[A-Z]{2}\/Clerk)$/.test(word)) current = null;
    }
  });
  const tokens = [...seen.values()].sort((a, b) => a.key - b.key);
  if (bare < 3 || bare * 2 < tokens.length) return null;
  // only a run from the first number counts
  const run: NumberToken[] = [];
  for (const t of tokens) {
    // a number mistyped in the source ("16/07/26/4" among "16/09/6/…") leaves a small gap
    if (run.length && t.key > run[run.length - 1].key + 3) break;
    run.push(t);
  }
  return run.length >= 3 ? run : null;
}

/** Places where a heading could start, in document order, after the first item number. */
function headingSlots(lines: SourceLine[], fromLine: number, fromCol: number): Slot[] {
  const slots: Slot[] = [];
  for (let i = fromLine; i < lines.length; i++) {
    const text = lines[i].text;
    let start = i === fromLine ? fromCol : 0;
    // leading numbers, sub-numbers and action-column words are not part of the paragraph
    const lead = /^(?:\s*(?:\(?[ivx]{1,5}\)|\d{2}\/(?:\d{1,3}\/){1,2}\d{1,2}\w*|\/\d{1,2}|Item|Clerk|Action|[A-Z]{2}\/Clerk)(?=\s|$))+\s*/.exec(text.slice(start));
    if (lead) start += lead[0].length;
    if (start >= text.length) continue;
    const sentenceStarts = [start];
    const re = /[.!?]\s+(?=[A-Z])/g;
    re.lastIndex = start;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) sentenceStarts.push(m.index + m[0].length);
    let placed = false;
    const rest0 = text.slice(start);
    const openFirst = rest0.split(/\s+/)[0];
    const opensHeading = /^[A-Z]/.test(rest0) && !PRONOUNS.test(openFirst) && !/^(?:It|There|This)\b/.test(rest0);
    for (const s of sentenceStarts) {
      // a paragraph that opens with a heading keeps it; a "Heading:" later in it is a sub-heading
      if (s !== start && opensHeading) break;
      // "Updates i. Tree Preservation Order: …" is a list entry, not a sentence
      if (s !== start && /\b[ivx]{1,4}\.\s*$/.test(text.slice(Math.max(0, s - 6), s))) continue;
      const colon = /^([A-Z][^:.]{1,110}?):\s/.exec(text.slice(s));
      if (!colon) continue;
      const label = colon[1].trim();
      const words = label.split(/\s+/);
      if (words.length > 16 || NOT_HEADINGS.test(label) || PRONOUNS.test(words[0]) || /\b(?:present|absent)$/i.test(label)) continue;
      const len = titleLength(label) || label.length;
      slots.push({ line: i, col: s, title: label.slice(0, len), bodyCol: s + (len < label.length ? len : colon[0].length), strong: true });
      placed = true;
      break;
    }
    if (placed) continue;
    const rest = text.slice(start);
    const first = rest.split(/\s+/)[0];
    if (!/^[A-Z]/.test(rest) || PRONOUNS.test(first.replace(/[^A-Za-z.]/g, "").replace(/\.$/, "")) || NOT_HEADINGS.test(first.replace(/[^A-Za-z]/g, ""))) continue;
    if (/^(?:It|There|This)\b/.test(rest)) continue;
    const len = titleLength(rest);
    if (!len) continue;
    // a sentence of minutes, not a heading: "At the request of the Chair, Item 18vii was brought forward …"
    const head = rest.slice(0, len);
    if (/\b(?:was|were|is|are|had|has|have|been|will|would|explained|advised|reported|confirmed|stated|said|agreed|asked|thanked|welcomed|proposed|seconded)\b/.test(head)) continue;
    if (head.split(/\s+/).length > 12 && !/^(?:Items?|To|Date|Next|Update|Report|Consider)\b/.test(head)) continue;
    const after = rest.slice(len).replace(/^[\s:;,.–—-]+/, "");
    slots.push({
      line: i,
      col: start,
      title: rest.slice(0, len),
      bodyCol: after ? start + rest.length - after.length : null,
      strong: false,
    });
  }
  return slots;
}
