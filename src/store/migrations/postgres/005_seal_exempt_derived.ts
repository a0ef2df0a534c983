// Version 5: what is parsed from an exempt item is sealed with it. Declarations of interest,
// recommendations and their tracked copies, and work-programme changes carry an `exempt` flag set
// on import; public reads show only unflagged rows. Rows already stored are flagged from the items
// and exempt text they came from. Frozen once released.
import { sql, type Kysely } from "kysely";
import { backfillSealed } from "../005_seal_backfill.ts";

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ["declarations", "recommendations", "tracked_recommendations", "work_programme_events"]) {
    await sql`ALTER TABLE ${sql.table(table)} ADD COLUMN exempt BOOLEAN NOT NULL DEFAULT FALSE`.execute(db);
  }
  await backfillSealed(db, true);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["work_programme_events", "tracked_recommendations", "recommendations", "declarations"]) {
    await sql`ALTER TABLE ${sql.table(table)} DROP COLUMN exempt`.execute(db);
  }
}
