// Version 15 (search): the FTS5 index carries each entry's kind, committee, council and year as
// tokens in a third column, `tags`, so that a filtered search is answered inside the index (a merge
// of posting lists) instead of looking every match up in search_entries. The tags are derived from
// search_entries' own columns by a view, so nothing new is stored outside the index. The index is
// rebuilt from search_entries, which holds only what the visibility rule lets the public find.
// Search no longer joins meetings to check that rule, so the database keeps the index sealed
// itself: minutes that become a draft (not public), by whatever write, leave search at once; the
// paths that make minutes public again re-index them. Frozen once released.
import { sql, type Kysely } from "kysely";

// One token per dimension; the query side (search-filters.ts) spells them the same way, and both
// pass through the same tokenizer.
const TAGS = (row: string) => `'k' || ${row}.kind || ' b' || coalesce(${row}.body_id, 0) || ' a' || ${row}.authority_id || ' y' || coalesce(${row}.year, 0)`;
const TOKENIZE = `tokenize='porter unicode61 remove_diacritics 2'`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const t of ["ai", "ad", "au"]) await sql.raw(`DROP TRIGGER IF EXISTS search_entries_${t}`).execute(db);
  await sql`DROP TABLE IF EXISTS search_fts`.execute(db);
  await sql.raw(`CREATE VIEW search_content AS SELECT id, title, text, ${TAGS("search_entries")} AS tags FROM search_entries`).execute(db);
  await sql.raw(`CREATE VIRTUAL TABLE search_fts USING fts5(title, text, tags, content='search_content', content_rowid='id', ${TOKENIZE})`).execute(db);
  await sql
    .raw(
      `CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN
        INSERT INTO search_fts(rowid, title, text, tags) VALUES (new.id, new.title, new.text, ${TAGS("new")});
      END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, text, tags) VALUES ('delete', old.id, old.title, old.text, ${TAGS("old")});
      END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER search_entries_au AFTER UPDATE ON search_entries BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, text, tags) VALUES ('delete', old.id, old.title, old.text, ${TAGS("old")});
        INSERT INTO search_fts(rowid, title, text, tags) VALUES (new.id, new.title, new.text, ${TAGS("new")});
      END`,
    )
    .execute(db);
  await sql`INSERT INTO search_fts(search_fts) VALUES ('rebuild')`.execute(db);
  await sql`CREATE TRIGGER meetings_draft_unsearchable AFTER UPDATE OF minutes_status ON meetings WHEN new.minutes_status = 'draft' BEGIN
    DELETE FROM search_entries WHERE meeting_id = new.id;
  END`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS meetings_draft_unsearchable`.execute(db);
  for (const t of ["ai", "ad", "au"]) await sql.raw(`DROP TRIGGER IF EXISTS search_entries_${t}`).execute(db);
  await sql`DROP TABLE IF EXISTS search_fts`.execute(db);
  await sql`DROP VIEW IF EXISTS search_content`.execute(db);
  await sql.raw(`CREATE VIRTUAL TABLE search_fts USING fts5(title, text, content='search_entries', content_rowid='id', ${TOKENIZE})`).execute(db);
  await sql.raw(`CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN INSERT INTO search_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END`).execute(db);
  await sql.raw(`CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN INSERT INTO search_fts(search_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); END`).execute(db);
  await sql
    .raw(
      `CREATE TRIGGER search_entries_au AFTER UPDATE ON search_entries BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO search_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
      END`,
    )
    .execute(db);
  await sql`INSERT INTO search_fts(search_fts) VALUES ('rebuild')`.execute(db);
}
