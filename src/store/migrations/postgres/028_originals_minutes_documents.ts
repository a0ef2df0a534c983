// The original file of imported minutes (PDF, DOCX, HTML…), kept in the document store under
// `document_key` (its SHA-256), with the media type it is served as and its file name, cleaned, for
// a download's Content-Disposition only. Null for documents imported before the file was kept.
// An index on the key lets `quorum check` and removing a paper find who else holds the same bytes.
// Frozen once released.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE source_documents ADD COLUMN document_key TEXT`.execute(db);
  await sql`ALTER TABLE source_documents ADD COLUMN media_type TEXT`.execute(db);
  await sql`ALTER TABLE source_documents ADD COLUMN original_name TEXT`.execute(db);
  await sql`CREATE INDEX source_documents_document_key ON source_documents (document_key)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX source_documents_document_key`.execute(db);
  await sql`ALTER TABLE source_documents DROP COLUMN original_name`.execute(db);
  await sql`ALTER TABLE source_documents DROP COLUMN media_type`.execute(db);
  await sql`ALTER TABLE source_documents DROP COLUMN document_key`.execute(db);
}
