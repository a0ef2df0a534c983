// The portal's pages and API lists on a large archive: single-request medians and p95, then
// autocannon with N connections, each against a static asset served by the same server in the
// same run.
//   npm run bench:pages -- --db ARCHIVE.db [--quorum path/to/bin/quorum] [--connections 50] [--duration 5] [--single 30]
//     [--workers N] [--cache-mb MB] [--rotate N] [--in-place]
// The archive is copied to a temporary file first (the server migrates what it opens); --quorum
// runs another checkout's server on the same archive, to compare before and after. --in-place
// serves the file named (a copy of your own: the server may migrate it). --cache-mb sets the
// response cache (QUORUM_RESPONSE_CACHE_MB; 0: off). --rotate N adds, beside each single-URL
// figure, one whose requests go round N distinct URLs of a kind (meetings, people, committees,
// searches), each asked for at most once a run while the list lasts: with the cache on, mostly
// misses; the single-URL figures are then mostly hits.
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import SQLite from "better-sqlite3";
import autocannon from "autocannon";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const source = resolve(arg("--db", resolve(root, ".bench/serve-real.db")));
const quorum = resolve(arg("--quorum", resolve(root, "bin/quorum")));
const connections = Number(arg("--connections", "50"));
const duration = Number(arg("--duration", "5"));
const single = Number(arg("--single", "30"));
const workers = args.includes("--workers") ? arg("--workers", "2") : undefined;
const cacheMb = args.includes("--cache-mb") ? arg("--cache-mb", "32") : undefined;
const rotate = Number(arg("--rotate", "0"));
const inPlace = args.includes("--in-place");

const dir = mkdtempSync(join(tmpdir(), "quorum-bench-pages-"));
const dbPath = inPlace ? source : join(dir, "archive.db");
if (!inPlace) {
  copyFileSync(source, dbPath);
  if (existsSync(`${source}-wal`)) copyFileSync(`${source}-wal`, `${dbPath}-wal`);
}

interface Target {
  name: string;
  path: string;
  /** the URLs a rotating target goes round */
  paths?: string[];
}

/** N distinct URLs of each kind, spread over the archive (every k-th row), for --rotate. */
function rotating(n: number): Target[] {
  const db = new SQLite(dbPath, { readonly: true });
  try {
    const spread = (table: string, where: string) => {
      const total = (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;
      const step = Math.max(1, Math.floor(total / n));
      return (db.prepare(`SELECT slug FROM (SELECT slug, row_number() OVER (ORDER BY id) AS r FROM ${table} WHERE ${where}) WHERE r % ? = 0 LIMIT ?`).all(step, n) as { slug: string }[]).map((r) => r.slug);
    };
    const meetings = spread("meetings", "minutes_status != 'draft'").map((s) => `/meetings/${s}`);
    const people = spread("people", "1 = 1").map((s) => `/people/${s}`);
    const committees = spread("bodies", "1 = 1").map((s) => `/committees/${s}`);
    // words people search for: distinct words of items' titles, spread over the archive
    const words = new Set<string>();
    const titles = db.prepare("SELECT title FROM items WHERE id % 97 = 0 LIMIT 200000").pluck().all() as string[];
    for (const t of titles) for (const w of t.toLowerCase().match(/[a-z]{5,}/g) ?? []) if (words.size < n) words.add(w);
    const searches = [...words].map((w) => `/search?q=${w}`);
    const t = (name: string, paths: string[]): Target => ({ name: `${name} (${paths.length} URLs)`, path: paths[0], paths });
    return [t("meeting pages rotating", meetings), t("person pages rotating", people), t("committee pages rotating", committees), t("search rotating", searches)];
  } finally {
    db.close();
  }
}

function targets(): Target[] {
  const db = new SQLite(dbPath, { readonly: true });
  try {
    const one = (q: string) => (db.prepare(q).get() as { slug: string }).slug;
    const body = one("SELECT b.slug FROM bodies b JOIN meetings m ON m.body_id = b.id GROUP BY b.id ORDER BY count(*) DESC LIMIT 1");
    const person = one("SELECT p.slug FROM people p JOIN attendance a ON a.person_id = p.id GROUP BY p.id ORDER BY count(*) DESC LIMIT 1");
    const meeting = one("SELECT slug FROM meetings WHERE minutes_status != 'draft' ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM meetings)");
    return [
      { name: "static asset (reference)", path: "/assets/js-enabled.js" },
      { name: "home", path: "/" },
      { name: "decisions register", path: "/decisions" },
      { name: "committees register", path: "/committees" },
      { name: "committee page (most meetings)", path: `/committees/${body}` },
      { name: "people register", path: "/people" },
      { name: "person page (most attendance)", path: `/people/${person}` },
      { name: "meeting page (median id)", path: `/meetings/${meeting}` },
      { name: "API meetings list", path: "/api/v1/meetings?limit=20" },
      { name: "API decisions list", path: "/api/v1/decisions?limit=20" },
      { name: "search (one query)", path: "/search?q=housing" },
    ];
  } finally {
    db.close();
  }
}

function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [quorum, "serve", "--db", dbPath, "--port", "0", "--host", "127.0.0.1", "--log-format", "off", ...(workers ? ["--workers", workers] : [])], {
    cwd: dirname(dirname(quorum)),
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ...(cacheMb !== undefined ? { QUORUM_RESPONSE_CACHE_MB: cacheMb } : {}) },
  });
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

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length - 1) * p))];

/** Load on one URL, or round a list of them; every response timed, so p95 is measured. */
function load(base: string, t: Target) {
  const times: number[] = [];
  let next = 0;
  const requests = t.paths ? [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, path: t.paths![next++ % t.paths!.length] }) }] : undefined;
  return new Promise<{ rps: number; p50: number; p95: number; p99: number; errors: number; requests: number }>((ok, fail) => {
    const run = autocannon({ url: base + t.path, connections, duration, timeout: 10, ...(requests ? { requests } : {}) } as autocannon.Options, (err, r) =>
      err ? fail(err) : ok({ rps: times.length / duration, p50: pct(times, 0.5), p95: pct(times, 0.95), p99: pct(times, 0.99), errors: r.errors + r.non2xx, requests: times.length }),
    );
    run.on("response", (_c, status, _b, ms) => {
      if (status >= 200 && status < 300) times.push(ms);
    });
  });
}

const list = [...targets(), ...(rotate > 0 ? rotating(rotate) : [])];
const { url, child } = await startServer();
try {
  const meetings = (new SQLite(dbPath, { readonly: true }).prepare("SELECT count(*) AS n FROM meetings").get() as { n: number }).n;
  console.log(`server: ${quorum}; archive: ${source} (${meetings} meetings); workers ${workers ?? "default"}; cache ${cacheMb ?? "default"} MB; ${cpus().length} cores, load ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
  console.log(`${"target".padEnd(40)} ${"1 req p50".padStart(10)} ${"1 req p95".padStart(10)} ${"req/s".padStart(8)} ${"p50".padStart(7)} ${"p95".padStart(7)} ${"p99".padStart(7)} ${"errors".padStart(7)} ${"answered".padStart(9)}`);
  for (const t of list) {
    const times: number[] = [];
    // a rotating target's single requests go round its list too (from its far end, not reused by the load)
    const singles = t.paths ? t.paths.slice(-(single + 3)) : Array.from({ length: single + 3 }, () => t.path);
    for (const [i, path] of singles.entries()) {
      const t0 = performance.now();
      const res = await fetch(url + path);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
      if (i >= 3) times.push(performance.now() - t0);
    }
    const r = connections > 0 ? await load(url, t) : null;
    const f = (x: number | undefined) => (x === undefined ? "" : x.toFixed(1));
    console.log(
      `${t.name.padEnd(40)} ${f(pct(times, 0.5)).padStart(10)} ${f(pct(times, 0.95)).padStart(10)} ${r ? r.rps.toFixed(0).padStart(8) : "".padStart(8)} ${f(r?.p50).padStart(7)} ${f(r?.p95).padStart(7)} ${f(r?.p99).padStart(7)} ${r ? String(r.errors).padStart(7) : ""} ${r ? String(r.requests).padStart(9) : ""}`,
    );
  }
  console.log(`load after: ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
} finally {
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  rmSync(dir, { recursive: true, force: true });
}
