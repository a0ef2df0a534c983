// A filtered search draws the newest matches of one committee, council or year
// by walking that column's entries newest first (search_entries_{body,authority,year}_order, read
// backwards from (value, max id)), so it stops after the cap's matches among them. Without these the
// only ordered walk is the primary key's, which tests every newer entry of other committees and
// councils first: at 10,000 meetings a council filter tested 78,000 entries for 1,000 matches. The
// planner's guess that a council's entries are spread evenly over ids cannot see that they are not
// (search-candidates.ts asks for this order outright). Frozen once released.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX search_entries_body_order ON search_entries (body_id, id)`.execute(db);
  await sql`CREATE INDEX search_entries_authority_order ON search_entries (authority_id, id)`.execute(db);
  await sql`CREATE INDEX search_entries_year_order ON search_entries (year, id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS search_entries_year_order`.execute(db);
  await sql`DROP INDEX IF EXISTS search_entries_authority_order`.execute(db);
  await sql`DROP INDEX IF EXISTS search_entries_body_order`.execute(db);
}
