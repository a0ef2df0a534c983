import type { ItemBlock, ParseContext } from "../context.ts";

/** Finds agenda item headings and the lines each item spans. */
export function findItems(ctx: ParseContext): ItemBlock[] {
  const items: ItemBlock[] = [];
  const heading = /^\s*(\d{1,4}(?:[./]\d{1,3})?)[.)]?\s+([A-Z][^\n]{2,150})$/;
  ctx.lines.forEach((line, i) => {
    const m = heading.exec(line.text);
    if (!m) return;
    const col = line.text.indexOf(m[2]);
    items.push({
      number: ctx.located(m[1], i, line.text.indexOf(m[1]), line.text.indexOf(m[1]) + m[1].length),
      title: ctx.located(m[2].trim(), i, col, col + m[2].length),
      start: i,
      bodyStart: i + 1,
      end: ctx.lines.length,
    });
  });
  for (let k = 0; k + 1 < items.length; k++) items[k].end = items[k + 1].start;
  return items;
}
