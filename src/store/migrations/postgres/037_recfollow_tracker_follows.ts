// Following the scrutiny tracker by email (issue 15): a subscription may follow a tracked
// recommendation (target_kind 'recommendation', target_id tracked_recommendations.id) or an inquiry
// ('inquiry', target_id inquiries.id), beside the kinds before it (034 added 'ward'). mail_tracker_overdue remembers, for each subscription, each
// recommendation's overdue response or update (with its due date) it has been told of, so the
// daily check tells each follower once per due date however often it runs. Frozen once released.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE mail_subscriptions DROP CONSTRAINT mail_subscriptions_target_kind_check`.execute(db);
  await sql`ALTER TABLE mail_subscriptions ADD CONSTRAINT mail_subscriptions_target_kind_check CHECK (target_kind IN ('committee','search','person','ward','recommendation','inquiry'))`.execute(db);
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
