// A meeting's minutes text and where each field came from, as the viewer may see them.
import { sql } from "kysely";
import type { Db } from "../db.ts";
import { exemptAccess, exemptNotice, areMinutesPublic, isSpanPublic, sealedReleaseOn, sourceTextFor, PUBLIC_VIEWER, type ExemptAccess, type Viewer } from "../visibility.ts";
import type { ProvenanceView, SourceDocumentView } from "./types.ts";
import { unpack } from "../packed.ts";
import { unpackSpans, type StoredSpan } from "../provenance-pack.ts";

/**
 * The minutes text of a meeting as the public may see it: only the document the meeting now rests
 * on, with exempt text withheld; null when the meeting's minutes are not public. Earlier versions
 * of the document are never public (they may hold text a later version marked exempt).
 */
export async function getMeetingSource(db: Db, meetingSlug: string, viewer: Viewer = PUBLIC_VIEWER): Promise<SourceDocumentView | null> {
  const d = await db
    .selectFrom("meetings")
    .innerJoin("source_documents", "source_documents.id", "meetings.source_document_id")
    .where("meetings.slug", "=", meetingSlug)
    .select([
      "source_documents.file_name",
      "source_documents.format",
      "source_documents.content_hash",
      "source_documents.byte_length",
      "source_documents.parser_version",
      "source_documents.warnings",
      "source_documents.imported_at",
      "source_documents.packed_text",
      "source_documents.exempt_ranges",
      "meetings.slug as meeting_slug",
      "meetings.minutes_status",
      "meetings.id as meeting_id",
      "meetings.body_id",
    ])
    .executeTakeFirst();
  if (!d || !areMinutesPublic({ minutesStatus: d.minutes_status })) return null;
  const { access, notice } = await sealedAccess(db, d.meeting_id, d.body_id, viewer);
  return {
    fileName: d.file_name,
    format: d.format,
    contentHash: d.content_hash,
    byteLength: d.byte_length,
    parserVersion: d.parser_version,
    warnings: JSON.parse(d.warnings) as string[],
    importedAt: d.imported_at,
    text: sourceTextFor(unpack(d.packed_text), JSON.parse(d.exempt_ranges), access, notice),
    meeting: { slug: d.meeting_slug },
    ...(access === "entitled" && JSON.parse(d.exempt_ranges).length ? { exemptShown: true } : {}),
  };
}

export type ProvenanceEntity = "meeting" | "attendance" | "item" | "resolution" | "recommendation" | "declaration" | "question";

// the table of each kind of entity provenance points at; all but meetings carry their meeting's id
const ENTITY_TABLES = { attendance: "attendance", item: "items", resolution: "resolutions", recommendation: "recommendations", declaration: "declarations", question: "questions" } as const;

/**
 * Where each field of an entity came from, limited to what is public: the spans into the document
 * its meeting now rests on (spans into an earlier version are not public: that text is not), packed
 * on that document's row (migration 041).
 */
export async function getProvenance(db: Db, entity: ProvenanceEntity, entityId: number, viewer: Viewer = PUBLIC_VIEWER): Promise<ProvenanceView[]> {
  const meetingId =
    entity === "meeting"
      ? entityId
      : (await db.selectFrom(ENTITY_TABLES[entity]).where("id", "=", entityId).select("meeting_id").executeTakeFirst())?.meeting_id;
  if (meetingId === undefined) return [];
  const m = await db.selectFrom("meetings").where("id", "=", meetingId).select(["id", "minutes_status", "source_document_id", "body_id"]).executeTakeFirst();
  if (!m || !areMinutesPublic({ minutesStatus: m.minutes_status }) || m.source_document_id === null) return [];
  const doc = await db.selectFrom("source_documents").where("id", "=", m.source_document_id).select(["packed_text", "exempt_ranges", "packed_provenance"]).executeTakeFirstOrThrow();
  const rows = unpackSpans(doc.packed_provenance)
    .filter((s) => s.entity === entity && s.entity_id === entityId)
    .sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
  if (!rows.length) return [];
  const { access } = await sealedAccess(db, m.id, m.body_id, viewer);
  const ranges = JSON.parse(doc.exempt_ranges) as [number, number][];
  const text = unpack(doc.packed_text);
  return rows.filter((r) => access !== "withheld" || isSpanPublic(r, ranges)).map((r) => provenanceView(r, m.source_document_id!, text));
}

/** Provenance of a meeting and everything in it: its source document's spans, in order of start. */
export async function getMeetingProvenance(db: Db, meetingSlug: string, viewer: Viewer = PUBLIC_VIEWER): Promise<ProvenanceView[]> {
  const m = await db.selectFrom("meetings").where("slug", "=", meetingSlug).select(["id", "minutes_status", "source_document_id", "body_id"]).executeTakeFirst();
  if (!m || !areMinutesPublic({ minutesStatus: m.minutes_status }) || m.source_document_id === null) return [];
  const { access } = await sealedAccess(db, m.id, m.body_id, viewer);
  const stored = await db.selectFrom("source_documents").where("id", "=", m.source_document_id).select(["packed_text", "exempt_ranges", "packed_provenance"]).executeTakeFirstOrThrow();
  const ranges = JSON.parse(stored.exempt_ranges) as [number, number][];
  const text = unpack(stored.packed_text);
  return unpackSpans(stored.packed_provenance)
    .filter((r) => access !== "withheld" || isSpanPublic(r, ranges))
    .map((r) => provenanceView(r, m.source_document_id!, text));
}

/**
 * How a meeting's exempt text reaches a viewer: whole once every exempt item is released (a range of
 * exempt text is not tied to one item), marked for an entitled viewer, otherwise withheld.
 */
async function sealedAccess(db: Db, meetingId: number, bodyId: number, viewer: Viewer): Promise<{ access: ExemptAccess; notice: string }> {
  const exempt = await db.selectFrom("items").where("meeting_id", "=", meetingId).where(sql<boolean>`items.exempt`).select(["exempt", "exempt_release_on", "exempt_paragraphs"]).execute();
  const releaseOn = sealedReleaseOn(exempt.map((i) => ({ exempt: i.exempt, exemptReleaseOn: i.exempt_release_on })));
  const paragraphs = [...new Set(exempt.map((i) => i.exempt_paragraphs).filter((p): p is string => !!p))].join(", ");
  return { access: exemptAccess(viewer, { bodyId, releaseOn }), notice: exemptNotice(paragraphs || null) };
}

function provenanceView(r: StoredSpan, sourceDocumentId: number, text: string): ProvenanceView {
  return {
    entity: r.entity,
    entityId: r.entity_id,
    field: r.field,
    sourceDocumentId,
    line: r.line,
    endLine: r.end_line,
    start: r.start,
    end: r.end,
    implied: r.implied,
    excerpt: text.slice(r.start, r.end),
  };
}
