// Scheduling a committee's meetings before they are held, and changing the plan: rescheduling,
// postponing, cancelling and restoring. Each write runs in one transaction with its history event
// (meeting_events) and its audit entry, keeps the committee's summary and the search index, and
// refuses a stale `version`. A meeting that has minutes was held: its plan can no longer change.
//
// A scheduled meeting is announced (`announced_at`): listed publicly at once and whatever becomes
// of its minutes (visibility.ts). It has no source document: every surface reads "no minutes yet"
// from that, not "held". Its minutes_status stays the column's default, 'published', which says
// nothing while there are no minutes; minutes taken as a draft set it to 'draft'.
import type { Transaction } from "kysely";
import { QuorumError } from "../../domain/errors.ts";
import { formatLong, isCalendarDate } from "../../domain/calendar.ts";
import { checkLocalTime } from "../../domain/meeting-series.ts";
import type { Db } from "../db.ts";
import type { Database } from "../schema.ts";
import { appendAudit, type AuditActor } from "../audit.ts";
import { writeTransaction } from "../write.ts";
import { reindexMeeting } from "../search.ts";
import { applyTally, keepingSummaries, meetingTally } from "../summaries/bodies.ts";
import { meetingSlug } from "../rules/slugs.ts";
import { StaleVersion } from "../people/edit.ts";
import { scheduleDb, type MeetingEventKind } from "./schema.ts";
import { alertMeetingEvent } from "../mail/alerts.ts";

export type Tx = Transaction<Database>;

export interface ScheduleInput {
  /** the committee's slug */
  body: string;
  /** ISO date */
  date: string;
  /** local "HH:MM" in the council's zone */
  startTime?: string | null;
  venue?: string | null;
  reason?: string | null;
}

export const MAX_REASON = 500;
export const MAX_VENUE = 200;
const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface BodyForSchedule {
  id: number;
  slug: string;
  name: string;
  timeZone: string;
}

export async function bodyForSchedule(db: Db | Tx, slug: string): Promise<BodyForSchedule> {
  const b = await db
    .selectFrom("bodies")
    .innerJoin("authorities", "authorities.id", "bodies.authority_id")
    .where("bodies.slug", "=", slug)
    .select(["bodies.id", "bodies.slug", "bodies.name", "authorities.time_zone"])
    .executeTakeFirst();
  if (!b) throw new QuorumError("not_found", "Committee not found");
  return { id: b.id, slug: b.slug, name: b.name, timeZone: b.time_zone };
}

/** A date, time and venue fit to store, or the one-line reason they are not. */
export function checkWhen(input: { date: string; startTime?: string | null; venue?: string | null }, timeZone: string): { date: string; startTime: string | null; venue: string | null } {
  if (!isCalendarDate(input.date)) throw new QuorumError("invalid", `"${input.date}" is not a real date`);
  const startTime = input.startTime?.trim() || null;
  if (startTime !== null && !TIME_RE.test(startTime)) throw new QuorumError("invalid", `"${startTime}" is not a time on the 24-hour clock, like 19:00`);
  checkLocalTime(input.date, startTime, timeZone);
  const venue = input.venue?.trim().replace(/\s+/g, " ") || null;
  if (venue && venue.length > MAX_VENUE) throw new QuorumError("invalid", `The venue must be ${MAX_VENUE} characters or fewer`);
  return { date: input.date, startTime, venue };
}

function checkReason(reason: string | null | undefined, required: boolean): string | null {
  const r = reason?.trim() || null;
  if (required && !r) throw new QuorumError("invalid", "Give the reason, as the public will read it");
  if (r && r.length > MAX_REASON) throw new QuorumError("invalid", `The reason must be ${MAX_REASON} characters or fewer`);
  return r;
}

/** Refuses a second meeting of a committee at the same date and time (a cancelled one does not count). */
async function refuseClash(trx: Tx, body: BodyForSchedule, date: string, startTime: string | null, exceptId?: number): Promise<void> {
  let q = trx.selectFrom("meetings").where("body_id", "=", body.id).where("date", "=", date).where("status", "!=", "cancelled");
  q = startTime ? q.where("start_time", "=", startTime) : q.where("start_time", "is", null);
  if (exceptId !== undefined) q = q.where("id", "!=", exceptId);
  const other = await q.select("slug").executeTakeFirst();
  if (other) throw new QuorumError("conflict", `The ${body.name} already has a meeting on ${formatLong(date)}${startTime ? ` at ${startTime}` : ""}`);
}

/** The natural slug, or the next free one when a moved or cancelled meeting holds it. */
async function freeSlug(trx: Tx, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await trx.selectFrom("meetings").where("slug", "=", slug).select("id").executeTakeFirst())) return slug;
  }
}

export interface EventInput {
  meetingId: number;
  kind: MeetingEventKind;
  from?: { date: string; startTime: string | null; venue: string | null } | null;
  to?: { date: string; startTime: string | null; venue: string | null } | null;
  reason: string | null;
  seriesId?: number | null;
}

export async function recordEvent(trx: Tx, e: EventInput, actor: AuditActor, now: Date): Promise<void> {
  await scheduleDb(trx)
    .insertInto("meeting_events")
    .values({
      meeting_id: e.meetingId,
      kind: e.kind,
      at: now.toISOString(),
      actor_user_id: actor.userId,
      actor_label: actor.label,
      from_date: e.from?.date ?? null,
      from_time: e.from?.startTime ?? null,
      from_venue: e.from?.venue ?? null,
      to_date: e.to?.date ?? null,
      to_time: e.to?.startTime ?? null,
      to_venue: e.to?.venue ?? null,
      reason: e.reason,
      series_id: e.seriesId ?? null,
    })
    .execute();
  // email alerts for the committee's followers, in the same transaction
  await alertMeetingEvent(trx, e.meetingId, e.kind, e.reason, now);
}

/** Inserts one scheduled meeting with its "scheduled" event; the caller audits. */
export async function insertScheduled(trx: Tx, body: BodyForSchedule, input: Omit<ScheduleInput, "body">, actor: AuditActor, now: Date, seriesId: number | null = null): Promise<{ slug: string; id: number; date: string; startTime: string | null; venue: string | null }> {
  const when = checkWhen(input, body.timeZone);
  const reason = checkReason(input.reason, false);
  await refuseClash(trx, body, when.date, when.startTime);
  const slug = await freeSlug(trx, meetingSlug(body.slug, when.date, when.startTime));
  const { id } = await trx
    .insertInto("meetings")
    .values({
      body_id: body.id,
      slug,
      date: when.date,
      start_time: when.startTime,
      end_time: null,
      venue: when.venue,
      status: "scheduled",
      minutes_status: "published",
      minutes_draft: 0,
      source_document_id: null,
      announced_at: now.toISOString(),
      next_meeting_date: null,
      next_meeting_time: null,
      next_meeting_venue: null,
      updated_at: now.toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordEvent(trx, { meetingId: id, kind: "scheduled", to: when, reason, seriesId }, actor, now);
  await applyTally(trx, await meetingTally(trx, id), 1);
  await reindexMeeting(trx, id);
  return { slug, id, ...when };
}

/** Schedules one meeting of a committee. The entry point other areas call to make a meeting. */
export async function scheduleMeeting(db: Db, input: ScheduleInput, actor: AuditActor, now: Date = new Date()): Promise<{ slug: string; id: number }> {
  return writeTransaction(db, async (trx) => {
    const body = await bodyForSchedule(trx, input.body);
    const m = await insertScheduled(trx, body, input, actor, now);
    await appendAudit(trx, { actorUserId: actor.userId, actorLabel: actor.label, action: "meeting.schedule", recordKind: "meeting", recordId: String(m.id), after: { slug: m.slug, body: body.slug, date: m.date, startTime: m.startTime, venue: m.venue } }, now);
    return { slug: m.slug, id: m.id };
  });
}

export type MeetingChange = "reschedule" | "postpone" | "cancel" | "restore";

/** The states each change may start from. */
export const CHANGE_FROM: Record<MeetingChange, readonly string[]> = {
  reschedule: ["scheduled", "postponed"],
  postpone: ["scheduled"],
  cancel: ["scheduled", "postponed"],
  restore: ["cancelled", "postponed"],
};
const CHANGE_TO: Record<MeetingChange, string> = { reschedule: "scheduled", postpone: "postponed", cancel: "cancelled", restore: "scheduled" };
const EVENT_OF: Record<MeetingChange, MeetingEventKind> = { reschedule: "rescheduled", postpone: "postponed", cancel: "cancelled", restore: "restored" };
const DONE_WORDS: Record<MeetingChange, string> = { reschedule: "moved", postpone: "postponed", cancel: "cancelled", restore: "restored" };

export interface ChangeInput {
  slug: string;
  /** the meeting's version as the form read it */
  version: number;
  change: MeetingChange;
  reason: string;
  /** reschedule: the new date, time and venue */
  date?: string;
  startTime?: string | null;
  venue?: string | null;
  seriesId?: number | null;
}

/** Whether a meeting's plan may change: it has no minutes, and its state allows the change. */
export function changeRefusal(m: { status: string; hasMinutes: boolean }, change: MeetingChange): string | null {
  if (m.hasMinutes) return "This meeting has minutes, so it was held: its date and state can no longer change";
  if (!CHANGE_FROM[change].includes(m.status)) return `A ${m.status} meeting cannot be ${DONE_WORDS[change]}`;
  return null;
}

async function applyChange(trx: Tx, input: ChangeInput, actor: AuditActor, now: Date, checkStale: boolean): Promise<{ id: number; slug: string }> {
  const m = await trx
    .selectFrom("meetings")
    .where("slug", "=", input.slug)
    .select(["id", "slug", "body_id", "date", "start_time", "venue", "status", "source_document_id", "version"])
    .executeTakeFirst();
  if (!m) throw new QuorumError("not_found", "Meeting not found");
  if (checkStale && m.version !== input.version) throw new StaleVersion("meeting", String(m.id));
  const refusal = changeRefusal({ status: m.status, hasMinutes: m.source_document_id !== null }, input.change);
  if (refusal) throw new QuorumError("conflict", refusal);
  const reason = checkReason(input.reason, true);
  const before = { date: m.date, startTime: m.start_time, venue: m.venue };
  let after = before;
  if (input.change === "reschedule") {
    const body = await trx.selectFrom("bodies").innerJoin("authorities", "authorities.id", "bodies.authority_id").where("bodies.id", "=", m.body_id).select(["bodies.id", "bodies.slug", "bodies.name", "authorities.time_zone"]).executeTakeFirstOrThrow();
    const b = { id: body.id, slug: body.slug, name: body.name, timeZone: body.time_zone };
    after = checkWhen({ date: input.date ?? "", startTime: input.startTime, venue: input.venue }, b.timeZone);
    if (after.date === before.date && after.startTime === before.startTime && after.venue === before.venue && m.status === "scheduled") {
      throw new QuorumError("invalid", "Give a new date, time or venue: these are the meeting's own");
    }
    await refuseClash(trx, b, after.date, after.startTime, m.id);
  }
  const status = CHANGE_TO[input.change];
  // the committee's first and last meeting dates follow a moved meeting
  await keepingSummaries(trx, [m.id], () =>
    trx
      .updateTable("meetings")
      .set({ status, date: after.date, start_time: after.startTime, venue: after.venue, version: m.version + 1, updated_at: now.toISOString() })
      .where("id", "=", m.id)
      .execute(),
  );
  const moved = input.change === "reschedule" || input.change === "restore";
  await recordEvent(trx, { meetingId: m.id, kind: EVENT_OF[input.change], from: input.change === "reschedule" ? before : null, to: moved ? after : null, reason, seriesId: input.seriesId ?? null }, actor, now);
  await reindexMeeting(trx, m.id);
  await appendAudit(trx, { actorUserId: actor.userId, actorLabel: actor.label, action: `meeting.${input.change}`, recordKind: "meeting", recordId: String(m.id), before: { status: m.status, ...before }, after: { status, ...after, reason } }, now);
  return { id: m.id, slug: m.slug };
}

/** Reschedules, postpones, cancels or restores one meeting. */
export async function changeMeeting(db: Db, input: ChangeInput, actor: AuditActor, now: Date = new Date()): Promise<{ id: number; slug: string }> {
  return writeTransaction(db, (trx) => applyChange(trx, input, actor, now, true));
}

/** For a series change: the same change to each of several meetings in one transaction (no version: the series page does not show each). */
export async function changeMeetingsInTransaction(trx: Tx, inputs: Omit<ChangeInput, "version">[], actor: AuditActor, now: Date): Promise<number> {
  for (const i of inputs) await applyChange(trx, { ...i, version: 0 }, actor, now, false);
  return inputs.length;
}
