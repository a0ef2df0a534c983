// The outbox: every email is a row written in the transaction of the event that causes it, and
// sent later by a sender (sender.ts) that claims due rows with a lease. The claim is one
// conditional UPDATE, so two processes never hold the same row: on SQLite the statement takes the
// write lock; on PostgreSQL a row another transaction claimed first fails the re-checked
// `state`/`lease_until` condition and is skipped.
//
// The guarantee (docs/EMAIL.md): a row is handed to SMTP at most once. `handed_at` is written,
// under the lease, just before the message is given to the SMTP server; a row whose lease ran out
// before that is claimed again, one whose lease ran out after it is never sent again and is left
// 'unknown' for the administrator, because the server may already have accepted it.
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import type { MessagePayload } from "../../domain/alerts.ts";
import { subjectOf } from "../../domain/alerts-render.ts";
import { hashToken, newToken } from "../accounts/secrets.ts";
import { mailDb, type AnyDb, type OutboxKind } from "./schema.ts";

export interface EnqueueInput {
  kind: OutboxKind;
  to: string;
  subscriberId: number | null;
  subscriptionId: number | null;
  /** the payload without its link token: one is made for the message */
  payload: DistributiveOmit<MessagePayload, "token">;
  /** a token already made (the confirmation's, stored hashed on the subscription) */
  token?: string;
  dueAt?: Date;
  /** queued once only: a second message with the same key is not queued */
  dedupeKey?: string;
}

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

/** The unique part of a Message-ID, made once for the row and kept through every retry (the sender adds its domain). */
export function newMessageId(): string {
  return randomBytes(16).toString("hex");
}

export async function enqueue(db: AnyDb, input: EnqueueInput, now: Date): Promise<{ id: number; token: string }> {
  const token = input.token ?? newToken();
  const payload = { ...input.payload, token } as MessagePayload;
  const row = await enqueueRow(db, input, payload, token, now).returning("id").executeTakeFirstOrThrow();
  return { id: row.id, token };
}

/** Queues a message unless one with its dedupe key was queued before; whether it was queued now. */
export async function enqueueOnce(db: AnyDb, input: EnqueueInput & { dedupeKey: string }, now: Date): Promise<boolean> {
  const token = newToken();
  const payload = { ...input.payload, token } as MessagePayload;
  const r = await enqueueRow(db, input, payload, token, now)
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

function enqueueRow(db: AnyDb, input: EnqueueInput, payload: MessagePayload, token: string, now: Date) {
  return mailDb(db)
    .insertInto("mail_outbox")
    .values({
      kind: input.kind,
      to_address: input.to,
      subscriber_id: input.subscriberId,
      subscription_id: input.subscriptionId,
      message_id: newMessageId(),
      // the confirmation's token is checked against the subscription, not the message
      link_token_hash: input.kind === "confirm" || input.kind === "reminder" ? null : hashToken(token),
      dedupe_key: input.dedupeKey ?? null,
      subject: subjectOf(payload),
      payload_json: JSON.stringify(payload),
      state: "queued",
      due_at: (input.dueAt ?? now).toISOString(),
      lease_owner: null,
      lease_until: null,
      handed_at: null,
      sent_at: null,
      last_error: null,
      created_at: now.toISOString(),
    });
}

export interface Claimed {
  id: number;
  kind: OutboxKind;
  to: string;
  messageId: string;
  payload: MessagePayload;
  attempts: number;
  subscriptionId: number | null;
  subscriberId: number | null;
}

/**
 * Claims up to `limit` due rows for `owner` until `now + leaseMs`: queued rows whose time has
 * come, and rows whose lease ran out before they were handed to SMTP.
 */
export async function claimDue(db: AnyDb, owner: string, now: Date, leaseMs: number, limit: number): Promise<Claimed[]> {
  const at = now.toISOString();
  const until = new Date(now.getTime() + leaseMs).toISOString();
  const mdb = mailDb(db);
  const claimable = sql<boolean>`((state = 'queued' AND due_at <= ${at}) OR (state = 'sending' AND handed_at IS NULL AND lease_until < ${at}))`;
  const rows = await mdb
    .updateTable("mail_outbox")
    .set((eb) => ({ state: "sending", lease_owner: owner, lease_until: until, attempts: eb("attempts", "+", 1) }))
    .where((eb) => eb("id", "in", eb.selectFrom("mail_outbox").select("id").where(claimable).orderBy("due_at").orderBy("id").limit(limit)))
    // checked again on the row itself: on PostgreSQL, against the version another sender committed
    .where(claimable)
    .returning(["id", "kind", "to_address", "message_id", "payload_json", "attempts", "subscription_id", "subscriber_id"])
    .execute();
  return rows
    .filter((r) => r.payload_json !== null)
    .map((r) => ({ id: r.id, kind: r.kind, to: r.to_address, messageId: r.message_id, payload: JSON.parse(r.payload_json!) as MessagePayload, attempts: Number(r.attempts), subscriptionId: r.subscription_id, subscriberId: r.subscriber_id }));
}

/** Rows whose lease ran out after they were handed to SMTP: never sent again, left for a person. */
export async function giveUpUncertain(db: AnyDb, now: Date): Promise<number> {
  const r = await mailDb(db)
    .updateTable("mail_outbox")
    .set({ state: "unknown", lease_owner: null, lease_until: null, payload_json: null, last_error: "the sender stopped after handing the message to the SMTP server; it may have been delivered, so it is not sent again" })
    .where("state", "=", "sending")
    .where("handed_at", "is not", null)
    .where("lease_until", "<", now.toISOString())
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Records, under the lease, that the message is about to go to SMTP; false when the lease is lost. */
export async function markHanded(db: AnyDb, id: number, owner: string, now: Date): Promise<boolean> {
  const r = await mailDb(db).updateTable("mail_outbox").set({ handed_at: now.toISOString() }).where("id", "=", id).where("lease_owner", "=", owner).where("state", "=", "sending").where("handed_at", "is", null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Sent: the payload (with its one-time link token) is dropped, the subject kept. */
export async function markSent(db: AnyDb, id: number, owner: string, now: Date): Promise<void> {
  await mailDb(db).updateTable("mail_outbox").set({ state: "sent", sent_at: now.toISOString(), lease_owner: null, lease_until: null, payload_json: null, last_error: null }).where("id", "=", id).where("lease_owner", "=", owner).execute();
}

/** Not sent and not to be (the subscription was removed meanwhile). */
export async function markCancelled(db: AnyDb, id: number, owner: string): Promise<void> {
  await mailDb(db).updateTable("mail_outbox").set({ state: "cancelled", lease_owner: null, lease_until: null, payload_json: null }).where("id", "=", id).where("lease_owner", "=", owner).execute();
}

export interface RetryPolicy {
  maxAttempts: number;
  /** the wait after the first failure; doubled after each further one */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 12, baseDelayMs: 60_000, maxDelayMs: 6 * 60 * 60_000 };

export function backoffMs(attempts: number, policy: RetryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * The SMTP server refused it or could not be reached: the message was not accepted, so it may
 * be sent again later; after the last attempt, or on a permanent refusal, it is marked failed.
 */
export async function markFailed(db: AnyDb, id: number, owner: string, attempts: number, error: string, permanent: boolean, policy: RetryPolicy, now: Date): Promise<"queued" | "failed"> {
  const last = permanent || attempts >= policy.maxAttempts;
  await mailDb(db)
    .updateTable("mail_outbox")
    .set({
      state: last ? "failed" : "queued",
      due_at: new Date(now.getTime() + backoffMs(attempts, policy)).toISOString(),
      handed_at: null,
      lease_owner: null,
      lease_until: null,
      last_error: error.slice(0, 500),
      ...(last ? { payload_json: null } : {}),
    })
    .where("id", "=", id)
    .where("lease_owner", "=", owner)
    .execute();
  return last ? "failed" : "queued";
}

export interface OutboxCounts {
  queued: number;
  sending: number;
  sent: number;
  failed: number;
  unknown: number;
  cancelled: number;
}

export async function outboxCounts(db: AnyDb): Promise<OutboxCounts> {
  const rows = await mailDb(db).selectFrom("mail_outbox").select(["state", (eb) => eb.fn.countAll<number>().as("n")]).groupBy("state").execute();
  const out: OutboxCounts = { queued: 0, sending: 0, sent: 0, failed: 0, unknown: 0, cancelled: 0 };
  for (const r of rows) out[r.state] = Number(r.n);
  return out;
}
