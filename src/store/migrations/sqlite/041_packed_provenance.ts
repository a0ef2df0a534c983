// Version 41: a document's provenance packed on its row (source_documents.packed_provenance, the
// format of provenance-pack.ts) in place of the provenance table, a row per span, which every read
// took a whole document at a time: 2.8 KB a meeting here, 6.3 KB on PostgreSQL. Frozen once released.
import { sql, type Kysely } from "kysely";
import { packProvenance, unpackProvenance } from "../041_provenance_convert.ts";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE source_documents ADD COLUMN packed_provenance BLOB`.execute(db);
  await packProvenance(db);
  await sql`DROP TABLE provenance`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE provenance (
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
  )`.execute(db);
  await sql`CREATE INDEX provenance_document ON provenance (source_document_id, start)`.execute(db);
  await unpackProvenance(db, (b) => (b ? 1 : 0));
  await sql`ALTER TABLE source_documents DROP COLUMN packed_provenance`.execute(db);
}
