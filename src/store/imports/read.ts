// Reading the import review queue, for staff only: the queue newest first, and one queued import
// with its source text and parsed record (exempt text included, marked by its ranges). Nothing
// here is for a public surface.
import { applyCorrections } from "../../domain/corrections.ts";
import { completeRecord, liveCorrections } from "../corrections/overlay.ts";
import type { ParsedMinutes } from "../../domain/minutes.ts";
import type { Db } from "../db.ts";
import { itemRegions } from "../item-text.ts";
import { reviewsDb, type ReviewState } from "./schema.ts";
import { unpack } from "../packed.ts";

export interface ImportReviewSummary {
  id: number;
  state: ReviewState;
  council: string;
  committee: string;
  meetingDate: string;
  meetingSlug: string;
  fileName: string;
  warnings: number;
  replaces: boolean;
  queuedAt: string;
  queuedBy: string;
  decidedBy: string | null;
  decidedAt: string | null;
}

export interface ImportReviewDetail extends ImportReviewSummary {
  record: ParsedMinutes;
  warningList: string[];
  /** the document's text, or null once a rejected import's document is removed */
  sourceText: string | null;
  format: string | null;
  /** the minutes status of the meeting as stored now (the public version for a held replacement) */
  meetingStatus: string | null;
  /** where exempt items' text lies in the source: [start, end) offsets */
  exemptRanges: [number, number][];
}

export const PAGE_SIZE = 50;

function summary(r: {
  id: number;
  state: ReviewState;
  council: string;
  committee: string;
  meeting_date: string;
  meeting_slug: string;
  file_name: string;
  warnings_json: string;
  replaces: boolean | number;
  queued_at: string;
  queued_by: string;
  decided_by_label: string | null;
  decided_at: string | null;
}): ImportReviewSummary {
  return {
    id: r.id,
    state: r.state,
    council: r.council,
    committee: r.committee,
    meetingDate: r.meeting_date,
    meetingSlug: r.meeting_slug,
    fileName: r.file_name,
    warnings: (JSON.parse(r.warnings_json) as unknown[]).length,
    replaces: r.replaces === true || r.replaces === 1,
    queuedAt: r.queued_at,
    queuedBy: r.queued_by,
    decidedBy: r.decided_by_label,
    decidedAt: r.decided_at,
  };
}

export async function listImportReviews(db: Db, opts: { state?: ReviewState; limit?: number; offset?: number } = {}): Promise<{ data: ImportReviewSummary[]; total: number }> {
  const r = reviewsDb(db);
  let q = r.selectFrom("import_reviews");
  if (opts.state) q = q.where("state", "=", opts.state);
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  const rows = await q
    .select(["id", "state", "council", "committee", "meeting_date", "meeting_slug", "file_name", "warnings_json", "replaces", "queued_at", "queued_by", "decided_by_label", "decided_at"])
    .orderBy("queued_at", "desc")
    .orderBy("id", "desc")
    .limit(opts.limit ?? PAGE_SIZE)
    .offset(opts.offset ?? 0)
    .execute();
  return { data: rows.map(summary), total };
}

export async function getImportReview(db: Db, id: number): Promise<ImportReviewDetail | null> {
  const row = await reviewsDb(db)
    .selectFrom("import_reviews")
    .leftJoin("source_documents as d", "d.id", "import_reviews.source_document_id")
    .leftJoin("meetings as m", "m.slug", "import_reviews.meeting_slug")
    .where("import_reviews.id", "=", id)
    .selectAll("import_reviews")
    .select(["d.packed_text", "d.format", "m.minutes_status"])
    .executeTakeFirst();
  if (!row) return null;
  const parsed = JSON.parse(row.record_json) as ParsedMinutes;
  // Publishing lays the clerk's corrections over the parsed record, so the review shows them too.
  const live = await liveCorrections(db, row.meeting_slug);
  const record = live.length ? applyCorrections(completeRecord(parsed), live).record : parsed;
  const text = row.packed_text ? unpack(row.packed_text) : null;
  return {
    ...summary(row),
    record,
    warningList: JSON.parse(row.warnings_json) as string[],
    sourceText: text,
    format: row.format ?? null,
    meetingStatus: row.minutes_status ?? null,
    exemptRanges: text === null ? [] : exemptRanges(text, record),
  };
}

/** The exempt items' text, placed as the import places it (store/import.ts). */
function exemptRanges(text: string, record: ParsedMinutes): [number, number][] {
  const regions = itemRegions(text, record);
  const out: [number, number][] = [];
  record.items.forEach((it, i) => {
    const region = regions[i];
    if (it.exempt) out.push(region ? [region.bodyStart, region.end] : [0, text.length]);
  });
  return out;
}
