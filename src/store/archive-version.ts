// The archive's version: a value that differs whenever anything a public response is read from may
// have changed, whoever wrote it (this process, another `quorum serve` worker, `quorum import`,
// `restore`, `migrate`, the mail sender). Responses kept by version are then exactly as fresh as
// the database. It is read from the database itself, never from a counter each write path must
// remember to move: a write that forgets cannot exist.
//
// SQLite: `PRAGMA data_version` changes when another connection (any process) commits; it does not
// change for this connection's own commits, so this connection counts the statements SQLite itself
// says may write (`Statement.readonly`), as they are prepared, before they run.
// PostgreSQL: the current snapshot (`pg_current_snapshot()`, also on a read replica): which
// transactions have committed. Two equal snapshots see exactly the same rows, and any commit (or
// abort, harmlessly) changes it; unlike a WAL position it cannot be read after a commit's record
// is written but before the commit becomes visible.
import { PostgresAdapter, sql, type Kysely } from "kysely";
import type SQLite from "better-sqlite3";

/** Reads the version of one SQLite connection: other connections' commits and this one's writes. */
export interface SqliteVersionSource {
  read(): string;
}

const sqliteSources = new WeakMap<object, SqliteVersionSource>();

/** Counts this connection's writes; `reusingStatements` calls `prepared` for every statement it hands out. */
export function sqliteVersionSource(database: SQLite.Database): SqliteVersionSource & { prepared(stmt: SQLite.Statement): void } {
  let writes = 0;
  const dataVersion = database.prepare("PRAGMA data_version").pluck();
  return {
    prepared(stmt) {
      if (!stmt.readonly) writes++;
    },
    read() {
      return `${dataVersion.get() as number}.${writes}`;
    },
  };
}

/** Ties a Kysely handle to its connection's version source (openStore does this). */
export function registerSqliteVersion(db: Kysely<any>, source: SqliteVersionSource): void {
  sqliteSources.set(db, source);
}

/**
 * The archive's version now, or null when it cannot be known (a SQLite handle not opened by
 * openStore): then nothing may be served from a cache.
 */
export async function archiveVersion(db: Kysely<any>): Promise<string | null> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return sqliteSources.get(db)?.read() ?? null;
  const row = await sql<{ v: string }>`SELECT pg_current_snapshot()::text AS v`.execute(db);
  return row.rows[0]?.v ?? null;
}
