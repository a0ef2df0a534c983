// The slow statements' plans are read from a real server's log, with auto_explain preloaded as the
// bench's cluster has it.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import pg from "pg";
import { autoExplainSettings, slowStatements } from "../../bench/lib/pg-plans.ts";
import { postgresUnavailable, startPostgres, type PostgresCluster } from "../support/postgres.ts";

describe("slow statements from PostgreSQL's log", { skip: postgresUnavailable() ?? false }, () => {
  let cluster: PostgresCluster;
  let client: pg.Client;
  before(async () => {
    cluster = await startPostgres(autoExplainSettings(50));
    client = new pg.Client({ connectionString: await cluster.createDatabase() });
    await client.connect();
  });
  after(async () => {
    await client?.end();
    await cluster?.stop();
  });

  test("each statement slower than the threshold is kept once, with its count, times and slowest plan", async () => {
    await client.query("CREATE TABLE t AS SELECT g AS n FROM generate_series(1, 1000) g");
    // written over two lines, as Kysely's subqueries and raw SQL often are
    const slow = "SELECT pg_sleep(0.3)\n  AS slow";
    const scan = "SELECT count(*) FROM t WHERE n > $1 AND pg_sleep(0.0001) IS NOT NULL";
    await client.query(slow);
    await client.query(slow);
    await client.query({ text: scan, values: [10] });
    await client.query("SELECT n FROM t WHERE n = 5");
    // the server's log reaches its file on its own time
    let found = slowStatements(cluster.log(), 10);
    for (let i = 0; i < 50 && found.length < 2; i++) {
      await new Promise((r) => setTimeout(r, 100));
      found = slowStatements(cluster.log(), 10);
    }
    const byQuery = new Map(found.map((s) => [s.query, s]));
    assert.deepEqual([...byQuery.keys()].sort(), [scan, slow].sort());
    const [sleeps, scans] = [byQuery.get(slow)!, byQuery.get(scan)!];
    assert.equal(sleeps.count, 2);
    assert.equal(scans.count, 1);
    assert.ok(sleeps.maxMs >= 300 && sleeps.totalMs >= 600 && sleeps.totalMs < 3000, `${sleeps.maxMs} / ${sleeps.totalMs} ms`);
    assert.equal((sleeps.plan as { "Node Type": string })["Node Type"], "Result");
    const scanPlan = JSON.stringify(scans.plan);
    assert.match(scanPlan, /"Node Type":"Seq Scan"/);
    assert.match(scanPlan, /"Relation Name":"t"/);
    assert.match(scanPlan, /"Filter":"\(\(n > 10\)/);
    // the most time first
    assert.ok(found[0].totalMs >= found[1].totalMs);
    assert.deepEqual(slowStatements(cluster.log(), 1).map((s) => s.query), [found[0].query]);
  });
});
