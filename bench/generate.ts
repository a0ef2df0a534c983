// The scale generator: an archive of realistic shape, written through the store's own import path.
//   npm run bench:generate -- --meetings N --db URL [--seed S] [--corpus DIR] [--batch B] [--cache DIR]
// (--corpus: real minutes to draw text from, default ../shared/corpus/real; --cache: where the parsed
// corpus is kept, default .bench/)
// URL is a SQLite path (or sqlite:PATH) or postgres://…; the database must be new or empty. Progress
// goes to stderr; the last line on stdout is one JSON object:
//   {"meetings":…,"items":…,"resolutions":…,"attendance":…,"people":…,"councils":…,"committees":…,"seconds":…,"dbBytes":…}
// The same seed, N and corpus give the same archive (the same content digest, src/store/digest.ts).
import { existsSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import { oneLine } from "../src/domain/errors.ts";
import { openStore, parseDatabaseUrl } from "../src/store/db.ts";
import { generateArchive, type GenerateOptions } from "./generate-archive.ts";

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: npm run bench:generate -- --meetings N --db URL [--seed S] [--corpus DIR] [--batch B] [--cache DIR]\n`);
  process.exit(2);
}

function parseArgs(args: string[]): GenerateOptions & { db: string } {
  const opts: Partial<GenerateOptions & { db: string }> = { seed: 1, corpus: fileURLToPath(new URL("../../shared/corpus/real", import.meta.url)) };
  for (let i = 0; i < args.length; i++) {
    const value = () => args[++i] ?? usage(`${args[i - 1]} needs a value`);
    const whole = (name: string, v: string, min: number) => (/^\d+$/.test(v) && Number(v) >= min ? Number(v) : usage(`${name} must be a whole number ≥ ${min}, not "${v}"`));
    switch (args[i]) {
      case "--meetings": opts.meetings = whole("--meetings", value(), 1); break;
      case "--db": opts.db = value(); break;
      case "--seed": opts.seed = whole("--seed", value(), 0); break;
      case "--corpus": opts.corpus = value(); break;
      case "--batch": opts.batch = whole("--batch", value(), 1); break;
      case "--cache": opts.cacheDir = value(); break;
      default: usage(`unknown argument "${args[i]}"`);
    }
  }
  if (!opts.meetings) usage("--meetings is required");
  if (!opts.db) usage("--db is required");
  return opts as GenerateOptions & { db: string };
}

const opts = parseArgs(process.argv.slice(2));
const progress = (line: string) => process.stderr.write(`${line}\n`);
try {
  const location = parseDatabaseUrl(opts.db);
  const db = await openStore(opts.db, { bulkWrites: true });
  const start = performance.now();
  let summary;
  try {
    const existing = Number((await db.selectFrom("meetings").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    if (existing) throw new Error(`${opts.db} already holds ${existing} meetings: generate into a new or empty database`);
    summary = await generateArchive(db, opts, progress);
    if (location.dialect === "sqlite") await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
  } finally {
    await db.destroy();
  }
  const seconds = (performance.now() - start) / 1000;
  let dbBytes: number;
  if (location.dialect === "sqlite") {
    dbBytes = [location.target, `${location.target}-wal`].filter(existsSync).reduce((n, f) => n + statSync(f).size, 0);
  } else {
    const again = await openStore(opts.db);
    try {
      dbBytes = Number((await sql<{ n: string }>`SELECT pg_database_size(current_database()) AS n`.execute(again)).rows[0].n);
    } finally {
      await again.destroy();
    }
  }
  progress(
    `generated ${summary.meetings} meetings in ${seconds.toFixed(1)} s (${(summary.meetings / seconds).toFixed(1)} meetings/s), ` +
      `${dbBytes} bytes (${Math.round(dbBytes / summary.meetings)} bytes/meeting); load ${loadavg().map((x) => x.toFixed(1)).join(" ")}`,
  );
  process.stdout.write(JSON.stringify({ ...summary, seconds: Math.round(seconds * 10) / 10, dbBytes }) + "\n");
} catch (err) {
  process.stderr.write(`bench:generate: ${oneLine(err)}\n`);
  process.exitCode = 1;
}
