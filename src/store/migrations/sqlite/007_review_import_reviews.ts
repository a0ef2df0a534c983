// Import review: a document imported for review waits here until a clerk publishes or rejects it.
// A new meeting is stored as a draft and linked; a record that would replace a public meeting is
// held here (record_json) and stored only on publish. Council, committee, date and file are kept
// on the row so the queue still reads after a rejected meeting and its document are removed.
// Frozen once released.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE import_reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source_document_id INTEGER REFERENCES source_documents(id) ON DELETE SET NULL,
    meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
    meeting_slug TEXT NOT NULL,
    replaces INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL CHECK (state IN ('pending', 'published', 'rejected')),
    council TEXT NOT NULL,
    committee TEXT NOT NULL,
    meeting_date TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    record_json TEXT NOT NULL,
    options_json TEXT NOT NULL,
    warnings_json TEXT NOT NULL,
    queued_at TEXT NOT NULL,
    queued_by TEXT NOT NULL,
    decided_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    decided_by_label TEXT,
    decided_at TEXT
  )`.execute(db);
  await sql`CREATE INDEX import_reviews_state ON import_reviews (state, queued_at)`.execute(db);
  await sql`CREATE INDEX import_reviews_meeting ON import_reviews (meeting_slug)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS import_reviews`.execute(db);
}
