// Writes by hand to the recommendation tracker (officers keeping it): the executive's response to
// a recommendation and a monitoring update. Each runs in one transaction with the email alerts to
// the recommendation's and its inquiry's followers (store/mail/tracker.ts), in the caller's
// transaction when given one.
import type { Kysely, Transaction } from "kysely";
import { isCalendarDate, isCalendarMonth } from "../../domain/calendar.ts";
import { QuorumError } from "../../domain/errors.ts";
import { RAG_STATUSES, RECOMMENDATION_RESPONSES, type ExecutiveResponse, type ProgressUpdate } from "../../domain/scrutiny.ts";
import type { Db } from "../db.ts";
import type { Database } from "../schema.ts";
import { writeTransaction } from "../write.ts";
import { alertTracker } from "../mail/tracker.ts";
import { trackerDb } from "./schema.ts";

type AnyDb = Kysely<Database> | Transaction<Database>;

function inTransaction<T>(db: AnyDb, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db as Transaction<Database>) : writeTransaction(db as Db, work);
}

export async function addRecommendationUpdate(db: AnyDb, recommendationId: number, update: ProgressUpdate, now: Date = new Date()): Promise<void> {
  if (!(RAG_STATUSES as readonly string[]).includes(update.rag)) throw new QuorumError("invalid", `RAG status must be red, amber or green, not "${update.rag}"`);
  if (!update.text.trim()) throw new QuorumError("invalid", "an update needs some text");
  await inTransaction(db, async (trx) => {
    await trackerDb(trx).insertInto("recommendation_updates").values({ recommendation_id: recommendationId, date: update.date, rag: update.rag, text: update.text, by_name: update.by }).execute();
    await alertTracker(trx, "update", [recommendationId], now);
  });
}

/** Records the executive's response to one recommendation. */
export async function respondToRecommendation(db: AnyDb, recommendationId: number, r: ExecutiveResponse, now: Date = new Date()): Promise<void> {
  if (!(RECOMMENDATION_RESPONSES as readonly string[]).includes(r.response)) throw new QuorumError("invalid", `response must be yes, partially or no, not "${r.response}"`);
  if (r.actionBy !== null && !isCalendarDate(r.actionBy) && !isCalendarMonth(r.actionBy)) throw new QuorumError("invalid", `action-by must be YYYY-MM or YYYY-MM-DD: ${r.actionBy}`);
  await inTransaction(db, async (trx) => {
    await trackerDb(trx)
      .updateTable("tracked_recommendations")
      .set({
        response: r.response,
        response_text: r.text,
        responsible_member: r.responsibleMember,
        responsible_officer: r.responsibleOfficer,
        action_by: r.actionBy,
        responded_on: r.respondedOn,
        updated_at: now.toISOString(),
      })
      .where("id", "=", recommendationId)
      .execute();
    await alertTracker(trx, "response", [recommendationId], now);
  });
}
