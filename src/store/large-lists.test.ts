// Statements over lists of ids stay under the databases' bound-variable limits (SQLite 32766,
// PostgreSQL 65535), however many people one document names.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "./db.ts";
import { reindexPeople } from "./search.ts";
import { storeDigest } from "./digest.ts";
import { postgresUnavailable, startPostgres, type PostgresCluster } from "../../test/support/postgres.ts";

const PG_SKIP = postgresUnavailable();
const tmp = mkdtempSync(join(tmpdir(), "quorum-large-"));
let cluster: Promise<PostgresCluster> | null = null;
after(async () => {
  if (cluster) await (await cluster).stop();
  rmSync(tmp, { recursive: true, force: true });
});

for (const dialect of ["sqlite", "postgres"] as const) {
  describe(`large lists on ${dialect}`, { skip: dialect === "postgres" && PG_SKIP ? PG_SKIP : false }, () => {
    test("people's search entries are rewritten for 70,000 people at once", async () => {
      let url = `sqlite:${join(tmp, "large.db")}`;
      if (dialect === "postgres") {
        cluster ??= startPostgres();
        url = await (await cluster).createDatabase();
      }
      const db = await openStore(url);
      try {
        const before = await storeDigest(db);
        await reindexPeople(db, Array.from({ length: 70_000 }, (_, i) => i + 1));
        assert.equal(await storeDigest(db), before);
      } finally {
        await db.destroy();
      }
    });
  });
}
