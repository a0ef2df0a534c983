// Email alerts (issue 15): people who asked for alerts by email, with no account; what each
// follows; the requests counted for rate limiting; alerts waiting for a daily digest; and the
// outbox every message goes out from.
//
// mail_subscribers: one row per address. mail_subscriptions: what an address follows (a committee
// for now: target_kind, target_id), immediate or daily, pending until the one-time link in the
// confirmation email is used (only its SHA-256 is kept), removed on unsubscribing.
// mail_outbox: one row per message, written in the transaction of the event that causes it. A
// sender claims due rows with a lease (state 'sending', lease_owner, lease_until) by a conditional
// UPDATE, marks handed_at just before giving the message to SMTP, then 'sent'; a failure puts it
// back 'queued' with a later due_at, or 'failed' after the last attempt. A lease that runs out
// after handed_at is never sent again ('unknown'): see docs/EMAIL.md. payload_json holds what the
// message says and its one-time link, and is cleared once the message is sent. dedupe_key: a
// message that must be queued once only (an owner's reminder for one item, due date and state).
// Frozen once released.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE mail_subscribers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE TABLE mail_subscriptions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    subscriber_id INTEGER NOT NULL REFERENCES mail_subscribers(id) ON DELETE CASCADE,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('committee')),
    target_id INTEGER NOT NULL,
    frequency TEXT NOT NULL CHECK (frequency IN ('immediate','daily')),
    status TEXT NOT NULL CHECK (status IN ('pending','active','removed')),
    confirm_token_hash TEXT UNIQUE,
    confirm_expires_at TEXT,
    created_at TEXT NOT NULL,
    confirmed_at TEXT,
    removed_at TEXT,
    UNIQUE (subscriber_id, target_kind, target_id)
  )`.execute(db);
  await sql`CREATE INDEX mail_subscriptions_target ON mail_subscriptions (target_kind, target_id, status)`.execute(db);
  await sql`CREATE TABLE mail_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL,
    ip TEXT NOT NULL,
    at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX mail_requests_email ON mail_requests (email, at)`.execute(db);
  await sql`CREATE INDEX mail_requests_ip ON mail_requests (ip, at)`.execute(db);
  await sql`CREATE TABLE mail_outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('confirm','alert','digest','reminder')),
    to_address TEXT NOT NULL,
    subscriber_id INTEGER REFERENCES mail_subscribers(id) ON DELETE SET NULL,
    subscription_id INTEGER REFERENCES mail_subscriptions(id) ON DELETE SET NULL,
    message_id TEXT NOT NULL UNIQUE,
    link_token_hash TEXT UNIQUE,
    dedupe_key TEXT UNIQUE,
    subject TEXT NOT NULL,
    payload_json TEXT,
    state TEXT NOT NULL CHECK (state IN ('queued','sending','sent','failed','unknown','cancelled')),
    attempts INTEGER NOT NULL DEFAULT 0,
    due_at TEXT NOT NULL,
    lease_owner TEXT,
    lease_until TEXT,
    handed_at TEXT,
    sent_at TEXT,
    last_error TEXT,
    created_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX mail_outbox_due ON mail_outbox (state, due_at)`.execute(db);
  await sql`CREATE INDEX mail_outbox_subscription ON mail_outbox (subscription_id, state)`.execute(db);
  await sql`CREATE TABLE mail_alerts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    subscription_id INTEGER NOT NULL REFERENCES mail_subscriptions(id) ON DELETE CASCADE,
    subscriber_id INTEGER NOT NULL REFERENCES mail_subscribers(id) ON DELETE CASCADE,
    payload_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    outbox_id INTEGER REFERENCES mail_outbox(id) ON DELETE SET NULL
  )`.execute(db);
  await sql`CREATE INDEX mail_alerts_waiting ON mail_alerts (outbox_id, subscriber_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS mail_alerts`.execute(db);
  await sql`DROP TABLE IF EXISTS mail_outbox`.execute(db);
  await sql`DROP TABLE IF EXISTS mail_requests`.execute(db);
  await sql`DROP TABLE IF EXISTS mail_subscriptions`.execute(db);
  await sql`DROP TABLE IF EXISTS mail_subscribers`.execute(db);
}
