// Version 15 (pages): what the home page, the registers and their counts read instead of counting
// the archive. body_summaries: per committee, its public meetings (minutes not draft), their first
// and last dates, and the decisions in them, apart from exempt items' decisions (which only an
// entitled viewer, or the public after a release date, may count); kept by store/summaries in the
// transaction of every write that changes them. meetings_date_order / meetings_body_order: the
// registers' order (date, time, id), walked from either end for keyset pages. items_released:
// exempt items with a release date, so released decisions are counted from an index.
// Frozen once released.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE body_summaries (
    body_id INTEGER PRIMARY KEY REFERENCES bodies(id) ON DELETE CASCADE,
    meeting_count INTEGER NOT NULL DEFAULT 0,
    decision_count INTEGER NOT NULL DEFAULT 0,
    exempt_decision_count INTEGER NOT NULL DEFAULT 0,
    first_meeting TEXT,
    last_meeting TEXT
  )`.execute(db);
  await sql`CREATE INDEX meetings_date_order ON meetings (date, (coalesce(start_time, '')), id)`.execute(db);
  await sql`CREATE INDEX meetings_body_order ON meetings (body_id, date, (coalesce(start_time, '')), id)`.execute(db);
  await sql`CREATE INDEX items_released ON items (exempt_release_on) WHERE exempt_release_on IS NOT NULL`.execute(db);
  await sql`CREATE INDEX people_name_order ON people (surname, display_name, id)`.execute(db);
  await sql`INSERT INTO body_summaries (body_id, meeting_count, decision_count, exempt_decision_count, first_meeting, last_meeting)
    SELECT b.id,
      (SELECT count(*) FROM meetings m WHERE m.body_id = b.id AND m.minutes_status != 'draft'),
      (SELECT count(*) FROM resolutions r JOIN items i ON i.id = r.item_id JOIN meetings m ON m.id = r.meeting_id WHERE m.body_id = b.id AND m.minutes_status != 'draft' AND NOT i.exempt),
      (SELECT count(*) FROM resolutions r JOIN items i ON i.id = r.item_id JOIN meetings m ON m.id = r.meeting_id WHERE m.body_id = b.id AND m.minutes_status != 'draft' AND i.exempt),
      (SELECT min(m.date) FROM meetings m WHERE m.body_id = b.id AND m.minutes_status != 'draft'),
      (SELECT max(m.date) FROM meetings m WHERE m.body_id = b.id AND m.minutes_status != 'draft')
    FROM bodies b`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS people_name_order`.execute(db);
  await sql`DROP INDEX IF EXISTS items_released`.execute(db);
  await sql`DROP INDEX IF EXISTS meetings_body_order`.execute(db);
  await sql`DROP INDEX IF EXISTS meetings_date_order`.execute(db);
  await sql`DROP TABLE IF EXISTS body_summaries`.execute(db);
}
