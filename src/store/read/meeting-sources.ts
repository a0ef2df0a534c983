// Where each value on a meeting page came from. The same rows as getMeetingProvenance, found
// through the provenance (entity, entity_id) index one kind of record at a time, so that a
// meeting page does not read every span of every document in the store.
import type { Db } from "../db.ts";
import { isMeetingPublic, isSpanPublic } from "../visibility.ts";
import type { ProvenanceView } from "./types.ts";
import { bool } from "./util.ts";

export async function getMeetingSources(db: Db, meetingSlug: string): Promise<ProvenanceView[]> {
  const m = await db.selectFrom("meetings").where("slug", "=", meetingSlug).select(["id", "minutes_status", "source_document_id"]).executeTakeFirst();
  if (!m || !isMeetingPublic({ minutesStatus: m.minutes_status }) || m.source_document_id === null) return [];
  const docId = m.source_document_id;
  const doc = await db.selectFrom("source_documents").where("id", "=", docId).select(["text", "exempt_ranges"]).executeTakeFirstOrThrow();
  const ranges = JSON.parse(doc.exempt_ranges) as [number, number][];

  const spans = (entity: string, ids: number[]) =>
    ids.length ? db.selectFrom("provenance").selectAll().where("entity", "=", entity).where("entity_id", "in", ids).where("source_document_id", "=", docId).execute() : Promise.resolve([]);
  const idsOf = async (table: "attendance" | "items" | "resolutions" | "declarations" | "recommendations") =>
    (await db.selectFrom(table).where("meeting_id", "=", m.id).select("id").execute()).map((r) => r.id);

  const [attendance, items, resolutions, declarations, recommendations] = await Promise.all([
    idsOf("attendance"),
    idsOf("items"),
    idsOf("resolutions"),
    idsOf("declarations"),
    idsOf("recommendations"),
  ]);
  const groups = await Promise.all([
    spans("meeting", [m.id]),
    spans("attendance", attendance),
    spans("item", items),
    spans("resolution", resolutions),
    spans("declaration", declarations),
    spans("recommendation", recommendations),
  ]);
  return groups
    .flat()
    .filter((r) => isSpanPublic(r, ranges))
    .sort((a, b) => a.start - b.start || a.id - b.id)
    .map((r) => ({
      entity: r.entity,
      entityId: r.entity_id,
      field: r.field,
      sourceDocumentId: r.source_document_id,
      line: r.line,
      endLine: r.end_line,
      start: r.start,
      end: r.end,
      implied: bool(r.implied),
      excerpt: doc.text.slice(r.start, r.end),
    }));
}
