// SQLite schema, version 1. Frozen: change the schema with a new numbered migration, never by editing this one.
import { sql, type Kysely } from "kysely";

const NOW = `(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

const statements = [
  `CREATE TABLE authorities (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL UNIQUE,
    time_zone TEXT NOT NULL DEFAULT 'Europe/London',
    created_at TEXT NOT NULL DEFAULT ${NOW}
  )`,
  `CREATE TABLE bodies (
    id INTEGER PRIMARY KEY,
    authority_id INTEGER NOT NULL REFERENCES authorities(id),
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT ${NOW},
    UNIQUE (authority_id, name_key)
  )`,
  `CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    authority_id INTEGER NOT NULL REFERENCES authorities(id),
    slug TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    honorific TEXT,
    forenames TEXT,
    initials TEXT,
    surname TEXT NOT NULL,
    surname_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT ${NOW}
  )`,
  `CREATE INDEX people_surname ON people (authority_id, surname_key)`,
  `CREATE TABLE source_documents (
    id INTEGER PRIMARY KEY,
    file_name TEXT NOT NULL,
    format TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    byte_length INTEGER NOT NULL,
    text TEXT NOT NULL,
    parser_version TEXT NOT NULL,
    warnings TEXT NOT NULL DEFAULT '[]',
    exempt_ranges TEXT NOT NULL DEFAULT '[]',
    meeting_id INTEGER,
    imported_at TEXT NOT NULL DEFAULT ${NOW}
  )`,
  `CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES bodies(id),
    slug TEXT NOT NULL UNIQUE,
    date TEXT NOT NULL,
    start_time TEXT,
    end_time TEXT,
    venue TEXT,
    status TEXT NOT NULL DEFAULT 'held' CHECK (status IN ('scheduled','held','cancelled','postponed')),
    minutes_status TEXT NOT NULL DEFAULT 'published' CHECK (minutes_status IN ('draft','published','approved')),
    source_document_id INTEGER REFERENCES source_documents(id),
    next_meeting_date TEXT,
    next_meeting_time TEXT,
    next_meeting_venue TEXT,
    created_at TEXT NOT NULL DEFAULT ${NOW},
    updated_at TEXT NOT NULL DEFAULT ${NOW}
  )`,
  `CREATE INDEX meetings_body_date ON meetings (body_id, date)`,
  `CREATE INDEX source_documents_meeting ON source_documents (meeting_id)`,
  `CREATE TABLE memberships (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    body_id INTEGER NOT NULL REFERENCES bodies(id),
    role TEXT,
    kind TEXT NOT NULL,
    from_date TEXT,
    to_date TEXT,
    source TEXT NOT NULL DEFAULT 'attendance'
  )`,
  `CREATE INDEX memberships_body ON memberships (body_id)`,
  `CREATE INDEX memberships_person ON memberships (person_id)`,
  `CREATE TABLE attendance (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    raw_name TEXT NOT NULL,
    person_id INTEGER REFERENCES people(id),
    status TEXT NOT NULL CHECK (status IN ('present','apologies','absent','in_attendance')),
    kind TEXT NOT NULL,
    role TEXT,
    substitute_for TEXT,
    substitute_for_person_id INTEGER REFERENCES people(id)
  )`,
  `CREATE INDEX attendance_meeting ON attendance (meeting_id)`,
  `CREATE INDEX attendance_person ON attendance (person_id)`,
  `CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    number TEXT NOT NULL,
    slug TEXT NOT NULL,
    title TEXT NOT NULL,
    exempt INTEGER NOT NULL DEFAULT 0,
    exempt_paragraphs TEXT,
    text TEXT,
    UNIQUE (meeting_id, slug)
  )`,
  `CREATE TABLE resolutions (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    outcome TEXT,
    votes_for INTEGER,
    votes_against INTEGER,
    votes_abstain INTEGER
  )`,
  `CREATE INDEX resolutions_meeting ON resolutions (meeting_id)`,
  `CREATE INDEX resolutions_item ON resolutions (item_id)`,
  `CREATE TABLE declarations (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    item_id INTEGER REFERENCES items(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    raw_name TEXT NOT NULL,
    person_id INTEGER REFERENCES people(id),
    interest TEXT,
    description TEXT
  )`,
  `CREATE INDEX declarations_meeting ON declarations (meeting_id)`,
  `CREATE TABLE recommendations (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    number TEXT NOT NULL,
    text TEXT NOT NULL,
    response TEXT,
    response_text TEXT,
    responsible_member TEXT,
    responsible_officer TEXT,
    action_by TEXT
  )`,
  `CREATE INDEX recommendations_meeting ON recommendations (meeting_id)`,
  `CREATE TABLE provenance (
    id INTEGER PRIMARY KEY,
    entity TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    field TEXT NOT NULL,
    source_document_id INTEGER NOT NULL REFERENCES source_documents(id),
    line INTEGER NOT NULL,
    end_line INTEGER,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    implied INTEGER NOT NULL DEFAULT 0
  )`,
  `CREATE INDEX provenance_entity ON provenance (entity, entity_id)`,
  `CREATE TABLE search_entries (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    meeting_id INTEGER,
    body_id INTEGER,
    authority_id INTEGER NOT NULL,
    year INTEGER,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (kind, entity_id)
  )`,
  `CREATE INDEX search_entries_meeting ON search_entries (meeting_id)`,
  // External-content FTS5 index over search_entries, kept in step by triggers so that writers only
  // ever touch search_entries (the same writes work on PostgreSQL).
  `CREATE VIRTUAL TABLE search_fts USING fts5(
    title, text, content='search_entries', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
  )`,
  `CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN
    INSERT INTO search_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
  END`,
  `CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN
    INSERT INTO search_fts(search_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
  END`,
  `CREATE TRIGGER search_entries_au AFTER UPDATE ON search_entries BEGIN
    INSERT INTO search_fts(search_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO search_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
  END`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["search_fts", "search_entries", "provenance", "recommendations", "declarations", "resolutions", "items", "attendance", "memberships", "meetings", "source_documents", "people", "bodies", "authorities"]) {
    await sql.raw(`DROP TABLE IF EXISTS ${t}`).execute(db);
  }
}
