// Nothing to change on SQLite. PostgreSQL's 018 gives a filtered search an
// ordered walk of one committee's, council's or year's entries; FTS5 already answers a filtered
// search inside its index, through the filter tags of 016_search_tags. Kept so that both dialects
// number their migrations alike. Frozen once released.
import type { Kysely } from "kysely";

export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}
