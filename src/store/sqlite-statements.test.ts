// Kept statements: the same SQL is prepared once; a statement kept across a schema change answers
// for the new schema; past the bound, statements are prepared afresh and still answer.
import { test } from "node:test";
import assert from "node:assert/strict";
import SQLite from "better-sqlite3";
import { reusingStatements } from "./sqlite-statements.ts";

test("the same SQL is prepared once and its statement used again", () => {
  const raw = new SQLite(":memory:");
  let prepared = 0;
  const prepare = raw.prepare.bind(raw);
  raw.prepare = ((sql: string) => (prepared++, prepare(sql))) as typeof raw.prepare;
  const db = reusingStatements(raw);
  const a = db.prepare("select 1 as one");
  const b = db.prepare("select 1 as one");
  assert.equal(a, b);
  assert.equal(prepared, 1);
  db.close();
});

test("a kept statement answers for the schema a migration changed under it", () => {
  const db = reusingStatements(new SQLite(":memory:"));
  db.prepare("create table t (a integer)").run([]);
  db.prepare("insert into t (a) values (1)").run([]);
  assert.deepEqual(db.prepare("select * from t").all([]), [{ a: 1 }]);
  db.prepare("alter table t add column b text default 'x'").run([]);
  assert.deepEqual(db.prepare("select * from t").all([]), [{ a: 1, b: "x" }]);
  db.close();
});

test("past the bound the least recently used statements are dropped and the SQL prepared afresh", () => {
  const db = reusingStatements(new SQLite(":memory:"), 3);
  const first = db.prepare("select 0 as n");
  for (let n = 1; n <= 5; n++) assert.deepEqual(db.prepare(`select ${n} as n`).all([]), [{ n }]);
  const again = db.prepare("select 0 as n");
  assert.notEqual(again, first);
  assert.deepEqual(again.all([]), [{ n: 0 }]);
  db.close();
});

test("a statement still being iterated is not handed out again: the same SQL gets a fresh one", () => {
  const db = reusingStatements(new SQLite(":memory:"));
  const first = db.prepare("select 1 as n union all select 2");
  const rows = first.iterate([]);
  rows.next();
  const second = db.prepare("select 1 as n union all select 2");
  assert.notEqual(second, first);
  assert.deepEqual(second.all([]), [{ n: 1 }, { n: 2 }]);
  rows.return?.();
  db.close();
});
