// Opening a store: DATABASE_URL (or --db) is `postgres://…`, `sqlite:PATH`, or a bare path;
// the default is a SQLite file at ./data/quorum.db, created on first use, in WAL mode.
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";
import pg from "pg";
import { CompiledQuery, Kysely, PostgresAdapter, PostgresDialect, SqliteAdapter, SqliteDialect, SqliteDriver, type DatabaseConnection, type SqliteDialectConfig } from "kysely";
import { QuorumError } from "../domain/errors.ts";
import type { Database } from "./schema.ts";
import { migrateToLatest } from "./migrate.ts";
import { namingMarkedReads } from "./pg-statements.ts";
import { reusingStatements } from "./sqlite-statements.ts";
import { cutPacked } from "./item-body.ts";
import { registerSqliteVersion, sqliteVersionSource } from "./archive-version.ts";

export type Db = Kysely<Database>;
export type DialectName = "sqlite" | "postgres";

export const DEFAULT_DATABASE = "./data/quorum.db";

/** How long a SQLite writer waits for another process's write to finish before its attempt fails. */
const SQLITE_BUSY_TIMEOUT_MS = 10_000;

export interface StoreLocation {
  dialect: DialectName;
  /** file path for SQLite (":memory:" allowed), connection string for PostgreSQL */
  target: string;
}

const ACCEPTED = "use postgres://…, sqlite:PATH, or a file path ending in .db, .sqlite or .sqlite3 or containing a /";

export function parseDatabaseUrl(url: string | undefined): StoreLocation {
  const u = (url ?? "").trim() || DEFAULT_DATABASE;
  if (/^postgres(ql)?:\/\//i.test(u)) return { dialect: "postgres", target: u };
  if (/^sqlite:/i.test(u)) {
    const path = u.replace(/^sqlite:(\/\/)?/i, "");
    if (!path) throw new QuorumError("invalid", `database URL "${u}" names no file`);
    return { dialect: "sqlite", target: path };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(u)) throw new QuorumError("invalid", `unsupported database URL "${u}" (${ACCEPTED})`);
  // A mistyped or unset-looking value ("quorum", "localhost:5432") would otherwise become a new,
  // empty SQLite file in the working directory; a bare path must look like one.
  if (u === ":memory:" || /[\\/]/.test(u) || /\.(db|db3|sqlite|sqlite3)$/i.test(u)) return { dialect: "sqlite", target: u };
  throw new QuorumError("invalid", `database "${u}" is neither a database URL nor a SQLite file path (${ACCEPTED})`);
}

/** The dialect behind a store handle, including inside a transaction. */
export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

// COUNT and SUM come back from pg as strings (int8); ids are int4 and parse as numbers.
pg.types.setTypeParser(20, (v) => {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
});

// Kysely opens SQLite transactions with a plain (deferred) BEGIN: a transaction that reads first
// and then writes fails with SQLITE_BUSY at once when another process wrote meanwhile, whatever the
// busy timeout. BEGIN IMMEDIATE takes the write lock up front, waiting up to the busy timeout, so
// writers from several processes queue one at a time instead of failing.
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver() {
    return new ImmediateSqliteDriver(this.#config);
  }
  override createAdapter() {
    return new TransactionalDdlSqliteAdapter();
  }
}

// Kysely's SQLite adapter says DDL is not transactional (it is in SQLite), so its migrator runs
// without a transaction or any lock, and processes opening a new file at once (a server and
// imports started together) apply the same migration twice and fail. Said true, the migrator
// reads what has run and applies the rest in one BEGIN IMMEDIATE transaction: one process
// migrates, the others wait for the write lock and then find nothing left to do.
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/**
 * SQL functions the schema itself calls, to be registered on every SQLite connection that reads
 * or writes the search index (its content view and triggers cut item text from the deflated
 * source, migration 019) or checks it (PRAGMA integrity_check reads that view).
 */
export function registerStoreFunctions(database: SQLite.Database): void {
  database.function("quorum_cut", { deterministic: true }, (packed: unknown, start: unknown, end: unknown) =>
    packed instanceof Uint8Array && typeof start === "number" && typeof end === "number" ? cutPacked(packed, start, end) : null,
  );
}

export interface OpenOptions {
  /** apply pending migrations before returning (every command does) */
  migrate?: boolean;
  /** PostgreSQL: connections this process may hold at once (default 4; each `quorum serve` worker has its own pool) */
  poolMax?: number;
  /**
   * SQLite: keep prepared statements by SQL text (an import or a generator runs the same few dozen
   * statements thousands of times) and give the page cache room for a large archive's indexes.
   */
  bulkWrites?: boolean;
}

/** Most statements kept per connection (multi-row inserts of every length are distinct SQL texts). */

export async function openStore(url: string | undefined = process.env.DATABASE_URL, options: OpenOptions = {}): Promise<Db> {
  const loc = parseDatabaseUrl(url);
  let db: Db;
  if (loc.dialect === "postgres") {
    // JIT compiling pays off for long analytic queries, not for a page's reads of a few rows: a plan
    // made once for any values (pg-statements.ts) is costed for a tenth of its list, which crosses
    // jit_above_cost and spent 19 ms compiling a 0.3 ms read (measured at 10,000 meetings). An
    // `options` in the database's URL takes precedence over this.
    const pool = new pg.Pool({ connectionString: loc.target, max: options.poolMax ?? 4, options: "-c jit=off" });
    // A connection dropped by the server (a restart, a failover) is reported as an "error"
    // event, on the pool when idle and on the client when in use; without a listener either
    // would crash the process. The query that was running fails on its own, where the caller
    // sees it, and the pool discards the connection and opens a new one next time.
    pool.on("error", () => {});
    pool.on("connect", (client) => {
      client.on("error", () => {});
      namingMarkedReads(client);
    });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  } else {
    if (loc.target !== ":memory:") mkdirSync(dirname(resolve(loc.target)), { recursive: true });
    let database: SQLite.Database;
    try {
      database = new SQLite(loc.target);
    } catch (err) {
      throw new QuorumError("invalid", `cannot open SQLite database ${loc.target}: ${(err as Error).message}`);
    }
    database.pragma("journal_mode = WAL");
    database.pragma("foreign_keys = ON");
    database.pragma("synchronous = NORMAL");
    database.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    // 128 MB rather than the default 2 MB: a large archive's indexes are written all over
    if (options.bulkWrites) database.pragma("cache_size = -131072");
    registerStoreFunctions(database);
    const version = sqliteVersionSource(database);
    db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: reusingStatements(database, undefined, version.prepared) }) });
    registerSqliteVersion(db, version);
  }
  if (options.migrate !== false) {
    try {
      await migrateToLatest(db);
    } catch (err) {
      await db.destroy();
      throw err;
    }
  }
  return db;
}
