// Memory of `quorum serve` on a real archive, and the database's bytes per meeting.
//   npm run bench:memory [-- --db PATH] [--connections N] [--requests N]
// The server runs as `quorum serve --workers 1`: a primary that serves nothing and one worker that
// answers every request (the one measured, with the primary beside it); autocannon (here, a second process) sends a burst of requests
// across every kind of page, each meeting's page, minutes text and API record in turn, so that
// anything kept per meeting or per page would grow. Memory is read from /proc/PID/status: VmRSS
// (resident now) and VmHWM (the peak), at start (the reference), after the burst, and after a pause.
// The database figures come from SQLite's dbstat table: bytes per meeting, per table and index.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { openStore } from "../src/store/db.ts";
import { answeringPid } from "./lib/server.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const dbPath = resolve(opt("--db", resolve(root, ".bench/serve-real.db")));
const connections = Number(opt("--connections", "20"));
const total = Number(opt("--requests", "20000"));
if (!existsSync(dbPath)) throw new Error(`${dbPath} does not exist: build it with npm run bench:serve -- --rebuild, or pass --db`);

function memory(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN) / 1024;
  return { rss: kb("VmRSS"), hwm: kb("VmHWM") };
}

function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [resolve(root, "bin/quorum"), "serve", "--db", dbPath, "--port", "0", "--host", "127.0.0.1", "--log-format", "off", "--workers", "1"], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolveUrl, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /serving on (http:\/\/\S+)/.exec(out);
      if (m) resolveUrl({ url: m[1], child });
    });
    child.once("exit", (code) => reject(new Error(`quorum serve exited with ${code}: ${out}`)));
  });
}

function dbBytes(): void {
  const db = new Database(dbPath, { readonly: true });
  const meetings = (db.prepare("SELECT count(*) AS n FROM meetings").get() as { n: number }).n;
  const rows = db.prepare("SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC").all() as { name: string; bytes: number }[];
  const file = (db.pragma("page_size", { simple: true }) as number) * (db.pragma("page_count", { simple: true }) as number);
  const search = rows.filter((r) => /^search_|sqlite_autoindex_search_entries/.test(r.name)).reduce((s, r) => s + r.bytes, 0);
  console.log(`database: ${meetings} meetings, ${(file / 1e6).toFixed(1)} MB, ${(file / meetings / 1000).toFixed(1)} KB per meeting (search index ${(search / meetings / 1000).toFixed(1)} KB of it)`);
  for (const r of rows.slice(0, 12)) console.log(`  ${r.name.padEnd(36)} ${(r.bytes / meetings / 1000).toFixed(2).padStart(7)} KB/meeting`);
  db.close();
}

async function paths(): Promise<string[]> {
  const db = await openStore(dbPath);
  try {
    const meetings = await db.selectFrom("meetings").where("minutes_status", "!=", "draft").select("slug").orderBy("id").execute();
    const people = await db.selectFrom("people").select("slug").orderBy("id").limit(500).execute();
    const out = ["/", "/decisions", "/search?q=housing", "/api/v1/meetings?limit=20", "/assets/quorum.css"];
    for (const [i, m] of meetings.entries()) out.push(`/meetings/${m.slug}`, i % 2 ? `/meetings/${m.slug}/minutes` : `/api/v1/meetings/${m.slug}`);
    for (const p of people) out.push(`/people/${p.slug}`);
    return out;
  } finally {
    await db.destroy();
  }
}

dbBytes();
const list = await paths();
const { url, child } = await startServer();
try {
  const pid = await answeringPid(url);
  await new Promise((r) => setTimeout(r, 1000));
  const start = memory(pid);
  console.log(`machine: ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}, load ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
  console.log(`server: quorum serve --workers 1 (worker ${pid}); burst: ${total} requests over ${list.length} distinct paths, ${connections} connections`);
  console.log(`at start (reference):  RSS ${start.rss.toFixed(0)} MB`);
  const result = await new Promise<autocannon.Result>((res, rej) =>
    // `amount` (stop after N requests) is an autocannon option its type definitions leave out
    autocannon({ url, connections, amount: total, requests: list.map((path) => ({ path })) } as autocannon.Options, (err, r) => (err ? rej(err) : res(r))),
  );
  const burst = memory(pid);
  await new Promise((r) => setTimeout(r, 5000));
  const after = memory(pid);
  console.log(`after the burst:       RSS ${burst.rss.toFixed(0)} MB, peak (VmHWM) ${burst.hwm.toFixed(0)} MB; ${result.requests.total} requests, ${result.non2xx} non-2xx, ${result.errors} errors, p50 ${result.latency.p50} ms`);
  console.log(`5 s later:             RSS ${after.rss.toFixed(0)} MB`);
  const primary = memory(child.pid!);
  console.log(`the primary (serves nothing): RSS ${primary.rss.toFixed(0)} MB, peak ${primary.hwm.toFixed(0)} MB`);
} finally {
  child.kill("SIGTERM");
}
