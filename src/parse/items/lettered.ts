// Lettered sub-items under a numbered agenda item, as US and Canadian boards print their consent
// calendars and agenda sections: "3-A Approval of Management Practice …", "5.B. Approve Submittal of
// Transportation Grant Applications", "6.a Staff report". Each is an item of its own, numbered as
// printed ("3-A", "5.B", "6.a"); the parent keeps the lines before its first sub-item.
import type { ItemBlock, ParseContext } from "../context.ts";
import { titleCase } from "./titles.ts";

// number, separator, one letter, optional closing punctuation, then a title that starts like one
const SUB = /^(\s*)(\d{1,2})(\s?[-.]\s?|-)([A-Za-z])(?![A-Za-z])([.):]?)[ \t]+(?=[A-Z(“"‘*])(\S.*)$/;

export function letteredSubItems(ctx: ParseContext, items: ItemBlock[]): ItemBlock[] {
  if (items.some((it) => !/^\d{1,2}$/.test(it.number.value))) return items;
  const out: ItemBlock[] = [];
  for (const it of items) {
    const subs: { line: number; num: string; title: string; col: number; numEnd: number }[] = [];
    let expect = 0;
    for (let i = it.start + 1; i < it.end; i++) {
      const m = SUB.exec(ctx.lines[i].text);
      if (!m || m[2] !== it.number.value) continue;
      const k = m[4].toLowerCase().charCodeAt(0) - 97;
      // letters in order from a/A; a gap of one is forgiven (an item withdrawn)
      if (k < expect || k > expect + 1) continue;
      const sep = m[3].trim();
      const title = m[6].replace(/[\s.:]+$/, "").trim();
      if (!title || title.length > 200) continue;
      subs.push({ line: i, num: `${m[2]}${sep}${m[4]}`, title, col: m[1].length, numEnd: m[1].length + m[2].length + m[3].length + 1 });
      expect = k + 1;
    }
    if (!subs.length) {
      out.push(it);
      continue;
    }
    out.push({ ...it, end: subs[0].line, bodyStart: Math.min(it.bodyStart, subs[0].line) });
    subs.forEach((s, j) => {
      const text = ctx.lines[s.line].text;
      const titleCol = text.indexOf(s.title, s.numEnd);
      out.push({
        number: ctx.located(s.num, s.line, s.col, s.numEnd),
        title: ctx.located(titleCase(s.title), s.line, titleCol, titleCol + s.title.length),
        start: s.line,
        bodyStart: s.line + 1,
        end: j + 1 < subs.length ? subs[j + 1].line : it.end,
      });
    });
  }
  return out;
}
