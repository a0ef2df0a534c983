// Several `quorum import` processes at once over overlapping parts of a folder of real minutes, on
// SQLite and PostgreSQL.
//   npm run bench:concurrency [-- DIR... [--docs N] [--importers 2,3,4] [--no-postgres]]
// (default DIR ../shared/corpus/real, a fixed sample of 80 documents, 2, 3 and 4 importers)
// Importer i of k takes a window of 60% of the sample starting at i/k of the way round, so every
// document is in at least one window and most in two or more. Reports each run's documents,
// failures (must be 0), documents lost against a clean single import (must be 0), whether the
// store equals that clean import (counts and content digest), and wall time beside the clean
// import's (the reference, same run).
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { openStore } from "../src/store/db.ts";
import { storeCounts, storeDigest, type StoreCounts } from "../src/store/digest.ts";
import { quorumProcess } from "../test/support/crash.ts";
import { postgresUnavailable, startPostgres } from "../test/support/postgres.ts";
import { sampleDocuments } from "./corpus-sample.ts";

const args = process.argv.slice(2);
let docs = 80;
let importerCounts = [2, 3, 4];
let withPostgres = true;
const dirs: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--docs") docs = Math.max(2, Number(args[++i]) || 2);
  else if (args[i] === "--importers") importerCounts = args[++i].split(",").map(Number).filter((n) => n >= 1);
  else if (args[i] === "--no-postgres") withPostgres = false;
  else dirs.push(resolve(args[i]));
}
if (!dirs.length) dirs.push(fileURLToPath(new URL("../../shared/corpus/real", import.meta.url)));

const files = await sampleDocuments(dirs, docs);
console.log(`machine: ${cpus()[0]?.model ?? "?"} × ${cpus().length}, load ${loadavg().map((x) => x.toFixed(1)).join(" ")}, node ${process.version}`);
console.log(`corpus: ${dirs.join(", ")}: ${files.length} documents; importers: ${importerCounts.join(", ")}`);

const work = mkdtempSync(join(tmpdir(), "quorum-bench-concurrency-"));
const env = { TMPDIR: work };

const SUMMARY = /^(\d+) documents?: ok (\d+) \((\d+) new, (\d+) updated in place\), unchanged (\d+), failed (\d+)/m;

interface Run {
  code: number | null;
  documents: number;
  ok: number;
  unchanged: number;
  failed: number;
  failures: string[];
}

async function importRun(db: string, paths: string[]): Promise<Run> {
  const p = quorumProcess(["import", "--db", db, ...paths], env);
  const { code } = await p.exited;
  const m = SUMMARY.exec(p.out());
  const [documents, ok, , , unchanged, failed] = m ? m.slice(1).map(Number) : [0, 0, 0, 0, 0, -1];
  return { code, documents, ok, unchanged, failed, failures: p.out().split("\n").filter((l) => l.startsWith("  failed: ")) };
}

async function snapshot(db: string): Promise<{ counts: StoreCounts; digest: string }> {
  const store = await openStore(db);
  try {
    return { counts: await storeCounts(store), digest: await storeDigest(store) };
  } finally {
    await store.destroy();
  }
}

function windows(k: number): string[][] {
  const size = Math.ceil(files.length * 0.6);
  return Array.from({ length: k }, (_, i) => {
    const start = Math.floor((i * files.length) / k);
    return Array.from({ length: size }, (_, j) => files[(start + j) % files.length]);
  });
}

async function bench(dialect: string, newDb: () => Promise<string>): Promise<boolean> {
  const cleanDb = await newDb();
  const t0 = performance.now();
  const clean = await importRun(cleanDb, files);
  const cleanSeconds = (performance.now() - t0) / 1000;
  const reference = await snapshot(cleanDb);
  // documents the clean import could not store (no date, unreadable) fail in every run alike
  console.log(`${dialect}: clean import ${clean.documents} documents in ${cleanSeconds.toFixed(1)} s: ok ${clean.ok}, failed ${clean.failed}; ${reference.counts.sourceDocuments} source documents, ${reference.counts.people} people`);
  let good = true;
  for (const k of importerCounts) {
    const db = await newDb();
    const t1 = performance.now();
    const runs = await Promise.all(windows(k).map((w) => importRun(db, w)));
    const seconds = (performance.now() - t1) / 1000;
    const after = await snapshot(db);
    // a failure the clean import had too (same file, same reason) is the document's, not the concurrency's
    const unexpected = runs.flatMap((r) => r.failures.filter((f) => !clean.failures.includes(f)));
    const extra = unexpected.length;
    const lost = Math.max(0, reference.counts.sourceDocuments - after.counts.sourceDocuments);
    const equal = after.digest === reference.digest && JSON.stringify(after.counts) === JSON.stringify(reference.counts);
    good &&= extra === 0 && lost === 0 && equal && runs.every((r) => r.code === clean.code);
    console.log(
      `  ${dialect} × ${k} importers: ${runs.map((r) => r.documents).join(" + ")} documents in ${seconds.toFixed(1)} s (clean ${cleanSeconds.toFixed(1)} s); ` +
        `exit codes ${runs.map((r) => r.code).join(",")}; failures beyond the clean import's ${extra}; lost ${lost}; ` +
        `${equal ? "equal to the clean import" : `DIFFERENT from the clean import (people ${after.counts.people} vs ${reference.counts.people}, meetings ${after.counts.meetings} vs ${reference.counts.meetings})`}`,
    );
    for (const f of unexpected.slice(0, 5)) console.log(`    ${f}`);
  }
  return good;
}

let ok = true;
try {
  let n = 0;
  ok &&= await bench("sqlite", async () => `sqlite:${join(work, `db-${++n}.db`)}`);
  const pgSkip = withPostgres ? postgresUnavailable() : "--no-postgres";
  if (pgSkip) console.log(`postgres: skipped (${pgSkip})`);
  else {
    const cluster = await startPostgres();
    try {
      ok &&= await bench("postgres", () => cluster.createDatabase());
    } finally {
      await cluster.stop();
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (!ok) process.exitCode = 1;
