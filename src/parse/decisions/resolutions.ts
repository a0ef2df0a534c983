import type { Resolution } from "../../domain/minutes.ts";
import type { ItemBlock, Located, ParseContext } from "../context.ts";

/** Decisions recorded under one item, without the "RESOLVED" keyword. */
export function parseResolutions(ctx: ParseContext, item: ItemBlock, _items: ItemBlock[]): Located<Resolution>[] {
  const out: Located<Resolution>[] = [];
  for (let i = item.bodyStart; i < item.end; i++) {
    const m = /^\s*RESOLVED\s*[:–-]?\s*(.+)$/.exec(ctx.lines[i].text);
    if (m) out.push(ctx.located({ text: m[1].trim() }, i));
  }
  return out;
}
