// Migration 005 flags what stores made before it hold from exempt items. The rows an import makes
// today are unflagged by hand (as version 4 stored them), then the backfill must find the same
// ones the import flagged, on SQLite and PostgreSQL.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { join, resolve } from "node:path";
import { sql } from "kysely";
import { parsedDb, stopPostgres } from "../../../test/support/portal-db.ts";
import { postgresUnavailable } from "../../../test/support/postgres.ts";
import { trackerDb } from "../scrutiny/schema.ts";
import { backfillSealed } from "./005_seal_backfill.ts";
import { migrator } from "../migrate.ts";

const V2_EXEMPT = join(resolve(import.meta.dirname, "../../../test/fixtures/exempt"), "staffs-2016-12-12-v2-item-35-exempt.txt");
const TABLES = ["declarations", "recommendations", "tracked_recommendations", "work_programme_events"] as const;

for (const dialect of ["sqlite", "postgres"] as const) {
  const skip = dialect === "postgres" ? postgresUnavailable() ?? false : false;
  describe(`migration 005 backfill on ${dialect}`, { skip }, () => {
    after(() => stopPostgres());

    test("rows stored before version 5 are flagged exempt exactly where an import now flags them", async () => {
      const t = await parsedDb([V2_EXEMPT], dialect);
      try {
        const db = trackerDb(t.db);
        const flagged = async () => {
          const out: Record<string, number> = {};
          for (const table of TABLES) {
            const row = await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE ${sql.ref("exempt")}`.execute(db);
            out[table] = Number(row.rows[0].n);
          }
          return out;
        };
        const imported = await flagged();
        // item 35: one declaration, two recommendations tracked, two work-programme changes
        assert.deepEqual(imported, { declarations: 1, recommendations: 2, tracked_recommendations: 2, work_programme_events: 2 });
        const no = dialect === "postgres" ? false : 0;
        for (const table of TABLES) await sql`UPDATE ${sql.table(table)} SET exempt = ${no}`.execute(db);
        assert.deepEqual(await flagged(), { declarations: 0, recommendations: 0, tracked_recommendations: 0, work_programme_events: 0 });

        // the backfill ran as part of migration 005, on the item text columns of its time (015 changed them)
        assert.equal((await migrator(t.db).migrateTo("014_questions_time")).error, undefined);
        await backfillSealed(db, dialect === "postgres" ? true : 1);
        assert.deepEqual(await flagged(), imported);
        // and nothing public was sealed: item 28's declaration and item 33's changes stay public
        assert.equal(Number((await db.selectFrom("declarations").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n), 2);
        assert.ok(Number((await db.selectFrom("work_programme_events").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n) > 2);
      } finally {
        await t.close();
      }
    });
  });
}
