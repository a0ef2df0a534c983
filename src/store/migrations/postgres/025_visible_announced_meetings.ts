// A meeting announced here (scheduled through the schedule) is public as a meeting whatever its
// minutes: draft minutes withhold the minutes, not the meeting (visibility.ts, the listing rule).
// `meetings.announced_at` records when it was announced; meetings scheduled before this migration
// take the time of their "scheduled" event. Null: known only from its minutes. Frozen once released.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE meetings ADD COLUMN announced_at TEXT`.execute(db);
  await sql`UPDATE meetings SET announced_at = (SELECT min(e.at) FROM meeting_events e WHERE e.meeting_id = meetings.id AND e.kind = 'scheduled')
    WHERE EXISTS (SELECT 1 FROM meeting_events e WHERE e.meeting_id = meetings.id AND e.kind = 'scheduled')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE meetings DROP COLUMN announced_at`.execute(db);
}
