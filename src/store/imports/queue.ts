// What every import leaves behind besides the meeting: an audit entry (import.publish, or
// import.queue for `quorum import --review`), written in the import's own transaction, and for a
// review import its row in the queue. One pending row per meeting: a later review import of the
// same meeting takes the earlier one's place.
import type { Transaction } from "kysely";
import type { Database } from "../schema.ts";
import type { ImportInput, ImportResult } from "../import.ts";
import { appendAudit } from "../audit.ts";
import { dialectOf } from "../db.ts";
import { reviewsDb } from "./schema.ts";

type Tx = Transaction<Database>;

/** The counts an audit entry records of a record: enough to see what an import brought. */
export function recordCounts(record: ImportInput["record"]) {
  return {
    attendance: record.attendance.length,
    items: record.items.length,
    decisions: record.items.reduce((n, it) => n + it.resolutions.length, 0),
    declarations: record.declarations?.length ?? 0,
    recommendations: record.recommendations.length,
    warnings: record.warnings?.length ?? 0,
  };
}

export async function documentSummary(trx: Tx, documentId: number | null | undefined): Promise<{ document: string; file: string } | null> {
  if (documentId === null || documentId === undefined) return null;
  const doc = await trx.selectFrom("source_documents").where("id", "=", documentId).select(["content_hash", "file_name"]).executeTakeFirst();
  return doc ? { document: doc.content_hash, file: doc.file_name } : null;
}

export async function recordImport(trx: Tx, input: ImportInput, result: ImportResult & { held?: boolean }): Promise<ImportResult> {
  const { held, ...out } = result;
  const now = new Date();
  const previous = await documentSummary(trx, result.previousSourceDocumentId);
  const meeting = await trx
    .selectFrom("meetings")
    .innerJoin("bodies", "bodies.id", "meetings.body_id")
    .innerJoin("authorities", "authorities.id", "bodies.authority_id")
    .where("meetings.id", "=", result.meetingId)
    .select(["meetings.minutes_status", "meetings.date", "bodies.name as committee", "authorities.name as council"])
    .executeTakeFirstOrThrow();
  const after = {
    document: input.source.contentHash,
    file: fileName(input.source.file),
    ...recordCounts(input.record),
    minutesStatus: held ? meeting.minutes_status : input.review ? "draft" : meeting.minutes_status,
  };
  let queued: ImportResult["queued"];
  if (input.review) {
    const r = reviewsDb(trx);
    const { authority, authorityOverride, timeZone, timeZoneOverride, parserVersion } = input;
    const row = {
      source_document_id: result.sourceDocumentId,
      meeting_id: result.meetingId,
      meeting_slug: result.meetingSlug,
      replaces: dialectFlag(trx, Boolean(held)),
      state: "pending" as const,
      council: meeting.council,
      committee: meeting.committee,
      meeting_date: meeting.date,
      file_name: fileName(input.source.file),
      content_hash: input.source.contentHash,
      record_json: JSON.stringify(input.record),
      options_json: JSON.stringify({ authority, authorityOverride, timeZone, timeZoneOverride, parserVersion }),
      warnings_json: JSON.stringify(input.record.warnings ?? []),
      queued_at: now.toISOString(),
      queued_by: input.actor ?? "import",
    };
    const pending = await r.selectFrom("import_reviews").where("meeting_slug", "=", result.meetingSlug).where("state", "=", "pending").select("id").executeTakeFirst();
    const reviewId = pending
      ? (await r.updateTable("import_reviews").set(row).where("id", "=", pending.id).returning("id").executeTakeFirstOrThrow()).id
      : (await r.insertInto("import_reviews").values(row).returning("id").executeTakeFirstOrThrow()).id;
    queued = { reviewId, replaces: Boolean(held) };
  }
  await appendAudit(
    trx,
    {
      actorLabel: input.actor ?? "import",
      action: input.review ? "import.queue" : "import.publish",
      recordKind: "meeting",
      recordId: result.meetingSlug,
      before: previous,
      after: queued ? { ...after, review: queued.reviewId, replacesPublished: queued.replaces } : after,
    },
    now,
  );
  return queued ? { ...out, queued } : out;
}

function fileName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** SQLite stores booleans as 0/1; PostgreSQL takes a boolean. */
export function dialectFlag(trx: Tx, v: boolean): boolean | number {
  return dialectOf(trx) === "postgres" ? v : v ? 1 : 0;
}
