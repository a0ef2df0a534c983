// Saved searches to follow by email (issue 15): mail_searches holds each distinct search (its
// words and filters, `key` the canonical form so two people asking for the same search share one
// row), and a subscription may now follow a search (target_kind 'search', target_id its row) or a
// person ('person', target_id people.id). SQLite cannot change a CHECK in place: the table is
// rebuilt. Dropping it deletes what refers to it (waiting digest lines, the outbox's link to its
// subscription), so those are kept aside and put back. Frozen once released.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE mail_searches (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL UNIQUE,
    query TEXT NOT NULL,
    filters_json TEXT NOT NULL,
    created_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE TABLE mail_subscriptions_next (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    subscriber_id INTEGER NOT NULL REFERENCES mail_subscribers(id) ON DELETE CASCADE,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('committee','search','person')),
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
  await sql`INSERT INTO mail_subscriptions_next SELECT id, subscriber_id, target_kind, target_id, frequency, status, confirm_token_hash, confirm_expires_at, created_at, confirmed_at, removed_at FROM mail_subscriptions`.execute(db);
  await sql`CREATE TEMP TABLE mail2_alerts_kept AS SELECT * FROM mail_alerts`.execute(db);
  await sql`CREATE TEMP TABLE mail2_outbox_kept AS SELECT id, subscription_id FROM mail_outbox WHERE subscription_id IS NOT NULL`.execute(db);
  await sql`DROP TABLE mail_subscriptions`.execute(db);
  await sql`ALTER TABLE mail_subscriptions_next RENAME TO mail_subscriptions`.execute(db);
  await sql`CREATE INDEX mail_subscriptions_target ON mail_subscriptions (target_kind, target_id, status)`.execute(db);
  await sql`DELETE FROM mail_alerts`.execute(db);
  await sql`INSERT INTO mail_alerts SELECT * FROM mail2_alerts_kept`.execute(db);
  await sql`UPDATE mail_outbox SET subscription_id = (SELECT k.subscription_id FROM mail2_outbox_kept k WHERE k.id = mail_outbox.id) WHERE id IN (SELECT id FROM mail2_outbox_kept)`.execute(db);
  await sql`DROP TABLE mail2_alerts_kept`.execute(db);
  await sql`DROP TABLE mail2_outbox_kept`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS mail_searches`.execute(db);
}
