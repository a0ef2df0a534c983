// Minute-taking (the clerk's screen at /admin/meetings/{slug}/take-minutes): every save of the sheet
// is kept, numbered per meeting. A save names the version it was made from; the next number is
// unique per meeting, so of two tabs saving from the same version one is refused, never lost
// silently. `submitted_at` marks the save that was stored as draft minutes.
// Frozen once released.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE minute_taking_saves (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    version INTEGER NOT NULL CHECK (version > 0),
    sheet_json TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    saved_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    submitted_at TEXT,
    UNIQUE (meeting_id, version)
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE minute_taking_saves`.execute(db);
}
