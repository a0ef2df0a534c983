// Version 18 (pages2): a committee's and a person's roles, the most recently recorded first, read
// from an index a page at a time (store/read/person-records.ts ROLE_ORDER) instead of sorting every
// membership a long archive has derived for them. A role with no end date sorts as current.
// Frozen once released.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX memberships_person_recent ON memberships (person_id, (coalesce(to_date, '9999-12-31')), (coalesce(from_date, '')), id)`.execute(db);
  await sql`CREATE INDEX memberships_body_recent ON memberships (body_id, (coalesce(to_date, '9999-12-31')), (coalesce(from_date, '')), id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS memberships_body_recent`.execute(db);
  await sql`DROP INDEX IF EXISTS memberships_person_recent`.execute(db);
}
