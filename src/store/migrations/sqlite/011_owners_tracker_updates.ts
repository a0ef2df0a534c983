// Version 7: owners keep the tracker current. A tracked recommendation or an action can have an
// owner (a person who signs in) and a version for optimistic concurrency; owners' updates wait in
// owner_updates until a clerk accepts or rejects them; a clerk's deadline extensions are kept with
// their reason. Accepted updates keep their evidence link (and, for actions, the reported status).
// Frozen once released.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ["tracked_recommendations", "actions"]) {
    await sql`ALTER TABLE ${sql.table(table)} ADD COLUMN owner_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} ADD COLUMN version INTEGER NOT NULL DEFAULT 1`.execute(db);
  }
  await sql`ALTER TABLE recommendation_updates ADD COLUMN evidence_url TEXT`.execute(db);
  await sql`ALTER TABLE action_updates ADD COLUMN evidence_url TEXT`.execute(db);
  await sql`ALTER TABLE action_updates ADD COLUMN status TEXT`.execute(db);
  await sql`CREATE TABLE owner_updates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    recommendation_id INTEGER REFERENCES tracked_recommendations(id) ON DELETE CASCADE,
    action_id INTEGER REFERENCES actions(id) ON DELETE CASCADE,
    author_user_id INTEGER NOT NULL REFERENCES users(id),
    status TEXT NOT NULL,
    text TEXT NOT NULL,
    evidence_url TEXT,
    update_date TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'rejected')),
    reviewed_by_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    reviewed_at TEXT,
    reject_reason TEXT,
    CHECK ((recommendation_id IS NULL) <> (action_id IS NULL))
  )`.execute(db);
  await sql`CREATE INDEX owner_updates_state ON owner_updates (state, submitted_at)`.execute(db);
  await sql`CREATE TABLE deadline_extensions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    recommendation_id INTEGER REFERENCES tracked_recommendations(id) ON DELETE CASCADE,
    action_id INTEGER REFERENCES actions(id) ON DELETE CASCADE,
    due TEXT NOT NULL,
    reason TEXT NOT NULL,
    extended_on TEXT NOT NULL,
    by_name TEXT,
    created_at TEXT NOT NULL,
    CHECK ((recommendation_id IS NULL) <> (action_id IS NULL))
  )`.execute(db);
  await sql`CREATE INDEX deadline_extensions_recommendation ON deadline_extensions (recommendation_id)`.execute(db);
  await sql`CREATE INDEX deadline_extensions_action ON deadline_extensions (action_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS deadline_extensions`.execute(db);
  await sql`DROP TABLE IF EXISTS owner_updates`.execute(db);
  await sql`ALTER TABLE action_updates DROP COLUMN status`.execute(db);
  await sql`ALTER TABLE action_updates DROP COLUMN evidence_url`.execute(db);
  await sql`ALTER TABLE recommendation_updates DROP COLUMN evidence_url`.execute(db);
  for (const table of ["actions", "tracked_recommendations"]) {
    await sql`ALTER TABLE ${sql.table(table)} DROP COLUMN version`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} DROP COLUMN owner_user_id`.execute(db);
  }
}
