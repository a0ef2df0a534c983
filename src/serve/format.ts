import { isoDateInZone } from "../domain/zone-format.ts";
// Dates and times as people in the UK write them. Dates are stored as written ("YYYY-MM-DD",
// local "HH:MM" in the authority's zone), so formatting never converts time zones.

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function parts(iso: string): { y: number; m: number; d: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
}

export function weekday(iso: string): string {
  const p = parts(iso);
  return p ? DAYS[new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay()] : "";
}

/** "12 December 2016" */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const p = parts(iso);
  return p ? `${p.d} ${MONTHS[p.m - 1]} ${p.y}` : iso;
}

/** "Monday 12 December 2016" */
export function formatLongDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const p = parts(iso);
  return p ? `${weekday(iso)} ${formatDate(iso)}` : iso;
}

/** "10am", "2:30pm", "12 noon" */
export function formatTime(hhmm: string | null | undefined): string {
  if (!hhmm) return "";
  const m = /^(\d{1,2}):(\d{2})/.exec(hhmm);
  if (!m) return hhmm;
  const h = Number(m[1]);
  const min = m[2];
  if (h === 12 && min === "00") return "12 noon";
  if (h === 0 && min === "00") return "midnight";
  const suffix = h >= 12 ? "pm" : "am";
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return min === "00" ? `${h12}${suffix}` : `${h12}:${min}${suffix}`;
}

export function monthName(month: number): string {
  return MONTHS[month - 1] ?? "";
}

/** "YYYY-MM-DD" of a moment in a time zone. */
export function isoDateIn(now: Date, timeZone = "Europe/London"): string {
  return isoDateInZone(now, timeZone);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
}
