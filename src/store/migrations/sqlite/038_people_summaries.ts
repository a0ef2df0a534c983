// Version 38: person_summaries, each person's attendance counted over meetings whose minutes are
// public (the minutes rule: minutes_status is not 'draft'): the meetings they are named at, and
// their rows by status. The people register and a person's page read a row here instead of walking
// the person's whole attendance; store/summaries keeps it in the transaction of every write that
// changes attendance or a meeting's minutes status. The same SQL serves PostgreSQL (its 038 runs
// this file). Frozen once released.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE person_summaries (
    person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
    meeting_count INTEGER NOT NULL DEFAULT 0,
    present INTEGER NOT NULL DEFAULT 0,
    apologies INTEGER NOT NULL DEFAULT 0,
    absent INTEGER NOT NULL DEFAULT 0,
    in_attendance INTEGER NOT NULL DEFAULT 0
  )`.execute(db);
  await sql`INSERT INTO person_summaries (person_id, meeting_count, present, apologies, absent, in_attendance)
    SELECT a.person_id,
      count(DISTINCT a.meeting_id),
      sum(CASE WHEN a.status = 'present' THEN 1 ELSE 0 END),
      sum(CASE WHEN a.status = 'apologies' THEN 1 ELSE 0 END),
      sum(CASE WHEN a.status = 'absent' THEN 1 ELSE 0 END),
      sum(CASE WHEN a.status = 'in_attendance' THEN 1 ELSE 0 END)
    FROM attendance a JOIN meetings m ON m.id = a.meeting_id
    WHERE a.person_id IS NOT NULL AND m.minutes_status <> 'draft'
    GROUP BY a.person_id`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS person_summaries`.execute(db);
}
