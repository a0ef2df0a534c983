// Changing an agenda item: its fields, and its place. Every change names the agenda's version the
// clerk saw, so of two clerks working from the same page the second is refused, never lost.
//
// Before publication an item is a draft: it may be changed, moved or removed freely. After, it
// stays on the agenda (publish.ts: later business goes out as a supplement), and what was
// published is not quietly rewritten: a change to a published item needs its reason, kept with the
// date and shown publicly with the agenda, as a late agenda's reason is; what it was and what it
// became go to the audit log. A published item keeps its place (its number may be changed, with a
// reason); the public search entries follow the change in the same transaction.
import type { Transaction } from "kysely";
import { QuorumError } from "../../domain/errors.ts";
import { appendAudit, type AuditActor } from "../audit.ts";
import type { Db } from "../db.ts";
import { writeTransaction } from "../write.ts";
import type { DocumentStore } from "../documents/store.ts";
import type { Database } from "../schema.ts";
import { agendaMeeting, bumpAgenda, type AgendaItemInput } from "./items.ts";
import { dateIn } from "./publish.ts";
import { agendaDb, type AgendaTables } from "./schema.ts";
import { readPaperTexts, writeAgendaEntries, type PaperTextReader } from "./search.ts";

const STALE = "The agenda has changed since this page was opened. Check it and make the change again.";

async function checkVersion(trx: Transaction<Database & AgendaTables>, meetingId: number, version: number): Promise<void> {
  const current = (await trx.selectFrom("agendas").where("meeting_id", "=", meetingId).select("version").executeTakeFirst())?.version ?? 1;
  if (current !== version) throw new QuorumError("conflict", STALE);
}

export interface EditOptions {
  /** the agenda's version the clerk saw */
  version: number;
  /** why a published item is changed: required then, and shown publicly */
  reason: string | null;
  /** reads a paper's text for search, should the change make its papers public */
  readText?: PaperTextReader;
}

const fieldsOf = (i: { number: string; title: string; report_author: string | null; wards: string | null; decision_maker: string | null; exempt: number | boolean; exempt_paragraph: string | null }) => ({
  number: i.number,
  title: i.title,
  reportAuthor: i.report_author,
  wards: i.wards,
  decisionMaker: i.decision_maker,
  exempt: i.exempt === true || i.exempt === 1,
  exemptParagraph: i.exempt_paragraph,
});

/** Changes an item's fields; `changed` false when the form held what was there already. */
export async function editAgendaItem(db: Db, documents: DocumentStore, meetingSlug: string, itemId: number, input: AgendaItemInput, opts: EditOptions, actor: AuditActor, now: Date): Promise<{ changed: boolean }> {
  if (input.exempt && !input.exemptParagraph) throw new QuorumError("invalid", "Give the paragraph of Schedule 12A that makes the item exempt");
  const meeting = await agendaMeeting(db, meetingSlug);
  if (!meeting) throw new QuorumError("not_found", "Meeting not found");
  const reason = opts.reason?.trim() || null;
  // a published item's papers may become public by this change: their text is read first, outside the transaction
  const texts = await readPaperTexts(db, documents, meeting.id, opts.readText, { only: { itemId }, itemExempt: { id: itemId, exempt: input.exempt } });
  return writeTransaction(db, async (t) => {
    const trx = t.withTables<AgendaTables>();
    const item = await trx.selectFrom("agenda_items").where("id", "=", itemId).where("meeting_id", "=", meeting.id).selectAll().executeTakeFirst();
    if (!item) throw new QuorumError("not_found", "Agenda item not found");
    await checkVersion(trx, meeting.id, opts.version);
    const before = fieldsOf(item);
    const after = { ...input, exemptParagraph: input.exempt ? input.exemptParagraph : null };
    if (JSON.stringify(before) === JSON.stringify(after)) return { changed: false };
    if (after.number !== before.number) {
      const taken = await trx.selectFrom("agenda_items").where("meeting_id", "=", meeting.id).where("number", "=", after.number).where("id", "!=", item.id).select("id").executeTakeFirst();
      if (taken) throw new QuorumError("conflict", `The agenda already has an item ${after.number}`);
    }
    const published = item.publication_id !== null;
    if (published && !reason) throw new QuorumError("invalid", `Item ${item.number} has been published: give the reason for the change, which is shown with the agenda`);
    await trx
      .updateTable("agenda_items")
      .set({ number: after.number, title: after.title, report_author: after.reportAuthor, wards: after.wards, decision_maker: after.decisionMaker, exempt: after.exempt ? 1 : 0, exempt_paragraph: after.exemptParagraph })
      .where("id", "=", item.id)
      .execute();
    if (published) {
      await trx.insertInto("agenda_item_changes").values({ item_id: item.id, changed_at: now.toISOString(), changed_on: dateIn(now, meeting.timeZone), reason: reason!, changed_by: actor.userId }).execute();
      await writeAgendaEntries(trx, meeting.id, texts, { itemIds: [item.id] });
    }
    await bumpAgenda(trx, meeting.id);
    await appendAudit(t, { actorUserId: actor.userId, actorLabel: actor.label, action: "agenda.item.edit", recordKind: "agenda_item", recordId: String(item.id), before: { meeting: meeting.slug, ...before }, after: { meeting: meeting.slug, ...after, published, reason: published ? reason : null } }, now);
    return { changed: true };
  });
}

/** Moves an unpublished item one place up or down the agenda. */
export async function moveAgendaItem(db: Db, meetingSlug: string, itemId: number, direction: "up" | "down", version: number, actor: AuditActor, now: Date): Promise<void> {
  await writeTransaction(db, async (t) => {
    const trx = t.withTables<AgendaTables>();
    const meeting = await agendaMeeting(trx, meetingSlug);
    if (!meeting) throw new QuorumError("not_found", "Meeting not found");
    const item = await trx.selectFrom("agenda_items").where("id", "=", itemId).where("meeting_id", "=", meeting.id).selectAll().executeTakeFirst();
    if (!item) throw new QuorumError("not_found", "Agenda item not found");
    await checkVersion(trx, meeting.id, version);
    if (item.publication_id !== null) throw new QuorumError("conflict", `Item ${item.number} has been published and keeps its place on the agenda`);
    const neighbour = await trx
      .selectFrom("agenda_items")
      .where("meeting_id", "=", meeting.id)
      .where("position", direction === "up" ? "<" : ">", item.position)
      .orderBy("position", direction === "up" ? "desc" : "asc")
      .select(["id", "position", "number"])
      .executeTakeFirst();
    if (!neighbour) throw new QuorumError("conflict", `Item ${item.number} is already ${direction === "up" ? "first" : "last"} on the agenda`);
    await trx.updateTable("agenda_items").set({ position: neighbour.position }).where("id", "=", item.id).execute();
    await trx.updateTable("agenda_items").set({ position: item.position }).where("id", "=", neighbour.id).execute();
    await bumpAgenda(trx, meeting.id);
    await appendAudit(t, { actorUserId: actor.userId, actorLabel: actor.label, action: "agenda.item.move", recordKind: "agenda_item", recordId: String(item.id), before: { meeting: meeting.slug, number: item.number, position: item.position }, after: { meeting: meeting.slug, number: item.number, position: neighbour.position, direction, past: neighbour.number } }, now);
  });
}

export interface ItemChange {
  changedAt: string;
  changedOn: string;
  reason: string;
}

/** The changes made to a meeting's published items, by item, oldest first. */
export function itemChangesQuery(db: Db, meetingId: number) {
  return agendaDb(db)
    .selectFrom("agenda_item_changes")
    .innerJoin("agenda_items", "agenda_items.id", "agenda_item_changes.item_id")
    .where("agenda_items.meeting_id", "=", meetingId)
    .select(["agenda_item_changes.item_id", "agenda_item_changes.changed_at", "agenda_item_changes.changed_on", "agenda_item_changes.reason"])
    .orderBy("agenda_item_changes.id");
}

export function changesByItem(rows: Awaited<ReturnType<ReturnType<typeof itemChangesQuery>["execute"]>>): Map<number, ItemChange[]> {
  const out = new Map<number, ItemChange[]>();
  for (const r of rows) out.set(r.item_id, [...(out.get(r.item_id) ?? []), { changedAt: r.changed_at, changedOn: r.changed_on, reason: r.reason }]);
  return out;
}
