// Migration 005 (both dialects): flags the rows stored before version 5 that were parsed from
// exempt items. Self-contained so that it stays frozen with the migration: a declaration whose item
// is exempt or whose source span touches exempt text, a recommendation whose span does (or that has
// none, in a document holding exempt text), the tracked copy of a flagged recommendation, and a
// work-programme change that an exempt "work programme" item of its meeting records.
import type { Kysely } from "kysely";
import { workProgrammeChanges } from "../../domain/work-programme-changes.ts";
import { nameKey } from "../rules/slugs.ts";

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

  // Changes are read again from each exempt "work programme" item, as trackMeeting reads them, and
  // the recorded change of the same item, kind and slots from that meeting is sealed.
  const exemptItems = await db
    .selectFrom("items")
    .innerJoin("meetings", "meetings.id", "items.meeting_id")
    .where("items.exempt", "=", yes)
    .select(["items.meeting_id", "items.title", "items.text", "meetings.date", "meetings.body_id"])
    .execute();
  for (const item of exemptItems) {
    if (!/\bwork\s*programme\b/i.test(item.title) || !item.text) continue;
    for (const change of workProgrammeChanges(item.text, item.date)) {
      const [kind, from, to] = change.kind === "add" ? ["added", null, change.to] : change.kind === "move" ? ["moved", change.from, change.to] : ["removed", change.from, null];
      const wpItem = db.selectFrom("work_programme_items").where("body_id", "=", item.body_id).where("title_key", "=", nameKey(change.title)).select("id");
      let q = db.updateTable("work_programme_events").set({ exempt: yes }).where("meeting_id", "=", item.meeting_id).where("item_id", "in", wpItem).where("kind", "=", kind);
      q = from === null ? q.where("from_slot", "is", null) : q.where("from_slot", "=", from);
      q = to === null ? q.where("to_slot", "is", null) : q.where("to_slot", "=", to);
      await q.execute();
    }
  }
}
