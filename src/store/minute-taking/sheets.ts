// Minute-taking (migration 024_minutesout_minute_taking): the clerk's sheet for a meeting, every save
// kept and numbered, and "Save as draft minutes", which stores the sheet's record through
// `storeRecord` (the one path every store of a meeting takes) as draft minutes, so that the minutes
// lifecycle (publish, approve) applies to them as to any other draft.
import type { Generated, Kysely, Transaction } from "kysely";
import { QuorumError } from "../../domain/errors.ts";
import { withAgenda, type MinuteSheet } from "../../domain/minute-sheet.ts";
import { prefill, publishedAgenda } from "./prefill.ts";
import type { ParsedMinutes } from "../../domain/minutes.ts";
import type { SourceText } from "../../domain/source.ts";
import type { Db } from "../db.ts";
import type { Database } from "../schema.ts";
import type { AccountTables } from "../accounts/schema.ts";
import { appendAudit, type AuditActor } from "../audit.ts";
import { storeRecord } from "../import.ts";
import { keepingSummaries } from "../summaries/bodies.ts";
import { writeTransaction } from "../write.ts";

export interface MinuteTakingSavesTable {
  id: Generated<number>;
  meeting_id: number;
  version: number;
  sheet_json: string;
  saved_at: string;
  saved_by: number | null;
  submitted_at: string | null;
}

type Tables = Database & AccountTables & { minute_taking_saves: MinuteTakingSavesTable };
type AnyDb = Kysely<Database> | Transaction<Database>;
const sheetsDb = (db: AnyDb) => (db as Kysely<Database>).withTables<AccountTables & { minute_taking_saves: MinuteTakingSavesTable }>() as unknown as Kysely<Tables>;

export interface SheetMeetingRow {
  id: number;
  slug: string;
  date: string;
  startTime: string | null;
  venue: string | null;
  bodyName: string;
  bodySlug: string;
  authority: string;
  minutesStatus: string;
  hasMinutes: boolean;
}

export interface OpenSheet {
  meeting: SheetMeetingRow;
  /** the last save's number; 0 before the first */
  version: number;
  sheet: MinuteSheet;
  savedAt: string | null;
  /** when the sheet was last stored as draft minutes */
  submittedAt: string | null;
  /** numbers of the agenda items published since the last save, added to the sheet as it opened */
  addedFromAgenda: string[];
}

async function meetingRow(db: AnyDb, slug: string): Promise<SheetMeetingRow> {
  const m = await db
    .selectFrom("meetings")
    .innerJoin("bodies", "bodies.id", "meetings.body_id")
    .innerJoin("authorities", "authorities.id", "bodies.authority_id")
    .where("meetings.slug", "=", slug)
    .select(["meetings.id", "meetings.slug", "meetings.date", "meetings.start_time", "meetings.venue", "meetings.minutes_status", "meetings.source_document_id", "bodies.name as body_name", "bodies.slug as body_slug", "authorities.name as authority"])
    .executeTakeFirst();
  if (!m) throw new QuorumError("not_found", `No meeting ${slug}.`);
  return {
    id: m.id,
    slug: m.slug,
    date: m.date,
    startTime: m.start_time,
    venue: m.venue,
    bodyName: m.body_name,
    bodySlug: m.body_slug,
    authority: m.authority,
    minutesStatus: m.minutes_status,
    hasMinutes: m.source_document_id !== null,
  };
}

/** The sheet as last saved (or prefilled), with the number a save must be made from. */
export async function openSheet(db: Db, slug: string): Promise<OpenSheet> {
  const meeting = await meetingRow(db, slug);
  const last = await sheetsDb(db)
    .selectFrom("minute_taking_saves")
    .where("meeting_id", "=", meeting.id)
    .select(["version", "sheet_json", "saved_at"])
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
  const submitted = await sheetsDb(db)
    .selectFrom("minute_taking_saves")
    .where("meeting_id", "=", meeting.id)
    .where("submitted_at", "is not", null)
    .select("submitted_at")
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
  const agenda = await publishedAgenda(db, meeting.id);
  if (!last) return { meeting, version: 0, sheet: await prefill(db, meeting, agenda), savedAt: null, submittedAt: null, addedFromAgenda: [] };
  const { sheet, added } = withAgenda(JSON.parse(last.sheet_json) as MinuteSheet, agenda);
  return { meeting, version: last.version, sheet, savedAt: last.saved_at, submittedAt: submitted?.submitted_at ?? null, addedFromAgenda: added };
}

/** Refuses a sheet for a meeting whose minutes are already public: those are corrected, not retaken. */
function checkTakeable(meeting: SheetMeetingRow): void {
  if (meeting.hasMinutes && meeting.minutesStatus !== "draft") throw new QuorumError("conflict", "This meeting's minutes are already published: correct them instead of taking them again.");
}

async function appendSave(trx: Transaction<Database>, meeting: SheetMeetingRow, baseVersion: number, sheet: MinuteSheet, actor: AuditActor, now: Date, submitted: boolean): Promise<number> {
  const db = sheetsDb(trx);
  const last = await db.selectFrom("minute_taking_saves").where("meeting_id", "=", meeting.id).select((eb) => eb.fn.max("version").as("v")).executeTakeFirst();
  const current = Number(last?.v ?? 0);
  if (current !== baseVersion) throw new QuorumError("conflict", `These minutes were saved elsewhere since you opened them (save ${current}, yours was made from save ${baseVersion}). Reload to see the latest, then make your changes again.`);
  const version = current + 1;
  // (meeting_id, version) is unique: a save racing this one from the same version fails here
  await db
    .insertInto("minute_taking_saves")
    .values({ meeting_id: meeting.id, version, sheet_json: JSON.stringify(sheet), saved_at: now.toISOString(), saved_by: actor.userId, submitted_at: submitted ? now.toISOString() : null })
    .execute();
  return version;
}

/** Keeps one save of the sheet; `baseVersion` is the save it was made from. Returns the new save's number. */
export async function saveSheet(db: Db, slug: string, baseVersion: number, sheet: MinuteSheet, actor: AuditActor, now: Date): Promise<number> {
  return writeTransaction(db, async (trx) => {
    const meeting = await meetingRow(trx, slug);
    checkTakeable(meeting);
    const version = await appendSave(trx, meeting, baseVersion, sheet, actor, now, false);
    await appendAudit(trx, { actorUserId: actor.userId, actorLabel: actor.label, action: "minutes.take.save", recordKind: "meeting", recordId: slug, after: { version, items: sheet.items.length, attendance: sheet.attendance.filter((a) => a.status).length } }, now);
    return version;
  });
}

export interface DraftFromSheet {
  slug: string;
  baseVersion: number;
  sheet: MinuteSheet;
  /** the sheet's record, with provenance into `source` */
  record: ParsedMinutes;
  /** the rendered minutes document's text */
  source: SourceText;
  parserVersion: string;
}

/**
 * Saves the sheet and stores its record as the meeting's draft minutes (not public), in one
 * transaction with the audit entry. The meeting, announced, stays listed (visibility.ts) while
 * nothing read from its draft minutes is public: publishing the draft makes the minutes public.
 */
export async function saveAsDraftMinutes(db: Db, input: DraftFromSheet, actor: AuditActor, now: Date): Promise<{ version: number }> {
  return writeTransaction(db, async (trx) => {
    const meeting = await meetingRow(trx, input.slug);
    checkTakeable(meeting);
    const version = await appendSave(trx, meeting, input.baseVersion, input.sheet, actor, now, true);
    if (meeting.minutesStatus !== "draft") {
      await keepingSummaries(trx, [meeting.id], () => trx.updateTable("meetings").set({ minutes_status: "draft", updated_at: now.toISOString() }).where("id", "=", meeting.id).execute());
    }
    // the meeting is found by its committee, date and time: the record keeps the meeting's own
    const record: ParsedMinutes = { ...input.record, authority: meeting.authority, body: meeting.bodyName, date: meeting.date, startTime: meeting.startTime };
    const stored = await storeRecord(trx, { source: input.source, record, authorityOverride: meeting.authority, review: true, actor: actor.label }, input.parserVersion, true);
    if (stored.meetingSlug !== meeting.slug || stored.held) throw new QuorumError("conflict", "These minutes could not be stored against their meeting.");
    await appendAudit(
      trx,
      {
        actorUserId: actor.userId,
        actorLabel: actor.label,
        action: "minutes.take.draft",
        recordKind: "meeting",
        recordId: meeting.slug,
        before: { minutesStatus: meeting.minutesStatus, hadMinutes: meeting.hasMinutes },
        after: { minutesStatus: "draft", version, items: record.items.length, attendance: record.attendance.length },
      },
      now,
    );
    return { version };
  });
}

/**
 * Meetings whose minutes are still to be taken, newest first: held (or due) by `today`, not
 * cancelled or postponed, with no minutes stored, or with draft minutes taken here.
 */
export async function meetingsToMinute(db: Db, today: string, limit = 20): Promise<{ slug: string; date: string; bodyName: string; lastSave: number | null }[]> {
  const rows = await sheetsDb(db)
    .selectFrom("meetings")
    .innerJoin("bodies", "bodies.id", "meetings.body_id")
    .leftJoin(
      (eb) => eb.selectFrom("minute_taking_saves").select((s) => ["meeting_id", s.fn.max("version").as("last")]).groupBy("meeting_id").as("saves"),
      (join) => join.onRef("saves.meeting_id", "=", "meetings.id"),
    )
    .where("meetings.date", "<=", today)
    .where("meetings.status", "not in", ["cancelled", "postponed"])
    .where((eb) => eb.or([eb("meetings.source_document_id", "is", null), eb.and([eb("meetings.minutes_status", "=", "draft"), eb("saves.last", "is not", null)])]))
    .select(["meetings.slug", "meetings.date", "bodies.name as body_name", "saves.last"])
    .orderBy("meetings.date", "desc")
    .orderBy("meetings.slug")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ slug: r.slug, date: r.date, bodyName: r.body_name, lastSave: r.last === null ? null : Number(r.last) }));
}
