// A meeting announced here (scheduled through the schedule) is public as a meeting whatever its
// minutes: draft minutes withhold the minutes, not the meeting (visibility.ts, the listing rule).
// `meetings.announced_at` records when it was announced; meetings scheduled before this migration
// take the time of their "scheduled" event. Null: known only from its minutes. A list of every
// meeting counts the announced meetings whose minutes are a draft apart from the committees'
// summaries, along meetings_draft_minutes (drafts are few). Frozen once released.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE meetings ADD COLUMN announced_at TEXT`.execute(db);
  await sql`UPDATE meetings SET announced_at = (SELECT min(e.at) FROM meeting_events e WHERE e.meeting_id = meetings.id AND e.kind = 'scheduled')
    WHERE EXISTS (SELECT 1 FROM meeting_events e WHERE e.meeting_id = meetings.id AND e.kind = 'scheduled')`.execute(db);
  await sql`CREATE INDEX meetings_draft_minutes ON meetings (minutes_status, body_id) WHERE minutes_status = 'draft'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS meetings_draft_minutes`.execute(db);
  await sql`ALTER TABLE meetings DROP COLUMN announced_at`.execute(db);
}
