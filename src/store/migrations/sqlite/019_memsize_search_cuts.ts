// Version 18 (memsize): an item's search entry no longer keeps a second copy of the item's text,
// which was over half of the database. Where the text is a cut of a source document (as items keep
// it, migration 017), the entry holds where: `text_doc` (the source document, whose text never
// changes under its id), `text_start`, `text_end`, and `text` is NULL. The FTS5 index stays
// external-content: its content view, and the triggers that keep it, give the cut's text through
// `quorum_cut` (registered on every connection, store/db.ts), so bm25, snippets and the index are
// exactly as before. Entries whose text is no cut (meetings' names, decisions, people, withheld
// exempt items: '') keep `text`. The index is not rebuilt: its content is unchanged. Frozen once
// released.
import { sql, type Kysely } from "kysely";

const TAGS = (row: string) => `'k' || ${row}.kind || ' b' || coalesce(${row}.body_id, 0) || ' a' || ${row}.authority_id || ' y' || coalesce(${row}.year, 0)`;
const TEXT = (row: string) => `CASE WHEN ${row}.text IS NULL THEN quorum_cut((SELECT d.packed_text FROM source_documents d WHERE d.id = ${row}.text_doc), ${row}.text_start, ${row}.text_end) ELSE ${row}.text END`;

const COLUMNS = "id, kind, entity_id, meeting_id, body_id, authority_id, year, title, text";

async function replaceTable(db: Kysely<any>, withCuts: boolean): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS meetings_draft_unsearchable`.execute(db);
  for (const t of ["ai", "ad", "au"]) await sql.raw(`DROP TRIGGER IF EXISTS search_entries_${t}`).execute(db);
  await sql`DROP VIEW IF EXISTS search_content`.execute(db);
  await sql
    .raw(
      `CREATE TABLE search_entries_next (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        entity_id INTEGER NOT NULL,
        meeting_id INTEGER,
        body_id INTEGER,
        authority_id INTEGER NOT NULL,
        year INTEGER,
        title TEXT NOT NULL,
        ${
          withCuts
            ? `text TEXT,
        text_doc INTEGER REFERENCES source_documents(id),
        text_start INTEGER,
        text_end INTEGER,
        CHECK ((text IS NULL) = (text_doc IS NOT NULL AND text_start IS NOT NULL AND text_end IS NOT NULL)),`
            : "text TEXT NOT NULL,"
        }
        UNIQUE (kind, entity_id)
      )`,
    )
    .execute(db);
  const from = withCuts ? COLUMNS : COLUMNS.replace(/text$/, TEXT("search_entries"));
  await sql.raw(`INSERT INTO search_entries_next (${COLUMNS}) SELECT ${from} FROM search_entries ORDER BY id`).execute(db);
  await sql`DROP TABLE search_entries`.execute(db);
  await sql`ALTER TABLE search_entries_next RENAME TO search_entries`.execute(db);
  await sql`CREATE INDEX search_entries_meeting ON search_entries (meeting_id)`.execute(db);
  const text = withCuts ? TEXT : (row: string) => `${row}.text`;
  await sql.raw(`CREATE VIEW search_content AS SELECT id, title, ${text("search_entries")} AS text, ${TAGS("search_entries")} AS tags FROM search_entries`).execute(db);
  await sql.raw(`CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN
    INSERT INTO search_fts(rowid, title, text, tags) VALUES (new.id, new.title, ${text("new")}, ${TAGS("new")});
  END`).execute(db);
  await sql.raw(`CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN
    INSERT INTO search_fts(search_fts, rowid, title, text, tags) VALUES ('delete', old.id, old.title, ${text("old")}, ${TAGS("old")});
  END`).execute(db);
  await sql.raw(`CREATE TRIGGER search_entries_au AFTER UPDATE ON search_entries BEGIN
    INSERT INTO search_fts(search_fts, rowid, title, text, tags) VALUES ('delete', old.id, old.title, ${text("old")}, ${TAGS("old")});
    INSERT INTO search_fts(rowid, title, text, tags) VALUES (new.id, new.title, ${text("new")}, ${TAGS("new")});
  END`).execute(db);
  await sql`CREATE TRIGGER meetings_draft_unsearchable AFTER UPDATE OF minutes_status ON meetings WHEN new.minutes_status = 'draft' BEGIN
    DELETE FROM search_entries WHERE meeting_id = new.id;
  END`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await replaceTable(db, true);
  // Item entries whose text is their item's cut of the meeting's source now point at it. The
  // index's content is the same text, so it needs no rebuild. (No trigger fires: the update
  // trigger is replaced below, after the rows are converted, to keep the index untouched.)
  await sql`DROP TRIGGER search_entries_au`.execute(db);
  await sql`
    UPDATE search_entries AS e SET text = NULL, text_doc = d.id, text_start = i.text_start, text_end = i.text_end
    FROM items i JOIN meetings m ON m.id = i.meeting_id JOIN source_documents d ON d.id = m.source_document_id
    WHERE e.kind = 'item' AND i.id = e.entity_id AND e.text != '' AND i.text_uncut IS NULL AND i.text_start IS NOT NULL AND i.text_end IS NOT NULL
      AND e.text = quorum_cut(d.packed_text, i.text_start, i.text_end)`.execute(db);
  await sql.raw(`CREATE TRIGGER search_entries_au AFTER UPDATE ON search_entries BEGIN
    INSERT INTO search_fts(search_fts, rowid, title, text, tags) VALUES ('delete', old.id, old.title, ${TEXT("old")}, ${TAGS("old")});
    INSERT INTO search_fts(rowid, title, text, tags) VALUES (new.id, new.title, ${TEXT("new")}, ${TAGS("new")});
  END`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await replaceTable(db, false);
}
