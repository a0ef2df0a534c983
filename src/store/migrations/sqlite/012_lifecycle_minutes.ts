// Version 7: the minutes lifecycle. Draft (not public) → published draft (public, labelled "Draft,
// not yet approved") → approved → corrected.
//
// meetings.minutes_status keeps its three values ('draft' not public, 'published', 'approved'),
// which the one visibility rule reads. Widening its CHECK constraint would mean rebuilding the
// meetings table on SQLite, which a dozen tables reference, so a published draft is instead a
// 'published' meeting with minutes_draft = 1 (an INTEGER 0/1 on both databases, so every query
// reads it alike), and "corrected" is derived: an approved meeting with corrections recorded after
// its approval.
//
// minutes_approvals: one row per approved meeting: the date and the later meeting (and its item)
// that agreed them as a correct record, and a snapshot of the record as approved, so the approved
// text stays readable whatever later corrections or re-imports change. The approving item is kept by
// number and title because re-importing a meeting rewrites its items.
// minutes_corrections: changes made after approval, each with its date and reason.
// Frozen once released.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE meetings ADD COLUMN minutes_draft INTEGER NOT NULL DEFAULT 0 CHECK (minutes_draft IN (0, 1))`.execute(db);
  await sql`CREATE TABLE minutes_approvals (
    meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
    approved_on TEXT NOT NULL,
    approving_meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
    approving_item_number TEXT,
    approving_item_title TEXT,
    source_document_id INTEGER REFERENCES source_documents(id) ON DELETE SET NULL,
    snapshot_json TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by INTEGER REFERENCES users(id) ON DELETE SET NULL
  )`.execute(db);
  await sql`CREATE INDEX minutes_approvals_by ON minutes_approvals (approving_meeting_id)`.execute(db);
  await sql`CREATE TABLE minutes_corrections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    corrected_on TEXT NOT NULL,
    reason TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by INTEGER REFERENCES users(id) ON DELETE SET NULL
  )`.execute(db);
  await sql`CREATE INDEX minutes_corrections_meeting ON minutes_corrections (meeting_id, corrected_on)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS minutes_corrections`.execute(db);
  await sql`DROP TABLE IF EXISTS minutes_approvals`.execute(db);
  await sql`ALTER TABLE meetings DROP COLUMN minutes_draft`.execute(db);
}
