// Version 7: who may read a committee's exempt business, and when an exempt item is released.
// committee_access grants a signed-in officer or member one committee's exempt items (clerks and
// administrators are entitled to every committee without a row); items.exempt_release_on is the
// ISO date from which an exempt item, and everything sealed with it, is public. Frozen once released.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE items ADD COLUMN exempt_release_on TEXT`.execute(db);
  await sql`CREATE TABLE committee_access (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    body_id INTEGER NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
    granted_at TEXT NOT NULL,
    UNIQUE (user_id, body_id)
  )`.execute(db);
  await sql`CREATE INDEX committee_access_body ON committee_access (body_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE committee_access`.execute(db);
  await sql`ALTER TABLE items DROP COLUMN exempt_release_on`.execute(db);
}
