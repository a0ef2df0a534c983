// Import throughput into SQLite and PostgreSQL over a folder of real minutes.
//   npm run bench:import [-- DIR... [--runs N] [--no-postgres] [--batch 1,32]]   (default DIR: ../shared/corpus/real, N = 3)
// Documents are read and parsed once, up front, so the figures are for storing, not for parsing:
// importMinutesBatch with each batch size given (1: one transaction per document, the reference;
// 32: what `quorum import` does). Each run imports into a fresh database; documents/s is the median
// over runs, the batch sizes taking turns within each run. After the runs, a second import of the same documents must report every one
// unchanged, and SQLite and PostgreSQL must hold the same counts and the same content digest.
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, platform, release, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { walkDocuments } from "../src/cli/files.ts";
import { oneLine } from "../src/domain/errors.ts";
import type { ParsedMinutes } from "../src/domain/minutes.ts";
import type { SourceText } from "../src/domain/source.ts";
import { readDocument } from "../src/ingest/read.ts";
import { parseMinutes, PARSER_VERSION } from "../src/parse/minutes.ts";
import { openStore, type Db } from "../src/store/db.ts";
import { storeCounts, storeDigest, type StoreCounts } from "../src/store/digest.ts";
import { importMinutes, unstorableReason } from "../src/store/import.ts";
import { IMPORT_BATCH, importMinutesBatch } from "../src/store/import-batch.ts";
import { postgresUnavailable, startPostgres } from "../test/support/postgres.ts";

const args = process.argv.slice(2);
let runs = 3;
let withPostgres = true;
let batches = [1, IMPORT_BATCH];
const dirs: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--runs") runs = Math.max(1, Number(args[++i]) || 1);
  else if (args[i] === "--no-postgres") withPostgres = false;
  else if (args[i] === "--batch") batches = args[++i].split(",").map((x) => Math.max(1, Number(x) || 1));
  else dirs.push(resolve(args[i]));
}
if (!dirs.length) dirs.push(fileURLToPath(new URL("../../shared/corpus/real", import.meta.url)));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

console.log(`machine: ${cpus()[0]?.model ?? "?"} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${platform()} ${release()}, node ${process.version}, load ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
console.log(`corpus: ${dirs.join(", ")}`);

const { documents } = await walkDocuments(dirs);
const parsed: { source: SourceText; record: ParsedMinutes }[] = [];
const unreadable: string[] = [];
const t0 = performance.now();
for (const file of documents) {
  try {
    const source = await readDocument(file);
    parsed.push({ source, record: parseMinutes(source) });
  } catch (err) {
    unreadable.push(`${file}: ${oneLine(err)}`);
  }
}
const parseSeconds = (performance.now() - t0) / 1000;
const storable = parsed.filter((p) => !unstorableReason(p.record));
console.log(
  `read + parse: ${documents.length} documents in ${parseSeconds.toFixed(1)} s (${(documents.length / parseSeconds).toFixed(0)} documents/s); ` +
    `${storable.length} storable, ${parsed.length - storable.length} without a date or body, ${unreadable.length} unreadable`,
);

interface Outcome {
  seconds: number;
  created: number;
  updated: number;
  failed: string[];
}

async function importAll(db: Db, batch: number): Promise<Outcome> {
  const out: Outcome = { seconds: 0, created: 0, updated: 0, failed: [] };
  const start = performance.now();
  for (let i = 0; i < storable.length; i += batch) {
    const slice = storable.slice(i, i + batch);
    const outcomes = await importMinutesBatch(
      db,
      slice.map((p) => ({ ...p, parserVersion: PARSER_VERSION })),
    );
    for (const [k, o] of outcomes.entries()) {
      if (!o.ok) out.failed.push(`${slice[k].source.file}: ${oneLine(o.error)}`);
      else if (o.result.status === "created") out.created++;
      else if (o.result.status === "updated") out.updated++;
    }
  }
  out.seconds = (performance.now() - start) / 1000;
  return out;
}

interface Result {
  dialect: string;
  batch: number;
  rates: number[];
  unchangedRate: number;
  unchangedAll: boolean;
  counts: StoreCounts;
  digest: string;
  failed: string[];
}

async function bench(dialect: string, newUrl: () => Promise<string>): Promise<Result[]> {
  const rates = new Map<number, number[]>(batches.map((b) => [b, []]));
  const last = new Map<number, Result>();
  for (let run = 1; run <= runs; run++) {
    for (const batch of batches) {
      const db = await openStore(await newUrl());
      try {
        const o = await importAll(db, batch);
        rates.get(batch)!.push(storable.length / o.seconds);
        console.log(`  ${dialect} batch ${batch} run ${run}: ${storable.length} documents in ${o.seconds.toFixed(1)} s = ${(storable.length / o.seconds).toFixed(1)} documents/s (${o.created} new meetings, ${o.updated} updated in place, ${o.failed.length} failed), load ${loadavg()[0].toFixed(1)}`);
        if (run === runs) {
          const start = performance.now();
          let unchanged = 0;
          for (const p of storable) if ((await importMinutes(db, { ...p, parserVersion: PARSER_VERSION })).status === "unchanged") unchanged++;
          const seconds = (performance.now() - start) / 1000;
          console.log(`  ${dialect} batch ${batch} second import: ${unchanged} of ${storable.length} unchanged in ${seconds.toFixed(1)} s`);
          last.set(batch, { dialect, batch, rates: rates.get(batch)!, unchangedRate: storable.length / seconds, unchangedAll: unchanged === storable.length, counts: await storeCounts(db), digest: await storeDigest(db), failed: o.failed });
        }
      } finally {
        await db.destroy();
      }
    }
  }
  return [...last.values()];
}

const tmp = mkdtempSync(join(tmpdir(), "quorum-bench-"));
const results: Result[] = [];
try {
  let n = 0;
  results.push(...(await bench("sqlite", async () => `sqlite:${join(tmp, `bench-${++n}.db`)}`)));
  const pgSkip = withPostgres ? postgresUnavailable() : "--no-postgres";
  if (pgSkip) console.log(`postgres: skipped (${pgSkip})`);
  else {
    const cluster = await startPostgres();
    try {
      results.push(...(await bench("postgres", () => cluster.createDatabase())));
    } finally {
      await cluster.stop();
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

console.log("\nresults (median of runs; batch 1 = one transaction per document, the reference):");
for (const r of results) {
  console.log(
    `  ${r.dialect.padEnd(8)} batch ${String(r.batch).padStart(3)} ${median(r.rates).toFixed(1).padStart(7)} documents/s   (runs: ${r.rates.map((x) => x.toFixed(1)).join(", ")}; second import ${r.unchangedRate.toFixed(0)} documents/s, ${r.unchangedAll ? "all unchanged" : "NOT all unchanged"})`,
  );
}
const keys = ["meetings", "items", "decisions", "people", "attendance", "bodies", "authorities", "sourceDocuments", "searchEntries"] as const;
const label = (r: Result) => `${r.dialect.slice(0, 2)}/${r.batch}`;
console.log(`\n  ${"".padEnd(16)}${results.map((r) => label(r).padStart(11)).join("")}`);
for (const k of keys) console.log(`  ${k.padEnd(16)}${results.map((r) => String(r.counts[k]).padStart(11)).join("")}`);
console.log(`  ${"digest".padEnd(16)}${results.map((r) => r.digest.slice(0, 10).padStart(11)).join("")}`);
if (results.length > 1) {
  const same = results.every((r) => keys.every((k) => r.counts[k] === results[0].counts[k]) && r.digest === results[0].digest);
  console.log(`\nevery database and batch size ${same ? "holds the same counts and content" : "DIFFERS"}`);
  if (!same) process.exitCode = 1;
}
for (const r of results) {
  if (r.failed.length) {
    console.log(`\n${label(r)}: ${r.failed.length} failed`);
    for (const f of r.failed.slice(0, 10)) console.log(`  ${f}`);
  }
  if (!r.unchangedAll) process.exitCode = 1;
}
