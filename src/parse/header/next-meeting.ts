// The next meeting, when the minutes give its date: a "Date of next meeting" item or sentence,
// "Next regular meeting to be held April 16, 2024", "Items for next meeting to be held on …".
// Phrases that only point ahead ("for approval at the next meeting") carry no date and are skipped.
import type { NextMeeting } from "../../domain/minutes.ts";
import type { ItemBlock, Located, ParseContext } from "../context.ts";
import { joinLines } from "../text/joined.ts";
import { findDates, isoToRef } from "./dates.ts";
import { findTimes } from "./times.ts";
import { findVenue } from "./venue.ts";

const CUE = /\bnext\s+(?:[A-Za-z-]+\s+){0,3}?meeting\b|\bnext\s+meeting\b|\bdate\s+(?:and\s+(?:time|venue)\s+)?of\s+next\b|\bmeets?\s+next\b/gi;
const STRONG = /\b(?:date|time|venue|details)s?\b[^.\n]{0,20}$|^\s*items\s+for\s+$|\bthe\s+$|^$/i;

export interface NextFound {
  value: NextMeeting;
  index: number;
  end: number;
  strong: boolean;
}

/** Every next-meeting statement in `text` that gives a date, in order. */
export function findNextMeetings(text: string, meetingDate?: string | null): NextFound[] {
  const out: NextFound[] = [];
  const ref = meetingDate ? isoToRef(meetingDate) : undefined;
  CUE.lastIndex = 0;
  for (let m = CUE.exec(text); m; m = CUE.exec(text)) {
    const lineStart = text.lastIndexOf("\n", m.index) + 1;
    const lead = text.slice(Math.max(lineStart, m.index - 40), m.index);
    // "approval at the next meeting", "raised at the next meeting": pointing ahead, not a date
    const start = m.index + m[0].length;
    let windowText = text.slice(start, start + 220);
    // "… at the next Meeting of the Council scheduled for Monday, 18th July" still dates it
    const pointing = /\b(?:at|to|until|before|for approval at|by)\s+(?:the\s+)?$/i.test(lead) && !/\bitems\s+for\s+(?:the\s+)?$/i.test(lead);
    if (pointing && !/^\s*(?:of\s+(?:the\s+)?[A-Za-z]+(?:\s+[A-Za-z]+)?\s+)?(?:scheduled|to\s+be\s+held|which\s+(?:is|will\s+be)|on\s)/i.test(windowText)) continue;
    // the statement ends at the first full stop after the date (not at "Co." or "a.m.")
    if (/^[\s:–-]*(?:(?:is|will\s+be|to\s+be)\s+)?(?:advised|confirmed|arranged|agreed|decided|tbc|tba)\b(?!\s+(?:for|on|as)\b)/i.test(windowText)) continue;
    const dates = findDates(windowText, ref);
    const d = dates[0];
    if (!d) continue;
    const between = windowText.slice(0, d.index);
    if (/\.\s+[A-Z]/.test(between) || between.length > 120) continue;
    if (meetingDate && d.value <= meetingDate) continue;
    const sentenceEnd = windowText.slice(d.index).search(/(?<!\b(?:Co|St|No|a\.m|p\.m|[ap]m))\.(?:\s|$)|\n\s*\n/);
    windowText = sentenceEnd >= 0 ? windowText.slice(0, d.index + sentenceEnd) : windowText;
    const afterDate = windowText.slice(d.index + d.length);
    const t = findTimes(afterDate, true).find((x) => x.index < 25 && (/[ap]\.?\s?m|:\d\d/i.test(afterDate.slice(x.index, x.index + x.length)) || /\bat\s*$/i.test(afterDate.slice(0, x.index))));
    const venueFrom = d.index + d.length + (t ? t.index + t.length : 0);
    const v = findVenue(windowText, venueFrom);
    const venue = v && !/^with\b/i.test(v.value) && v.index >= venueFrom - 1 ? v.value : null;
    out.push({
      value: { date: d.value, time: t ? t.value : null, venue },
      index: m.index,
      end: start + windowText.length,
      strong: STRONG.test(lead) || /^\s*(?:meeting\s+)?(?:will\s+be|to\s+be|is|shall\s+be)\b/i.test(text.slice(start, start + 20)),
    });
  }
  if (meetingDate) out.push(...fromSchedules(text, meetingDate));
  return out.sort((a, b) => a.index - b.index);
}

/** "Meeting Dates for 2019", "Dates of future meetings", "Schedule of meetings 2024/25". */
const SCHEDULE = /\b(?:(?:future\s+|forthcoming\s+)?meeting\s+dates|dates\s+of\s+(?:future\s+|forthcoming\s+)?meetings|schedule\s+of\s+meetings)\b(?:\s+(?:for\s+)?((?:19|20)\d\d))?/gi;

/**
 * A schedule of meeting dates under a heading: the next meeting is the first date after this one.
 * Year-less dates take the heading's year ("Meeting Dates for 2019"), else the meeting's.
 */
function fromSchedules(text: string, meetingDate: string): NextFound[] {
  const out: NextFound[] = [];
  SCHEDULE.lastIndex = 0;
  for (let m = SCHEDULE.exec(text); m; m = SCHEDULE.exec(text)) {
    const lineStart = text.lastIndexOf("\n", m.index) + 1;
    // a heading opens its line; "the meeting dates were agreed" in a sentence is not one
    if (text.slice(lineStart, m.index).trim()) continue;
    const start = m.index + m[0].length;
    const block = text.slice(start, start + 600).split(/\n[ \t]*\n/)[0];
    const ref = isoToRef(m[1] ? `${m[1]}-01-01` : meetingDate);
    const d = findDates(block, ref, !m[1]).find((x) => x.value > meetingDate);
    if (!d) continue;
    out.push({ value: { date: d.value, time: null, venue: null }, index: m.index, end: start + d.index + d.length, strong: false });
  }
  return out;
}

/** Date, time and venue of the next meeting, when the minutes state them. */
export function parseNextMeeting(ctx: ParseContext, items: ItemBlock[], meetingDate: string | null): Located<NextMeeting> | null {
  // the meeting's own date orders the candidates and places year-less dates
  const all = joinLines(ctx, 0, ctx.lines.length);
  const found = findNextMeetings(all.text, meetingDate);
  if (!found.length) return null;
  const strong = found.filter((f) => f.strong);
  const pick = (strong.length ? strong : found).at(-1)!;
  return { value: pick.value, span: all.span(pick.index, pick.end) };
}
