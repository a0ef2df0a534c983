// The planner's guess of how many entries match a word comes from the most common lexemes ANALYZE
// keeps of the tsvector column; a word not among them is guessed at half the rarest one kept. With the
// default target (100: at most 1,000 lexemes) that guess, at 100,000 meetings, was 7,500 entries
// for a word 791 entries hold, so the draw of the newest 1,000 matches walked the primary key
// backwards through all 1.8 million entries (2.7 s) instead of reading the GIN index (30 ms). A
// target of 1,000 keeps up to 10,000 lexemes, so a word left out is rare in fact. ANALYZE samples
// 300,000 rows for it (14 s at 100,000 meetings). Frozen once released.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE search_entries ALTER COLUMN tsv SET STATISTICS 1000`.execute(db);
  await sql`ANALYZE search_entries`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE search_entries ALTER COLUMN tsv SET STATISTICS -1`.execute(db);
}
