// Version 15 (size): a document's source text and parsed record are stored deflated (BLOB
// packed_text / packed_record, in place of text / record_json), and an item's text as where it
// lies in its meeting's source text (text_start / text_end) instead of a second copy; the copy
// stays, renamed text_uncut, only where no cut of the source gives the text. provenance_entity goes:
// every read of provenance finds it through its document. Existing rows
// are converted (017_size_convert.ts). The space the old columns held is reused by later writes;
// `VACUUM` returns it to the file system. Frozen once released.
import { sql, type Kysely } from "kysely";
import { packDocuments, unpackDocuments } from "../017_size_convert.ts";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE source_documents ADD COLUMN packed_text BLOB NOT NULL DEFAULT x''`.execute(db);
  await sql`ALTER TABLE source_documents ADD COLUMN packed_record BLOB`.execute(db);
  await sql`ALTER TABLE items ADD COLUMN text_start INTEGER`.execute(db);
  await sql`ALTER TABLE items ADD COLUMN text_end INTEGER`.execute(db);
  await sql`ALTER TABLE items RENAME COLUMN text TO text_uncut`.execute(db);
  await packDocuments(db);
  // provenance is read through its document (provenance_document, migration 003), never by entity alone
  await sql`DROP INDEX provenance_entity`.execute(db);
  await sql`ALTER TABLE source_documents DROP COLUMN text`.execute(db);
  await sql`ALTER TABLE source_documents DROP COLUMN record_json`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX provenance_entity ON provenance (entity, entity_id)`.execute(db);
  await sql`ALTER TABLE source_documents ADD COLUMN text TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE source_documents ADD COLUMN record_json TEXT`.execute(db);
  await unpackDocuments(db);
  await sql`ALTER TABLE items RENAME COLUMN text_uncut TO text`.execute(db);
  await sql`ALTER TABLE items DROP COLUMN text_end`.execute(db);
  await sql`ALTER TABLE items DROP COLUMN text_start`.execute(db);
  await sql`ALTER TABLE source_documents DROP COLUMN packed_record`.execute(db);
  await sql`ALTER TABLE source_documents DROP COLUMN packed_text`.execute(db);
}
