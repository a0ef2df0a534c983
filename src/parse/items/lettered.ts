// Lettered sub-items under a numbered agenda item, as US and Canadian boards print their consent
// calendars and agenda sections: "3-A Approval of Management Practice …", "5.B. Approve Submittal of
// Transportation Grant Applications", "6.a Staff report". Each is an item of its own, numbered as
// printed ("3-A", "5.B", "6.a"); the parent keeps the lines before its first sub-item.
import type { ItemBlock, ParseContext } from "../context.ts";
import type { Span } from "../../domain/minutes.ts";
import { titleCase } from "./titles.ts";

// number, separator, one letter, optional closing punctuation, then a title that starts like one
const SUB = /^(\s*)(\d{1,2})(\s?[-.]\s?|-)([A-Za-z])(?![A-Za-z])([.):]?)[ \t]+(?=[A-Z(“"‘*])(\S.*)$/;
// "4-A 2023-3277 - Draft Meeting Minutes …", "5-A 2023-3281" with the title on the lines below:
// Legistar prints its file number (year-sequence) after the sub-item's own number
const FILED = /^(\s*)(\d{1,2})(-)([A-Za-z])(?![A-Za-z])()[ \t]+(?:19|20)\d\d-\d{3,6}(?![\d-])[ \t]*(?:[-–][ \t]*)?/;
/** The most lines a title printed under its number runs to. */
const TITLE_LINES = 3;

export function letteredSubItems(ctx: ParseContext, items: ItemBlock[]): ItemBlock[] {
  if (items.some((it) => !/^\d{1,2}$/.test(it.number.value))) return items;
  const out: ItemBlock[] = [];
  for (const it of items) {
    const subs: Sub[] = [];
    let expect = 0;
    for (let i = it.start + 1; i < it.end; i++) {
      const m = readSub(ctx, i, it.end);
      if (!m || m.major !== it.number.value) continue;
      const k = m.letter.toLowerCase().charCodeAt(0) - 97;
      // letters in order from a/A; a gap of one is forgiven (an item withdrawn)
      if (k < expect || k > expect + 1) continue;
      subs.push(m);
      expect = k + 1;
    }
    if (!subs.length) {
      out.push(it);
      continue;
    }
    out.push({ ...it, end: subs[0].line, bodyStart: Math.min(it.bodyStart, subs[0].line) });
    subs.forEach((s, j) => {
      const end = j + 1 < subs.length ? subs[j + 1].line : it.end;
      out.push({
        number: ctx.located(s.num, s.line, s.col, s.numEnd),
        title: { value: titleCase(s.title), span: s.titleSpan },
        start: s.line,
        bodyStart: Math.min(end, s.titleEnd + 1),
        end,
      });
    });
  }
  return out;
}

interface Sub {
  line: number;
  major: string;
  letter: string;
  num: string;
  title: string;
  titleSpan: Span;
  /** the last line the title is printed on */
  titleEnd: number;
  col: number;
  numEnd: number;
}

/** A lettered sub-item opening line i, with its title (on the line, or under a Legistar file number). */
function readSub(ctx: ParseContext, i: number, end: number): Sub | null {
  const text = ctx.lines[i].text;
  const m = SUB.exec(text);
  if (m) {
    const title = m[6].replace(/[\s.:]+$/, "").trim();
    if (!title || title.length > 200) return null;
    const numEnd = m[1].length + m[2].length + m[3].length + 1;
    const titleCol = text.indexOf(title, numEnd);
    const span = ctx.span(i, titleCol, titleCol + title.length);
    return { line: i, major: m[2], letter: m[4], num: `${m[2]}${m[3].trim()}${m[4]}`, title, titleSpan: span, titleEnd: i, col: m[1].length, numEnd };
  }
  const f = FILED.exec(text);
  if (!f) return null;
  const head = { line: i, major: f[2], letter: f[4], num: `${f[2]}-${f[4]}`, col: f[1].length, numEnd: f[1].length + f[2].length + 2 };
  const own = text.slice(f[0].length).trimEnd();
  if (own) {
    if (!/^[A-Z(“"‘*]/.test(own)) return null;
    const title = own.replace(/[\s.:]+$/, "");
    if (title.length > 200) return null;
    return { ...head, title, titleSpan: ctx.span(i, f[0].length, f[0].length + title.length), titleEnd: i };
  }
  // the title is the first sentence of the paragraph under the number
  const parts: { line: number; from: number; text: string }[] = [];
  for (let k = i + 1; k < end && parts.length < TITLE_LINES; k++) {
    const t = ctx.lines[k].text;
    if (!t.trim()) {
      if (parts.length) break;
      continue;
    }
    if (SUB.test(t) || FILED.test(t)) break;
    const from = t.length - t.trimStart().length;
    const stop = /\.\s+(?=[A-Z])/.exec(t.slice(from));
    parts.push({ line: k, from, text: stop ? t.slice(from, from + stop.index) : t.trimEnd().slice(from) });
    if (stop) break;
  }
  if (!parts.length || !/^[A-Z(“"‘*]/.test(parts[0].text)) return null;
  const title = parts.map((p) => p.text.trim()).join(" ").replace(/[\s.:]+$/, "");
  if (!title || title.length > 250) return null;
  const first = parts[0];
  const last = parts[parts.length - 1];
  const span: Span = { line: ctx.lines[first.line].no, start: ctx.lines[first.line].offset + first.from, end: ctx.lines[last.line].offset + last.from + last.text.trimEnd().length };
  if (last.line !== first.line) span.endLine = ctx.lines[last.line].no;
  return { ...head, title, titleSpan: span, titleEnd: last.line };
}
