// Minutes written as one bulleted outline with no item numbers: the top-level bullets that are bare
// headings ("Perfunctory Business", "New Business", "Announcements"), each with bullets of the next
// level under it, open the items; the other top-level bullets (records printed at the same level)
// belong to the heading above them. The headings are numbered 1, 2, … in order, marked implied.
import type { ItemBlock, ParseContext } from "../context.ts";
import { isTopicHeading } from "./topics.ts";
import { titleCase } from "./titles.ts";

// a bullet: a symbol-font glyph (private use, as PDFs give them), a typographic bullet or arrow, or "o"
const MARK = /^\s*([\uF000-\uF0FF•▪◦►➢➤■□◆❖●○✓✔·*o-])\s+(?=\S)/;

export function bulletHeadingItems(ctx: ParseContext): ItemBlock[] | null {
  const marks = ctx.lines.map((l) => MARK.exec(l.text));
  const heads: { line: number; title: string; col: number }[] = [];
  for (let i = 0; i < ctx.lines.length; i++) {
    const m = marks[i];
    if (!m || m[1] === "o") continue;
    const text = ctx.lines[i].text.slice(m[0].length).trim();
    // a heading names a topic: a few capitalised words, no figures, no sentence
    if (text.split(/\s+/).length > 6 || /\d|[.:;,–—]/.test(text)) continue;
    // one word stands as a heading only over bullets of its own ("Updates", "Announcements")
    if (!(/^[A-Z][a-z]{3,}$/.test(text) || isTopicHeading(text))) continue;
    let n = i + 1;
    while (n < ctx.lines.length && !ctx.lines[n].text.trim()) n++;
    const under = marks[n];
    // bullets of another level follow it
    if (!under || under[1] === m[1]) continue;
    heads.push({ line: i, title: text, col: ctx.lines[i].text.indexOf(text) });
  }
  if (heads.length < 2) return null;
  // all headings share one bullet: a list of another level is not the outline
  const mark = marks[heads[0].line]![1];
  const same = heads.filter((h) => marks[h.line]![1] === mark);
  if (same.length < 2) return null;
  return same.map((h, k) => ({
    number: { value: String(k + 1), span: ctx.span(h.line, h.col, h.col + h.title.length, true) },
    title: ctx.located(titleCase(h.title), h.line, h.col, h.col + h.title.length),
    start: h.line,
    bodyStart: h.line + 1,
    end: same[k + 1]?.line ?? ctx.lines.length,
  }));
}
