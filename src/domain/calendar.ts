// Calendar dates as written ("YYYY-MM-DD", or "YYYY-MM" when only the month is known).
// Arithmetic goes through a day count, never through a local-time Date, so no time zone or
// daylight-saving change can shift a date by one.

export type CalendarDate = string; // "YYYY-MM-DD"
export type CalendarMonth = string; // "YYYY-MM"

export const MONTH_NAMES = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
] as const;

interface Ymd {
  y: number;
  m: number; // 1-12
  d: number;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function parse(date: string): Ymd {
  const match = DATE_RE.exec(date);
  if (!match) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) throw new RangeError(`no such date: ${date}`);
  return { y, m, d };
}

const format = ({ y, m, d }: Ymd): CalendarDate => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

export function isCalendarDate(s: unknown): s is CalendarDate {
  if (typeof s !== "string" || !DATE_RE.test(s)) return false;
  try {
    parse(s);
    return true;
  } catch {
    return false;
  }
}

export function isCalendarMonth(s: unknown): s is CalendarMonth {
  const match = typeof s === "string" ? MONTH_RE.exec(s) : null;
  return match !== null && Number(match[2]) >= 1 && Number(match[2]) <= 12;
}

/** Days since 1970-01-01 (a pure count, independent of any zone). */
export function dayNumber(date: CalendarDate): number {
  const { y, m, d } = parse(date);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

export function fromDayNumber(n: number): CalendarDate {
  const t = new Date(n * 86_400_000);
  return format({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() });
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** b − a in days. */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** Whole days strictly between a and b, counting neither: the "clear days" of notice rules. */
export function clearDaysBetween(a: CalendarDate, b: CalendarDate): number {
  return daysBetween(a, b) - 1;
}

/**
 * The same day-of-month `months` later; when the target month is shorter the result is its
 * last day (31 January + 1 month = 28 or 29 February), as people count months on a calendar.
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const { y, m, d } = parse(date);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  return format({ y: ty, m: tm, d: Math.min(d, daysInMonth(ty, tm)) });
}

/**
 * Last day of a period of `months` "beginning with" `start` (the wording of statutory time
 * limits): the day before the corresponding date, or, when the later month has no
 * corresponding date, that month's last day.
 */
export function lastDayOfPeriodBeginningWith(start: CalendarDate, months: number): CalendarDate {
  const { d } = parse(start);
  const corresponding = addMonths(start, months);
  const hasCorresponding = parse(corresponding).d === d;
  return hasCorresponding ? addDays(corresponding, -1) : corresponding;
}

/** A deadline written as a month means "by the end of that month". */
export function deadlineOf(dateOrMonth: CalendarDate | CalendarMonth): CalendarDate {
  if (isCalendarMonth(dateOrMonth)) {
    const [y, m] = dateOrMonth.split("-").map(Number);
    return format({ y, m, d: daysInMonth(y, m) });
  }
  return format(parse(dateOrMonth));
}

/** The first day a month-only date can mean; a full date is itself. */
export function earliestOf(dateOrMonth: CalendarDate | CalendarMonth): CalendarDate {
  if (isCalendarMonth(dateOrMonth)) return `${dateOrMonth}-01`;
  return format(parse(dateOrMonth));
}

/** "6 March 2017", or "March 2017" for a month; the year is left off when `withYear` is false. */
export function formatLong(dateOrMonth: CalendarDate | CalendarMonth, withYear = true): string {
  if (isCalendarMonth(dateOrMonth)) {
    const [y, m] = dateOrMonth.split("-").map(Number);
    return withYear ? `${MONTH_NAMES[m - 1]} ${y}` : MONTH_NAMES[m - 1];
  }
  const { y, m, d } = parse(dateOrMonth);
  return withYear ? `${d} ${MONTH_NAMES[m - 1]} ${y}` : `${d} ${MONTH_NAMES[m - 1]}`;
}

export function yearOf(dateOrMonth: CalendarDate | CalendarMonth): number {
  return Number(dateOrMonth.slice(0, 4));
}

export function monthIndex(name: string): number | null {
  const lower = name.toLowerCase();
  if (lower.length < 3) return null;
  const i = MONTH_NAMES.findIndex((n) => n.toLowerCase().startsWith(lower) && (lower.length >= 3));
  return i < 0 ? null : i + 1;
}
