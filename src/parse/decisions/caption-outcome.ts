// Some US city councils print each item as a caption followed by what became of it ("Resolution
// No. 13811, “Opposing …” Adopted.", "Minutes of … Approved.", "… Continued to February 1, 2005.").
// The caption with its outcome is the record of the decision, kept whole as a passive sentence is.
import type { ItemBlock, ParseContext } from "../context.ts";
import { buildRegion, type Region } from "./region.ts";

const OUTCOME =
  /(?:^|[.;:”"’)]\s+)((?:adopted|approved|accepted|ratified|introduced|(?:finally\s+)?passed|continued\s+to\s+[^.\n]{3,60}|to\s+be\s+(?:noticed|continued|rescheduled)\s+for\s+a\s+later\s+date)\.)\s*$/i;

/** Most lines a caption runs to. */
const MAX_LINES = 40;

/** The item's caption paragraph when it ends with a printed outcome, as a region, else null. */
export function captionWithOutcome(ctx: ParseContext, item: ItemBlock): { region: Region; start: number; end: number } | null {
  let last = item.start;
  while (last + 1 < item.end && last - item.start < MAX_LINES && ctx.lines[last + 1].text.trim()) last++;
  const from = ctx.lines[item.start].offset + (item.title.span.start - ctx.lines[item.start].offset);
  const region = buildRegion(ctx, item.start, last, from);
  const m = OUTCOME.exec(region.text);
  if (!m || /^\s*$/.test(region.text.slice(0, m.index))) return null;
  const end = region.text.trimEnd().length;
  return { region, start: 0, end };
}
