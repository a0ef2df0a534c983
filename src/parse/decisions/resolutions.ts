import type { Resolution } from "../../domain/minutes.ts";
import type { ItemBlock, Located, ParseContext } from "../context.ts";
import { buildRegion, itemRegion, regionSpan, type Region } from "./region.ts";
import { readItem } from "./find.ts";
import { captionWithOutcome } from "./caption-outcome.ts";

const RESTATES_CAPTION = /^(?:adoption|approval|final\s+passage|introduction|acceptance)\s+of\s+(?:the\s+)?(?:resolution|ordinance|minutes|report|recommendation)s?\.?$/i;

/** Decisions recorded under one item, without the "RESOLVED" keyword. */
export function parseResolutions(ctx: ParseContext, item: ItemBlock, items: ItemBlock[]): Located<Resolution>[] {
  const out: Located<Resolution>[] = [];
  // some minutes head an item with its record ("6. Accounts were presented and accepted for payment")
  const t = item.title.span;
  const caption = captionWithOutcome(ctx, item);
  if (caption) {
    const text = caption.region.text.slice(caption.start, caption.end).replace(/\s+/g, " ");
    out.push(locate(ctx, caption.region, { text, start: caption.start, end: caption.end }));
  } else {
    const titleRegion = buildRegion(ctx, item.start, lineIndexAt(ctx, t.end, item.start), t.start, t.end);
    for (const d of readItem(titleRegion.text).decisions) out.push(locate(ctx, titleRegion, d));
  }

  const region = itemRegion(ctx, item, items);
  const { decisions, afterClose } = readItem(region.text);
  for (const d of afterClose) {
    ctx.warn(`decision recorded after the meeting closed, not placed in item ${item.number.value}: "${d.text}"`, region.lineOf[d.start]);
  }
  for (const d of decisions) {
    // "X moved adoption of the Resolution.": the caption with its outcome already records it
    if (caption && RESTATES_CAPTION.test(d.text.trim())) continue;
    out.push(locate(ctx, region, d));
  }
  return out;
}

function lineIndexAt(ctx: ParseContext, offset: number, from: number): number {
  for (let i = Math.max(0, from); i < ctx.lines.length; i++) {
    if (offset <= ctx.lines[i].offset + ctx.lines[i].text.length) return i;
  }
  return ctx.lines.length - 1;
}

function locate(
  ctx: ParseContext,
  region: Region,
  d: { text: string; start: number; end: number; movedBy?: string | null; secondedBy?: string | null },
): Located<Resolution> {
  return { value: { text: d.text, movedBy: d.movedBy ?? null, secondedBy: d.secondedBy ?? null }, span: regionSpan(ctx, region, d.start, d.end) };
}
