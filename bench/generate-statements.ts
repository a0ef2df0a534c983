// SQLite statements prepared once per SQL text for the generator's process. Kysely's SQLite driver
// prepares every query afresh, and storing a meeting runs the same few dozen statements thousands
// of times; reusing them changes nothing stored, only the time spent compiling SQL. Confined to
// this process, which runs one query at a time (no statement is iterated while reused).
import SQLite from "better-sqlite3";

export function reusePreparedStatements(): void {
  const proto = SQLite.prototype as unknown as { prepare: (sql: string) => unknown; __reused?: boolean };
  if (proto.__reused) return;
  const prepare = proto.prepare;
  const caches = new WeakMap<object, Map<string, unknown>>();
  proto.prepare = function (this: object, sql: string) {
    let cache = caches.get(this);
    if (!cache) caches.set(this, (cache = new Map()));
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = prepare.call(this, sql);
      // a statement of a one-off shape (many rows in one INSERT) is not worth keeping
      if (cache.size < 5000) cache.set(sql, stmt);
    }
    return stmt;
  };
  proto.__reused = true;
}
