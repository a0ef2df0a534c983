// Formatters for a time zone's local date and time. Making an Intl.DateTimeFormat costs far more
// than using one (pages ask for today's date, and a meeting page's event data for local times, on
// every request), and one made for a zone never changes: each is kept, per zone and shape.
const formatters = new Map<string, Intl.DateTimeFormat>();

const SHAPES = {
  /** "YYYY-MM-DD" with en-CA */
  date: ["en-CA", { year: "numeric", month: "2-digit", day: "2-digit" }],
  /** "HH:MM", 24-hour */
  time: ["en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }],
  /** every field of a local date and time, 24-hour, for formatToParts */
  instant: ["en-GB", { hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }],
} as const satisfies Record<string, [string, Intl.DateTimeFormatOptions]>;

export function zoneFormatter(timeZone: string, shape: keyof typeof SHAPES): Intl.DateTimeFormat {
  const key = `${shape}\0${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    const [locale, options] = SHAPES[shape];
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    // zones are the authorities' few; the bound only guards against a flood of distinct names
    if (formatters.size < 1000) formatters.set(key, f);
  }
  return f;
}

/** "YYYY-MM-DD" and 24-hour "HH:MM" of a moment in a time zone (RangeError for an unknown zone). */
export function localDateAndTime(at: Date, timeZone: string): { date: string; time: string } {
  return { date: zoneFormatter(timeZone, "date").format(at), time: zoneFormatter(timeZone, "time").format(at) };
}

/** "YYYY-MM-DD" of a moment in a time zone. */
export function isoDateInZone(now: Date, timeZone: string): string {
  return zoneFormatter(timeZone, "date").format(now);
}
