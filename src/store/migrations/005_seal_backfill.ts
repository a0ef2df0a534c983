// Migration 005 (both dialects): flags the rows stored before version 5 that were parsed from
// exempt items. Self-contained so that it stays frozen with the migration: a declaration whose item
// is exempt or whose source span touches exempt text, a recommendation whose span does (or that has
// none, in a document holding exempt text), the tracked copy of a flagged recommendation, and a
// work-programme change whose title appears only in an exempt "work programme" item of its meeting.
import type { Kysely } from "kysely";

type Range = [number, number];
const touches = (s: { start: number; end: number }, ranges: Range[]) => ranges.some(([a, b]) => s.start < b && s.end > a);
const isTrue = (v: unknown) => v === true || v === 1;

export async function backfillSealed(db: Kysely<any>, yes: number | boolean): Promise<void> {
  const docs = await db.selectFrom("meetings").innerJoin("source_documents", "source_documents.id", "meetings.source_document_id").select(["meetings.id as meeting_id", "source_documents.id as doc_id", "source_documents.exempt_ranges"]).execute();
  const rangesOf = new Map<number, { doc: number; ranges: Range[] }>();
  for (const d of docs) rangesOf.set(d.meeting_id, { doc: d.doc_id, ranges: JSON.parse(d.exempt_ranges) as Range[] });
  const spanOf = async (entity: string, id: number, doc: number) =>
    db.selectFrom("provenance").where("entity", "=", entity).where("entity_id", "=", id).where("source_document_id", "=", doc).select(["start", "end"]).executeTakeFirst();

  const declarations = await db.selectFrom("declarations").leftJoin("items", "items.id", "declarations.item_id").select(["declarations.id", "declarations.meeting_id", "items.exempt"]).execute();
  for (const d of declarations) {
    const m = rangesOf.get(d.meeting_id);
    const span = m ? await spanOf("declaration", d.id, m.doc) : undefined;
    if (isTrue(d.exempt) || (m && span && touches(span, m.ranges))) await db.updateTable("declarations").set({ exempt: yes }).where("id", "=", d.id).execute();
  }

  const recommendations = await db.selectFrom("recommendations").select(["id", "meeting_id", "number"]).execute();
  for (const r of recommendations) {
    const m = rangesOf.get(r.meeting_id);
    if (!m) continue;
    const span = await spanOf("recommendation", r.id, m.doc);
    if (span ? !touches(span, m.ranges) : !m.ranges.length) continue;
    await db.updateTable("recommendations").set({ exempt: yes }).where("id", "=", r.id).execute();
    const inquiries = db.selectFrom("inquiries").where("response_meeting_id", "=", r.meeting_id).select("id");
    await db.updateTable("tracked_recommendations").set({ exempt: yes }).where("inquiry_id", "in", inquiries).where("number", "=", r.number).execute();
  }

  const events = await db
    .selectFrom("work_programme_events")
    .innerJoin("work_programme_items", "work_programme_items.id", "work_programme_events.item_id")
    .where("work_programme_events.meeting_id", "is not", null)
    .select(["work_programme_events.id", "work_programme_events.meeting_id", "work_programme_items.title"])
    .execute();
  for (const e of events) {
    const items = await db.selectFrom("items").where("meeting_id", "=", e.meeting_id).select(["title", "text", "exempt"]).execute();
    const mentions = items.filter((i) => /\bwork\s*programme\b/i.test(i.title) && (i.text ?? "").toLowerCase().includes(String(e.title).toLowerCase()));
    if (mentions.length && mentions.every((i) => isTrue(i.exempt))) await db.updateTable("work_programme_events").set({ exempt: yes }).where("id", "=", e.id).execute();
  }
}
