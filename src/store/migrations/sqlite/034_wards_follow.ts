// Wards to follow by email (issue 15): mail_wards holds each ward someone has asked to follow, by
// its council and the part of its address its name makes (`slug`, the same whichever spelling is
// shown; src/domain/wards.ts), with the name shown when it was asked for. A subscription may now
// follow a ward (target_kind 'ward', target_id its row). SQLite cannot change a CHECK in place: the
// table is rebuilt from its own definition with 'ward' added to the kinds it allows (so kinds added
// by other migrations are kept), and what refers to it (waiting digest lines, the outbox's link to
// its subscription) is kept aside and put back, as 031 does. Frozen once released.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE mail_wards (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (authority_id, slug)
  )`.execute(db);

  const table = (await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'mail_subscriptions'`.execute(db)).rows[0].sql;
  const check = /target_kind\s+IN\s*\(([^)]*)\)/i.exec(table);
  if (!check) throw new Error("mail_subscriptions has no CHECK on target_kind to extend");
  if (/'ward'/.test(check[1])) return;
  const next = table.replace(/CREATE TABLE\s+"?mail_subscriptions"?/i, "CREATE TABLE mail_subscriptions_next").replace(check[0], `target_kind IN (${check[1]},'ward')`);
  const indexes = (await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'mail_subscriptions' AND sql IS NOT NULL`.execute(db)).rows.map((r) => r.sql);
  await sql.raw(next).execute(db);
  await sql`INSERT INTO mail_subscriptions_next SELECT * FROM mail_subscriptions`.execute(db);
  await sql`CREATE TEMP TABLE wards_alerts_kept AS SELECT * FROM mail_alerts`.execute(db);
  await sql`CREATE TEMP TABLE wards_outbox_kept AS SELECT id, subscription_id FROM mail_outbox WHERE subscription_id IS NOT NULL`.execute(db);
  await sql`DROP TABLE mail_subscriptions`.execute(db);
  await sql`ALTER TABLE mail_subscriptions_next RENAME TO mail_subscriptions`.execute(db);
  for (const s of indexes) await sql.raw(s).execute(db);
  await sql`DELETE FROM mail_alerts`.execute(db);
  await sql`INSERT INTO mail_alerts SELECT * FROM wards_alerts_kept`.execute(db);
  await sql`UPDATE mail_outbox SET subscription_id = (SELECT k.subscription_id FROM wards_outbox_kept k WHERE k.id = mail_outbox.id) WHERE id IN (SELECT id FROM wards_outbox_kept)`.execute(db);
  await sql`DROP TABLE wards_alerts_kept`.execute(db);
  await sql`DROP TABLE wards_outbox_kept`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS mail_wards`.execute(db);
}
