// Changes to a work programme as minuted ("Items on … be moved from January to 6 March Select
// Committee agenda", "… be included on the work programme", "this item would be taken off the
// March agenda"). Pure: reads text, returns the changes; applying them is work-programme.ts.
import { isCalendarDate, monthIndex, type CalendarDate } from "./calendar.ts";
import { splitClauses } from "./actions.ts";
import type { Slot } from "./work-programme.ts";

export type WorkProgrammeChange =
  | { kind: "add"; title: string; to: Slot }
  | { kind: "move"; title: string; from: Slot; to: Slot }
  | { kind: "remove"; title: string; from: Slot; note: string | null };

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * A phrase with one space between words, as splitClauses gives it:
 * "January", "6 March", "the March meeting", "the work programme" → a slot. Without a year, the
 * next such month on or after the meeting's month; "the work programme" is no fixed date.
 */
export function slotOf(phrase: string, meetingDate: CalendarDate): Slot | undefined {
  const p = phrase
    .replace(/\b(?:the|select|committee|meeting|agenda|'s)\b/gi, "")
    .split(" ")
    .filter(Boolean)
    .join(" ");
  if (/^(?:work programme|programme|forward plan)?$/i.test(p)) return null;
  const m = /^(?:(\d{1,2})(?:st|nd|rd|th)? )?([A-Za-z]{3,9})(?: (\d{4}))?$/.exec(p);
  if (!m) return undefined;
  const month = monthIndex(m[2]);
  if (!month) return undefined;
  const [my, mm] = meetingDate.split("-").map(Number);
  const year = m[3] ? Number(m[3]) : month >= mm ? my : my + 1;
  if (!m[1]) return `${year}-${pad(month)}`;
  const date = `${year}-${pad(month)}-${pad(Number(m[1]))}`;
  return isCalendarDate(date) ? date : undefined;
}

/** The things a clause is about: each quoted title, or "items on A and on B" as A and B. */
function titlesOf(subject: string): string[] {
  const quoted = [...subject.matchAll(/["“] ?([^"”]+?) ?["”]/g)].map((m) => m[1].replace(/ ?: ?/g, ": "));
  if (quoted.length && !/^an? ["“]/i.test(subject)) return quoted;
  const s = subject
    .replace(/^(?:that )?(?:the |an? )?(?:items? (?:on|about|for) (?:the )?)?/i, "")
    .replace(/["“”]/g, "")
    .trim();
  const parts = /^items? /i.test(subject) ? s.split(/ and (?:on|about) (?:the )?/i) : [s];
  return parts.map((t) => t.charAt(0).toUpperCase() + t.slice(1)).filter(Boolean);
}

/** The first sentence of a clause: a lettered list item may run into the next paragraph. */
const firstSentence = (t: string) => t.split(/(?<=[a-z0-9)"”])[.;] /)[0];

export function workProgrammeChanges(text: string, meetingDate: CalendarDate): WorkProgrammeChange[] {
  const out: WorkProgrammeChange[] = [];
  for (const clause of splitClauses(text)) {
    if (clause.label === null) continue;
    const c = firstSentence(clause.text);
    const move = /^(.+?) be (?:moved|deferred|rescheduled) from (.+?) to (.+)/i.exec(c);
    if (move) {
      const [from, to] = [slotOf(move[2], meetingDate), slotOf(move[3], meetingDate)];
      if (from !== undefined && to !== undefined) for (const title of titlesOf(move[1])) out.push({ kind: "move", title, from, to });
      continue;
    }
    const remove = /^(.+?)(?: (was|were) (.+?) and therefore)? (?:this item )?(?:(?:would|will|should) )?(?:be )?(?:taken off|removed from|deleted from|withdrawn from) (.+)/i.exec(c);
    if (remove) {
      const from = slotOf(remove[4], meetingDate);
      const note = remove[3] ? `${remove[2]} ${remove[3]}` : null;
      if (from !== undefined) for (const title of titlesOf(remove[1])) out.push({ kind: "remove", title, from, note });
      continue;
    }
    const add = /^(.+?) be (?:included|added|placed|put) (?:on|to|in|onto) (.+)/i.exec(c);
    if (add) {
      const to = slotOf(add[2], meetingDate);
      if (to !== undefined) for (const title of titlesOf(add[1])) out.push({ kind: "add", title, to });
    }
  }
  return out;
}
