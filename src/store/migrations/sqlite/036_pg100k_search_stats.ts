// PostgreSQL's planner statistics for the search tsvector (see the PostgreSQL migration of this
// name). SQLite's FTS5 walks its posting lists with no estimate to get wrong: nothing to do.
// Frozen once released.
import type { Kysely } from "kysely";

export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}
