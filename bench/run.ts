// `npm run bench`: every benchmark at each archive size, results in bench/results/bench.json and
// bench.md. A step that fails is recorded in the results and the run goes on; servers, child
// processes and the PostgreSQL cluster are always stopped.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { postgresUnavailable, startPostgres, type PostgresCluster } from "../test/support/postgres.ts";
import { parseArgs, USAGE, type BenchOptions } from "./lib/args.ts";
import { oneLine } from "./lib/errors.ts";
import { autoExplainSettings, slowStatements } from "./lib/pg-plans.ts";
import { describeMachine, machine } from "./lib/machine.ts";
import { killAllChildren } from "./lib/proc.ts";
import { renderResults } from "./lib/render.ts";
import { mergeResults, type BenchResults, type Dialect, type GrowthFigure } from "./lib/results.ts";
import { serveHelp, startServer, stopAllServers } from "./lib/server.ts";
import { parseSize, sizeLabel } from "./lib/sizes.ts";
import { ratio } from "./lib/stats.ts";
import { archiveTarget, growthTarget } from "./lib/targets.ts";
import { postgresArchive, sqliteArchive, type Archive, type ArchiveContext } from "./run-archive.ts";
import { measureImport, sampleFolder } from "./run-import.ts";
import { measurePages } from "./run-pages.ts";
import { measureParse, textSample } from "./run-parse.ts";
import { pageTargets, pick } from "./run-picks.ts";
import { measureSearch } from "./run-search.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

let opts: BenchOptions;
try {
  opts = parseArgs(process.argv.slice(2));
} catch (err) {
  console.error(`bench: ${oneLine(err)}`);
  if (!/\n/.test(String(err))) console.error(USAGE);
  process.exit(2);
}
const corpus = resolve(root, opts.corpus ?? "../shared/corpus/real");
const outDir = resolve(root, opts.out);
const workersOption = /--workers\b/.test(await serveHelp(root));

const results: BenchResults = {
  schema: "quorum.bench/1",
  machine: machine(root),
  options: { sizes: opts.sizes.map(sizeLabel), databases: [...(opts.sqlite ? ["sqlite" as const] : []), ...(opts.postgres ? ["postgres" as const] : [])], quick: opts.quick, seed: opts.seed, connections: opts.connections, seconds: opts.seconds, rounds: opts.rounds, workersOption },
  parse: [],
  import: [],
  archives: [],
  search: [],
  pages: [],
  servers: [],
  growth: [],
  errors: [],
};

async function step<T>(name: string, fn: () => Promise<T>): Promise<T | undefined> {
  console.log(`\n${name}`);
  try {
    return await fn();
  } catch (err) {
    console.log(`  failed: ${oneLine(err)}`);
    results.errors.push({ step: name, message: oneLine(err) });
    return undefined;
  }
}

let cluster: PostgresCluster | null = null;
let written = false;

function growth(results: BenchResults): GrowthFigure[] {
  const out: GrowthFigure[] = [];
  const keys = new Set(results.pages.map((p) => `${p.db}\0${p.workers}\0${p.page}`));
  for (const key of keys) {
    const [db, workers, page] = key.split("\0");
    const rows = results.pages.filter((p) => p.db === db && String(p.workers) === workers && p.page === page);
    if (rows.length < 2) continue;
    const bySize = rows.map((r) => ({ r, n: parseSize(r.size) })).sort((a, b) => a.n - b.n);
    const a = bySize[0];
    const b = bySize[bySize.length - 1];
    const g = ratio(b.r.latency.p95, a.r.latency.p95);
    out.push({ db: db as Dialect, workers: Number(workers), page, from: a.r.size, to: b.r.size, p95From: a.r.latency.p95, p95To: b.r.latency.p95, growth: g, ...growthTarget(a.n, b.n, g) });
  }
  return out;
}

function write(): void {
  if (written) return;
  written = true;
  results.machine.loadEnd = loadavg();
  const file = join(outDir, "bench.json");
  let all = results;
  if (opts.merge && existsSync(file)) {
    try {
      all = mergeResults(JSON.parse(readFileSync(file, "utf8")) as BenchResults, results, opts.skip);
    } catch (err) {
      results.errors.push({ step: "merge", message: `${file}: ${oneLine(err)}` });
    }
  }
  all.growth = growth(all);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(file, JSON.stringify(all, null, 2) + "\n");
  writeFileSync(join(outDir, "bench.md"), renderResults(all, relative(outDir, join(root, "bench/results/misses.md")).split(sep).join("/")));
  console.log(`\nwrote ${join(outDir, "bench.json")} and bench.md${results.errors.length ? ` (${results.errors.length} step(s) failed, listed in both)` : ""}`);
}

async function cleanUp(): Promise<void> {
  stopAllServers();
  killAllChildren();
  const c = cluster;
  cluster = null;
  if (c) await c.stop();
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.log(`\n${signal}: stopping servers and PostgreSQL, writing what was measured`);
    results.errors.push({ step: "run", message: `interrupted by ${signal}` });
    void cleanUp().finally(() => {
      write();
      process.exit(130);
    });
  });
}

/** Slower than this, a statement's plan is logged (pg-plans.ts). */
const SLOW_MS = 200;

/** `run`, keeping PostgreSQL's slow statements while it runs. */
function keepingPlans(size: number, db: Dialect, step: string, run: () => Promise<void>): () => Promise<void> {
  return async () => {
    const c = cluster;
    if (db !== "postgres" || !c) return run();
    const from = c.log().length;
    try {
      await run();
    } finally {
      const statements = slowStatements(c.log().slice(from), 5);
      (results.plans ??= []).push({ size: sizeLabel(size), db, step, overMs: SLOW_MS, statements });
      if (statements.length) console.log(`    PostgreSQL: ${statements.reduce((n, s) => n + s.count, 0)} statement runs past ${SLOW_MS} ms, the most time in: ${statements[0].query.slice(0, 80)}`);
    }
  };
}

async function dropPostgres(url: string): Promise<void> {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  u.pathname = "/postgres";
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

console.log(`quorum bench: ${describeMachine(results.machine)}; commit ${results.machine.commit.slice(0, 12)}`);
console.log(`sizes ${results.options.sizes.join(", ")}${opts.quick ? " (quick)" : ""}; quorum serve ${workersOption ? "takes --workers: 1 and 2 processes" : "has no --workers: one process"}`);

try {
  if (opts.postgres) {
    const why = postgresUnavailable();
    if (why) results.errors.push({ step: "postgres", message: why });
    else cluster = (await step("start PostgreSQL", () => startPostgres(autoExplainSettings(SLOW_MS)))) ?? null;
  }
  const dialects = ([...(opts.sqlite ? ["sqlite"] : []), ...(cluster ? ["postgres"] : [])] as Dialect[]);

  if (!opts.skip.has("parse")) {
    await step("parse", async () => {
      const files = await textSample([corpus], opts.quick ? 40 : 200);
      if (!files.length) throw new Error(`no text documents under ${corpus}`);
      results.parse = await measureParse(files, opts.quick ? 1 : 3);
      for (const p of results.parse) console.log(`  ${p.format}: ${p.documents} documents, ${p.megabytes.toFixed(2)} MB, parse ${p.parseMBs.toFixed(2)} MB/s, raw read ${p.rawReadMBs.toFixed(0)} MB/s`);
    });
  }

  if (!opts.skip.has("import")) {
    const files = await textSample([corpus], opts.quick ? 20 : 200);
    const folder = files.length ? sampleFolder(files, corpus) : null;
    try {
      for (const db of dialects) {
        await step(`import into ${db}`, async () => {
          if (!folder) throw new Error(`no text documents under ${corpus}`);
          const tmp = join(root, ".bench/work");
          mkdirSync(tmp, { recursive: true });
          let n = 0;
          const created: string[] = [];
          const newUrl = async () => {
            if (db === "postgres") {
              const url = await cluster!.createDatabase(`bench_import_${++n}`);
              created.push(url);
              return url;
            }
            const file = join(tmp, `import-${++n}.db`);
            for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true });
            created.push(file);
            return `sqlite:${file}`;
          };
          try {
            const f = await measureImport(root, folder, files.length, db, newUrl);
            results.import.push(f);
            console.log(`  ${f.documents} documents in ${f.seconds.toFixed(1)} s = ${f.docsPerSecond.toFixed(1)} documents/s (empty import ${f.startSeconds.toFixed(2)} s)`);
          } finally {
            for (const c of created) {
              if (db === "postgres") await dropPostgres(c).catch(() => {});
              else for (const s of ["", "-wal", "-shm"]) rmSync(c + s, { force: true });
            }
          }
        });
      }
    } finally {
      if (folder) rmSync(folder, { recursive: true, force: true });
    }
  }

  const ctx: ArchiveContext = { root, seed: opts.seed, dbFor: opts.dbFor, createPostgres: cluster ? () => cluster!.createDatabase(`bench_archive_${Date.now()}`) : undefined };
  const workerCounts = workersOption ? [1, 2] : [1];
  for (const size of opts.sizes) {
    const label = sizeLabel(size);
    for (const db of dialects) {
      const archive: Archive | undefined = await step(`archive ${label} on ${db}`, () => (db === "sqlite" ? sqliteArchive(ctx, size) : postgresArchive(ctx, size)));
      if (!archive) continue;
      try {
        const perMeeting = archive.meetings ? archive.bytes / archive.meetings : NaN;
        results.archives.push({ size: label, db, source: archive.source, meetings: archive.meetings, bytes: archive.bytes, bytesPerMeeting: perMeeting, buildSeconds: archive.buildSeconds, ...archiveTarget(perMeeting) });
        console.log(`  ${archive.meetings} meetings, ${(archive.bytes / 2 ** 20).toFixed(0)} MB, ${(perMeeting / 1024).toFixed(1)} KB/meeting (${archive.source})`);
        const picks = await step(`pick pages ${label} on ${db}`, () => pick(archive.url));
        if (!picks) continue;
        console.log(`  meeting ${picks.meeting}, committee ${picks.committee}, person ${picks.person.slug}, council ${picks.council}, year ${picks.year}`);
        if (!opts.skip.has("search")) {
          await step(`search ${label} on ${db}`, keepingPlans(size, db, "search", async () => {
            const server = await startServer(root, archive.url, workersOption ? { workers: 1 } : {});
            try {
              results.search.push(...(await measureSearch(archive, server, picks, opts.quick ? 5 : 20, results.errors)));
            } finally {
              await server.stop();
            }
          }));
        }
        if (!opts.skip.has("pages")) {
          for (const workers of workerCounts) {
            await step(`pages ${label} on ${db}, ${workers} serve process${workers > 1 ? "es" : ""}`, keepingPlans(size, db, `pages, ${workers} process${workers > 1 ? "es" : ""}`, async () => {
              const server = await startServer(root, archive.url, workersOption ? { workers } : {});
              try {
                const r = await measurePages(archive, server, workers, pageTargets(picks), { connections: opts.connections, seconds: opts.seconds, rounds: opts.rounds, warmup: opts.quick ? 1 : 2 }, results.errors);
                results.pages.push(...r.pages);
                results.servers.push(r.server);
                console.log(`    peak memory ${r.server.peakMB.map((x) => x.toFixed(0)).join(", ")} MB`);
              } finally {
                await server.stop();
              }
            }));
          }
        }
      } finally {
        if (db === "postgres" && !archive.inPlace) await dropPostgres(archive.url).catch(() => {});
      }
    }
  }
} catch (err) {
  results.errors.push({ step: "run", message: oneLine(err) });
} finally {
  await cleanUp();
  write();
}
