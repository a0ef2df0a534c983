// Table types for email alerts and the outbox (migrations 030_mail_outbox, 031_mail2_saved_searches,
// 034_wards_follow, 037_recfollow_tracker_follows); `mailDb` widens a store handle to see them.
import type { Generated, Kysely, Transaction } from "kysely";
import type { Database } from "../schema.ts";

export const OUTBOX_STATES = ["queued", "sending", "sent", "failed", "unknown", "cancelled"] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];
export type OutboxKind = "confirm" | "alert" | "digest" | "reminder";
export type Frequency = "immediate" | "daily";
/** what a subscription follows: a committee (bodies.id), a saved search (mail_searches.id), a person (people.id), a ward (mail_wards.id), a tracked recommendation or an inquiry */
export type TargetKind = "committee" | "search" | "person" | "ward" | "recommendation" | "inquiry";
export type SubscriptionStatus = "pending" | "active" | "removed";

export interface MailSubscribersTable {
  id: Generated<number>;
  email: string;
  created_at: string;
}

export interface MailSubscriptionsTable {
  id: Generated<number>;
  subscriber_id: number;
  target_kind: TargetKind;
  target_id: number;
  frequency: Frequency;
  status: SubscriptionStatus;
  confirm_token_hash: string | null;
  confirm_expires_at: string | null;
  created_at: string;
  confirmed_at: string | null;
  removed_at: string | null;
}

export interface MailRequestsTable {
  id: Generated<number>;
  email: string;
  ip: string;
  at: string;
}

export interface MailOutboxTable {
  id: Generated<number>;
  kind: OutboxKind;
  to_address: string;
  subscriber_id: number | null;
  subscription_id: number | null;
  message_id: string;
  link_token_hash: string | null;
  dedupe_key: Generated<string | null>;
  subject: string;
  payload_json: string | null;
  state: OutboxState;
  attempts: Generated<number>;
  due_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  handed_at: string | null;
  sent_at: string | null;
  last_error: string | null;
  created_at: string;
}

/** A search followed by email (migration 031_mail2_saved_searches): its words and filters. */
export interface MailSearchesTable {
  id: Generated<number>;
  key: string;
  query: string;
  filters_json: string;
  created_at: string;
}

/** A ward followed by email (migration 034_wards_follow): its council and the part of its address its name makes. */
export interface MailWardsTable {
  id: Generated<number>;
  authority_id: number;
  slug: string;
  name: string;
  created_at: string;
}

export interface MailAlertsTable {
  id: Generated<number>;
  subscription_id: number;
  subscriber_id: number;
  payload_json: string;
  created_at: string;
  outbox_id: number | null;
}

/** A recommendation's overdue response or update a subscription was told of (migration 037_recfollow_tracker_follows). */
export interface MailTrackerOverdueTable {
  subscription_id: number;
  recommendation_id: number;
  what: "response" | "update";
  due: string;
  created_at: string;
}

export type MailTables = {
  mail_tracker_overdue: MailTrackerOverdueTable;
  mail_subscribers: MailSubscribersTable;
  mail_subscriptions: MailSubscriptionsTable;
  mail_requests: MailRequestsTable;
  mail_outbox: MailOutboxTable;
  mail_alerts: MailAlertsTable;
  mail_searches: MailSearchesTable;
  mail_wards: MailWardsTable;
};

export type MailDatabase = Database & MailTables;
export type MailDb = Kysely<MailDatabase>;
export type AnyDb = Kysely<Database> | Transaction<Database> | Kysely<MailDatabase> | Transaction<MailDatabase>;

export function mailDb(db: AnyDb): MailDb {
  return (db as Kysely<Database>).withTables<MailTables>();
}
