// Following the scrutiny tracker by email (issue 15): a subscription may follow a tracked
// recommendation (target_kind 'recommendation', target_id tracked_recommendations.id) or an inquiry
// ('inquiry', target_id inquiries.id), beside the kinds before it (034 added 'ward'). mail_tracker_overdue remembers, for each subscription, each
// recommendation's overdue response or update (with its due date) it has been told of, so the
// daily check tells each follower once per due date however often it runs. SQLite cannot change a CHECK in place: the table
// is rebuilt as in 031, keeping aside what refers to it (waiting digest lines, the outbox's link to
// its subscription). Frozen once released.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE mail_subscriptions_next (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    subscriber_id INTEGER NOT NULL REFERENCES mail_subscribers(id) ON DELETE CASCADE,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('committee','search','person','ward','recommendation','inquiry')),
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
  await sql`CREATE TEMP TABLE recfollow_alerts_kept AS SELECT * FROM mail_alerts`.execute(db);
  await sql`CREATE TEMP TABLE recfollow_outbox_kept AS SELECT id, subscription_id FROM mail_outbox WHERE subscription_id IS NOT NULL`.execute(db);
  await sql`DROP TABLE mail_subscriptions`.execute(db);
  await sql`ALTER TABLE mail_subscriptions_next RENAME TO mail_subscriptions`.execute(db);
  await sql`CREATE INDEX mail_subscriptions_target ON mail_subscriptions (target_kind, target_id, status)`.execute(db);
  await sql`DELETE FROM mail_alerts`.execute(db);
  await sql`INSERT INTO mail_alerts SELECT * FROM recfollow_alerts_kept`.execute(db);
  await sql`UPDATE mail_outbox SET subscription_id = (SELECT k.subscription_id FROM recfollow_outbox_kept k WHERE k.id = mail_outbox.id) WHERE id IN (SELECT id FROM recfollow_outbox_kept)`.execute(db);
  await sql`DROP TABLE recfollow_alerts_kept`.execute(db);
  await sql`DROP TABLE recfollow_outbox_kept`.execute(db);
  await sql`CREATE TABLE mail_tracker_overdue (
    subscription_id INTEGER NOT NULL REFERENCES mail_subscriptions(id) ON DELETE CASCADE,
    recommendation_id INTEGER NOT NULL,
    what TEXT NOT NULL CHECK (what IN ('response','update')),
    due TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (subscription_id, recommendation_id, what, due)
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS mail_tracker_overdue`.execute(db);
}
