// Version 13: how each member voted on a decision, as the minutes record it (a roll call, "For:
// Cllrs A, B; Against: C", a recusal), and whether the vote was unanimous. A vote belongs to its
// decision: it is read only through the decision, so it is sealed with an exempt item as the
// decision is, and goes when the decision does. The name as written is kept beside the person it was
// matched to, as for movers. Frozen once released.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE resolutions ADD COLUMN votes_unanimous INTEGER`.execute(db);
  await sql`CREATE TABLE decision_votes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    resolution_id INTEGER NOT NULL REFERENCES resolutions(id) ON DELETE CASCADE,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    vote TEXT NOT NULL CHECK (vote IN ('for', 'against', 'abstain', 'absent', 'recused')),
    raw_name TEXT NOT NULL,
    person_id INTEGER REFERENCES people(id) ON DELETE SET NULL
  )`.execute(db);
  await sql`CREATE INDEX decision_votes_resolution ON decision_votes (resolution_id, position)`.execute(db);
  await sql`CREATE INDEX decision_votes_meeting ON decision_votes (meeting_id)`.execute(db);
  // a person page lists how they voted
  await sql`CREATE INDEX decision_votes_person ON decision_votes (person_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS decision_votes`.execute(db);
  await sql`ALTER TABLE resolutions DROP COLUMN votes_unanimous`.execute(db);
}
