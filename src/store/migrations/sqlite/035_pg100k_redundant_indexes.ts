// Three indexes repeated the leading columns of a longer one made later, which serves every lookup
// they served: meetings (body_id, date) by meetings_body_order (body_id, date, start, id), and
// memberships (person_id) and (body_id) by memberships_{person,body}_recent (migration 020). Each
// cost a write per row and, at 100,000 meetings, 3 MB. Frozen once released.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS meetings_body_date`.execute(db);
  await sql`DROP INDEX IF EXISTS memberships_person`.execute(db);
  await sql`DROP INDEX IF EXISTS memberships_body`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX IF NOT EXISTS memberships_body ON memberships (body_id)`.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS memberships_person ON memberships (person_id)`.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS meetings_body_date ON meetings (body_id, date)`.execute(db);
}
