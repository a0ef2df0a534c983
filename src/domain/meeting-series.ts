// A committee's calendar of meetings as a rule ("second Tuesday of each month, 7pm, from May to
// April"; "every two weeks on a Thursday"), the dates it gives, and the local time of each meeting
// in the council's zone. Dates are calendar dates (calendar.ts: day counts, never local-time Dates),
// so a clock change between GMT and BST cannot move a meeting to another day; the meeting keeps its
// local time ("19:00") on both sides of the change, and its instant moves by the hour instead.
import { QuorumError } from "./errors.ts";
import { addDays, dayNumber, daysInMonth, deadlineOf, earliestOf, formatLong, isCalendarDate, isCalendarMonth, type CalendarDate } from "./calendar.ts";
import { zoneFormatter } from "./zone-format.ts";

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;
export const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

/** Which of a month's weekdays: first … fifth, or the last (-1). */
export type NthWeekday = 1 | 2 | 3 | 4 | 5 | -1;
export const NTH_NAMES: Record<string, string> = { "1": "First", "2": "Second", "3": "Third", "4": "Fourth", "5": "Fifth", "-1": "Last" };

export type SeriesRule = { kind: "monthly"; weekday: Weekday; nth: NthWeekday } | { kind: "weekly"; weekday: Weekday; every: number };

export interface SeriesSpec {
  rule: SeriesRule;
  /** first date the series may fall on: a date, or a month meaning its first day */
  from: string;
  /** last date the series may fall on: a date, or a month meaning its last day */
  to: string;
  /** dates the clerk took out of the series */
  skip?: readonly string[];
}

export interface SeriesPlan {
  /** the meetings' dates, in order */
  dates: CalendarDate[];
  /** months with no such weekday (a fifth Tuesday), left out */
  missing: string[];
  /** dates the rule gives that the clerk took out */
  skipped: CalendarDate[];
}

/** A series longer than this is almost certainly a mistake in its dates. */
export const MAX_SERIES_MEETINGS = 60;

export function weekdayOf(date: CalendarDate): Weekday {
  // 1970-01-01 was a Thursday
  return (((dayNumber(date) + 4) % 7) + 7) % 7 as Weekday;
}

/** The nth weekday of a month, or null when the month has none (a fifth Monday in February). */
export function nthWeekdayOfMonth(year: number, month: number, weekday: Weekday, nth: NthWeekday): CalendarDate | null {
  const mm = String(month).padStart(2, "0");
  if (nth === -1) {
    const last = `${year}-${mm}-${String(daysInMonth(year, month)).padStart(2, "0")}`;
    return addDays(last, -((weekdayOf(last) - weekday + 7) % 7));
  }
  const first = `${year}-${mm}-01`;
  const day = 1 + ((weekday - weekdayOf(first) + 7) % 7) + (nth - 1) * 7;
  return day <= daysInMonth(year, month) ? `${year}-${mm}-${String(day).padStart(2, "0")}` : null;
}

function bound(v: string, end: "from" | "to"): CalendarDate {
  if (!isCalendarDate(v) && !isCalendarMonth(v)) throw new QuorumError("invalid", `"${v}" is not a date (2026-05-12) or a month (2026-05)`);
  return end === "from" ? earliestOf(v) : deadlineOf(v);
}

/** The dates a series falls on between its first and last date, less the dates taken out. */
export function seriesDates(spec: SeriesSpec): SeriesPlan {
  const from = bound(spec.from, "from");
  const to = bound(spec.to, "to");
  if (to < from) throw new QuorumError("invalid", `The series ends (${formatLong(to)}) before it starts (${formatLong(from)})`);
  const all: CalendarDate[] = [];
  const missing: string[] = [];
  const { rule } = spec;
  if (rule.kind === "monthly") {
    let y = Number(from.slice(0, 4));
    let m = Number(from.slice(5, 7));
    const endIndex = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7));
    for (; y * 12 + m <= endIndex; m === 12 ? ((m = 1), y++) : m++) {
      const d = nthWeekdayOfMonth(y, m, rule.weekday, rule.nth);
      if (d === null) missing.push(`${y}-${String(m).padStart(2, "0")}`);
      else if (d >= from && d <= to) all.push(d);
    }
  } else {
    if (!Number.isInteger(rule.every) || rule.every < 1 || rule.every > 8) throw new QuorumError("invalid", "A weekly series repeats every 1 to 8 weeks");
    for (let d = addDays(from, (rule.weekday - weekdayOf(from) + 7) % 7); d <= to; d = addDays(d, 7 * rule.every)) all.push(d);
  }
  const skip = new Set(spec.skip ?? []);
  const dates = all.filter((d) => !skip.has(d));
  if (dates.length > MAX_SERIES_MEETINGS) throw new QuorumError("invalid", `That series gives ${dates.length} meetings; a series holds at most ${MAX_SERIES_MEETINGS}`);
  return { dates, missing, skipped: all.filter((d) => skip.has(d)) };
}

/** "Second Tuesday of each month", "Every 2 weeks on Thursday". */
export function describeRule(rule: SeriesRule): string {
  const day = WEEKDAY_NAMES[rule.weekday];
  if (rule.kind === "monthly") return `${NTH_NAMES[String(rule.nth)]} ${day} of each month`;
  return rule.every === 1 ? `Every ${day}` : `Every ${rule.every} weeks on ${day}`;
}

// --- local times in the council's zone ---

/** Minutes the zone is ahead of UTC at an instant. */
function offsetMinutes(instantMs: number, timeZone: string): number {
  const parts = zoneFormatter(timeZone, "instant").formatToParts(new Date(instantMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - instantMs) / 60_000);
}

export interface LocalInstant {
  /** the instant, as an ISO UTC string (the earlier one when the time happens twice) */
  utc: string;
  /** "gap": the clocks go forward over this time, so it never happens that day; "repeated": they go back, so it happens twice */
  kind: "ok" | "gap" | "repeated";
}

/** When "HH:MM" on a date in a zone happens. */
export function localInstant(date: CalendarDate, time: string, timeZone: string): LocalInstant {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!m || !isCalendarDate(date)) throw new QuorumError("invalid", `not a date and time: ${date} ${time}`);
  const wall = dayNumber(date) * 86_400_000 + (Number(m[1]) * 60 + Number(m[2])) * 60_000;
  // the offsets in force a day either side cover any change on the day itself
  const candidates = [...new Set([offsetMinutes(wall - 86_400_000, timeZone), offsetMinutes(wall + 86_400_000, timeZone)])]
    .map((off) => wall - off * 60_000)
    .filter((t) => t + offsetMinutes(t, timeZone) * 60_000 === wall)
    .sort((a, b) => a - b);
  if (!candidates.length) return { utc: new Date(wall - offsetMinutes(wall, timeZone) * 60_000).toISOString(), kind: "gap" };
  return { utc: new Date(candidates[0]).toISOString(), kind: candidates.length > 1 ? "repeated" : "ok" };
}

/** Refuses a start time the clocks skip on a date (01:30 on the last Sunday in March, in London). */
export function checkLocalTime(date: CalendarDate, time: string | null, timeZone: string): void {
  if (!time) return;
  if (localInstant(date, time, timeZone).kind === "gap") {
    throw new QuorumError("invalid", `${time} does not happen on ${formatLong(date)}: the clocks go forward then. Choose another time`);
  }
}
