// What calendars and feeds read: listed meetings only (through meetingSummaries, which applies
// listedMeetingsOnly; their minutes only where publicMinutesOnly allows), each with what a calendar client needs to notice a change (its schedule
// changes counted from meeting_events, its last change) and what a feed needs to date an entry
// (when the meeting was added, when its minutes came in).
import { sql } from "kysely";
import type { Db } from "../db.ts";
import { meetingSummaries, meetingTime } from "../read/meetings.ts";
import { areMinutesPublic, publicMinutesOnly } from "../visibility.ts";

export interface FollowScope {
  authority?: string;
  body?: string;
}

export interface FollowMeeting {
  id: number;
  slug: string;
  body: { slug: string; name: string };
  authority: { slug: string; name: string; timeZone: string };
  /** ISO date and local "HH:MM" in authority.timeZone */
  date: string;
  startTime: string | null;
  endTime: string | null;
  venue: string | null;
  status: string;
  hasMinutes: boolean;
  /** changes to the plan after it was first made (rescheduled, postponed, cancelled, restored) */
  changes: number;
  agendaPublished: boolean;
  /** ISO instants */
  createdAt: string;
  updatedAt: string;
  /** when the current minutes document was stored; null without minutes */
  minutesAt: string | null;
}

/** At most this many meetings in one calendar file, the nearest to the window's start first. */
export const CALENDAR_CAP = 5000;

function scoped(db: Db, scope: FollowScope) {
  let q = meetingSummaries(db).leftJoin("source_documents", "source_documents.id", "meetings.source_document_id");
  if (scope.authority) q = q.where("authorities.slug", "=", scope.authority);
  // by id, so one committee's rows are read along meetings_body_order
  if (scope.body) q = q.where("meetings.body_id", "=", (eb) => eb.selectFrom("bodies").where("bodies.slug", "=", scope.body!).select("bodies.id"));
  return q.select((eb) => [
    "meetings.id",
    "meetings.slug",
    "meetings.date",
    "meetings.start_time",
    "meetings.end_time",
    "meetings.venue",
    "meetings.status",
    "meetings.source_document_id",
    "meetings.minutes_status",
    "meetings.created_at",
    "meetings.updated_at",
    "bodies.slug as body_slug",
    "bodies.name as body_name",
    "authorities.slug as authority_slug",
    "authorities.name as authority_name",
    "authorities.time_zone",
    "source_documents.imported_at as minutes_at",
    sql<number>`(SELECT count(*) FROM meeting_events me WHERE me.meeting_id = meetings.id AND me.kind != 'scheduled')`.as("changes"),
    eb.exists(sql`(SELECT 1 FROM agenda_publications ap WHERE ap.meeting_id = meetings.id)`).as("agenda_published"),
  ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof scoped>["execute"]>>[number];

function toMeeting(r: Row): FollowMeeting {
  return {
    id: r.id,
    slug: r.slug,
    body: { slug: r.body_slug, name: r.body_name },
    authority: { slug: r.authority_slug, name: r.authority_name, timeZone: r.time_zone },
    date: r.date,
    startTime: r.start_time,
    endTime: r.end_time,
    venue: r.venue,
    status: r.status,
    hasMinutes: r.source_document_id !== null && areMinutesPublic({ minutesStatus: r.minutes_status }),
    changes: Number(r.changes ?? 0),
    agendaPublished: r.agenda_published === true || Number(r.agenda_published) === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    minutesAt: r.minutes_at ?? null,
  };
}

/** Public meetings on or after `from` (ISO date), soonest first, at most CALENDAR_CAP. */
export async function calendarMeetings(db: Db, scope: FollowScope, from: string): Promise<FollowMeeting[]> {
  const rows = await scoped(db, scope).where("meetings.date", ">=", from).orderBy("meetings.date", "asc").orderBy(meetingTime, "asc").orderBy("meetings.id", "asc").limit(CALENDAR_CAP).execute();
  return rows.map(toMeeting);
}

/**
 * What a calendar file is made from, in one row: the window's public meetings counted, the sum of
 * their and their committees' versions (raised by every change through the store: a move, a
 * cancellation, minutes, a correction, a committee renamed), their latest change, agenda
 * publications and schedule changes. A file made for the same fingerprint is the same file.
 */
export async function calendarFingerprint(db: Db, scope: FollowScope, from: string): Promise<string> {
  let q = meetingSummaries(db).where("meetings.date", ">=", from);
  if (scope.authority) q = q.where("authorities.slug", "=", scope.authority);
  if (scope.body) q = q.where("meetings.body_id", "=", (eb) => eb.selectFrom("bodies").where("bodies.slug", "=", scope.body!).select("bodies.id"));
  const row = await q
    .select([
      sql<number>`count(*)`.as("n"),
      sql<number>`sum(meetings.version)`.as("versions"),
      sql<number>`sum(bodies.version)`.as("body_versions"),
      sql<string>`max(meetings.updated_at)`.as("updated"),
      sql<number>`(SELECT max(id) FROM agenda_publications)`.as("agenda"),
      sql<number>`(SELECT max(id) FROM meeting_events)`.as("events"),
    ])
    .executeTakeFirstOrThrow();
  return [row.n, row.versions, row.body_versions, row.updated, row.agenda, row.events].map((v) => String(v ?? "")).join("|");
}

/** The public meetings most recently added, newest first. */
export async function newestMeetings(db: Db, scope: FollowScope, limit: number): Promise<FollowMeeting[]> {
  const rows = await scoped(db, scope).orderBy("meetings.id", "desc").limit(limit).execute();
  return rows.map(toMeeting);
}

/** The latest public meetings that have minutes, newest meeting first. */
export async function latestMinutes(db: Db, scope: FollowScope, limit: number): Promise<FollowMeeting[]> {
  const rows = await scoped(db, scope)
    .where("meetings.source_document_id", "is not", null)
    .where(publicMinutesOnly)
    .orderBy("meetings.date", "desc")
    .orderBy(meetingTime, "desc")
    .orderBy("meetings.id", "desc")
    .limit(limit)
    .execute();
  return rows.map(toMeeting);
}

/** One listed meeting by slug, as calendars write it; null when there is none the public may see. */
export async function followMeeting(db: Db, slug: string): Promise<FollowMeeting | null> {
  const row = await scoped(db, {}).where("meetings.slug", "=", slug).executeTakeFirst();
  return row ? toMeeting(row) : null;
}

/** Public meetings by slug (those a public read has already returned), for dating feed entries. */
export async function meetingsBySlug(db: Db, slugs: string[]): Promise<Map<string, FollowMeeting>> {
  const out = new Map<string, FollowMeeting>();
  const unique = [...new Set(slugs)];
  for (let i = 0; i < unique.length; i += 500) {
    for (const r of await scoped(db, {}).where("meetings.slug", "in", unique.slice(i, i + 500)).execute()) out.set(r.slug, toMeeting(r));
  }
  return out;
}
