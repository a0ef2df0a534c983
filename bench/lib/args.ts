// The command line of `npm run bench`.
import { parseDbFor, parseSizes, type GivenArchives } from "./sizes.ts";

export interface BenchOptions {
  sizes: number[];
  quick: boolean;
  seed: number;
  dbFor: GivenArchives;
  postgres: boolean;
  sqlite: boolean;
  connections: number;
  seconds: number;
  rounds: number;
  skip: Set<string>;
  out: string;
  corpus: string | null;
  merge: boolean;
}

export const STEPS = ["parse", "import", "search", "pages"] as const;

export const USAGE = `npm run bench [-- options]
  --sizes 1k,10k,100k   archive sizes in meetings (default 1k,10k,100k)
  --quick               a short smoke run: small samples, 2 s per page
  --seed N              the generator's seed (default 1)
  --db-for [DB:]SIZE=PATH  for SIZE use this SQLite archive (copied first) or folder of minutes
                        (imported); DB (sqlite or postgres) limits it to one database;
                        postgres:SIZE=postgres://... measures that PostgreSQL database in place
  --no-postgres         SQLite only
  --no-sqlite           PostgreSQL only
  --connections N       connections for the page runs (default 50)
  --seconds S           seconds of load per page in all (default 12; 2 with --quick)
  --rounds N            rounds each page's load is split into, each after a run of the
                        static asset (default 3; 1 with --quick)
  --skip STEP,...       leave out parse, import, search or pages
  --corpus DIR          real minutes for parse and import (default ../shared/corpus/real)
  --out DIR             where bench.json and bench.md go (default bench/results)
  --merge               keep the figures already in DIR/bench.json for sizes and steps this run leaves out`;

export function parseArgs(argv: string[]): BenchOptions {
  const o: BenchOptions = { sizes: parseSizes("1k,10k,100k"), quick: false, seed: 1, dbFor: new Map(), postgres: true, sqlite: true, connections: 50, seconds: NaN, rounds: NaN, skip: new Set(), out: "bench/results", corpus: null, merge: false };
  const dbFor: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v == null || v.startsWith("--")) throw new Error(`${a} needs a value`);
      return v;
    };
    const count = (v: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${a} wants a whole number, not "${v}"`);
      return n;
    };
    if (a === "--sizes") o.sizes = parseSizes(value());
    else if (a === "--quick") o.quick = true;
    else if (a === "--seed") o.seed = count(value());
    else if (a === "--db-for") dbFor.push(value());
    else if (a === "--no-postgres") o.postgres = false;
    else if (a === "--no-sqlite") o.sqlite = false;
    else if (a === "--merge") o.merge = true;
    else if (a === "--connections") o.connections = count(value());
    else if (a === "--seconds") o.seconds = count(value());
    else if (a === "--rounds") o.rounds = count(value());
    else if (a === "--out") o.out = value();
    else if (a === "--corpus") o.corpus = value();
    else if (a === "--skip") {
      for (const s of value().split(",")) {
        if (!(STEPS as readonly string[]).includes(s)) throw new Error(`--skip takes ${STEPS.join(", ")}, not "${s}"`);
        o.skip.add(s);
      }
    } else throw new Error(`unknown option ${a}\n${USAGE}`);
  }
  o.dbFor = parseDbFor(dbFor);
  if (!o.sqlite && !o.postgres) throw new Error("--no-sqlite and --no-postgres leave no database to measure");
  if (Number.isNaN(o.seconds)) o.seconds = o.quick ? 2 : 12;
  if (Number.isNaN(o.rounds)) o.rounds = o.quick ? 1 : 3;
  if (o.rounds > o.seconds) throw new Error(`--rounds ${o.rounds} would give a page under a second a round: --seconds is ${o.seconds}`);
  return o;
}
