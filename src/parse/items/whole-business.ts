// Minutes of a meeting held for one piece of business (a special meeting to pass a vote, an
// adjourned budget meeting) often print no item heading at all: the business follows the
// attendance directly. Without an item, whatever was decided there would have nowhere to go, so
// the business becomes a single item. Its number is implied; its title is the kind of meeting the
// heading names ("Special Meeting"), or "Business of the meeting" when none is named, also implied.
import type { Span } from "../../domain/minutes.ts";
import type { ItemBlock, ParseContext } from "../context.ts";
import { titleCase } from "../text/joined.ts";

const MEETING_KIND =
  /\b((?:special|extraordinary|annual|statutory|inaugural|adjourned|emergency|budget(?:ary)?|estimates|ordinary|monthly|full)(?:\s+(?:council|budget|budgetary|plan|housing|roads|general|municipal|allocation|district))*\s+meeting)\b/i;

/** Prose enough to be business rather than a signature block or page furniture. */
const MIN_BUSINESS_CHARS = 200;

/**
 * One item spanning the business after the front matter, when no item was found.
 * `frontSpans` are where the header and attendance were read: the business starts after the last.
 */
export function wholeBusinessItem(ctx: ParseContext, frontSpans: Span[]): ItemBlock | null {
  const lastFrontLine = Math.max(0, ...frontSpans.map((s) => s.endLine ?? s.line));
  let start = ctx.lines.findIndex((l) => l.no > lastFrontLine && l.text.trim() !== "");
  if (start < 0) return null;
  const business = ctx.lines.slice(start).map((l) => l.text.trim()).filter(Boolean);
  const prose = business.filter((t) => /[a-z]{3,}.*\s.*[a-z]{3,}/.test(t)).join(" ");
  if (prose.length < MIN_BUSINESS_CHARS) return null;

  const headingLines = ctx.lines.slice(0, start).map((l) => l.text);
  const kind = headingLines.map((t) => MEETING_KIND.exec(t)).find(Boolean);
  const title = kind ? titleCase(kind[1].toLowerCase()) : "Business of the meeting";
  // The item starts on its first line of business; its heading is the line itself, read as body.
  const implied = (lineIndex: number): Span => ({ ...ctx.span(lineIndex, 0, 0, true) });
  ctx.warn(`no item headings: the business is recorded as one item, "${title}"`, start);
  return {
    number: { value: "1", span: implied(start) },
    title: { value: title, span: kind ? { ...ctx.span(headingLines.findIndex((t) => MEETING_KIND.test(t))), implied: true } : implied(start) },
    start,
    bodyStart: start,
    end: ctx.lines.length,
  };
}
