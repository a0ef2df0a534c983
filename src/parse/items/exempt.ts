import type { ItemBlock, Located, ParseContext } from "../context.ts";

export interface Exemption {
  paragraphs: string | null;
}

/** For each item, whether it was taken in private (and under which Schedule 12A paragraphs), else null. */
export function detectExempt(ctx: ParseContext, items: ItemBlock[]): (Located<Exemption> | null)[] {
  return items.map((item) => {
    for (let i = item.start; i < Math.min(item.end, item.bodyStart + 3); i++) {
      const m = /exempt(?:ion)? paragraphs?\s+([\d\s,&and]+)/i.exec(ctx.lines[i].text);
      if (m) return ctx.located({ paragraphs: m[1].trim() }, i);
    }
    return null;
  });
}
