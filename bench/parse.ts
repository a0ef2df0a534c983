// Throughput of ingest + parse over a folder of real minutes, in one process.
//   npm run bench:parse [-- DIR... [--reps N]]     (default DIR: ../shared/corpus/real, N = 3)
//   npm run bench:parse -- --growth [--reps N]    the same generated document at 1× and 10× size
//     (names in a PRESENT list, numbered items, one long line): the ratio of median CPU times
//     should be near 10; near 100 means the parser is quadratic in that dimension
// Files are read into memory first, so the figures are for reading and parsing, not the disk.
// Each repetition runs every document once; per-format figures are the median over repetitions.
import { readdir, readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { cpus, totalmem, platform, release } from "node:os";
import { performance } from "node:perf_hooks";
import { fromBytes, formatOf } from "../src/ingest/read.ts";
import { parseMinutes } from "../src/parse/minutes.ts";
import type { SourceFormat } from "../src/domain/source.ts";

const args = process.argv.slice(2);
let reps = 3;
const dirs: string[] = [];
let growth = false;
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--reps") reps = Math.max(1, Number(args[++i]) || 1);
  else if (args[i] === "--growth") growth = true;
  else dirs.push(resolve(args[i]));
}
if (growth) {
  await growthCheck(reps);
  process.exit(0);
}
if (!dirs.length) dirs.push(fileURLToPath(new URL("../../shared/corpus/real", import.meta.url)));

interface Doc {
  file: string;
  format: SourceFormat;
  bytes: Buffer;
}

async function collect(path: string, into: Doc[]): Promise<void> {
  const info = await stat(path);
  if (info.isDirectory()) {
    for (const name of (await readdir(path)).sort()) if (!name.startsWith(".")) await collect(join(path, name), into);
    return;
  }
  const format = formatOf(path);
  if (format) into.push({ file: path, format, bytes: await readFile(path) });
}

const docs: Doc[] = [];
for (const d of dirs) await collect(d, docs);
if (!docs.length) {
  console.error(`no documents under ${dirs.join(", ")}`);
  process.exit(1);
}

interface Totals {
  docs: number;
  bytes: number;
  ingestMs: number;
  parseMs: number;
  /** CPU time (user + system) of ingest and parse; steadier than wall time on a shared machine. */
  cpuMs: number;
  errors: number;
}
const empty = (): Totals => ({ docs: 0, bytes: 0, ingestMs: 0, parseMs: 0, cpuMs: 0, errors: 0 });

let peakRss = process.memoryUsage().rss;
const runs: Map<string, Totals>[] = [];
const firstErrors = new Map<string, string>();
for (let rep = 0; rep < reps; rep++) {
  const byFormat = new Map<string, Totals>();
  for (const doc of docs) {
    const t = byFormat.get(doc.format) ?? empty();
    byFormat.set(doc.format, t);
    t.docs++;
    t.bytes += doc.bytes.length;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    try {
      const source = await fromBytes(doc.file, doc.format, doc.bytes);
      const t1 = performance.now();
      t.ingestMs += t1 - t0;
      parseMinutes(source);
      t.parseMs += performance.now() - t1;
    } catch (err) {
      t.ingestMs += performance.now() - t0;
      t.errors++;
      if (!firstErrors.has(doc.file)) firstErrors.set(doc.file, err instanceof Error ? err.message.split("\n")[0] : String(err));
    }
    const cpu = process.cpuUsage(cpu0);
    t.cpuMs += (cpu.user + cpu.system) / 1000;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  runs.push(byFormat);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const MB = 1024 * 1024;
const formats = [...runs[0].keys()].sort();
const rows: string[][] = [["format", "docs", "MB", "ingest MB/s", "total MB/s", "docs/s", "ms/doc", "cpu ms/doc", "MB/cpu-s", "errors"]];
const line = (name: string, pick: (r: Map<string, Totals>) => Totals) => {
  const first = pick(runs[0]);
  const totalMs = median(runs.map((r) => pick(r).ingestMs + pick(r).parseMs));
  const ingestMs = median(runs.map((r) => pick(r).ingestMs));
  const cpuMs = median(runs.map((r) => pick(r).cpuMs));
  rows.push([
    name,
    String(first.docs),
    (first.bytes / MB).toFixed(2),
    (first.bytes / MB / (ingestMs / 1000)).toFixed(2),
    (first.bytes / MB / (totalMs / 1000)).toFixed(2),
    (first.docs / (totalMs / 1000)).toFixed(1),
    (totalMs / first.docs).toFixed(2),
    (cpuMs / first.docs).toFixed(2),
    (first.bytes / MB / (cpuMs / 1000)).toFixed(2),
    String(first.errors),
  ]);
};
for (const f of formats) line(f, (r) => r.get(f)!);
line("all", (r) => {
  const all = empty();
  for (const t of r.values()) {
    all.docs += t.docs;
    all.bytes += t.bytes;
    all.ingestMs += t.ingestMs;
    all.parseMs += t.parseMs;
    all.cpuMs += t.cpuMs;
    all.errors += t.errors;
  }
  return all;
});

const cpu = cpus();
console.log(`quorum bench:parse — ${docs.length} documents from ${dirs.join(", ")}`);
console.log(`machine: ${cpu[0]?.model ?? "unknown CPU"}, ${cpu.length} cores, ${(totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, ${platform()} ${release()}, Node ${process.version}`);
console.log(`repetitions: ${reps} (figures are the median; one process, documents one at a time)`);
console.log(`wall-clock rates; "cpu ms/doc" and "MB/cpu-s" use user+system CPU time, which other load on the machine does not inflate\n`);
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  "));
console.log(`\npeak RSS: ${(peakRss / MB).toFixed(0)} MiB sampled after each document (kernel max RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB)`);
if (firstErrors.size) {
  console.log(`\n${firstErrors.size} document(s) failed:`);
  for (const [file, msg] of [...firstErrors].slice(0, 20)) console.log(`  ${msg.startsWith(file) ? msg : `${file}: ${msg}`}`);
}

/** CPU milliseconds to read and parse each generated document, median over `reps`, at 1× and 10×. */
async function growthCheck(reps: number): Promise<void> {
  const { manyItems, oneLongLine, presentList } = await import("../test/support/hostile.ts");
  const cases: [string, (n: number) => string, number][] = [
    ["names in a PRESENT list", presentList, 300],
    ["numbered items", manyItems, 2_000],
    ["characters on one line", oneLongLine, 100_000],
  ];
  const cpuOf = async (text: string) => {
    const bytes = Buffer.from(text);
    const times: number[] = [];
    for (let r = 0; r < reps; r++) {
      const cpu0 = process.cpuUsage();
      parseMinutes(await fromBytes("growth.txt", "txt", bytes));
      const cpu = process.cpuUsage(cpu0);
      times.push((cpu.user + cpu.system) / 1000);
    }
    return times.sort((a, b) => a - b)[times.length >> 1];
  };
  // the reference: a real document's size and time, measured in the same run
  const { goldenDocs } = await import("../test/support/golden.ts");
  const reference = goldenDocs()[0].file;
  const refMs = await cpuOf(await readFile(reference, "utf8"));
  console.log(`quorum bench:parse --growth — median CPU ms of ${reps} runs, Node ${process.version}; reference ${reference.split("/").pop()}: ${refMs.toFixed(1)} ms`);
  for (const [what, make, n] of cases) {
    const one = await cpuOf(make(n));
    const ten = await cpuOf(make(n * 10));
    console.log(`${what.padEnd(26)} ${String(n).padStart(7)}: ${one.toFixed(1).padStart(8)} ms   ${String(n * 10).padStart(8)}: ${ten.toFixed(1).padStart(9)} ms   ratio ${(ten / one).toFixed(1)}`);
  }
}
