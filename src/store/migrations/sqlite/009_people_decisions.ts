// Version 7: editing people and committees after publishing. People are settled again from the
// minutes on every import, so what a clerk decides (merge these two, split these rows off, this is
// the name, party and ward) is kept as a decision the settle step obeys, anchored to attendance as
// written (meeting slug, position, name), never to row ids an import recreates. A merged person's
// slug answers with a redirect. `version` counts edits made by hand, for optimistic locking.
// Frozen once released.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE people ADD COLUMN party TEXT`.execute(db);
  await sql`ALTER TABLE people ADD COLUMN ward TEXT`.execute(db);
  await sql`ALTER TABLE people ADD COLUMN version INTEGER NOT NULL DEFAULT 1`.execute(db);
  await sql`ALTER TABLE bodies ADD COLUMN version INTEGER NOT NULL DEFAULT 1`.execute(db);
  await sql`CREATE TABLE person_decisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('merge', 'split', 'details')),
    anchors TEXT NOT NULL,
    target TEXT,
    slug TEXT,
    fields TEXT,
    created_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX person_decisions_authority ON person_decisions (authority_id, id)`.execute(db);
  await sql`CREATE TABLE person_redirects (
    from_slug TEXT PRIMARY KEY,
    to_slug TEXT NOT NULL,
    created_at TEXT NOT NULL
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS person_redirects`.execute(db);
  await sql`DROP TABLE IF EXISTS person_decisions`.execute(db);
  for (const [t, c] of [["people", "party"], ["people", "ward"], ["people", "version"], ["bodies", "version"]]) await sql`ALTER TABLE ${sql.table(t)} DROP COLUMN ${sql.ref(c)}`.execute(db);
}
