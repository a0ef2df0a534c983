import type { Resolution } from "../../domain/minutes.ts";
import type { ItemBlock, Located, ParseContext } from "../context.ts";
import { itemRegion, regionSpan, type Region } from "./region.ts";
import { readItem } from "./find.ts";

/** Decisions recorded under one item, without the "RESOLVED" keyword. */
export function parseResolutions(ctx: ParseContext, item: ItemBlock, items: ItemBlock[]): Located<Resolution>[] {
  const region = itemRegion(ctx, item, items);
  const { decisions, afterClose } = readItem(region.text);
  for (const d of afterClose) {
    ctx.warn(`decision recorded after the meeting closed, not placed in item ${item.number.value}: "${d.text}"`, region.lineOf[d.start]);
  }
  return decisions.map((d) => locate(ctx, region, d));
}

function locate(ctx: ParseContext, region: Region, d: { text: string; start: number; end: number }): Located<Resolution> {
  return { value: { text: d.text }, span: regionSpan(ctx, region, d.start, d.end) };
}
