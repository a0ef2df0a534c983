// Reading the schedule: a meeting's history (public: what changed, when and why; the workspace
// also sees who), a committee's meetings still to come for the clerk, and one meeting's plan.
import { planOnce } from "../pg-statements.ts";
import { preparedRead } from "../prepared.ts";
import { QuorumError } from "../../domain/errors.ts";
import type { Db } from "../db.ts";
import { isMeetingListed } from "../visibility.ts";
import { scheduleDb, type MeetingEventKind } from "./schema.ts";
import { listSeries, type SeriesView } from "./series.ts";

export interface When {
  date: string;
  startTime: string | null;
  venue: string | null;
}

export interface MeetingEvent {
  kind: MeetingEventKind;
  /** ISO instant the change was recorded */
  at: string;
  from: When | null;
  to: When | null;
  reason: string | null;
  /** part of a change made to a whole series */
  seriesId: number | null;
}

export interface StaffMeetingEvent extends MeetingEvent {
  /** who made the change, as the audit log shows them; workspace only */
  actor: string;
}

const when = (date: string | null, startTime: string | null, venue: string | null): When | null => (date ? { date, startTime, venue } : null);

async function eventRows(db: Db, meetingIds: number[]) {
  if (!meetingIds.length) return [];
  return scheduleDb(db).selectFrom("meeting_events").where("meeting_id", "in", meetingIds).selectAll().orderBy("meeting_id").orderBy("id").execute();
}

/** Each meeting's history, oldest first, as the public reads it (no names of staff). */
export async function publicHistories(db: Db, meetingIds: number[]): Promise<Map<number, MeetingEvent[]>> {
  const out = new Map<number, MeetingEvent[]>();
  for (const r of await eventRows(db, meetingIds)) {
    const list = out.get(r.meeting_id) ?? [];
    list.push({ kind: r.kind, at: r.at, from: when(r.from_date, r.from_time, r.from_venue), to: when(r.to_date, r.to_time, r.to_venue), reason: r.reason, seriesId: r.series_id });
    out.set(r.meeting_id, list);
  }
  return out;
}

/** A listed meeting's history by slug; null when the meeting is not listed. */
const historyOf = preparedRead((db: Db, p: { slug: string }) =>
  scheduleDb(db)
    .selectFrom("meetings")
    .leftJoin("meeting_events as e", "e.meeting_id", "meetings.id")
    .where("meetings.slug", "=", p.slug)
    .select(["meetings.minutes_status", "meetings.announced_at", "e.id", "e.kind", "e.at", "e.from_date", "e.from_time", "e.from_venue", "e.to_date", "e.to_time", "e.to_venue", "e.reason", "e.series_id"])
    .orderBy("e.id"),
);

export async function publicHistory(store: Db, slug: string): Promise<MeetingEvent[] | null> {
  // one meeting's rows by its slug: one plan serves every meeting (pg-statements.ts)
  const db = planOnce(store);
  // the meeting and its events in one read: a row for each event, or one with no event
  const rows = await historyOf(db, { slug }, null);
  const m = rows[0];
  if (!m || !isMeetingListed({ minutesStatus: m.minutes_status, announcedAt: m.announced_at })) return null;
  return rows.flatMap((r) =>
    r.id === null || r.kind === null || r.at === null
      ? []
      : [{ kind: r.kind, at: r.at, from: when(r.from_date, r.from_time, r.from_venue), to: when(r.to_date, r.to_time, r.to_venue), reason: r.reason, seriesId: r.series_id }],
  );
}

/** Where a moved meeting was first planned: the "from" of its first move. */
export function movedFrom(history: MeetingEvent[]): When | null {
  return history.find((e) => e.kind === "rescheduled")?.from ?? null;
}

export interface MeetingPlan {
  id: number;
  slug: string;
  date: string;
  startTime: string | null;
  venue: string | null;
  status: string;
  hasMinutes: boolean;
  version: number;
  body: { slug: string; name: string };
  history: StaffMeetingEvent[];
}

/** One meeting as the clerk's schedule page shows it, with its history and who made each change. */
export async function meetingForSchedule(db: Db, slug: string): Promise<MeetingPlan> {
  const m = await db
    .selectFrom("meetings")
    .innerJoin("bodies", "bodies.id", "meetings.body_id")
    .where("meetings.slug", "=", slug)
    .select(["meetings.id", "meetings.slug", "meetings.date", "meetings.start_time", "meetings.venue", "meetings.status", "meetings.source_document_id", "meetings.version", "bodies.slug as body_slug", "bodies.name as body_name"])
    .executeTakeFirst();
  if (!m) throw new QuorumError("not_found", "Meeting not found");
  const history = (await eventRows(db, [m.id])).map((r) => ({ kind: r.kind, at: r.at, actor: r.actor_label, from: when(r.from_date, r.from_time, r.from_venue), to: when(r.to_date, r.to_time, r.to_venue), reason: r.reason, seriesId: r.series_id }));
  return { id: m.id, slug: m.slug, date: m.date, startTime: m.start_time, venue: m.venue, status: m.status, hasMinutes: m.source_document_id !== null, version: m.version, body: { slug: m.body_slug, name: m.body_name }, history };
}

export interface BodySchedule {
  body: { id: number; slug: string; name: string; timeZone: string };
  /** meetings on or after today, and postponed ones whatever their date, in date order */
  meetings: { slug: string; date: string; startTime: string | null; venue: string | null; status: string; hasMinutes: boolean }[];
  series: SeriesView[];
}

export async function bodySchedule(db: Db, slug: string, today: string): Promise<BodySchedule> {
  const b = await db
    .selectFrom("bodies")
    .innerJoin("authorities", "authorities.id", "bodies.authority_id")
    .where("bodies.slug", "=", slug)
    .select(["bodies.id", "bodies.slug", "bodies.name", "authorities.time_zone"])
    .executeTakeFirst();
  if (!b) throw new QuorumError("not_found", "Committee not found");
  const rows = await db
    .selectFrom("meetings")
    .where("body_id", "=", b.id)
    .where((eb) => eb.or([eb("date", ">=", today), eb("status", "=", "postponed")]))
    .select(["slug", "date", "start_time", "venue", "status", "source_document_id"])
    .orderBy("date")
    .orderBy("start_time")
    .limit(200)
    .execute();
  return {
    body: { id: b.id, slug: b.slug, name: b.name, timeZone: b.time_zone },
    meetings: rows.map((r) => ({ slug: r.slug, date: r.date, startTime: r.start_time, venue: r.venue, status: r.status, hasMinutes: r.source_document_id !== null })),
    series: await listSeries(db, b.id),
  };
}
