// Version 18 (memsize): an item's search entry no longer keeps a second copy of the item's text.
// Where the text is a cut of a source document (as items keep it, migration 017), the entry holds
// where: `text_doc` (the source document, whose text never changes under its id), `text_start`,
// `text_end`, and `text` is NULL. `tsv` stops being a generated column (it cannot be derived from a
// NULL text): a trigger derives it from the text as before, and the one writer of cut entries
// (search.ts) gives it from the cut's text; a cut entry without it is refused. Snippets cut the
// text of the shown entries only. Existing entries are converted in batches: their tsv is the same
// text's, so it stays. Frozen once released.
import { inflateSync } from "node:zlib";
import { sql, type Kysely } from "kysely";

const BATCH = 200;
const joinBlankLines = (cut: string) => cut.replace(/\n{3,}/g, "\n\n");

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE search_entries ALTER COLUMN tsv DROP EXPRESSION`.execute(db);
  await sql`ALTER TABLE search_entries ALTER COLUMN text DROP NOT NULL`.execute(db);
  await sql`ALTER TABLE search_entries ADD COLUMN text_doc INTEGER REFERENCES source_documents(id)`.execute(db);
  await sql`ALTER TABLE search_entries ADD COLUMN text_start INTEGER`.execute(db);
  await sql`ALTER TABLE search_entries ADD COLUMN text_end INTEGER`.execute(db);
  await sql`ALTER TABLE search_entries ADD CONSTRAINT search_entries_text_or_cut CHECK ((text IS NULL) = (text_doc IS NOT NULL AND text_start IS NOT NULL AND text_end IS NOT NULL))`.execute(db);
  await sql`CREATE FUNCTION search_entries_tsv() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.text IS NOT NULL THEN
        NEW.tsv := setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A') || setweight(to_tsvector('english', NEW.text), 'B');
      ELSIF NEW.tsv IS NULL THEN
        RAISE EXCEPTION 'search entry % keeps its text as a cut but was given no tsv', NEW.id;
      END IF;
      RETURN NEW;
    END $$`.execute(db);
  await sql`CREATE TRIGGER search_entries_tsv BEFORE INSERT OR UPDATE ON search_entries FOR EACH ROW EXECUTE FUNCTION search_entries_tsv()`.execute(db);

  for (let after = 0; ; ) {
    const meetings = await db
      .selectFrom("meetings")
      .innerJoin("source_documents as d", "d.id", "meetings.source_document_id")
      .where("meetings.id", ">", after)
      .select(["meetings.id", "d.id as doc", "d.packed_text"])
      .orderBy("meetings.id")
      .limit(BATCH)
      .execute();
    if (!meetings.length) break;
    for (const m of meetings) {
      const entries = await db
        .selectFrom("search_entries as e")
        .innerJoin("items as i", "i.id", "e.entity_id")
        .where("e.kind", "=", "item")
        .where("e.meeting_id", "=", m.id)
        .where("i.meeting_id", "=", m.id)
        .where("e.text", "!=", "")
        .where("i.text_uncut", "is", null)
        .where("i.text_start", "is not", null)
        .where("i.text_end", "is not", null)
        .select(["e.id", "e.text", "i.text_start", "i.text_end"])
        .execute();
      if (!entries.length) continue;
      const source = inflateSync(m.packed_text).toString("utf8");
      for (const e of entries) {
        if (joinBlankLines(source.slice(e.text_start, e.text_end)) !== e.text) continue;
        await db.updateTable("search_entries").set({ text: null, text_doc: m.doc, text_start: e.text_start, text_end: e.text_end }).where("id", "=", e.id).execute();
      }
    }
    after = meetings[meetings.length - 1].id;
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (let after = 0; ; ) {
    const rows = await db
      .selectFrom("search_entries as e")
      .innerJoin("source_documents as d", "d.id", "e.text_doc")
      .where("e.text", "is", null)
      .where("e.id", ">", after)
      .select(["e.id", "e.text_start", "e.text_end", "d.packed_text"])
      .orderBy("e.id")
      .limit(BATCH)
      .execute();
    if (!rows.length) break;
    for (const r of rows) {
      const text = joinBlankLines(inflateSync(r.packed_text).toString("utf8").slice(r.text_start, r.text_end));
      await db.updateTable("search_entries").set({ text, text_doc: null, text_start: null, text_end: null }).where("id", "=", r.id).execute();
    }
    after = rows[rows.length - 1].id;
  }
  await sql`DROP TRIGGER search_entries_tsv ON search_entries`.execute(db);
  await sql`DROP FUNCTION search_entries_tsv()`.execute(db);
  await sql`ALTER TABLE search_entries DROP CONSTRAINT search_entries_text_or_cut`.execute(db);
  await sql`ALTER TABLE search_entries DROP COLUMN text_end`.execute(db);
  await sql`ALTER TABLE search_entries DROP COLUMN text_start`.execute(db);
  await sql`ALTER TABLE search_entries DROP COLUMN text_doc`.execute(db);
  await sql`ALTER TABLE search_entries ALTER COLUMN text SET NOT NULL`.execute(db);
  await sql`ALTER TABLE search_entries DROP COLUMN tsv`.execute(db);
  await sql`ALTER TABLE search_entries ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(text, '')), 'B')
  ) STORED`.execute(db);
  await sql`CREATE INDEX search_entries_tsv ON search_entries USING GIN (tsv)`.execute(db);
}
