// A meeting's original minutes document (the file it was imported from), as a viewer may have it:
// what the visibility rule (isOriginalShown) needs is read for every meeting those bytes were
// imported as, and the bytes come from the document store.
import { planOnce } from "../pg-statements.ts";
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
export async function meetingOriginal(store: Db, meetingSlug: string, viewer: Viewer = PUBLIC_VIEWER): Promise<OriginalView | null> {
  // one meeting's rows by its slug: one plan serves every meeting (pg-statements.ts)
  const db = planOnce(store);
  // the document, and every meeting its bytes were imported as (whether or not it rests on them
  // now) with that meeting's exempt items, are read together, each by the meeting's slug
  const key = db
    .selectFrom("meetings as km")
    .innerJoin("source_documents as kd", "kd.id", "km.source_document_id")
    .where("km.slug", "=", meetingSlug)
    .select("kd.document_key");
  const [doc, rows] = await Promise.all([
    db
      .selectFrom("meetings")
      .innerJoin("source_documents", "source_documents.id", "meetings.source_document_id")
      .where("meetings.slug", "=", meetingSlug)
      .select(["source_documents.document_key", "source_documents.media_type", "source_documents.original_name", "source_documents.format", "source_documents.byte_length"])
      .executeTakeFirst(),
    db
      .selectFrom("source_documents")
      .innerJoin("meetings", "meetings.id", "source_documents.meeting_id")
      .leftJoin("items", (join) => join.onRef("items.meeting_id", "=", "meetings.id").on(sql<boolean>`items.exempt`))
      .where("source_documents.document_key", "=", key)
      .select(["meetings.id", "meetings.minutes_status", "meetings.body_id", "meetings.source_document_id", "source_documents.id as document_id", "source_documents.exempt_ranges", "items.id as item_id", "items.exempt", "items.exempt_release_on"])
      .execute(),
  ]);
  if (!doc?.document_key || !doc.media_type || !doc.original_name) return null;
  const byDocument = new Map<number, OriginalSubject>();
  for (const r of rows) {
    let subject = byDocument.get(r.document_id);
    if (!subject) {
      subject = { minutesStatus: r.minutes_status, current: r.source_document_id === r.document_id, bodyId: r.body_id, items: [], exemptText: (JSON.parse(r.exempt_ranges) as unknown[]).length > 0 };
      byDocument.set(r.document_id, subject);
    }
    if (r.item_id !== null && r.exempt !== null) subject.items.push({ exempt: r.exempt, exemptReleaseOn: r.exempt_release_on });
  }
  const subjects = [...byDocument.values()];
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
