// A committee's meetings made as a series from a rule (domain/meeting-series.ts), and changes to
// the series from a date on: a new time or venue for every meeting still to come, or cancelling
// them all. Each meeting is a meeting of its own, so one can be moved or cancelled alone.
import { QuorumError } from "../../domain/errors.ts";
import { formatLong } from "../../domain/calendar.ts";
import { describeRule, seriesDates, type SeriesPlan, type SeriesRule } from "../../domain/meeting-series.ts";
import type { Db } from "../db.ts";
import { appendAudit, type AuditActor } from "../audit.ts";
import { writeTransaction } from "../write.ts";
import { bodyForSchedule, changeMeetingsInTransaction, checkWhen, insertScheduled } from "./meetings.ts";
import { scheduleDb } from "./schema.ts";

export interface SeriesInput {
  body: string;
  rule: SeriesRule;
  /** a date, or a month meaning its first day */
  from: string;
  /** a date, or a month meaning its last day */
  to: string;
  skip?: string[];
  startTime: string | null;
  venue: string | null;
}

export interface SeriesPreview extends SeriesPlan {
  rule: string;
  /** dates on which the committee already has a meeting at that time: remove them to go on */
  clashes: string[];
}

/** What a series would make, before anything is written: its dates, the months without one, and dates already taken. */
export async function previewSeries(db: Db, input: SeriesInput): Promise<SeriesPreview> {
  const body = await bodyForSchedule(db, input.body);
  const plan = seriesDates(input);
  for (const d of plan.dates) checkWhen({ date: d, startTime: input.startTime, venue: input.venue }, body.timeZone);
  const clashes = plan.dates.length
    ? (
        await db
          .selectFrom("meetings")
          .where("body_id", "=", body.id)
          .where("date", "in", plan.dates)
          .where("status", "!=", "cancelled")
          .where((eb) => (input.startTime ? eb("start_time", "=", input.startTime) : eb("start_time", "is", null)))
          .select("date")
          .orderBy("date")
          .execute()
      ).map((r) => r.date)
    : [];
  return { ...plan, rule: describeRule(input.rule), clashes };
}

/** Makes the series' meetings, all or none. */
export async function createSeries(db: Db, input: SeriesInput, actor: AuditActor, now: Date = new Date()): Promise<{ id: number; meetings: { slug: string; id: number; date: string }[] }> {
  const plan = seriesDates(input);
  if (!plan.dates.length) throw new QuorumError("invalid", "That series has no dates: check the rule and the first and last dates");
  return writeTransaction(db, async (trx) => {
    const body = await bodyForSchedule(trx, input.body);
    const { id } = await scheduleDb(trx)
      .insertInto("meeting_series")
      .values({
        body_id: body.id,
        rule_json: JSON.stringify(input.rule),
        from_date: plan.dates[0],
        to_date: plan.dates.at(-1)!,
        start_time: input.startTime,
        venue: input.venue,
        created_at: now.toISOString(),
        created_by: actor.userId,
        created_by_label: actor.label,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const meetings: { slug: string; id: number; date: string }[] = [];
    for (const date of plan.dates) {
      const m = await insertScheduled(trx, body, { date, startTime: input.startTime, venue: input.venue }, actor, now, id);
      meetings.push({ slug: m.slug, id: m.id, date: m.date });
    }
    await appendAudit(
      trx,
      {
        actorUserId: actor.userId,
        actorLabel: actor.label,
        action: "meeting_series.create",
        recordKind: "meeting_series",
        recordId: String(id),
        after: { body: body.slug, rule: describeRule(input.rule), startTime: input.startTime, venue: input.venue, dates: plan.dates, skipped: plan.skipped, missing: plan.missing },
      },
      now,
    );
    return { id, meetings };
  });
}

export interface SeriesView {
  id: number;
  rule: string;
  from: string;
  to: string;
  startTime: string | null;
  venue: string | null;
  /** the meetings it made, in date order, as they stand now */
  meetings: { slug: string; date: string; startTime: string | null; status: string; hasMinutes: boolean }[];
}

/** A committee's series, newest first. */
export async function listSeries(db: Db, bodyId: number): Promise<SeriesView[]> {
  const sdb = scheduleDb(db);
  const series = await sdb.selectFrom("meeting_series").where("body_id", "=", bodyId).selectAll().orderBy("id", "desc").execute();
  if (!series.length) return [];
  const rows = await sdb
    .selectFrom("meeting_events")
    .innerJoin("meetings", "meetings.id", "meeting_events.meeting_id")
    .where("meeting_events.kind", "=", "scheduled")
    .where(
      "meeting_events.series_id",
      "in",
      series.map((s) => s.id),
    )
    .select(["meeting_events.series_id", "meetings.slug", "meetings.date", "meetings.start_time", "meetings.status", "meetings.source_document_id"])
    .orderBy("meetings.date")
    .execute();
  return series.map((s) => ({
    id: s.id,
    rule: describeRule(JSON.parse(s.rule_json) as SeriesRule),
    from: s.from_date,
    to: s.to_date,
    startTime: s.start_time,
    venue: s.venue,
    meetings: rows.filter((r) => r.series_id === s.id).map((r) => ({ slug: r.slug, date: r.date, startTime: r.start_time, status: r.status, hasMinutes: r.source_document_id !== null })),
  }));
}

/** The meetings of a series still open to change on or after a date: not held, not already in the wanted state. */
async function openMeetings(db: Db, seriesId: number, from: string, states: string[]) {
  return scheduleDb(db)
    .selectFrom("meeting_events")
    .innerJoin("meetings", "meetings.id", "meeting_events.meeting_id")
    .where("meeting_events.kind", "=", "scheduled")
    .where("meeting_events.series_id", "=", seriesId)
    .where("meetings.date", ">=", from)
    .where("meetings.source_document_id", "is", null)
    .where("meetings.status", "in", states)
    .select(["meetings.slug", "meetings.date", "meetings.start_time", "meetings.venue"])
    .orderBy("meetings.date")
    .execute();
}

export interface SeriesChangeInput {
  /** the committee's slug: a series is changed only from its own committee's page */
  body: string;
  seriesId: number;
  /** the change applies to meetings on or after this date */
  from: string;
  reason: string;
  /** "change": a new time and venue; "cancel": cancel them */
  change: "change" | "cancel";
  startTime?: string | null;
  venue?: string | null;
}

/** Changes every meeting of a series still to come from a date: a new time and venue, or cancelled. */
export async function changeSeries(db: Db, input: SeriesChangeInput, actor: AuditActor, now: Date = new Date()): Promise<{ changed: string[] }> {
  return writeTransaction(db, async (trx) => {
    const s = await scheduleDb(trx)
      .selectFrom("meeting_series")
      .innerJoin("bodies", "bodies.id", "meeting_series.body_id")
      .where("meeting_series.id", "=", input.seriesId)
      .where("bodies.slug", "=", input.body)
      .select(["meeting_series.id", "meeting_series.body_id"])
      .executeTakeFirst();
    if (!s) throw new QuorumError("not_found", "Series not found");
    const open = await openMeetings(trx, s.id, input.from, input.change === "cancel" ? ["scheduled", "postponed"] : ["scheduled"]);
    if (!open.length) throw new QuorumError("invalid", `No meeting of this series from ${formatLong(input.from)} is still to be held`);
    const changes = open.map((m) =>
      input.change === "cancel"
        ? { slug: m.slug, change: "cancel" as const, reason: input.reason, seriesId: s.id }
        : { slug: m.slug, change: "reschedule" as const, reason: input.reason, seriesId: s.id, date: m.date, startTime: input.startTime ?? null, venue: input.venue ?? null },
    );
    await changeMeetingsInTransaction(trx, changes, actor, now);
    if (input.change === "change") await scheduleDb(trx).updateTable("meeting_series").set({ start_time: input.startTime ?? null, venue: input.venue ?? null }).where("id", "=", s.id).execute();
    await appendAudit(trx, { actorUserId: actor.userId, actorLabel: actor.label, action: `meeting_series.${input.change}`, recordKind: "meeting_series", recordId: String(s.id), after: { from: input.from, reason: input.reason, startTime: input.startTime ?? null, venue: input.venue ?? null, meetings: open.map((m) => m.slug) } }, now);
    return { changed: open.map((m) => m.slug) };
  });
}
