// `quorum import` and `quorum serve` SIGKILLed at random moments, a few times over, on SQLite and
// PostgreSQL: after every kill the store is intact (integrity and foreign keys; each source
// document wholly there with its meeting, items, attendance and provenance, or absent), and
// running the import again ends equal to one clean import. (`npm run bench:crash` does it 100 times.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { openStore } from "../store/db.ts";
import { storeCounts, storeDigest } from "../store/digest.ts";
import { checkIntegrity, docShapes, quorumProcess, random } from "../../test/support/crash.ts";
import { crashRound } from "../../test/support/crash-round.ts";
import { corpusLines, writeRecords } from "../../test/support/import-corpus.ts";
import { postgresUnavailable, startPostgres } from "../../test/support/postgres.ts";

const tmp = mkdtempSync(join(tmpdir(), "quorum-crash-"));
test.after(() => rmSync(tmp, { recursive: true, force: true }));

async function killedAndResumedEqualsClean(crashDb: string, cleanDb: string, dir: string, seed: number): Promise<void> {
  const records = writeRecords(join(dir, "records.jsonl"), corpusLines(dir, 40));
  // the runs' own temporary files stay in this test's folder, even when a kill leaves them behind
  const scratch = join(dir, "scratch");
  mkdirSync(scratch);
  const env = { TMPDIR: scratch };

  const t0 = performance.now();
  const clean = quorumProcess(["import", "--db", cleanDb, "--records", records], env);
  const c = await clean.exited;
  assert.equal(c.code, 0, clean.out());
  const cleanMs = performance.now() - t0;
  const shapes = await docShapes(cleanDb);
  assert.equal(shapes.size, 40);

  const next = random(seed);
  let kills = 0;
  for (let round = 0; round < 3; round++) {
    const r = await crashRound(crashDb, ["--records", records], 300 + next() * cleanMs, 300 + next() * cleanMs, env);
    kills += r.kills;
    const integrity = await checkIntegrity(crashDb, shapes);
    assert.deepEqual(integrity.storage, [], `seed ${seed}, round ${round}`);
    assert.deepEqual(integrity.halfWritten, [], `seed ${seed}, round ${round}`);
  }
  assert.ok(kills >= 1, `seed ${seed}: no process was still running when killed`);

  const rerun = quorumProcess(["import", "--db", crashDb, "--records", records], env);
  const r = await rerun.exited;
  assert.equal(r.code, 0, rerun.out());
  const a = await openStore(crashDb);
  const b = await openStore(cleanDb);
  try {
    assert.deepEqual(await storeCounts(a), await storeCounts(b));
    assert.equal(await storeDigest(a), await storeDigest(b), `seed ${seed}`);
  } finally {
    await a.destroy();
    await b.destroy();
  }
}

const seed = Number(process.env.QUORUM_CRASH_SEED) || Date.now() % 1_000_000;

test(`SQLite: import and serve killed at random three times, then resumed, equal a clean import (seed ${seed})`, async () => {
  const dir = mkdtempSync(join(tmp, "sqlite-"));
  await killedAndResumedEqualsClean(`sqlite:${join(dir, "crash.db")}`, `sqlite:${join(dir, "clean.db")}`, dir, seed);
});

test(`PostgreSQL: import and serve killed at random three times, then resumed, equal a clean import (seed ${seed})`, { skip: postgresUnavailable() ?? false }, async () => {
  const dir = mkdtempSync(join(tmp, "pg-"));
  const cluster = await startPostgres();
  try {
    await killedAndResumedEqualsClean(await cluster.createDatabase(), await cluster.createDatabase(), dir, seed);
  } finally {
    await cluster.stop();
  }
});
