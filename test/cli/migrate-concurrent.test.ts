// Several processes opening one new SQLite database at once (two importers, or an import and
// `quorum serve` started together) must each find the schema made once, not race to make it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openStore } from "../../src/store/db.ts";
import { migrationNames } from "../../src/store/migrate.ts";

const BIN = fileURLToPath(new URL("../../bin/quorum", import.meta.url));

function migrate(db: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(BIN, ["migrate", "--db", db], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

test("four processes migrating one new SQLite database at once all succeed, and the schema is made once", async () => {
  const dir = mkdtempSync(join(tmpdir(), "quorum-migrate-"));
  try {
    for (let round = 0; round < 3; round++) {
      const db = join(dir, `round-${round}.db`);
      const runs = await Promise.all([1, 2, 3, 4].map(() => migrate(db)));
      assert.deepEqual(runs.map((r) => r.code), [0, 0, 0, 0], runs.map((r) => r.stderr).join("\n"));
      const store = await openStore(db, { migrate: false });
      try {
        const rows = await store.selectFrom("kysely_migration" as never).select("name" as never).execute();
        assert.deepEqual(rows.map((r) => (r as { name: string }).name).sort(), migrationNames("sqlite"));
      } finally {
        await store.destroy();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
