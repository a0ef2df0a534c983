// The portal's pages and API lists on a large archive: single-request medians and p95, then
// autocannon with N connections, each against a static asset served by the same server in the
// same run.
//   npm run bench:pages -- --db ARCHIVE.db [--quorum path/to/bin/quorum] [--connections 50] [--duration 5] [--single 30]
// The archive is copied to a temporary file first (the server migrates what it opens); --quorum
// runs another checkout's server on the same archive, to compare before and after.
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

const dir = mkdtempSync(join(tmpdir(), "quorum-bench-pages-"));
const dbPath = join(dir, "archive.db");
copyFileSync(source, dbPath);
if (existsSync(`${source}-wal`)) copyFileSync(`${source}-wal`, `${dbPath}-wal`);

function targets(): { name: string; path: string }[] {
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
    ];
  } finally {
    db.close();
  }
}

function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [quorum, "serve", "--db", dbPath, "--port", "0", "--host", "127.0.0.1"], { cwd: dirname(dirname(quorum)), stdio: ["ignore", "pipe", "inherit"] });
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

const load = (r: string) =>
  new Promise<autocannon.Result>((ok, fail) => autocannon({ url: r, connections, duration }, (err, res) => (err ? fail(err) : ok(res))));

const list = targets();
const { url, child } = await startServer();
try {
  const meetings = (new SQLite(dbPath, { readonly: true }).prepare("SELECT count(*) AS n FROM meetings").get() as { n: number }).n;
  console.log(`server: ${quorum}; archive: ${source} (${meetings} meetings); ${cpus().length} cores, load ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
  console.log(`${"target".padEnd(32)} ${"1 req p50".padStart(10)} ${"1 req p95".padStart(10)} ${"req/s".padStart(8)} ${"p50".padStart(6)} ${"p97.5".padStart(6)} ${"p99".padStart(6)} ${"errors".padStart(7)}`);
  for (const t of list) {
    const times: number[] = [];
    for (let i = 0; i < single + 3; i++) {
      const t0 = performance.now();
      const res = await fetch(url + t.path);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${t.path} answered ${res.status}`);
      if (i >= 3) times.push(performance.now() - t0);
    }
    const r = connections > 0 ? await load(url + t.path) : null;
    console.log(
      `${t.name.padEnd(32)} ${pct(times, 0.5).toFixed(1).padStart(10)} ${pct(times, 0.95).toFixed(1).padStart(10)} ${r ? r.requests.average.toFixed(0).padStart(8) : "".padStart(8)} ${r ? String(r.latency.p50).padStart(6) : ""} ${r ? String((r.latency as unknown as Record<string, number>).p97_5).padStart(6) : ""} ${r ? String(r.latency.p99).padStart(6) : ""} ${r ? String(r.non2xx + r.errors).padStart(7) : ""}`,
    );
  }
  console.log(`load after: ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
} finally {
  child.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
}
