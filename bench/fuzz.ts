// Fuzzing at scale: at least 10,000 generated and mutated documents of every format, read and parsed
// in the worker pool as `quorum import` does it.
//   npm run bench:fuzz [-- --cases N] [--seed S]      (QUORUM_FUZZ_SEED works too)
// Prints cases run, records, one-line errors, crashes (must be 0), timeouts, store changes on error
// (must be 0: every failing document is imported again into a store of its own, whose digest must
// not move) and the process's peak RSS, workers included.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, cpus } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { ParsePool } from "../src/cli/parse-pool.ts";
import { importDocument } from "../src/cli/import-document.ts";
import { QuorumError } from "../src/domain/errors.ts";
import { limitsFromEnv, formatBytes } from "../src/ingest/limits.ts";
import { openStore } from "../src/store/db.ts";
import { storeDigest } from "../src/store/digest.ts";
import { CaseGenerator, fuzzSeed, type FuzzCase } from "../test/fuzz/cases.ts";

const args = process.argv.slice(2);
let cases = 10_000;
let seed = fuzzSeed();
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--cases") cases = Math.max(1, Number(args[++i]) || cases);
  else if (args[i] === "--seed") seed = Number(args[++i]) >>> 0;
}

const env = limitsFromEnv();
// the generator's bombs inflate to 9–40 MiB; the inflate limit is held below that unless set
const limits = { ...env, maxInflatedBytes: process.env.QUORUM_MAX_INFLATED_BYTES ? env.maxInflatedBytes : 8 * 1024 * 1024 };
const pool = new ParsePool(limits);
const tmp = mkdtempSync(join(tmpdir(), "quorum-bench-fuzz-"));
const errorStore = await openStore(`sqlite:${join(tmp, "errors.db")}`);
const emptyDigest = await storeDigest(errorStore);

console.log(`fuzz: ${cases} cases, seed ${seed} (rerun with --seed ${seed}), ${limits.workers} workers, ${cpus().length} cores, Node ${process.version}`);
console.log(`limits: inflate ${formatBytes(limits.maxInflatedBytes)}, depth ${limits.maxDepth}, time ${limits.timeoutMs / 1000} s, heap ${limits.maxMemoryMb} MB`);

const tally = { records: 0, errors: 0, crashes: 0, timeouts: 0, storeChanges: 0 };
const crashes: string[] = [];
const byKind = new Map<string, { n: number; records: number; errors: number; ms: number[] }>();
const generator = new CaseGenerator(seed);
const started = performance.now();

async function one(n: number, c: FuzzCase): Promise<void> {
  const file = join(tmp, `case-${n}.${c.format}`);
  const k = byKind.get(c.kind) ?? { n: 0, records: 0, errors: 0, ms: [] };
  byKind.set(c.kind, k);
  k.n++;
  const t0 = performance.now();
  try {
    await pool.parse({ file, format: c.format, bytes: c.bytes });
    k.ms.push(performance.now() - t0);
    tally.records++;
    k.records++;
    return;
  } catch (err) {
    k.ms.push(performance.now() - t0);
    const message = err instanceof Error ? err.message : String(err);
    if (!(err instanceof QuorumError) || message.includes("\n") || !message.startsWith(`${file}: `)) {
      tally.crashes++;
      crashes.push(`case ${n} (${c.kind}): ${err instanceof Error ? err.stack : message}`);
      return;
    }
    if (/QUORUM_TIMEOUT_SECONDS/.test(message)) {
      tally.timeouts++;
      return;
    }
    tally.errors++;
    k.errors++;
  }
  // a failing document, imported: it must fail again and store nothing
  writeFileSync(file, c.bytes);
  try {
    await importDocument(errorStore, file, { pool });
    tally.storeChanges++;
    crashes.push(`case ${n} (${c.kind}): failed to parse, then imported`);
  } catch {
    // expected
  }
  rmSync(file, { force: true });
}

let next = 0;
const lanes = Array.from({ length: limits.workers * 2 }, async () => {
  while (next < cases) {
    const n = next++;
    await one(n, generator.next());
    if (n > 0 && n % 500 === 0) console.log(`  ${n} cases, ${((performance.now() - started) / 1000).toFixed(0)} s, ${JSON.stringify(tally)}, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  }
});
await Promise.all(lanes);
if ((await storeDigest(errorStore)) !== emptyDigest) tally.storeChanges++;
const seconds = (performance.now() - started) / 1000;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1] : 0;
};
console.log(`\ncases run              ${cases}`);
console.log(`records                ${tally.records}`);
console.log(`one-line errors        ${tally.errors}`);
console.log(`crashes                ${tally.crashes}`);
console.log(`timeouts               ${tally.timeouts}`);
console.log(`store changes on error ${tally.storeChanges}`);
console.log(`peak RSS               ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (process and workers)`);
console.log(`wall time              ${seconds.toFixed(0)} s`);
console.log(`\n${"kind".padEnd(18)} ${"cases".padStart(6)} ${"records".padStart(8)} ${"errors".padStart(7)} ${"median ms".padStart(10)}`);
for (const [kind, k] of [...byKind].sort()) console.log(`${kind.padEnd(18)} ${String(k.n).padStart(6)} ${String(k.records).padStart(8)} ${String(k.errors).padStart(7)} ${median(k.ms).toFixed(0).padStart(10)}`);
for (const c of crashes.slice(0, 20)) console.log(`\n${c}`);

await pool.close();
await errorStore.destroy();
rmSync(tmp, { recursive: true, force: true });
if (tally.crashes || tally.storeChanges) process.exitCode = 1;
