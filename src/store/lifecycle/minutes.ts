// The clerk's writes to the minutes lifecycle: publish a draft, approve minutes as a correct record
// (linked to the later meeting that agreed them, with a snapshot of the record as approved), and
// record a correction made after approval. Each runs in one write transaction with its audit entry.
import { QuorumError } from "../../domain/errors.ts";
import { isCalendarDate } from "../../domain/calendar.ts";
import type { Db } from "../db.ts";
import { appendAudit, type AuditActor } from "../audit.ts";
import { reindexMeeting } from "../search.ts";
import { writeTransaction } from "../write.ts";
import { lifecycleDb } from "./schema.ts";
import { takeSnapshot } from "./snapshot.ts";
import { keepingSummaries } from "../summaries/bodies.ts";
import { alertMinutesPublished } from "../mail/alerts.ts";

export type Actor = AuditActor;

export const MAX_REASON = 1000;

async function meetingBySlug(db: Db, slug: string) {
  const m = await db
    .selectFrom("meetings")
    .innerJoin("bodies", "bodies.id", "meetings.body_id")
    .where("meetings.slug", "=", slug)
    .select(["meetings.id", "meetings.slug", "meetings.date", "meetings.minutes_status", "meetings.minutes_draft", "meetings.source_document_id", "bodies.authority_id"])
    .executeTakeFirst();
  if (!m) throw new QuorumError("not_found", `No meeting ${slug}.`);
  return m;
}

/** Draft minutes (not public) become a published draft: public, labelled "Draft, not yet approved". */
export async function publishDraftMinutes(db: Db, slug: string, actor: Actor, now: Date): Promise<void> {
  await writeTransaction(db, async (trx) => {
    const m = await meetingBySlug(trx, slug);
    if (m.minutes_status !== "draft") throw new QuorumError("conflict", "These minutes are already published.");
    await keepingSummaries(trx, [m.id], () => trx.updateTable("meetings").set({ minutes_status: "published", minutes_draft: 1, updated_at: now.toISOString() }).where("id", "=", m.id).execute());
    // what was withheld from search while not public is indexed now
    await reindexMeeting(trx, m.id);
    await alertMinutesPublished(trx, m.id, now);
    await appendAudit(trx, { actorUserId: actor.userId, actorLabel: actor.label, action: "minutes.publish", recordKind: "meeting", recordId: slug, before: { minutesStatus: "draft" }, after: { minutesStatus: "published", minutesDraft: true } }, now);
  });
}

export interface ApproveInput {
  slug: string;
  /** the later meeting that agreed the minutes as a correct record */
  approvingSlug: string;
  /** the number of its item that did so, when known */
  itemNumber?: string | null;
}

/** Published minutes (draft or final) are approved as a correct record at a later meeting. */
export async function approveMinutes(db: Db, input: ApproveInput, actor: Actor, now: Date): Promise<void> {
  await writeTransaction(db, async (trx) => {
    const m = await meetingBySlug(trx, input.slug);
    if (m.minutes_status === "approved") throw new QuorumError("conflict", "These minutes are already approved.");
    if (m.minutes_status !== "published") throw new QuorumError("conflict", "Publish these minutes before approving them.");
    if (m.source_document_id === null) throw new QuorumError("conflict", "This meeting has no minutes yet, so there is nothing to approve.");
    const later = await trx
      .selectFrom("meetings")
      .innerJoin("bodies", "bodies.id", "meetings.body_id")
      .where("meetings.slug", "=", input.approvingSlug)
      .select(["meetings.id", "meetings.slug", "meetings.date", "bodies.authority_id"])
      .executeTakeFirst();
    if (!later) throw new QuorumError("invalid", "Choose the meeting that approved these minutes.");
    if (later.authority_id !== m.authority_id || later.date <= m.date) throw new QuorumError("invalid", "The approving meeting must be a later meeting of the same council.");
    let item: { number: string; title: string } | undefined;
    if (input.itemNumber) {
      item = await trx.selectFrom("items").where("meeting_id", "=", later.id).where("number", "=", input.itemNumber).select(["number", "title"]).executeTakeFirst();
      if (!item) throw new QuorumError("invalid", `The approving meeting has no item ${input.itemNumber}.`);
    }
    const snapshot = await takeSnapshot(trx, m.id);
    const at = now.toISOString();
    await keepingSummaries(trx, [m.id], () => trx.updateTable("meetings").set({ minutes_status: "approved", minutes_draft: 0, updated_at: at }).where("id", "=", m.id).execute());
    await lifecycleDb(trx)
      .insertInto("minutes_approvals")
      .values({
        meeting_id: m.id,
        approved_on: later.date,
        approving_meeting_id: later.id,
        approving_item_number: item?.number ?? null,
        approving_item_title: item?.title ?? null,
        source_document_id: m.source_document_id,
        snapshot_json: JSON.stringify(snapshot),
        recorded_at: at,
        recorded_by: actor.userId,
      })
      .execute();
    await appendAudit(
      trx,
      {
        actorUserId: actor.userId,
        actorLabel: actor.label,
        action: "minutes.approve",
        recordKind: "meeting",
        recordId: m.slug,
        before: { minutesStatus: m.minutes_status, minutesDraft: m.minutes_draft === 1 },
        after: { minutesStatus: "approved", approvedOn: later.date, approvedAt: later.slug, item: item?.number ?? null },
      },
      now,
    );
  });
}

export interface CorrectionInput {
  slug: string;
  /** ISO date the correction was made */
  correctedOn: string;
  reason: string;
}

/**
 * Records that approved minutes were changed, and why. The correction forms (and the change they
 * make) belong to the corrections workspace; this keeps the public record of the change.
 */
export async function recordMinutesCorrection(db: Db, input: CorrectionInput, actor: Actor, now: Date): Promise<void> {
  const reason = input.reason.trim();
  if (!reason) throw new QuorumError("invalid", "Give the reason for the correction.");
  if (reason.length > MAX_REASON) throw new QuorumError("invalid", `The reason must be ${MAX_REASON} characters or fewer.`);
  if (!isCalendarDate(input.correctedOn)) throw new QuorumError("invalid", "The date of the correction must be a real date.");
  await writeTransaction(db, async (trx) => {
    const m = await meetingBySlug(trx, input.slug);
    if (m.minutes_status !== "approved") throw new QuorumError("conflict", "Only approved minutes are corrected with a reason; change a draft directly.");
    await lifecycleDb(trx)
      .insertInto("minutes_corrections")
      .values({ meeting_id: m.id, corrected_on: input.correctedOn, reason, recorded_at: now.toISOString(), recorded_by: actor.userId })
      .execute();
    await appendAudit(trx, { actorUserId: actor.userId, actorLabel: actor.label, action: "minutes.correct", recordKind: "meeting", recordId: m.slug, after: { correctedOn: input.correctedOn, reason } }, now);
  });
}
