// Version 13: question time and declaration kinds. questions: each question put at a meeting, who
// asked it and to whom (as written), and the answer, sealed with its exempt item like declarations
// (the `exempt` flag, set on import). declarations.kind: the kind of interest in the closed
// vocabulary (domain DECLARATION_KINDS) beside `interest` as written. meetings.stated_minutes_status
// and _text: what the minutes say of their own standing ("draft" / "approved") and the words, beside
// the lifecycle's own minutes_status, which a clerk's approval sets. Frozen once released.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE questions (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    item_id INTEGER REFERENCES items(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    asked_by TEXT,
    asked_to TEXT,
    question TEXT NOT NULL,
    answer TEXT,
    exempt INTEGER NOT NULL DEFAULT 0
  )`.execute(db);
  await sql`CREATE INDEX questions_meeting ON questions (meeting_id)`.execute(db);
  await sql`ALTER TABLE declarations ADD COLUMN kind TEXT`.execute(db);
  await sql`ALTER TABLE meetings ADD COLUMN stated_minutes_status TEXT`.execute(db);
  await sql`ALTER TABLE meetings ADD COLUMN stated_minutes_text TEXT`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE meetings DROP COLUMN stated_minutes_text`.execute(db);
  await sql`ALTER TABLE meetings DROP COLUMN stated_minutes_status`.execute(db);
  await sql`ALTER TABLE declarations DROP COLUMN kind`.execute(db);
  await sql`DROP TABLE IF EXISTS questions`.execute(db);
}
