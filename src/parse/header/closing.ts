// When the meeting closed. Minutes say it many ways ("The meeting closed at 9.15 pm", "declared
// the meeting closed at 21:12pm", "final closure of the meeting was at 10.04pm", "That the meeting
// be adjourned. Time: 8:06 p.m.", "Time: 10.30 am to 11.30 am"). When two are given (an official
// close and a final one after an open forum) the last is taken and the other recorded as a warning.
import type { ItemBlock, Located, ParseContext } from "../context.ts";
import { joinLines, squash } from "../text/joined.ts";
import { findTimes } from "./times.ts";
import { parseHeader } from "./header.ts";

const CUE =
  /\b(?:clos(?:ed|ure|ing)|conclu(?:ded|sion)|adjourn(?:ed|ment)?|ended|finished|terminated|end(?:ed)?\s+of\s+(?:the\s+)?(?:meeting|business)|rose)\b/gi;

export interface Closing {
  value: string;
  index: number;
  length: number;
  /** the sentence that states it */
  phrase: string;
  /** am/pm or a 24-hour clock was printed */
  clock: boolean;
}

/** Every closing time stated in `text`, in order. */
export function findClosings(text: string): Closing[] {
  const out: Closing[] = [];
  CUE.lastIndex = 0;
  for (let m = CUE.exec(text); m; m = CUE.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 80), m.index);
    // "closed" must be about the meeting/session, not a road or an account
    const sentenceStart = Math.max(before.lastIndexOf(". "), before.lastIndexOf("\n\n"));
    const lead = before.slice(sentenceStart + 1);
    const word = m[0].toLowerCase();
    const aboutMeeting = /\b(?:meeting|session|business|chair(?:man|person)?|mayor|cathaoirleach)\b/i.test(lead) || /^(?:closure|conclusion)$/.test(word);
    // "adjourned the Regular Meeting at 10:02 p.m.": the meeting may be named
    const windowText = text.slice(m.index + m[0].length, m.index + m[0].length + 60);
    const after = windowText.match(/^(?:[\s,]*(?:of\s+)?(?:the\s+)?(?:[A-Z][a-z]+\s+){0,3}(?:meeting|session))?(?:\s+(?:was|were|is))?(?:\s+(?:closed|concluded|adjourned|at|@|:))*\s*(?:[.;]?\s*time\s*[:\-–]?\s*)?/i)![0];
    const rest = windowText.slice(after.length);
    const t = findTimes(rest, /\b(?:at|@|time)\s*:?\s*$/i.test(after))[0];
    if (!t || t.index > 3) continue;
    if (!aboutMeeting && !/^(?:closed|concluded|adjourned|ended|finished|terminated)$/.test(word)) continue;
    if (!aboutMeeting && !/\bmeeting\b/i.test(text.slice(m.index, m.index + m[0].length + 30))) continue;
    if (/\b(?:road|lane|street|account|consultation|bridge|footpath|car park|cemetery|toilets?)\b/i.test(lead.slice(-40))) continue;
    const index = m.index + m[0].length + after.length + t.index;
    const phraseStart = m.index - (lead.length);
    const raw = rest.slice(t.index, t.index + t.length);
    const clock = /[ap]\.?\s?m|noon/i.test(raw) || Number(t.value.slice(0, 2)) > 12;
    out.push({ value: t.value, index, length: t.length, phrase: squash(text.slice(Math.max(0, phraseStart), index + t.length)), clock });
  }
  return out;
}

/** "Time: 10.30 am to 11.30 am" in a header: the second time is the close. */
export function headerRangeEnd(text: string): { value: string; index: number; length: number } | null {
  const m = /\btime\s*:?\s*([^\n]{0,30}?)\s*(?:to|until|till|-|–)\s*([^\n]{0,20})/i.exec(text);
  if (!m) return null;
  const a = findTimes(m[1], true);
  const b = findTimes(m[2], true);
  if (!a.length || !b.length || b[0].index > 2) return null;
  const index = m.index + m[0].length - m[2].length + b[0].index;
  return { value: b[0].value, index, length: b[0].length };
}

/** "adjourned at 4.45" in a meeting that started at 15:00 is 16:45: a bare hour is read after the start. */
function afterStart(ctx: ParseContext, items: ItemBlock[], c: Closing): string {
  if (c.clock) return c.value;
  const start = parseHeader(ctx, items.length ? items[0].start : ctx.lines.length).startTime?.value;
  const h = Number(c.value.slice(0, 2));
  if (start && c.value < start && h < 12) return `${String(h + 12).padStart(2, "0")}${c.value.slice(2)}`;
  return c.value;
}

/** When the meeting closed ("The meeting closed at 9.15 pm"), as "HH:MM". */
export function parseEndTime(ctx: ParseContext, items: ItemBlock[]): Located<string> | null {
  const all = joinLines(ctx, 0, ctx.lines.length);
  const closings = findClosings(all.text);
  if (closings.length) {
    const last = closings[closings.length - 1];
    for (const c of closings.slice(0, -1)) if (c.value !== last.value) ctx.warn(`Earlier closing time not used as the end time: '${c.phrase}'`, all.at(c.index).line);
    return { value: afterStart(ctx, items, last), span: all.span(last.index, last.index + last.length) };
  }
  const head = all.text.slice(0, 3000);
  const range = headerRangeEnd(head);
  if (range) return { value: range.value, span: all.span(range.index, range.index + range.length) };
  return null;
}
