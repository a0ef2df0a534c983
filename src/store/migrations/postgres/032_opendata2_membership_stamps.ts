// When each membership was created and last changed (OParl's `created` / `modified`, and the
// `created_since` / `modified_since` filters OParl asks of every list): the clock by default on
// insert (rows already there are stamped now), and a trigger stamps every change, whichever write
// makes it. Frozen once released.
import { sql, type Kysely } from "kysely";

const NOW = sql.raw(`(to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`);

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE memberships ADD COLUMN created_at TEXT NOT NULL DEFAULT ${NOW}`.execute(db);
  await sql`ALTER TABLE memberships ADD COLUMN updated_at TEXT NOT NULL DEFAULT ${NOW}`.execute(db);
  await sql`CREATE FUNCTION memberships_touch() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.updated_at := ${NOW};
      RETURN NEW;
    END $$`.execute(db);
  await sql`CREATE TRIGGER memberships_modified BEFORE UPDATE OF person_id, body_id, role, kind, from_date, to_date, source ON memberships
    FOR EACH ROW EXECUTE FUNCTION memberships_touch()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS memberships_modified ON memberships`.execute(db);
  await sql`DROP FUNCTION IF EXISTS memberships_touch()`.execute(db);
  await sql`ALTER TABLE memberships DROP COLUMN updated_at`.execute(db);
  await sql`ALTER TABLE memberships DROP COLUMN created_at`.execute(db);
}
