// A meeting's original minutes document (the file it was imported from), as a viewer may have it:
// what the visibility rule (isOriginalShown) needs is read for every meeting those bytes were
// imported as, and the bytes come from the document store.
import { sql } from "kysely";
import type { Db } from "../db.ts";
import type { SourceFormat } from "../../domain/source.ts";
import type { DocumentStore } from "../documents/store.ts";
import { isOriginalShown, PUBLIC_VIEWER, type OriginalSubject, type Viewer } from "../visibility.ts";

export interface OriginalView {
  key: string;
  format: SourceFormat;
  mediaType: string;
  /** the file name offered on download, cleaned when it was imported */
  fileName: string;
  byteLength: number;
}

/** The meeting's current original, when kept and this viewer may have it; null otherwise. */
export async function meetingOriginal(db: Db, meetingSlug: string, viewer: Viewer = PUBLIC_VIEWER): Promise<OriginalView | null> {
  const doc = await db
    .selectFrom("meetings")
    .innerJoin("source_documents", "source_documents.id", "meetings.source_document_id")
    .where("meetings.slug", "=", meetingSlug)
    .select(["source_documents.document_key", "source_documents.media_type", "source_documents.original_name", "source_documents.format", "source_documents.byte_length"])
    .executeTakeFirst();
  if (!doc?.document_key || !doc.media_type || !doc.original_name) return null;
  // every meeting these bytes were imported as, whether or not it rests on them now
  const rows = await db
    .selectFrom("source_documents")
    .innerJoin("meetings", "meetings.id", "source_documents.meeting_id")
    .where("source_documents.document_key", "=", doc.document_key)
    .select(["meetings.id", "meetings.minutes_status", "meetings.body_id", "meetings.source_document_id", "source_documents.id as document_id", "source_documents.exempt_ranges"])
    .execute();
  const items = rows.length
    ? await db
        .selectFrom("items")
        .where("meeting_id", "in", rows.map((r) => r.id))
        .where(sql<boolean>`items.exempt`)
        .select(["meeting_id", "exempt", "exempt_release_on"])
        .execute()
    : [];
  const subjects: OriginalSubject[] = rows.map((r) => ({
    minutesStatus: r.minutes_status,
    current: r.source_document_id === r.document_id,
    bodyId: r.body_id,
    items: items.filter((i) => i.meeting_id === r.id).map((i) => ({ exempt: i.exempt, exemptReleaseOn: i.exempt_release_on })),
    exemptText: (JSON.parse(r.exempt_ranges) as unknown[]).length > 0,
  }));
  if (!isOriginalShown(subjects, viewer)) return null;
  return { key: doc.document_key, format: doc.format as SourceFormat, mediaType: doc.media_type, fileName: doc.original_name, byteLength: doc.byte_length };
}

/** The original's bytes for this viewer; null when it may not have them or they are missing. */
export async function originalDownload(db: Db, documents: DocumentStore, meetingSlug: string, viewer: Viewer = PUBLIC_VIEWER): Promise<{ original: OriginalView; bytes: Uint8Array } | null> {
  const original = await meetingOriginal(db, meetingSlug, viewer);
  if (!original) return null;
  const bytes = await documents.get(original.key);
  return bytes ? { original, bytes } : null;
}
