// Search latency against the bare FTS5 query, on one SQLite archive.
//   npm run bench:search -- --db PATH [--runs N] [--duration S] [--connections N] [--no-load]
// PATH is copied to a temporary file first (never opened in place: opening migrates). Measured:
// 1. in process, the median and p95 of `search()` for each query kind, beside the bare FTS5 query
//    for the same first page (top 20 by bm25, with snippets) run through better-sqlite3 on the
//    same connection settings;
// 2. with --load (default), `quorum serve` in its own process and autocannon from this one:
//    /search and /api/v1/search for "housing", against a static asset of the same server.
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import autocannon from "autocannon";
import { openStore, registerStoreFunctions } from "../src/store/db.ts";
import { search } from "../src/store/read/index.ts";
import { toFts5 } from "../src/store/search-query.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const source = resolve(arg("--db") ?? resolve(root, ".bench/serve-real.db"));
const runs = Number(arg("--runs") ?? 30);
const duration = Number(arg("--duration") ?? 10);
const connections = Number(arg("--connections") ?? 50);

const dir = mkdtempSync(join(tmpdir(), "quorum-bench-search-"));
const dbPath = join(dir, "archive.db");
copyFileSync(source, dbPath);
if (existsSync(`${source}-wal`)) copyFileSync(`${source}-wal`, `${dbPath}-wal`);

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const ms = (x: number) => x.toFixed(1).padStart(8);

async function time(fn: () => unknown): Promise<number[]> {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    out.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return out;
}

const t0 = Date.now();
const store = await openStore(dbPath); // migrates the copy to this branch's schema
const migrated = Date.now() - t0;
const raw = new Database(dbPath, { readonly: true });
// snippets read an item's text through the index's content view, which cuts it from the source (migration 019)
registerStoreFunctions(raw);
const indexBytes = (() => {
  try {
    return (raw.prepare(`SELECT sum(pgsize) AS n FROM dbstat WHERE name LIKE 'search_fts%'`).get() as { n: number }).n;
  } catch {
    return null; // SQLite built without dbstat
  }
})();
const columns = (raw.prepare("SELECT count(*) AS n FROM pragma_table_info('search_fts')").get() as { n: number }).n;
// The reference: what one would type in the sqlite3 shell for the first page.
const bare = raw.prepare(
  columns > 2
    ? `SELECT rowid, bm25(search_fts, 4.0, 1.0, 0.0) AS r, snippet(search_fts, -1, '<', '>', '…', 24) AS s FROM search_fts WHERE search_fts MATCH ? ORDER BY r LIMIT 20`
    : `SELECT rowid, bm25(search_fts, 4.0, 1.0) AS r, snippet(search_fts, -1, '<', '>', '…', 24) AS s FROM search_fts WHERE search_fts MATCH ? ORDER BY r LIMIT 20`,
);
const bareMatch = (q: string) => (columns > 2 ? `{title text} : (${toFts5(q)})` : toFts5(q)!);

const pick = (sqlText: string) => (raw.prepare(sqlText).get() as { v: string | number } | undefined)?.v;
const body = pick(`SELECT b.slug AS v FROM search_entries e JOIN bodies b ON b.id = e.body_id GROUP BY b.id ORDER BY count(*) DESC LIMIT 1`) as string;
const authority = pick(`SELECT a.slug AS v FROM search_entries e JOIN authorities a ON a.id = e.authority_id GROUP BY a.id ORDER BY count(*) DESC LIMIT 1`) as string;
const year = Number(pick(`SELECT year AS v FROM search_entries WHERE year IS NOT NULL GROUP BY year ORDER BY count(*) DESC LIMIT 1`));
const meetings = pick(`SELECT count(*) AS v FROM meetings`);
const entries = pick(`SELECT count(*) AS v FROM search_entries`);

const kinds: { name: string; q: string; opts?: Record<string, string | number> }[] = [
  { name: "common word", q: "council" },
  { name: "housing", q: "housing" },
  { name: "rare word", q: "allotments" },
  { name: "phrase", q: `"planning permission"` },
  { name: "OR", q: "flooding OR drainage" },
  { name: "exclusion", q: "planning -road" },
  { name: "filtered by council", q: "council", opts: { authority } },
  { name: "filtered by committee", q: "council", opts: { body } },
  { name: "filtered by year", q: "council", opts: { year } },
];

console.log(`machine: ${cpus()[0]?.model ?? "?"} × ${cpus().length}, node ${process.version}, load ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
console.log(`archive: ${source} (copied), ${meetings} meetings, ${entries} search entries; ${runs} runs per query`);
console.log(`FTS5 index (search_fts*): ${indexBytes === null ? "?" : (indexBytes / 2 ** 20).toFixed(1) + " MiB"}; opening (migrations) took ${(migrated / 1000).toFixed(1)} s`);
console.log("");
console.log(`${"query".padEnd(26)} ${"matches".padStart(9)} ${"bare p50".padStart(8)} ${"bare p95".padStart(8)} ${"search p50".padStart(10)} ${"search p95".padStart(10)} ${"p95 ×bare".padStart(9)}`);
for (const k of kinds) {
  const first = await search(store, k.q, k.opts);
  const matches = `${first.total}${(first as { totalAtLeast?: boolean }).totalAtLeast ? "+" : ""}`;
  // the bare query has no filters: it is the reference for the words alone
  const b = await time(() => bare.all(bareMatch(k.q)));
  const s = await time(() => search(store, k.q, k.opts));
  console.log(`${k.name.padEnd(26)} ${matches.padStart(9)} ${ms(quantile(b, 0.5))} ${ms(quantile(b, 0.95))} ${ms(quantile(s, 0.5)).padStart(10)} ${ms(quantile(s, 0.95)).padStart(10)} ${(quantile(s, 0.95) / quantile(b, 0.95)).toFixed(2).padStart(9)}`);
}
raw.close();
await store.destroy();

function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [resolve(root, "bin/quorum"), "serve", "--db", dbPath, "--port", "0", "--host", "127.0.0.1", "--workers", "1"], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((ok, fail) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      if (out.length < 10_000) out += chunk.toString();
      const m = /serving on (http:\/\/\S+)/.exec(out);
      if (m) ok({ url: m[1], child });
    });
    child.once("exit", (code) => fail(new Error(`quorum serve exited with ${code}: ${out}`)));
  });
}

const load = (url: string, seconds: number) =>
  new Promise<autocannon.Result>((ok, fail) => autocannon({ url, connections, duration: seconds }, (err, r) => (err ? fail(err) : ok(r))));

if (!args.includes("--no-load")) {
  const { url, child } = await startServer();
  try {
    console.log("");
    console.log(`quorum serve --workers 1, autocannon ${connections} connections, ${duration} s per target`);
    console.log(`${"target".padEnd(34)} ${"req/s".padStart(8)} ${"p50 ms".padStart(8)} ${"p90 ms".padStart(9)} ${"p99 ms".padStart(8)} ${"non-2xx".padStart(8)}`);
    for (const [name, path] of [
      ["static asset (reference)", "/assets/quorum.css"],
      ["/search?q=housing", "/search?q=housing"],
      ["/api/v1/search?q=housing", "/api/v1/search?q=housing"],
    ]) {
      // a server still busy with the previous target's queue may not answer at all: say so, go on
      const probe = await fetch(url + path, { signal: AbortSignal.timeout(60_000) }).catch(() => null);
      if (!probe) {
        console.log(`${name.padEnd(34)} no answer within 60 s`);
        continue;
      }
      if (probe.status !== 200) throw new Error(`${path} answered ${probe.status}`);
      await probe.arrayBuffer();
      await load(url + path, 2);
      const r = await load(url + path, duration);
      console.log(`${name.padEnd(34)} ${r.requests.average.toFixed(0).padStart(8)} ${String(r.latency.p50).padStart(8)} ${String(r.latency.p90).padStart(9)} ${String(r.latency.p99).padStart(8)} ${String(r.non2xx).padStart(8)}`);
    }
  } finally {
    child.kill("SIGTERM");
  }
}
rmSync(dir, { recursive: true, force: true });
