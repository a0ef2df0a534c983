// Generated and mutated documents of every format (random bytes, truncated and corrupted fixtures,
// zip bombs, deep nesting, entity bombs, huge lines and lists, mixed encodings, NUL bytes) through
// the import path: each must give a record or a one-line error naming the file, and an error must
// leave the store unchanged. The seed is printed; QUORUM_FUZZ_SEED=<seed> reruns the same cases.
// QUORUM_FUZZ_CASES sets how many (a few dozen here; `npm run bench:fuzz` runs ten thousand).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ParsePool } from "../../src/cli/parse-pool.ts";
import { DEFAULT_LIMITS } from "../../src/ingest/limits.ts";
import { openStore, type Db } from "../../src/store/db.ts";
import { CaseGenerator, fuzzSeed, KINDS } from "./cases.ts";
import { runCase, type Outcome } from "./run.ts";

const seed = fuzzSeed();
const cases = Number(process.env.QUORUM_FUZZ_CASES ?? 72);
const tmp = mkdtempSync(join(tmpdir(), "quorum-fuzz-"));
// the bombs the generator builds inflate to 9–40 MiB, past this limit
const pool = new ParsePool({ ...DEFAULT_LIMITS, maxInflatedBytes: 8 * 1024 * 1024, workers: 2 });
let db: Db;

before(async () => {
  db = await openStore(`sqlite:${join(tmp, "fuzz.db")}`);
});
after(async () => {
  await db?.destroy();
  await pool.close();
  rmSync(tmp, { recursive: true, force: true });
});

test(`every fuzz case gives a record or a one-line error that leaves the store unchanged (seed ${seed})`, async (t) => {
  t.diagnostic(`QUORUM_FUZZ_SEED=${seed} QUORUM_FUZZ_CASES=${cases}`);
  console.log(`fuzz seed ${seed} (rerun with QUORUM_FUZZ_SEED=${seed})`);
  const generator = new CaseGenerator(seed);
  const tally = new Map<string, number>();
  const failures: string[] = [];
  const seen = new Set<string>();
  for (let n = 0; n < cases; n++) {
    // every kind at least once, then as the generator picks
    let c = generator.next();
    if (n < KINDS.length * 3) while (seen.has(c.kind) && seen.size < KINDS.length) c = generator.next();
    seen.add(c.kind);
    const outcome: Outcome = await runCase(pool, db, tmp, n, c);
    tally.set(outcome.kind, (tally.get(outcome.kind) ?? 0) + 1);
    if (outcome.kind === "crash" || outcome.kind === "store-changed" || outcome.kind === "timeout") failures.push(`case ${n} (${c.kind}, ${c.format}): ${outcome.kind}: ${outcome.message}`);
  }
  t.diagnostic(JSON.stringify(Object.fromEntries(tally)));
  assert.deepEqual(failures, [], `seed ${seed}`);
  assert.equal(seen.size, KINDS.length);
  assert.ok((tally.get("record") ?? 0) > 0 && (tally.get("error") ?? 0) > 0, JSON.stringify(Object.fromEntries(tally)));
});
