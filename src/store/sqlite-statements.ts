// Kysely prepares a SQLite statement afresh for every query it runs. A page runs a dozen or more,
// the same ones on every request, and preparing (parsing and planning the SQL) was a large part of
// a page's time; so prepared statements are kept by their SQL and used again, all of them dropped
// when they pass a bound (lists of ids make SQL of many shapes; the common ones come straight back). SQLite prepares a kept
// statement again by itself when a migration changes the schema under it; Kysely runs one query at
// a time on its one SQLite connection, so a kept statement is never in use twice at once.
import type SQLite from "better-sqlite3";
import type { SqliteDatabase } from "kysely";

export function reusingStatements(database: SQLite.Database, max = 500): SqliteDatabase {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close() {
      kept.clear();
      database.close();
    },
    prepare(sql: string) {
      let stmt = kept.get(sql);
      if (stmt) return stmt;
      stmt = database.prepare(sql);
      if (kept.size >= max) kept.clear();
      kept.set(sql, stmt);
      return stmt;
    },
  };
}
