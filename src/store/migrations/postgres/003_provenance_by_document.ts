// Version 3: provenance looked up by source document (a meeting page links every value to its
// line; without this index that read scans the whole table). Frozen once released.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX provenance_document ON provenance (source_document_id, start)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS provenance_document`.execute(db);
}
