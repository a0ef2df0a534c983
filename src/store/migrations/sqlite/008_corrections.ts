// Version 7 (corrections): what people corrected in a meeting's parsed record, kept apart from the
// parsed data so that a re-import or a new parser version never overwrites it; the parsed record of
// each source document, so the meeting can be stored again as record + corrections; and a version
// number on meetings, raised on every change, so two people editing one meeting cannot silently
// overwrite each other. Frozen once released.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE meetings ADD COLUMN version INTEGER NOT NULL DEFAULT 1`.execute(db);
  await sql`ALTER TABLE source_documents ADD COLUMN record_json TEXT`.execute(db);
  // keyed by the meeting's slug (its natural key), not its id: the same meeting gets the same slug on every import
  await sql`CREATE TABLE corrections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_slug TEXT NOT NULL,
    path TEXT NOT NULL,
    anchor_json TEXT NOT NULL,
    before_json TEXT NOT NULL,
    after_json TEXT NOT NULL,
    parsed_now_json TEXT,
    reason TEXT,
    author_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    author_label TEXT NOT NULL,
    created_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'superseded', 'conflict'))
  )`.execute(db);
  await sql`CREATE INDEX corrections_meeting ON corrections (meeting_slug, state)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS corrections`.execute(db);
  await sql`ALTER TABLE source_documents DROP COLUMN record_json`.execute(db);
  await sql`ALTER TABLE meetings DROP COLUMN version`.execute(db);
}
