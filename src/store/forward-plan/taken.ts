// When a key decision is taken: the clerk links it to its meeting (and the item and resolution),
// from meetings suggested by its committee and expected date. Each write checks the version and
// writes its audit entry in the same transaction.
import { addDays, deadlineOf, earliestOf, type CalendarDate } from "../../domain/calendar.ts";
import { QuorumError } from "../../domain/errors.ts";
import { appendAudit } from "../audit.ts";
import type { Db } from "../db.ts";
import { checkVersion } from "../people/edit.ts";
import { writeTransaction } from "../write.ts";
import type { Actor } from "./entries.ts";
import { KeyDecisionRefused } from "./entries.ts";
import { planDb } from "./schema.ts";

/** How far either side of the expected date (or month) a meeting is still a likely match. */
export const MATCH_DAYS = 14;

export interface MeetingChoice {
  slug: string;
  date: string;
  body: string;
  /** the meeting's items with their resolutions, numbered from 1 within each item */
  items: { number: string; title: string; exempt: boolean; resolutions: { position: number; text: string }[] }[];
}

/** Meetings of the deciding committee near the expected date, nearest first. */
export async function suggestMeetings(db: Db, slug: string): Promise<MeetingChoice[]> {
  const p = planDb(db);
  const row = await p.selectFrom("forward_plan_entries").where("slug", "=", slug).select(["body_id", "planned_date"]).executeTakeFirst();
  if (!row) throw new QuorumError("not_found", "Key decision not found");
  if (!row.body_id) return [];
  const from = addDays(earliestOf(row.planned_date), -MATCH_DAYS);
  const to = addDays(deadlineOf(row.planned_date), MATCH_DAYS);
  const meetings = await p.selectFrom("meetings").where("body_id", "=", row.body_id).where("date", ">=", from).where("date", "<=", to).select("slug").execute();
  const target = earliestOf(row.planned_date);
  const distance = (d: string) => Math.abs(Date.parse(d) - Date.parse(target));
  const choices = await Promise.all(meetings.map((m) => meetingChoice(db, m.slug)));
  return choices.filter((c): c is MeetingChoice => !!c).sort((a, b) => distance(a.date) - distance(b.date) || a.slug.localeCompare(b.slug));
}

/** A meeting with its items and resolutions, for the clerk to choose where a decision was taken. */
export async function meetingChoice(db: Db, meetingSlug: string): Promise<MeetingChoice | null> {
  const m = await db.selectFrom("meetings").innerJoin("bodies", "bodies.id", "meetings.body_id").where("meetings.slug", "=", meetingSlug).select(["meetings.id", "meetings.slug", "meetings.date", "bodies.name"]).executeTakeFirst();
  if (!m) return null;
  const items = await db.selectFrom("items").where("meeting_id", "=", m.id).orderBy("position").select(["id", "number", "title", "exempt"]).execute();
  const res = await db.selectFrom("resolutions").where("meeting_id", "=", m.id).orderBy("item_id").orderBy("position").select(["item_id", "text"]).execute();
  return {
    slug: m.slug,
    date: m.date,
    body: m.name,
    items: items.map((i) => ({
      number: i.number,
      title: i.title,
      exempt: i.exempt === true || i.exempt === 1,
      resolutions: res.filter((r) => r.item_id === i.id).map((r, n) => ({ position: n + 1, text: r.text })),
    })),
  };
}

export async function linkTaken(db: Db, input: { slug: string; version: number; meeting: string; itemNumber: string | null; resolutionPosition: number | null; actor: Actor; now: Date }): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const trx = planDb(tx);
    const row = await trx.selectFrom("forward_plan_entries").where("slug", "=", input.slug).selectAll().executeTakeFirst();
    if (!row) throw new QuorumError("not_found", "Key decision not found");
    checkVersion("key_decision", row.id as number, Number(row.version), input.version);
    if (row.withdrawn_on) throw new QuorumError("conflict", "This key decision was withdrawn");
    const choice = await meetingChoice(tx as unknown as Db, input.meeting);
    if (!choice) throw new KeyDecisionRefused([{ field: "meeting", message: "No meeting has that address" }]);
    if (input.itemNumber !== null) {
      const item = choice.items.find((i) => i.number === input.itemNumber);
      if (!item) throw new KeyDecisionRefused([{ field: "resolution", message: `The meeting has no item ${input.itemNumber}` }]);
      if (input.resolutionPosition !== null && !item.resolutions.some((r) => r.position === input.resolutionPosition)) throw new KeyDecisionRefused([{ field: "resolution", message: `Item ${input.itemNumber} has no decision ${input.resolutionPosition}` }]);
    }
    const meetingId = (await trx.selectFrom("meetings").where("slug", "=", input.meeting).select("id").executeTakeFirstOrThrow()).id;
    const after = { taken_meeting_id: meetingId, taken_item_number: input.itemNumber, taken_resolution_position: input.itemNumber === null ? null : input.resolutionPosition };
    await trx.updateTable("forward_plan_entries").set({ ...after, version: Number(row.version) + 1, updated_at: input.now.toISOString() }).where("id", "=", row.id).execute();
    await appendAudit(
      tx,
      { actorUserId: input.actor.userId, actorLabel: input.actor.label, action: "key_decision.taken", recordKind: "key_decision", recordId: row.slug, before: { taken_meeting_id: row.taken_meeting_id, taken_item_number: row.taken_item_number, taken_resolution_position: row.taken_resolution_position }, after: { ...after, meeting: input.meeting } },
      input.now,
    );
  });
}

export async function unlinkTaken(db: Db, input: { slug: string; version: number; actor: Actor; now: Date }): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const trx = planDb(tx);
    const row = await trx.selectFrom("forward_plan_entries").where("slug", "=", input.slug).selectAll().executeTakeFirst();
    if (!row) throw new QuorumError("not_found", "Key decision not found");
    checkVersion("key_decision", row.id as number, Number(row.version), input.version);
    if (!row.taken_meeting_id) throw new QuorumError("conflict", "This key decision is not linked to a meeting");
    await trx.updateTable("forward_plan_entries").set({ taken_meeting_id: null, taken_item_number: null, taken_resolution_position: null, version: Number(row.version) + 1, updated_at: input.now.toISOString() }).where("id", "=", row.id).execute();
    await appendAudit(tx, { actorUserId: input.actor.userId, actorLabel: input.actor.label, action: "key_decision.untaken", recordKind: "key_decision", recordId: row.slug, before: { taken_meeting_id: row.taken_meeting_id, taken_item_number: row.taken_item_number, taken_resolution_position: row.taken_resolution_position }, after: { taken_meeting_id: null } }, input.now);
  });
}

export type { CalendarDate };
