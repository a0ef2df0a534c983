// Meetings as an iCalendar file (RFC 5545), written by ical-generator with a VTIMEZONE for each
// council's zone. A meeting's UID is its slug at the site's host, so it stays the same when the
// meeting is moved, corrected or read again; its SEQUENCE counts the changes made to its plan
// (meeting_events after it was first scheduled), so calendar clients replace the old copy.
import ical, { ICalEventStatus } from "ical-generator";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import type { FollowMeeting } from "../../store/follow/read.ts";
import { formatLongDate, formatTime } from "../format.ts";
import { agendaUrls } from "../agenda/urls.ts";
import { urls } from "../urls.ts";

/** A meeting without a written end time is shown lasting this long. */
export const DEFAULT_DURATION_MINUTES = 120;

/** How far back a calendar file reaches; every future meeting is included (up to CALENDAR_CAP). */
export const CALENDAR_MONTHS_BACK = 12;

export interface CalendarInput {
  /** what a calendar client shows as the calendar's name */
  name: string;
  /** the site's address, no trailing slash: links and UIDs are made from it */
  base: string;
  meetings: FollowMeeting[];
}

const STATUS: Record<string, ICalEventStatus> = {
  cancelled: ICalEventStatus.CANCELLED,
  postponed: ICalEventStatus.TENTATIVE,
};

/** The meeting's UID: its stable slug at the site's host. */
export function meetingUid(slug: string, base: string): string {
  return `meeting-${slug}@${new URL(base).host}`;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A local date and "HH:MM" as a Date whose UTC fields are that wall time (ical-generator writes them under the event's TZID). */
function wallTime(date: string, time: string): Date {
  const [y, mo, d] = date.split("-").map(Number);
  const [h, mi] = time.split(":").map(Number);
  return new Date(Date.UTC(y, mo - 1, d, h, mi));
}

function endOf(m: FollowMeeting, start: Date): Date {
  if (m.endTime && HHMM.test(m.endTime)) {
    const end = wallTime(m.date, m.endTime);
    if (end > start) return end;
  }
  return new Date(start.getTime() + DEFAULT_DURATION_MINUTES * 60_000);
}

function summaryOf(m: FollowMeeting): string {
  const prefix = m.status === "cancelled" ? "Cancelled: " : m.status === "postponed" ? "Postponed: " : "";
  return `${prefix}${m.body.name}`;
}

function descriptionOf(m: FollowMeeting, base: string): string {
  const lines = [`${m.body.name}, ${m.authority.name}`, `${formatLongDate(m.date)}${m.startTime ? `, ${formatTime(m.startTime)}` : ""}`];
  if (m.status === "cancelled") lines.push("This meeting has been cancelled.");
  if (m.status === "postponed") lines.push("This meeting has been postponed; a new date has not been set.");
  lines.push(`Meeting: ${base}${urls.meeting(m.slug)}`);
  if (m.agendaPublished) lines.push(`Agenda: ${base}${urls.meeting(m.slug)}#agenda`, `Reports pack: ${base}${agendaUrls.pack(m.slug, 0)}`);
  if (m.hasMinutes) lines.push(`Minutes: ${base}${urls.minutes(m.slug)}`);
  return lines.join("\n");
}

const instant = (iso: string) => new Date(iso);

export function meetingsCalendar({ name, base, meetings }: CalendarInput): string {
  const cal = ical({ name, prodId: { company: "Quorum", product: "Quorum meetings", language: "EN" }, url: base + "/" });
  cal.timezone({ name: null, generator: getVtimezoneComponent });
  for (const m of meetings) {
    const common = {
      id: meetingUid(m.slug, base),
      sequence: m.changes,
      // the last change, not the time of the request, so the file stays the same until a meeting changes
      stamp: instant(m.updatedAt),
      lastModified: instant(m.updatedAt),
      created: instant(m.createdAt),
      summary: summaryOf(m),
      location: m.venue ?? undefined,
      url: `${base}${urls.meeting(m.slug)}`,
      description: descriptionOf(m, base),
      status: STATUS[m.status] ?? ICalEventStatus.CONFIRMED,
    };
    if (m.startTime && HHMM.test(m.startTime)) {
      const start = wallTime(m.date, m.startTime);
      cal.createEvent({ ...common, start, end: endOf(m, start), timezone: m.authority.timeZone });
    } else {
      // no time written: a day in the council's calendar
      cal.createEvent({ ...common, start: wallTime(m.date, "00:00"), allDay: true });
    }
  }
  return cal.toString();
}
