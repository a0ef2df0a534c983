// Clear working days, as the access-to-information rules count them: an agenda and its reports are
// open to inspection "at least five clear days before the meeting" (Local Government Act 1972
// s.100B(3)), and s.100K(1) reads "clear days" as leaving out the day the notice is given and the
// day of the meeting. Saturdays, Sundays and bank holidays do not count as working days.
//
// Bank holidays are those of England and Wales: the Banking and Financial Dealings Act 1971's
// fixed days (New Year's Day, Good Friday by custom, Easter Monday, the late-May and
// late-August Mondays, Christmas and Boxing Day, with a Monday or Tuesday in place of one falling
// at a weekend), the early-May Monday (from 1978), and the days moved or added by royal
// proclamation, listed below. A day proclaimed in future is unknown here until it is added.
import { addDays, dayNumber, fromDayNumber, type CalendarDate } from "./calendar.ts";

/** The clear working days an agenda and its reports must be published by (s.100B(3)). */
export const AGENDA_NOTICE_WORKING_DAYS = 5;

const pad = (n: number) => String(n).padStart(2, "0");
const ymd = (y: number, m: number, d: number): CalendarDate => `${y}-${pad(m)}-${pad(d)}`;

/** 0 Sunday … 6 Saturday. */
export function weekday(date: CalendarDate): number {
  // 1970-01-01 was a Thursday
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

/** Easter Sunday in the Gregorian calendar (the anonymous algorithm of 1876, "Meeus/Jones/Butcher"). */
export function easterSunday(year: number): CalendarDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(year, month, day);
}

function firstMonday(year: number, month: number): CalendarDate {
  const first = ymd(year, month, 1);
  return addDays(first, (8 - weekday(first)) % 7);
}

function lastMonday(year: number, month: number): CalendarDate {
  const last = fromDayNumber(dayNumber(ymd(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1)) - 1);
  return addDays(last, -((weekday(last) + 6) % 7));
}

/** A regular holiday moved by proclamation in one year: the usual day → the day it was kept. */
const MOVED: Record<CalendarDate, CalendarDate> = {
  "1995-05-01": "1995-05-08", // 50th anniversary of VE Day
  "2002-05-27": "2002-06-04", // Golden Jubilee
  "2012-05-28": "2012-06-04", // Diamond Jubilee
  "2020-05-04": "2020-05-08", // 75th anniversary of VE Day
  "2022-05-30": "2022-06-02", // Platinum Jubilee
};

/** Days added by proclamation for one year only. */
const ONE_OFF: Record<CalendarDate, string> = {
  "1981-07-29": "Royal wedding",
  "1999-12-31": "Millennium celebrations",
  "2002-06-03": "Golden Jubilee",
  "2011-04-29": "Royal wedding",
  "2012-06-05": "Diamond Jubilee",
  "2022-06-03": "Platinum Jubilee",
  "2022-09-19": "State Funeral of Queen Elizabeth II",
  "2023-05-08": "Coronation of King Charles III",
};

export interface BankHoliday {
  date: CalendarDate;
  name: string;
}

const cache = new Map<number, BankHoliday[]>();

/** England and Wales bank holidays of a year, in date order. */
export function bankHolidays(year: number): BankHoliday[] {
  const known = cache.get(year);
  if (known) return known;
  const days: BankHoliday[] = [];
  const add = (date: CalendarDate, name: string) => days.push({ date: MOVED[date] ?? date, name });

  // New Year's Day, or the Monday after when it falls at a weekend
  const newYear = ymd(year, 1, 1);
  const ny = weekday(newYear);
  add(ny === 6 ? addDays(newYear, 2) : ny === 0 ? addDays(newYear, 1) : newYear, ny === 0 || ny === 6 ? "New Year's Day (substitute day)" : "New Year's Day");
  const easter = easterSunday(year);
  add(addDays(easter, -2), "Good Friday");
  add(addDays(easter, 1), "Easter Monday");
  if (year >= 1978) add(firstMonday(year, 5), "Early May bank holiday");
  add(lastMonday(year, 5), "Spring bank holiday");
  add(lastMonday(year, 8), "Summer bank holiday");
  // Christmas and Boxing Day keep their own day when it is a weekday; one at a weekend moves to
  // the next weekday that is not already a holiday (Christmas on a Sunday: Tuesday 27th)
  const fixed = [[ymd(year, 12, 25), "Christmas Day"], [ymd(year, 12, 26), "Boxing Day"]] as const;
  const isWeekend = (d: CalendarDate) => weekday(d) === 0 || weekday(d) === 6;
  const taken = new Set<CalendarDate>(fixed.filter(([d]) => !isWeekend(d)).map(([d]) => d));
  for (const [day, name] of fixed) {
    if (!isWeekend(day)) {
      add(day, name);
      continue;
    }
    let kept = day;
    while (isWeekend(kept) || taken.has(kept)) kept = addDays(kept, 1);
    taken.add(kept);
    add(kept, `${name} (substitute day)`);
  }
  for (const [date, name] of Object.entries(ONE_OFF)) if (date.startsWith(`${year}-`)) days.push({ date, name });
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  cache.set(year, days);
  return days;
}

export function isBankHoliday(date: CalendarDate): boolean {
  return bankHolidays(Number(date.slice(0, 4))).some((h) => h.date === date);
}

/** Monday to Friday, and not a bank holiday in England and Wales. */
export function isWorkingDay(date: CalendarDate): boolean {
  const w = weekday(date);
  return w !== 0 && w !== 6 && !isBankHoliday(date);
}

/**
 * Working days strictly between `from` (the day of publication) and `to` (the day of the meeting),
 * counting neither: s.100B's "clear days". Zero when `to` is not after `from`.
 */
export function clearWorkingDaysBetween(from: CalendarDate, to: CalendarDate): number {
  let count = 0;
  for (let n = dayNumber(from) + 1; n < dayNumber(to); n++) if (isWorkingDay(fromDayNumber(n))) count++;
  return count;
}

/** The last day a notice can be given and still leave `days` clear working days before `meeting`. */
export function latestNoticeDate(meeting: CalendarDate, days = AGENDA_NOTICE_WORKING_DAYS): CalendarDate {
  let date = addDays(meeting, -1);
  for (let counted = 0; counted < days; date = addDays(date, -1)) if (isWorkingDay(date)) counted++;
  return date;
}

export interface NoticeCheck {
  clearDays: number;
  required: number;
  /** the last day publication would have been on time */
  dueBy: CalendarDate;
  late: boolean;
}

/** Whether publishing on `published` leaves the meeting its clear working days. */
export function agendaNotice(published: CalendarDate, meeting: CalendarDate, required = AGENDA_NOTICE_WORKING_DAYS): NoticeCheck {
  const clearDays = clearWorkingDaysBetween(published, meeting);
  return { clearDays, required, dueBy: latestNoticeDate(meeting, required), late: clearDays < required };
}
