// Several processes opening the same new SQLite file at once (`quorum serve` and imports started
// together) each migrate it: one applies the migrations and the others wait, none fails.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "./db.ts";
import { migrationNames } from "./migrate.ts";
import { sql } from "kysely";

const BIN = new URL("../../bin/quorum", import.meta.url).pathname;

function migrate(db: string): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, [BIN, "migrate", "--db", db], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, DATABASE_URL: "" } });
  let out = "";
  child.stdout.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr.on("data", (c: Buffer) => (out += c.toString()));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, out })));
}

test("four quorum migrate processes at once on a new SQLite file all succeed, and each migration runs once", async () => {
  const dir = mkdtempSync(join(tmpdir(), "quorum-migrate-race-"));
  try {
    for (let round = 0; round < 3; round++) {
      const file = `sqlite:${join(dir, `race-${round}.db`)}`;
      const runs = await Promise.all([migrate(file), migrate(file), migrate(file), migrate(file)]);
      for (const r of runs) assert.equal(r.code, 0, `round ${round}: ${r.out}`);
      assert.equal(runs.filter((r) => /^applied /.test(r.out)).length, 1, runs.map((r) => r.out).join(""));
      const db = await openStore(file, { migrate: false });
      try {
        const applied = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
        assert.deepEqual(applied.rows.map((r) => r.name), migrationNames("sqlite"));
      } finally {
        await db.destroy();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
