// Crash safety under SIGKILL, many times over, on SQLite and PostgreSQL.
//   npm run bench:crash [-- DIR... [--kills N] [--docs N] [--per-cycle N] [--seed S] [--no-postgres] [--no-sqlite]]
// (default DIR ../shared/corpus/real, 100 kills, a fixed sample of 40 documents, 5 kills per cycle)
// A cycle starts from an empty database and runs `quorum import` over the sample with
// `quorum serve` answering requests on the same database; each is SIGKILLed at its own random
// moment (uniform over the clean import's duration). After every kill the store is checked
// (PRAGMA integrity_check and foreign_key_check on SQLite; on both, every source document wholly
// there — meeting, items, attendance, provenance as a clean import has them — or absent). At the
// end of a cycle the import is run to completion and must equal the clean import (content digest):
// documents missing then are "lost". Reports kills, failures, lost and half-written documents, and
// the peak RSS of the killed processes beside the clean import's (the reference, same run).
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { openStore } from "../src/store/db.ts";
import { storeCounts, storeDigest } from "../src/store/digest.ts";
import { checkIntegrity, docShapes, peakRssKiB, quorumProcess, random } from "../test/support/crash.ts";
import { crashRound } from "../test/support/crash-round.ts";
import { postgresUnavailable, startPostgres } from "../test/support/postgres.ts";
import { median, sampleDocuments } from "./corpus-sample.ts";

const args = process.argv.slice(2);
let kills = 100;
let docs = 40;
let perCycle = 5;
let seed = Date.now() % 1_000_000;
let withPostgres = true;
let withSqlite = true;
const dirs: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--kills") kills = Math.max(1, Number(args[++i]) || 1);
  else if (args[i] === "--docs") docs = Math.max(2, Number(args[++i]) || 2);
  else if (args[i] === "--per-cycle") perCycle = Math.max(1, Number(args[++i]) || 1);
  else if (args[i] === "--seed") seed = Number(args[++i]) || seed;
  else if (args[i] === "--no-postgres") withPostgres = false;
  else if (args[i] === "--no-sqlite") withSqlite = false;
  else dirs.push(resolve(args[i]));
}
if (!dirs.length) dirs.push(fileURLToPath(new URL("../../shared/corpus/real", import.meta.url)));

const files = await sampleDocuments(dirs, docs);
console.log(`machine: ${cpus()[0]?.model ?? "?"} × ${cpus().length}, load ${loadavg().map((x) => x.toFixed(1)).join(" ")}, node ${process.version}`);
console.log(`corpus: ${dirs.join(", ")}: ${files.length} documents; ${kills} kill rounds, ${perCycle} per cycle; seed ${seed}`);

const work = mkdtempSync(join(tmpdir(), "quorum-bench-crash-"));
const scratch = join(work, "scratch");
mkdirSync(scratch);
const env = { TMPDIR: scratch };

interface Outcome {
  dialect: string;
  rounds: number;
  kills: number;
  integrityFailures: number;
  halfWritten: number;
  lost: number;
  digestMismatches: number;
  cycles: number;
  cleanSeconds: number;
  cleanPeakKiB: number;
  importPeaks: number[];
  servePeaks: number[];
  resumeSeconds: number[];
  examples: string[];
}

async function bench(dialect: string, newDb: (name: string) => Promise<string>): Promise<Outcome> {
  const cleanDb = await newDb("clean");
  const t0 = performance.now();
  const clean = quorumProcess(["import", "--db", cleanDb, ...files], env);
  let cleanPeakKiB = 0;
  const watch = setInterval(() => (cleanPeakKiB = Math.max(cleanPeakKiB, peakRssKiB(clean.child.pid))), 25);
  await clean.exited;
  clearInterval(watch);
  const cleanMs = performance.now() - t0;
  const shapes = await docShapes(cleanDb);
  const ref = await openStore(cleanDb);
  const cleanDigest = await storeDigest(ref);
  const cleanCounts = await storeCounts(ref);
  await ref.destroy();
  console.log(`${dialect}: clean import ${(cleanMs / 1000).toFixed(1)} s, ${cleanCounts.sourceDocuments} source documents, ${cleanCounts.meetings} meetings, peak RSS ${(cleanPeakKiB / 1024).toFixed(0)} MiB`);

  const next = random(seed);
  const o: Outcome = { dialect, rounds: 0, kills: 0, integrityFailures: 0, halfWritten: 0, lost: 0, digestMismatches: 0, cycles: 0, cleanSeconds: cleanMs / 1000, cleanPeakKiB, importPeaks: [], servePeaks: [], resumeSeconds: [], examples: [] };
  while (o.rounds < kills) {
    const db = await newDb(`crash_${o.cycles}`);
    for (let k = 0; k < perCycle && o.rounds < kills; k++, o.rounds++) {
      const r = await crashRound(db, files, 200 + next() * cleanMs * 1.1, 200 + next() * cleanMs * 1.1, env);
      o.kills += r.kills;
      if (r.peakImportKiB) o.importPeaks.push(r.peakImportKiB);
      if (r.peakServeKiB) o.servePeaks.push(r.peakServeKiB);
      const integrity = await checkIntegrity(db, shapes);
      if (integrity.storage.length) {
        o.integrityFailures++;
        o.examples.push(...integrity.storage.slice(0, 2));
      }
      o.halfWritten += integrity.halfWritten.length;
      o.examples.push(...integrity.halfWritten.slice(0, 2));
    }
    const t1 = performance.now();
    const resume = quorumProcess(["import", "--db", db, ...files], env);
    await resume.exited;
    o.resumeSeconds.push((performance.now() - t1) / 1000);
    const store = await openStore(db);
    try {
      const counts = await storeCounts(store);
      o.lost += Math.max(0, cleanCounts.sourceDocuments - counts.sourceDocuments);
      if ((await storeDigest(store)) !== cleanDigest) o.digestMismatches++;
    } finally {
      await store.destroy();
    }
    o.cycles++;
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(scratch);
    process.stdout.write(`  ${dialect}: ${o.rounds}/${kills} rounds, ${o.kills} kills, integrity failures ${o.integrityFailures}, half-written ${o.halfWritten}, lost ${o.lost}, digest mismatches ${o.digestMismatches}\n`);
  }
  return o;
}

function report(o: Outcome): void {
  console.log(`\nresults (${o.dialect}):`);
  console.log(
    `  ${o.dialect.padEnd(8)} rounds ${o.rounds}, processes killed ${o.kills}, integrity failures ${o.integrityFailures}, documents lost ${o.lost}, half-written documents ${o.halfWritten}, ` +
      `resumed ≠ clean ${o.digestMismatches} of ${o.cycles} cycles`,
  );
  console.log(
    `  ${"".padEnd(8)} peak RSS of killed imports: median ${(median(o.importPeaks) / 1024).toFixed(0)} MiB, max ${(Math.max(0, ...o.importPeaks) / 1024).toFixed(0)} MiB ` +
      `(clean import ${(o.cleanPeakKiB / 1024).toFixed(0)} MiB); killed servers: median ${(median(o.servePeaks) / 1024).toFixed(0)} MiB, max ${(Math.max(0, ...o.servePeaks) / 1024).toFixed(0)} MiB; ` +
      `resume to completion median ${median(o.resumeSeconds).toFixed(1)} s (clean import ${o.cleanSeconds.toFixed(1)} s)`,
  );
  for (const e of o.examples.slice(0, 5)) console.log(`    ${e}`);
}

const outcomes: Outcome[] = [];
try {
  let n = 0;
  if (withSqlite) outcomes.push(await bench("sqlite", async (name) => `sqlite:${join(work, `${name}-${++n}.db`)}`));
  outcomes.forEach(report);
  const pgSkip = withPostgres ? postgresUnavailable() : "--no-postgres";
  if (pgSkip) console.log(`postgres: skipped (${pgSkip})`);
  else {
    const cluster = await startPostgres();
    try {
      outcomes.push(await bench("postgres", () => cluster.createDatabase()));
      report(outcomes[outcomes.length - 1]);
    } finally {
      await cluster.stop();
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (outcomes.some((o) => o.integrityFailures || o.lost || o.halfWritten || o.digestMismatches)) process.exitCode = 1;
