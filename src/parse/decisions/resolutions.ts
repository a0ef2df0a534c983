import type { Resolution, Votes } from "../../domain/minutes.ts";
import type { ItemBlock, Located, ParseContext } from "../context.ts";
import { buildRegion, itemRegion, regionSpan, type Region } from "./region.ts";
import { readItem, type Decision } from "./find.ts";
import { readVotes } from "./votes.ts";
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
    const decision: Decision = { text, start: caption.start, end: caption.end, kind: "formal", unit: 0 };
    out.push(locate(ctx, caption.region, decision, votesOf(caption.region.text, [decision], 0)));
  } else {
    const titleRegion = buildRegion(ctx, item.start, lineIndexAt(ctx, t.end, item.start), t.start, t.end);
    const inTitle = readItem(titleRegion.text).decisions;
    for (const [k, d] of inTitle.entries()) out.push(locate(ctx, titleRegion, d, votesOf(titleRegion.text, inTitle, k)));
  }

  const region = itemRegion(ctx, item, items);
  const { decisions, afterClose } = readItem(region.text);
  for (const d of afterClose) {
    ctx.warn(`decision recorded after the meeting closed, not placed in item ${item.number.value}: "${d.text}"`, region.lineOf[d.start]);
  }
  for (const [k, d] of decisions.entries()) {
    // "X moved adoption of the Resolution.": the caption with its outcome already records it
    if (caption && RESTATES_CAPTION.test(d.text.trim())) continue;
    out.push(locate(ctx, region, d, votesOf(region.text, decisions, k)));
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
  votes: Votes | null,
): Located<Resolution> {
  const value: Resolution = { text: d.text, movedBy: d.movedBy ?? null, secondedBy: d.secondedBy ?? null };
  // only votes read here are given: without them the store still reads the decision's own text
  if (votes) value.votes = votes;
  return { value, span: regionSpan(ctx, region, d.start, d.end) };
}

/** How far after a decision its tally may be recorded ("… seconded the motion, which carried by the following roll call vote: …"). */
const AFTER = 400;
/** How far before it a list of who voted how may stand ("For the proposal: … Against the proposal: … declared carried"). */
const BEFORE = 1200;
/** The most of a decision and what follows it read for its votes. */
const LONGEST = 4000;
/** A vote already lost before the decision belongs to that amendment, not to the decision. */
const LOST = /\b(?:lost|defeated|fell|failed|not\s+carried|withdrawn)\b[^.\n]*[.\n]/gi;

/**
 * The votes recorded for decision k, read from the item's text as printed: from the start of the
 * decision's line (where "It was unanimously RESOLVED" stands) to a little after it, never into the
 * next decision; a named list may stand just before it. The clauses of one resolution share its votes.
 */
function votesOf(text: string, decisions: Decision[], k: number): Votes | null {
  const d = decisions[k];
  const before = decisions[k - 1];
  // a resolution's clauses share its votes: read once, for the first clause
  if (d.whole && before?.whole?.start === d.whole.start && before.votes !== undefined) return (d.votes = before.votes);
  const v = readWindow(text, decisions, k);
  if (d.whole) d.votes = v;
  return v;
}

function readWindow(text: string, decisions: Decision[], k: number): Votes | null {
  const d = decisions[k];
  const range = d.whole ?? d;
  const same = (o: Decision) => !!(o.whole && d.whole && o.whole.start === d.whole.start);
  // the clauses of one resolution stand together, so these walks cross only them
  let p = k - 1;
  while (p >= 0 && same(decisions[p])) p--;
  let n = k + 1;
  while (n < decisions.length && same(decisions[n])) n++;
  const prev = decisions[p];
  const next = decisions[n];
  const prevEnd = prev ? (prev.whole ?? prev).end : 0;
  const lineStart = text.lastIndexOf("\n", range.start - 1) + 1;
  const from = Math.max(prevEnd, Math.min(lineStart, range.start));
  const to = Math.min(next ? next.start : text.length, range.end + AFTER);
  if (to <= from) return null;
  let before = text.slice(Math.max(prevEnd, range.start - BEFORE), from);
  LOST.lastIndex = 0;
  let cut = 0;
  for (let m = LOST.exec(before); m; m = LOST.exec(before)) cut = m.index + m[0].length;
  before = before.slice(cut);
  // a tally opens or closes a decision: a very long one is read at its two ends, so the work stays bounded
  const window = to - from > LONGEST ? `${text.slice(from, from + 500)}\n${text.slice(to - (LONGEST - 500), to)}` : text.slice(from, to);
  return readVotes(window, before);
}
