// Meeting dates in the forms councils print them, read with chrono's British-English parser
// (day before month for numeric dates). Only the calendar date is taken from chrono: times are
// read separately (times.ts), so its time-zone handling never comes into play.
import * as chrono from "chrono-node";

export interface DateMatch {
  /** "YYYY-MM-DD" */
  value: string;
  index: number;
  length: number;
  /** the year was printed (not inferred from the reference date) */
  yearStated: boolean;
}

/**
 * Undoes print and OCR quirks without changing the length of the text, so match indexes still
 * point into the original: '21" NOVEMBER' and '19” September' (ordinal suffix read as a quote),
 * "2 nd day" (superscript split off), "Thursday 6th.October".
 */
export function normaliseForDates(text: string): string {
  return text
    .replace(/<\/?[a-z][^>]*>/gi, (tag) => " ".repeat(tag.length))
    .replace(MISREAD_DAY, (day) => (/^[\dlIO]+$/.test(day) ? day.replace(/[lI]/g, "1").replace(/O/g, "0") : day))
    .replace(MISREAD_SUFFIX, (m, d: string, suf: string) => (/^(?:st|nd|rd|th)$/i.test(suf) ? m : d + " ".repeat(suf.length)))
    .replace(/\b(\d{1,2})([^\w\s,.\/-]{1,3})(?=\s*[A-Za-z])/g, (_m, d: string, junk: string) => d + " ".repeat(junk.length))
    .replace(/\b(\d{1,2})(\s+)(st|nd|rd|th)\b/gi, (_m, d: string, ws: string, suf: string) => d + suf + " ".repeat(ws.length))
    .replace(/\b(\d{1,2})(st|nd|rd|th)\.(?=[A-Za-z])/gi, "$1$2 ")
    .replace(/\b(\d{1,2})(ST|ND|RD|TH)\b/g, (_m, d, s) => d + s.toLowerCase())
    .replace(/\b(\d{1,2}(?:st|nd|rd|th)?)\s+day\s+of\s+(?=[A-Za-z])/gi, (m, d) => " ".repeat(m.length - d.length - 1) + d + " ")
    // "23rd May, 27th June": a comma in a list of day-month dates would pair "May, 27th"
    .replace(LISTED_DATE, "$1;");
}

const MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
const LISTED_DATE = new RegExp(`(\\b\\d{1,2}(?:st|nd|rd|th)?[ \\t]{1,3}${MONTH}\\b[ \\t]{0,3}),(?=[ \\t]{0,3}\\d{1,2}(?:st|nd|rd|th)?[ \\t]{1,3}${MONTH}\\b)`, "gi");

// "l0th February 2005", "I2TH MAY": a day figure typed or read with the letter l or I for 1, O for 0
// (one figure at least), before an ordinal suffix and a month name
const MISREAD_DAY = new RegExp(`\\b(?=[lIO]?\\d|\\d[lIO])[lIO\\d]{1,2}(?=(?:st|nd|rd|th)\\.?\\s+(?:of\\s+)?${MONTH}\\b)`, "gi");

// "12H OCTOBER", "1+t FEBRUARY": an ordinal suffix misread by OCR, between a day and a month name
const MISREAD_SUFFIX = new RegExp(`\\b(\\d{1,2})([^\\s\\d,.;:\\/-]{1,3})(?=\\s+${MONTH}\\b)`, "gi");

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * Every full date in `text` (day and month printed; the year printed or taken from `ref`).
 * Month-only phrases ("January 2016") and weekday-only phrases ("on Tuesday") are ignored.
 */
export function findDates(text: string, ref?: Date, forward = true): DateMatch[] {
  const norm = normaliseForDates(text);
  const refDate = ref ?? new Date(Date.UTC(2000, 0, 1, 12));
  const out: DateMatch[] = [];
  for (const r of chrono.en.GB.parse(norm, { instant: refDate, timezone: 0 }, { forwardDate: Boolean(ref) && forward })) {
    const c = r.start;
    if (!c.isCertain("day") || !c.isCertain("month")) continue;
    const yearStated = c.isCertain("year");
    if (!yearStated && !ref) continue;
    // chrono also reads "7.30" or "10/2" as dates; demand a month name or a full numeric date
    const t = r.text;
    if (!/[A-Za-z]{3}/.test(t.replace(/\b(on|at|the|of|day|mon|tue|wed|thu|fri|sat|sun)\w*\b/gi, "")) && !/\d{1,2}[./-]\d{1,2}[./-]\d{2,4}/.test(t)) continue;
    const y = c.get("year");
    const m = c.get("month");
    const d = c.get("day");
    if (!y || !m || !d || y < 1950 || y > 2100) continue;
    // keep the matched text to the date itself, not a trailing "at 2.30p.m." chrono folded in
    const lead = t.match(/^(?:at\s+)?\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?\s?m\.?)?,?\s+(?:on\s+)?(?=[A-Za-z])/i);
    const skip = lead && /[.:]\d|[ap]\.?\s?m/i.test(lead[0]) ? lead[0].length : 0;
    const rest = t.slice(skip);
    const cut = rest.search(/,?\s+(?:at|from|starting|commencing|@)\s+\d|\s+\d{1,2}[.:]\d{2}|\s+\d{1,2}\s*[ap]\.?m/i);
    const length = cut > 0 ? cut : rest.length;
    out.push({ value: `${y}-${pad(m)}-${pad(d)}`, index: r.index + skip, length, yearStated });
  }
  return out;
}

/** The first full date in `text`, or null. */
export function parseDate(text: string, ref?: Date): DateMatch | null {
  return findDates(text, ref)[0] ?? null;
}

/** A Date at noon UTC on an ISO day, for use as chrono's reference. */
export function isoToRef(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d, 12));
}
