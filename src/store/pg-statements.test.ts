// Marked reads on PostgreSQL: a marked read's SQL is prepared once per connection and used again;
// unmarked reads, writes and marked SQL past the bound go unnamed and still answer; a marked
// `select *` kept across a migration that changed its table answers with the new columns; and
// `planOnce(db)` marks a store's selects only, with the same rows on both databases.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import pg from "pg";
import { postgresUnavailable, startPostgres, type PostgresCluster } from "../../test/support/postgres.ts";
import { openStore, type Db } from "./db.ts";
import { namingMarkedReads, planOnce, PLAN_ONCE } from "./pg-statements.ts";

const skip = postgresUnavailable() ?? false;
let cluster: PostgresCluster;

before(async () => {
  if (skip) return;
  cluster = await startPostgres();
});
after(async () => {
  await cluster?.stop();
});

async function connected(max?: number): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: await cluster.createDatabase() });
  await client.connect();
  namingMarkedReads(client, max);
  return client;
}

async function kept(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ statement: string }>("select statement from pg_prepared_statements order by statement");
  return rows.map((r) => r.statement);
}

test("a marked read is prepared once per connection and run again by name; an unmarked one is not", { skip }, async () => {
  const client = await connected();
  try {
    for (const n of [1, 2, 3]) assert.deepEqual((await client.query(`select $1::int + 1 as n ${PLAN_ONCE}`, [n])).rows, [{ n: n + 1 }]);
    for (const n of [1, 2]) assert.deepEqual((await client.query("select $1::int + 2 as n", [n])).rows, [{ n: n + 2 }]);
    assert.deepEqual(await kept(client), [`select $1::int + 1 as n ${PLAN_ONCE}`]);
  } finally {
    await client.end();
  }
});

test("marked reads past the bound go unnamed and still answer", { skip }, async () => {
  const client = await connected(3);
  try {
    await client.query("create table t (a integer)");
    await client.query("insert into t (a) values ($1)", [7]);
    for (let n = 1; n <= 5; n++) assert.deepEqual((await client.query(`select a + ${n} as n from t ${PLAN_ONCE}`)).rows, [{ n: 7 + n }]);
    assert.deepEqual(await kept(client), [1, 2, 3].map((n) => `select a + ${n} as n from t ${PLAN_ONCE}`));
  } finally {
    await client.end();
  }
});

test("a kept select * answers with the columns a migration added to its table", { skip }, async () => {
  const client = await connected();
  try {
    await client.query("create table m (a integer)");
    await client.query("insert into m (a) values (1)");
    const read = `select * from m ${PLAN_ONCE}`;
    assert.deepEqual((await client.query(read)).rows, [{ a: 1 }]);
    await client.query("alter table m add column b text default 'x'");
    assert.deepEqual((await client.query(read)).rows, [{ a: 1, b: "x" }]);
    assert.deepEqual((await client.query(read)).rows, [{ a: 1, b: "x" }]);
  } finally {
    await client.end();
  }
});

test("a query given a callback or a config object is passed through as it is", { skip }, async () => {
  const client = await connected();
  try {
    const viaCallback = await new Promise<unknown[]>((resolve, reject) => client.query(`select 5 as n ${PLAN_ONCE}`, [], (err: Error | null, r: pg.QueryResult) => (err ? reject(err) : resolve(r.rows))));
    assert.deepEqual(viaCallback, [{ n: 5 }]);
    assert.deepEqual((await client.query({ text: `select 6 as n ${PLAN_ONCE}` })).rows, [{ n: 6 }]);
    assert.deepEqual(await kept(client), []);
  } finally {
    await client.end();
  }
});

for (const dialect of ["sqlite", "postgres"] as const) {
  test(`planOnce marks a store's selects, not its writes, and reads the same rows (${dialect})`, { skip: dialect === "postgres" && skip }, async () => {
    const db: Db = await openStore(dialect === "sqlite" ? ":memory:" : await cluster.createDatabase());
    try {
      const once = planOnce(db);
      assert.equal(planOnce(db), once, "one marked instance per store");
      const insert = once.insertInto("authorities").values({ slug: "a", name: "A", created_at: "2026-01-01T00:00:00Z" }).compile();
      assert.ok(!insert.sql.includes(PLAN_ONCE), insert.sql);
      await once.insertInto("authorities").values({ slug: "a", name: "A", created_at: "2026-01-01T00:00:00Z" }).execute();
      const select = once.selectFrom("authorities").select(["slug", "name"]).where("slug", "=", "a").limit(1);
      assert.ok(select.compile().sql.endsWith(PLAN_ONCE), select.compile().sql);
      for (let i = 0; i < 7; i++) assert.deepEqual(await select.execute(), [{ slug: "a", name: "A" }]);
      assert.deepEqual(await db.selectFrom("authorities").select(["slug", "name"]).execute(), [{ slug: "a", name: "A" }]);
    } finally {
      await db.destroy();
    }
  });
}
