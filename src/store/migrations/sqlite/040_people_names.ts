// Version 40: person_names, the names each person was written as at meetings whose minutes are
// public, with how many attendance rows give each (the minutes rule, as person_summaries). A
// person's page reads their few names here instead of walking every row the minutes name them in
// (3 ms on PostgreSQL for a person named at 1,200 meetings); store/summaries/people.ts keeps it with
// person_summaries. The same SQL serves PostgreSQL (its 040 runs this file). Frozen once released.
import { sql, type Kysely } from "kysely";
import { nameKey } from "../../summaries/name-key.ts";

const CHUNK = 500;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE person_names (
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    name_key TEXT NOT NULL,
    raw_name TEXT NOT NULL,
    row_count INTEGER NOT NULL,
    PRIMARY KEY (person_id, name_key)
  )`.execute(db);
  const { rows } = await sql<{ person_id: number; raw_name: string; n: number | string }>`SELECT a.person_id, a.raw_name, count(*) AS n
    FROM attendance a JOIN meetings m ON m.id = a.meeting_id
    WHERE a.person_id IS NOT NULL AND m.minutes_status <> 'draft'
    GROUP BY a.person_id, a.raw_name`.execute(db);
  const values = rows.map((r) => ({ person_id: Number(r.person_id), name_key: nameKey(r.raw_name), raw_name: r.raw_name, row_count: Number(r.n) }));
  for (let i = 0; i < values.length; i += CHUNK) await db.insertInto("person_names").values(values.slice(i, i + CHUNK)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS person_names`.execute(db);
}
