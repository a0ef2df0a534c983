// Portal throughput with the real corpus (~1,500 meetings) loaded.
//   npm run bench:serve [-- --duration S] [--connections N] [--rebuild] [--db PATH]
// The database is built once by importing ../shared/corpus/real into .bench/serve-real.db and
// reused while it holds the corpus. The server runs as `quorum serve` in its own process; the load
// generator (autocannon) runs here, in a second process, so the two do not share an event loop.
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { importDocuments } from "../src/cli/start.ts";
import { openStore } from "../src/store/db.ts";
import { describeMachine, machine } from "./lib/machine.ts";
import { startServer } from "./lib/server.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const corpus = resolve(root, "../shared/corpus/real");
const args = process.argv.slice(2);
const dbArg = args.indexOf("--db");
const dbPath = dbArg >= 0 ? resolve(args[dbArg + 1]) : resolve(root, ".bench/serve-real.db");
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const duration = opt("--duration", 10);
const connections = opt("--connections", 10);

async function meetingCount(): Promise<number> {
  if (!existsSync(dbPath)) return 0;
  const db = await openStore(dbPath);
  try {
    const r = await db.selectFrom("meetings").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
    return Number(r.n);
  } finally {
    await db.destroy();
  }
}

async function buildDatabase(): Promise<void> {
  rmSync(dbPath, { force: true });
  rmSync(`${dbPath}-wal`, { force: true });
  rmSync(`${dbPath}-shm`, { force: true });
  mkdirSync(dirname(dbPath), { recursive: true });
  const db = await openStore(dbPath);
  const t0 = Date.now();
  const summary = await importDocuments(db, [corpus], (done, total) => {
    if (done % 100 === 0 || done === total) process.stdout.write(`  imported ${done}/${total}\n`);
  });
  await db.destroy();
  console.log(`built ${dbPath}: ${summary.imported} documents stored, ${summary.failed.length} not storable, in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

interface Target {
  name: string;
  path: string;
}

async function pickTargets(): Promise<Target[]> {
  const db = await openStore(dbPath);
  try {
    const rows = await db
      .selectFrom("meetings")
      .leftJoin("items", "items.meeting_id", "meetings.id")
      .where("meetings.minutes_status", "!=", "draft")
      .groupBy("meetings.id")
      .select((eb) => ["meetings.slug", eb.fn.count("items.id").as("items")])
      .orderBy("items")
      .execute();
    const median = rows[Math.floor(rows.length / 2)];
    const largest = rows[rows.length - 1];
    return [
      { name: `meeting page (median, ${median.items} items)`, path: `/meetings/${median.slug}` },
      { name: `meeting page (largest, ${largest.items} items)`, path: `/meetings/${largest.slug}` },
      { name: "search: housing", path: "/search?q=housing" },
      { name: 'search: "planning permission" OR grant -road', path: `/search?q=${encodeURIComponent('"planning permission" OR grant -road')}` },
      { name: "API search: housing", path: "/api/v1/search?q=housing" },
      { name: "API meeting (median)", path: `/api/v1/meetings/${median.slug}` },
    ];
  } finally {
    await db.destroy();
  }
}

function run(url: string, seconds: number): Promise<autocannon.Result> {
  return new Promise((res, rej) => {
    autocannon({ url, connections, duration: seconds }, (err, result) => (err ? rej(err) : res(result)));
  });
}

const count = await meetingCount();
if (args.includes("--rebuild") || count < 1000) {
  console.log(`importing ${corpus} into ${dbPath} (once; later runs reuse it)`);
  await buildDatabase();
}
const meetings = await meetingCount();
const targets = await pickTargets();
const server = await startServer(root, dbPath, { workers: 1 });
const { url } = server;
try {
  console.log(`machine: ${describeMachine(machine(root))}`);
  console.log(`database: SQLite ${dbPath}, ${meetings} meetings; server: quorum serve --workers 1; load: autocannon, ${connections} connections, ${duration} s per target`);
  console.log("");
  console.log(`${"target".padEnd(52)} ${"req/s".padStart(8)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"non-2xx".padStart(8)}`);
  for (const t of targets) {
    const probe = await fetch(url + t.path);
    if (probe.status !== 200) throw new Error(`${t.path} answered ${probe.status}`);
    await probe.arrayBuffer();
    await run(url + t.path, 2);
    const r = await run(url + t.path, duration);
    console.log(
      `${t.name.padEnd(52)} ${r.requests.average.toFixed(0).padStart(8)} ${String(r.latency.p50).padStart(8)} ${String(r.latency.p99).padStart(8)} ${String(r.non2xx).padStart(8)}`,
    );
  }
} finally {
  await server.stop();
}
