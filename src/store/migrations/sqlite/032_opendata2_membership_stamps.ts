// When each membership was created and last changed (OParl's `created` / `modified`, and the
// `created_since` / `modified_since` filters OParl asks of every list). SQLite cannot add a column
// whose default is the clock, so the columns start empty and triggers stamp every insert and every
// change, whichever write makes it; rows already there are stamped now. Frozen once released.
import { sql, type Kysely } from "kysely";

const NOW = sql.raw(`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE memberships ADD COLUMN created_at TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE memberships ADD COLUMN updated_at TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`UPDATE memberships SET created_at = ${NOW}, updated_at = ${NOW}`.execute(db);
  await sql`CREATE TRIGGER memberships_created AFTER INSERT ON memberships FOR EACH ROW WHEN NEW.created_at = ''
    BEGIN UPDATE memberships SET created_at = ${NOW}, updated_at = ${NOW} WHERE id = NEW.id; END`.execute(db);
  await sql`CREATE TRIGGER memberships_modified AFTER UPDATE OF person_id, body_id, role, kind, from_date, to_date, source ON memberships FOR EACH ROW
    BEGIN UPDATE memberships SET updated_at = ${NOW} WHERE id = NEW.id; END`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS memberships_modified`.execute(db);
  await sql`DROP TRIGGER IF EXISTS memberships_created`.execute(db);
  await sql`ALTER TABLE memberships DROP COLUMN updated_at`.execute(db);
  await sql`ALTER TABLE memberships DROP COLUMN created_at`.execute(db);
}
