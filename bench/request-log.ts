// What the JSON request log costs: the same meeting page from two `quorum serve` processes over
// one SQLite database of the bundled example minutes, one with --log-format json (stdout drained
// by this process, as a log collector would) and one with --log-format off, measured in
// alternating rounds so that background load falls on both alike. Reports medians.
//   npm run bench:log [-- --rounds N] [--duration S] [--connections N]
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { importDocuments } from "../src/cli/start.ts";
import { openStore } from "../src/store/db.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const rounds = opt("--rounds", 5);
const duration = opt("--duration", 5);
const connections = opt("--connections", 10);

const dir = mkdtempSync(join(tmpdir(), "quorum-bench-log-"));
const dbPath = join(dir, "bench.db");

function start(format: "json" | "off"): Promise<{ url: string; child: ChildProcess; lines: () => number }> {
  const child = spawn(process.execPath, [resolve(root, "bin/quorum"), "serve", "--db", dbPath, "--port", "0", "--host", "127.0.0.1", "--log-format", format], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let head = "";
  let lines = 0;
  return new Promise((res, rej) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      if (head.length < 10_000) head += chunk.toString();
      for (const b of chunk) if (b === 10) lines++;
      const m = /serving on (http:\/\/\S+)/.exec(head);
      if (m) res({ url: m[1], child, lines: () => lines });
    });
    child.once("exit", (code) => rej(new Error(`quorum serve exited with ${code}: ${head}`)));
  });
}

const run = (url: string, seconds: number) =>
  new Promise<autocannon.Result>((res, rej) => autocannon({ url, connections, duration: seconds }, (err, r) => (err ? rej(err) : res(r))));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const db = await openStore(dbPath);
await importDocuments(db, [resolve(root, "examples")]);
const meeting = await db.selectFrom("meetings").select("slug").orderBy("slug").executeTakeFirstOrThrow();
await db.destroy();
const path = `/meetings/${meeting.slug}`;

const json = await start("json");
const off = await start("off");
try {
  console.log(`machine: ${cpus()[0]?.model ?? "?"} × ${cpus().length}, node ${process.version}, load ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
  console.log(`target: ${path}; autocannon ${connections} connections, ${rounds} rounds of ${duration} s per server, alternating`);
  const results: Record<string, { rps: number[]; p50: number[]; p99: number[] }> = { json: { rps: [], p50: [], p99: [] }, off: { rps: [], p50: [], p99: [] } };
  for (const s of [json, off]) await run(s.url + path, 2);
  for (let i = 0; i < rounds; i++) {
    for (const [name, s] of [["json", json], ["off", off]] as const) {
      const r = await run(s.url + path, duration);
      if (r.non2xx) throw new Error(`${name}: ${r.non2xx} non-2xx answers`);
      results[name].rps.push(r.requests.average);
      results[name].p50.push(r.latency.p50);
      results[name].p99.push(r.latency.p99);
    }
  }
  console.log(`${"--log-format".padEnd(14)} ${"req/s".padStart(8)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)}   (medians of ${rounds} rounds)`);
  for (const name of ["off", "json"] as const) {
    const r = results[name];
    console.log(`${name.padEnd(14)} ${median(r.rps).toFixed(0).padStart(8)} ${String(median(r.p50)).padStart(8)} ${String(median(r.p99)).padStart(8)}`);
  }
  console.log(`log lines written by the json server: ${json.lines()}`);
} finally {
  json.child.kill("SIGTERM");
  off.child.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
}
