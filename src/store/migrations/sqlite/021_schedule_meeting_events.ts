// The schedule: meetings a clerk plans before they are held, and what happened to each plan.
//
// meeting_series: a rule ("second Tuesday of each month", domain/meeting-series.ts) over a span of
// dates, with the time and venue its meetings were given; each meeting it made is a meetings row
// of its own, found through its "scheduled" event, so that moving one meeting leaves the rest.
// meeting_events: every state change of a meeting (scheduled, rescheduled, postponed, cancelled,
// restored), when and by whom, the date, time and venue before and after, and the reason, shown
// publicly as the meeting's history. Append-only in practice: nothing updates or deletes a row
// except a meeting's own deletion.
// Frozen once released.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE meeting_series (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    body_id INTEGER NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
    rule_json TEXT NOT NULL,
    from_date TEXT NOT NULL,
    to_date TEXT NOT NULL,
    start_time TEXT,
    venue TEXT,
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_by_label TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX meeting_series_body ON meeting_series (body_id)`.execute(db);
  await sql`CREATE TABLE meeting_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('scheduled','rescheduled','postponed','cancelled','restored')),
    at TEXT NOT NULL,
    actor_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    actor_label TEXT NOT NULL,
    from_date TEXT,
    from_time TEXT,
    from_venue TEXT,
    to_date TEXT,
    to_time TEXT,
    to_venue TEXT,
    reason TEXT,
    series_id INTEGER REFERENCES meeting_series(id) ON DELETE SET NULL
  )`.execute(db);
  await sql`CREATE INDEX meeting_events_meeting ON meeting_events (meeting_id, id)`.execute(db);
  await sql`CREATE INDEX meeting_events_series ON meeting_events (series_id)`.execute(db);
  // meetings without minutes (scheduled here): counted apart from the committees' summaries
  await sql`CREATE INDEX meetings_planned ON meetings (source_document_id, body_id) WHERE source_document_id IS NULL`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS meetings_planned`.execute(db);
  await sql`DROP TABLE IF EXISTS meeting_events`.execute(db);
  await sql`DROP TABLE IF EXISTS meeting_series`.execute(db);
}
