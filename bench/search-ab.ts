// Interleaved A/B of search and the decisions register: two checkouts' `quorum serve` on the same
// (already migrated) archive, one after the other, A B then B A, round after round, each run
// against a static asset of the same server and the bare FTS5 query measured in this process.
//   npx tsx bench/search-ab.ts --db ARCHIVE.db --a path/to/checkout-a [--b path/to/checkout-b]
//       [--rounds 3] [--duration 8] [--connections 50] [--workers 2] [--single 15]
// The archive is opened as it is (copy it and migrate the copy first: both checkouts must need no
// migration the other lacks). Load: autocannon with every connection going round the bench's search
// query kinds (bench/search.ts), for the page and the API; /decisions; the static asset. Beside
// latency and throughput, each target's server CPU time per request answered (user + system of the
// server's processes, from /proc): on a machine shared with other work it is the steadier figure.
import { cpus, loadavg } from "node:os";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import autocannon from "autocannon";
import { registerStoreFunctions } from "../src/store/db.ts";
import { toFts5 } from "../src/store/search-query.ts";
import { processTree, startServer, stopAllServers } from "./lib/server.ts";
import { readFileSync } from "node:fs";
import { sequential, settle } from "./lib/load.ts";
import { latency } from "./lib/stats.ts";

const here = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const arg = (name: string, dflt?: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const dbPath = resolve(arg("--db") ?? "");
const sides = { A: resolve(arg("--a") ?? ""), B: resolve(arg("--b", here)!) };
const rounds = Number(arg("--rounds", "3"));
const duration = Number(arg("--duration", "8"));
const connections = Number(arg("--connections", "50"));
const workers = Number(arg("--workers", "2"));
const single = Number(arg("--single", "15"));
if (!arg("--db") || !arg("--a")) throw new Error("usage: --db ARCHIVE.db --a CHECKOUT [--b CHECKOUT]");

// the bench's query kinds (bench/search.ts), filters picked from the archive as it picks them
const raw = new Database(dbPath, { readonly: true });
registerStoreFunctions(raw);
const pick = (q: string) => (raw.prepare(q).get() as { v: string | number }).v;
const body = pick(`SELECT b.slug AS v FROM search_entries e JOIN bodies b ON b.id = e.body_id GROUP BY b.id ORDER BY count(*) DESC LIMIT 1`);
const authority = pick(`SELECT a.slug AS v FROM search_entries e JOIN authorities a ON a.id = e.authority_id GROUP BY a.id ORDER BY count(*) DESC LIMIT 1`);
const year = pick(`SELECT year AS v FROM search_entries WHERE year IS NOT NULL GROUP BY year ORDER BY count(*) DESC LIMIT 1`);
const meetings = pick(`SELECT count(*) AS v FROM meetings`);
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
const query = (k: (typeof kinds)[number]) => new URLSearchParams({ q: k.q, ...Object.fromEntries(Object.entries(k.opts ?? {}).map(([a, b]) => [a, String(b)])) }).toString();

// the reference: the first page as one would ask the sqlite3 shell (top 20 by bm25, with snippets)
const bare = raw.prepare(`SELECT rowid, bm25(search_fts, 4.0, 1.0, 0.0) AS r, snippet(search_fts, -1, '<', '>', '…', 24) AS s FROM search_fts WHERE search_fts MATCH ? ORDER BY r LIMIT 20`);
function bareTimes(): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const k of kinds) {
    const match = `{title text} : (${toFts5(k.q)})`;
    bare.all(match);
    const t: number[] = [];
    for (let i = 0; i < single; i++) {
      const t0 = performance.now();
      bare.all(match);
      t.push(performance.now() - t0);
    }
    out.set(k.name, t);
  }
  return out;
}

/** CPU time (user + system) of a server's processes so far, in ms: what a request costs whatever the machine's load. */
function cpuMs(pid: number): number {
  let ticks = 0;
  for (const p of processTree(pid)) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      /* exited meanwhile */
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

interface Load {
  /** server CPU ms per request answered */
  cpu: number;
  rps: number;
  p50: number;
  p95: number;
  errors: number;
}
function load(url: string, paths: string[]): Promise<Omit<Load, "cpu"> & { sent: number }> {
  const times: number[] = [];
  return new Promise((ok, fail) => {
    const instance = autocannon({ url, connections, duration, timeout: 60, requests: paths.map((path) => ({ method: "GET", path })) }, (err, r) => {
      if (err) return fail(err);
      const l = latency(times);
      ok({ sent: (r.requests as unknown as { sent: number }).sent, rps: times.length / duration, p50: l.p50 ?? NaN, p95: l.p95 ?? NaN, errors: r.errors + r.non2xx });
    });
    instance.on("response", (_c, status, _b, ms) => {
      if (status >= 200 && status < 300) times.push(ms);
    });
  });
}
const warm = (url: string, paths: string[]) => new Promise((ok, fail) => autocannon({ url, connections, duration: 1, timeout: 60, requests: paths.map((path) => ({ method: "GET", path })) }, (e) => (e ? fail(e) : ok(null))));

const targets: { name: string; paths: string[] }[] = [
  { name: "static asset (reference)", paths: ["/assets/js-enabled.js"] },
  { name: "/search, the 9 kinds in turn", paths: kinds.map((k) => `/search?${query(k)}`) },
  { name: "/api/v1/search, the 9 kinds in turn", paths: kinds.map((k) => `/api/v1/search?${query(k)}`) },
  { name: "/search?q=housing", paths: ["/search?q=housing"] },
  { name: "/decisions", paths: ["/decisions"] },
];

const loadStart = loadavg();
const med = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[Math.floor((s.length - 1) / 2)] + s[Math.ceil((s.length - 1) / 2)]) / 2;
};
const bareBefore = bareTimes();
const loads = new Map<string, Load[]>(); // `${side} ${target}`
const singles = new Map<string, number[]>(); // `${side} ${kind}`: single API request times
const loadDuring: number[] = [];
process.on("SIGINT", () => (stopAllServers(), process.exit(130)));
for (let r = 0; r < rounds; r++) {
  for (const side of r % 2 ? (["B", "A"] as const) : (["A", "B"] as const)) {
    const server = await startServer(sides[side], dbPath, { workers });
    try {
      for (const k of kinds) singles.set(`${side} ${k.name}`, [...(singles.get(`${side} ${k.name}`) ?? []), ...(await sequential(`${server.url}/api/v1/search?${query(k)}`, single)).slice(1)]);
      for (const t of targets) {
        await warm(server.url, t.paths);
        await settle(server.url, 500, 120);
        const cpu0 = cpuMs(server.pid);
        const { sent, ...run } = await load(server.url, t.paths);
        // the requests still queued when autocannon stops are served before the next target starts;
        // every request sent is served, so their CPU time up to then is divided by the requests sent
        await settle(server.url, 500, 120);
        const l: Load = { ...run, cpu: (cpuMs(server.pid) - cpu0) / Math.max(1, sent) };
        loads.set(`${side} ${t.name}`, [...(loads.get(`${side} ${t.name}`) ?? []), l]);
        loadDuring.push(loadavg()[0]);
        process.stderr.write(`round ${r + 1} ${side} ${t.name}: ${l.cpu.toFixed(1)} CPU ms/req, ${l.rps.toFixed(0)} req/s p95 ${l.p95.toFixed(0)} ms, ${l.errors} errors (load ${loadavg()[0].toFixed(1)})\n`);
      }
    } finally {
      await server.stop();
    }
  }
}
const bareAfter = bareTimes();
raw.close();

const f = (x: number, d = 0) => x.toFixed(d);
console.log(`machine: ${cpus()[0]?.model ?? "?"} × ${cpus().length}, node ${process.version}; load average at start ${loadStart.map((x) => x.toFixed(1)).join(" ")}, during the runs median ${f(med(loadDuring), 1)} (min ${f(Math.min(...loadDuring), 1)}, max ${f(Math.max(...loadDuring), 1)}), at end ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
console.log(`archive: ${dbPath} (${meetings} meetings); A = ${sides.A}, B = ${sides.B}; ${rounds} rounds A B / B A, ${workers} workers, ${connections} connections, ${duration} s a target; medians over rounds`);
console.log("");
console.log(`| target | A CPU ms/req | B CPU ms/req | B/A CPU | A req/s | B req/s | B/A req/s | A p50 ms | B p50 ms | A p95 ms | B p95 ms | B/A p95 | A static req/s | B static req/s | errors A/B |`);
console.log(`|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|`);
for (const t of targets) {
  const a = loads.get(`A ${t.name}`)!;
  const b = loads.get(`B ${t.name}`)!;
  const sa = loads.get(`A ${targets[0].name}`)!;
  const sb = loads.get(`B ${targets[0].name}`)!;
  const m = (xs: Load[], k: keyof Load) => med(xs.map((x) => x[k]));
  console.log(
    `| ${t.name} | ${f(m(a, "cpu"), 1)} | ${f(m(b, "cpu"), 1)} | ${f(m(b, "cpu") / m(a, "cpu"), 2)} | ${f(m(a, "rps"))} | ${f(m(b, "rps"))} | ${f(m(b, "rps") / m(a, "rps"), 2)} | ${f(m(a, "p50"))} | ${f(m(b, "p50"))} | ${f(m(a, "p95"))} | ${f(m(b, "p95"))} | ${f(m(b, "p95") / m(a, "p95"), 2)} | ${f(m(sa, "rps"))} | ${f(m(sb, "rps"))} | ${a.reduce((n, x) => n + x.errors, 0)}/${b.reduce((n, x) => n + x.errors, 0)} |`,
  );
}
console.log("");
console.log(`Single API requests (no other load from this bench), against the bare FTS5 query in this process (before and after the rounds, pooled):`);
console.log("");
console.log(`| kind | bare p50 ms | bare p95 ms | A p50 ms | A p95 ms | A p95 ×bare | B p50 ms | B p95 ms | B p95 ×bare |`);
console.log(`|---|---|---|---|---|---|---|---|---|`);
for (const k of kinds) {
  const b = latency([...bareBefore.get(k.name)!, ...bareAfter.get(k.name)!]);
  const sa = latency(singles.get(`A ${k.name}`)!);
  const sb = latency(singles.get(`B ${k.name}`)!);
  const [bp50, bp95, ap50, ap95, cp50, cp95] = [b.p50, b.p95, sa.p50, sa.p95, sb.p50, sb.p95].map((x) => x ?? NaN);
  console.log(`| ${k.name} | ${f(bp50, 1)} | ${f(bp95, 1)} | ${f(ap50, 1)} | ${f(ap95, 1)} | ${f(ap95 / bp95, 2)} | ${f(cp50, 1)} | ${f(cp95, 1)} | ${f(cp95 / bp95, 2)} |`);
}
