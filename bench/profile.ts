// `npm run bench:profile -- --db URL`: where each page's time goes under load. For each page, one
// `quorum serve --workers 1` under `node --cpu-prof` (response cache off) is loaded by autocannon from
// this process; its one worker's profile and CPU are read (the primary serves nothing); the profile's samples inside the load window are put in categories
// (bench/lib/profile-summary.ts) and divided by the requests served. Beside them: the CPU the load
// generator (this process) and, on PostgreSQL, the database server's processes spent per request,
// so that the whole machine's cost of one request is on one line.
//   --db URL          SQLite path or postgres://… (used in place: serve migrates it first)
//   --path P          a path to load (repeatable); default the bench's pages picked from the archive
//   --seconds S       load per page (default 10)   --connections N (default 50)
//   --out FILE        also write the Markdown there
//   --keep DIR        keep each page's .cpuprofile there (open it in Chrome's DevTools)
// `npm run bench:profile -- --summarise DIR` instead sums every .cpuprofile in DIR (one per thread:
// e.g. `node --cpu-prof --cpu-prof-dir DIR bin/quorum import …` writes the main thread's and each
// parse worker's) by the same categories, in CPU seconds.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { oneLine } from "./lib/errors.ts";
import { load, settle } from "./lib/load.ts";
import { busyTotalUs, CATEGORIES, summarise, type ProfileSummary } from "./lib/profile-summary.ts";
import { table } from "./lib/render.ts";
import { answeringPid, cpuMs, processTree, procStat, startServer, stopAllServers } from "./lib/server.ts";
import { pageTargets, pick, type PageTarget } from "./run-picks.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function usage(message: string): never {
  console.error(`bench:profile: ${message}\nusage: npm run bench:profile -- --db URL [--path P]... [--seconds S] [--connections N] [--out FILE]`);
  process.exit(2);
}

const opts = { db: "", paths: [] as string[], seconds: 10, connections: 50, out: "", summarise: "", keep: "" };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const value = () => argv[++i] ?? usage(`${argv[i - 1]} needs a value`);
  const whole = (v: string) => (/^\d+$/.test(v) && Number(v) > 0 ? Number(v) : usage(`${argv[i - 1]} wants a whole number, not "${v}"`));
  switch (argv[i]) {
    case "--db": opts.db = value(); break;
    case "--path": opts.paths.push(value()); break;
    case "--seconds": opts.seconds = whole(value()); break;
    case "--connections": opts.connections = whole(value()); break;
    case "--out": opts.out = value(); break;
    case "--summarise": opts.summarise = value(); break;
    case "--keep": opts.keep = value(); break;
    default: usage(`unknown argument "${argv[i]}"`);
  }
}
if (!opts.db && !opts.summarise) usage("--db or --summarise is required");
const postgres = /^postgres(ql)?:/.test(opts.db);

/** The postmaster of the PostgreSQL server holding `url` (a backend's parent): it and its children are that cluster. */
async function postmasterOf(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const fields = procStat(rows[0].pid);
    if (!fields) throw new Error("cannot read the PostgreSQL backend's /proc entry: is the server on this machine?");
    return Number(fields[1]);
  } finally {
    await client.end();
  }
}

interface Row {
  target: PageTarget;
  requests: number;
  rps: number;
  p95: number;
  errors: number;
  summary: ProfileSummary;
  loaderCpuMs: number;
  /** the serve process's own CPU over the window, from /proc: exact where the samples are not */
  serveCpuMs: number;
  postgresCpuMs: number | null;
}

async function profilePage(target: PageTarget): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), "quorum-prof-"));
  try {
    const server = await startServer(root, opts.db, { workers: 1, nodeArgs: ["--cpu-prof", "--cpu-prof-dir", dir] });
    let r, fromUs, toUs, loaderCpuMs, pgMs, serveMs;
    // the one worker answers; the primary only waits
    const worker = await answeringPid(server.url);
    const serveCpu = () => cpuMs([worker]);
    try {
      await load(server.url + target.path, opts.connections, 2);
      await settle(server.url);
      const cpu0 = process.cpuUsage();
      const postmaster = postgres ? await postmasterOf(opts.db) : 0;
      const postgresCpuMs = () => cpuMs(processTree(postmaster));
      const pg0 = postgres ? postgresCpuMs() : 0;
      const serve0 = serveCpu();
      fromUs = Number(process.hrtime.bigint() / 1000n);
      r = await load(server.url + target.path, opts.connections, opts.seconds);
      toUs = Number(process.hrtime.bigint() / 1000n);
      const cpu = process.cpuUsage(cpu0);
      loaderCpuMs = (cpu.user + cpu.system) / 1000;
      pgMs = postgres ? postgresCpuMs() - pg0 : null;
      serveMs = serveCpu() - serve0;
      const died = server.died();
      if (died) throw new Error(died);
    } finally {
      await server.stop();
    }
    // node names a profile CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile
    const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile") && f.split(".")[3] === String(worker));
    if (!file) throw new Error(`quorum serve's worker ${worker} wrote no CPU profile (did it exit normally?); written: ${readdirSync(dir).join(", ") || "none"}`);
    const summary = summarise(JSON.parse(readFileSync(join(dir, file), "utf8")), fromUs, toUs);
    if (opts.keep) {
      mkdirSync(opts.keep, { recursive: true });
      copyFileSync(join(dir, file), join(opts.keep, `${target.page.replace(/[^a-z0-9]+/gi, "-")}.cpuprofile`));
    }
    const requests = Math.round(r.requestsPerSecond * opts.seconds);
    return { target, requests, rps: r.requestsPerSecond, p95: r.latency.p95 ?? NaN, errors: r.errors, summary, loaderCpuMs, serveCpuMs: serveMs, postgresCpuMs: pgMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const perRequest = (ms: number, n: number) => (n ? (ms / n).toFixed(2) : "—");

function render(rows: Row[]): string {
  const out: string[] = [];
  out.push(`Profile of \`quorum serve --workers 1\` under ${opts.connections} connections for ${opts.seconds} s a page, response cache off; \`${opts.db.replace(/\/\/[^@]*@/, "//")}\`.`, "");
  out.push(
    "CPU milliseconds per request. The serve process's CPU is read from /proc over the load window (exact on a busy machine, where a sampling profile stretches); it is shared out by the profile's samples in that window, each put in a category by what it was part of. Beside it, the load generator's CPU and (PostgreSQL) the database server's processes'.",
    "",
  );
  const share = (r: Row, us: number) => {
    const busy = busyTotalUs(r.summary.busyUs);
    return busy ? (us / busy) * r.serveCpuMs : 0;
  };
  out.push(
    table(
      ["page", "req/s", "p95 ms", "serve CPU", ...CATEGORIES, "load generator", ...(postgres ? ["PostgreSQL server"] : [])],
      rows.map((r) => [
        `${r.target.page}${r.errors ? ` (${r.errors} errors)` : ""}`,
        r.rps.toFixed(0),
        r.p95.toFixed(1),
        perRequest(r.serveCpuMs, r.requests),
        ...CATEGORIES.map((c) => perRequest(share(r, r.summary.busyUs[c]), r.requests)),
        perRequest(r.loaderCpuMs, r.requests),
        ...(postgres ? [r.postgresCpuMs != null ? perRequest(r.postgresCpuMs, r.requests) : "—"] : []),
      ]),
    ),
  );
  for (const r of rows) {
    out.push("", `### ${r.target.page} (\`${r.target.path}\`): most self time`, "");
    out.push(table(["function", "where", "category", "ms/request"], r.summary.top.slice(0, 10).map((t) => [`\`${t.name}\``, t.where || "native", t.category, perRequest(share(r, t.selfUs), r.requests)])));
  }
  return out.join("\n") + "\n";
}

/** Every profile in `dir`, whole, by category: CPU seconds per thread and in all. */
function summariseFolder(dir: string): string {
  const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile")).sort();
  if (!files.length) throw new Error(`no .cpuprofile files in ${dir}`);
  const sums = files.map((f) => ({ file: f, s: summarise(JSON.parse(readFileSync(join(dir, f), "utf8"))) }));
  const secs = (us: number) => (us / 1e6).toFixed(2);
  const total = Object.fromEntries(CATEGORIES.map((c) => [c, sums.reduce((a, { s }) => a + s.busyUs[c], 0)])) as Record<string, number>;
  const idle = sums.reduce((a, { s }) => a + s.idleUs, 0);
  const out = [
    table(
      ["profile", "busy s", "idle s", ...CATEGORIES],
      [
        ...sums.map(({ file, s }) => [file, secs(busyTotalUs(s.busyUs)), secs(s.idleUs), ...CATEGORIES.map((c) => secs(s.busyUs[c]))]),
        ["all threads", secs(busyTotalUs(total)), secs(idle), ...CATEGORIES.map((c) => secs(total[c]))],
      ],
    ),
  ];
  return out.join("\n") + "\n";
}

try {
  if (opts.summarise) {
    const md = summariseFolder(opts.summarise);
    process.stdout.write(md);
    if (opts.out) writeFileSync(opts.out, md);
    process.exit(0);
  }
  const targets = opts.paths.length ? opts.paths.map((p) => ({ page: p, path: p })) : pageTargets(await pick(opts.db)).filter((t) => !t.path.startsWith("/assets/"));
  const rows: Row[] = [];
  for (const t of targets) {
    process.stderr.write(`profiling ${t.page} (${t.path})\n`);
    rows.push(await profilePage(t));
  }
  const md = render(rows);
  process.stdout.write(md);
  if (opts.out) writeFileSync(opts.out, md);
} catch (err) {
  console.error(`bench:profile: ${oneLine(err)}`);
  process.exitCode = 1;
} finally {
  stopAllServers();
}
