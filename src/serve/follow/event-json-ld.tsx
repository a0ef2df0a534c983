// schema.org Event markup for a meeting page, so search engines show the meeting's date, place and
// state. Times carry the council's offset on that day (+01:00 in BST).
import { localInstant } from "../../domain/meeting-series.ts";
import type { MeetingEvent } from "../../store/schedule/read.ts";
import { formatLongDate } from "../format.ts";
import { urls } from "../urls.ts";

export interface EventSubject {
  slug: string;
  date: string;
  startTime: string | null;
  endTime: string | null;
  venue: string | null;
  status: string;
  body: { name: string };
  authority: { name: string; timeZone: string };
}

/** "2027-07-06T10:00:00+01:00": the local time with the zone's offset then. */
export function withOffset(date: string, time: string, timeZone: string): string {
  const utc = new Date(localInstant(date, time, timeZone).utc).getTime();
  const [h, m] = time.split(":").map(Number);
  const wall = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), h, m);
  const off = Math.round((wall - utc) / 60_000);
  const sign = off < 0 ? "-" : "+";
  const abs = Math.abs(off);
  return `${date}T${time}:00${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

export function eventStatus(status: string, history: MeetingEvent[]): string {
  if (status === "cancelled") return "https://schema.org/EventCancelled";
  if (status === "postponed") return "https://schema.org/EventPostponed";
  if (history.some((e) => e.kind === "rescheduled")) return "https://schema.org/EventRescheduled";
  return "https://schema.org/EventScheduled";
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function eventJsonLd(m: EventSubject, history: MeetingEvent[], base: string): Record<string, unknown> {
  const tz = m.authority.timeZone;
  // a time as written that is no clock time (or one the clocks skip) leaves the day alone
  const at = (time: string | null) => {
    if (!time || !HHMM.test(time)) return null;
    try {
      return withOffset(m.date, time, tz);
    } catch {
      return null;
    }
  };
  const start = at(m.startTime);
  const end = start && m.endTime && m.startTime && m.endTime > m.startTime ? at(m.endTime) : null;
  return {
    "@context": "https://schema.org",
    "@type": "Event",
    name: `${m.body.name}, ${formatLongDate(m.date)}`,
    startDate: start ?? m.date,
    ...(end ? { endDate: end } : {}),
    eventStatus: eventStatus(m.status, history),
    eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
    ...(m.venue ? { location: { "@type": "Place", name: m.venue, address: m.venue } } : {}),
    url: base + urls.meeting(m.slug),
    organizer: { "@type": "GovernmentOrganization", name: m.authority.name, url: base + urls.home() },
  };
}

/** The markup as a script element; "<" is escaped so no text in it can close the element. */
export function EventJsonLd(props: { m: EventSubject; history: MeetingEvent[]; base: string }) {
  const json = JSON.stringify(eventJsonLd(props.m, props.history, props.base)).replace(/</g, "\\u003c");
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
