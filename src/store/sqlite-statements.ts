// Kysely prepares a SQLite statement afresh for every query it runs. A page runs a dozen or more,
// the same ones on every request, and preparing (parsing and planning the SQL) was a large part of
// a page's time; so prepared statements are kept by their SQL and used again, the least
// recently used dropped past a bound (lists of ids make SQL of many shapes). SQLite prepares a kept
// statement again by itself when a migration changes the schema under it. Every statement handed
// out is shown to `onPrepared` just before it runs (the archive's version counts the writes).
import type SQLite from "better-sqlite3";
import type { SqliteDatabase } from "kysely";

export function reusingStatements(database: SQLite.Database, max = 1000, onPrepared?: (stmt: SQLite.Statement) => void): SqliteDatabase {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close() {
      kept.clear();
      database.close();
    },
    prepare(sql: string) {
      const stmt = kept.get(sql);
      // a statement still being iterated (a streamed query) cannot be run again until it ends
      if (stmt && !stmt.busy) {
        // most recently used last, so the bound drops the least used
        kept.delete(sql);
        kept.set(sql, stmt);
        onPrepared?.(stmt);
        return stmt;
      }
      const fresh = database.prepare(sql);
      onPrepared?.(fresh);
      kept.set(sql, fresh);
      if (kept.size > max) kept.delete(kept.keys().next().value!);
      return fresh;
    },
  };
}
