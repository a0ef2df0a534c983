// Agendas and their papers, before the meeting. agenda_items: what the meeting will take, in order,
// each with its report author, wards, decision maker, and whether it is exempt (with its paragraph
// of Schedule 12A to the Local Government Act 1972). agenda_papers: the documents uploaded for an
// item, the bytes kept in the document store under `document_key`; a paper may be exempt on its
// own (an exempt appendix to a public report). agenda_publications: each publication of the agenda
// (sequence 0) and of a supplement (1, 2, …), with its time, the clear working days it gave, the
// reason it was late, and its reports pack in the document store. An item or paper is public once
// it carries a publication. agendas.version refuses a publish from a page that was out of date.
// Frozen once released.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE agendas (
    meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
    version INTEGER NOT NULL DEFAULT 1
  )`.execute(db);
  await sql`CREATE TABLE agenda_publications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    sequence INTEGER NOT NULL,
    published_at TEXT NOT NULL,
    published_on TEXT NOT NULL,
    clear_days INTEGER NOT NULL,
    required_days INTEGER NOT NULL,
    late_reason TEXT,
    pack_key TEXT NOT NULL,
    pack_bytes INTEGER NOT NULL,
    pack_pages INTEGER NOT NULL,
    published_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    UNIQUE (meeting_id, sequence)
  )`.execute(db);
  await sql`CREATE TABLE agenda_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    number TEXT NOT NULL,
    title TEXT NOT NULL,
    report_author TEXT,
    wards TEXT,
    decision_maker TEXT,
    exempt INTEGER NOT NULL DEFAULT 0 CHECK (exempt IN (0, 1)),
    exempt_paragraph TEXT,
    publication_id INTEGER REFERENCES agenda_publications(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    UNIQUE (meeting_id, number)
  )`.execute(db);
  await sql`CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, position)`.execute(db);
  await sql`CREATE TABLE agenda_papers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    format TEXT NOT NULL CHECK (format IN ('pdf', 'docx')),
    file_name TEXT NOT NULL,
    byte_length INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    document_key TEXT NOT NULL,
    page_count INTEGER,
    exempt INTEGER NOT NULL DEFAULT 0 CHECK (exempt IN (0, 1)),
    exempt_paragraph TEXT,
    publication_id INTEGER REFERENCES agenda_publications(id) ON DELETE SET NULL,
    uploaded_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX agenda_papers_item ON agenda_papers (item_id, position)`.execute(db);
  await sql`CREATE INDEX agenda_papers_meeting ON agenda_papers (meeting_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS agenda_papers`.execute(db);
  await sql`DROP TABLE IF EXISTS agenda_items`.execute(db);
  await sql`DROP TABLE IF EXISTS agenda_publications`.execute(db);
  await sql`DROP TABLE IF EXISTS agendas`.execute(db);
}
