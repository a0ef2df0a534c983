// A filtered search on PostgreSQL draws its candidates from the filter's own entries: however many
// newer entries other councils, committees and years hold, the draw for one of them touches only
// that one's entries (counted by EXPLAIN ANALYZE: rows returned and rows filtered out), and draws
// the same newest matches as a plain filter would. (SQLite answers a filter inside FTS5, through
// its filter tags: search-bounded.test.ts.)
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { sql } from "kysely";
import { openStore, type Db } from "./db.ts";
import { candidateSql } from "./search-candidates.ts";
import { SEARCH_CAP } from "./search.ts";
import type { IndexFilters } from "./search-query.ts";
import { postgresUnavailable, startPostgres, type PostgresCluster } from "../../test/support/postgres.ts";

const PG_SKIP = postgresUnavailable();
const MIXED = 15_000;
const NEWEST = 5_000;

describe("filtered search draws on PostgreSQL", { skip: PG_SKIP ?? false }, () => {
  let cluster: PostgresCluster;
  let db: Db;

  before(async () => {
    cluster = await startPostgres();
    db = await openStore(await cluster.createDatabase());
    for (let a = 1; a <= 5; a++) await sql`INSERT INTO authorities (id, slug, name) VALUES (${a}, ${`council-${a}`}, ${`Council ${a}`})`.execute(db);
    // five councils (each with one committee and its own year) interleaved, four in five entries
    // about zebra crossings; then the newest entries, all council 2's
    await sql`INSERT INTO search_entries (kind, entity_id, meeting_id, body_id, authority_id, year, title, text)
      SELECT 'item', g, NULL, 1 + g % 5, 1 + g % 5, 2015 + g % 5, 'Item ' || g,
             CASE WHEN g % 25 < 20 THEN 'Zebra crossing on street ' || g ELSE 'Lollipop patrol ' || g END
      FROM generate_series(1, ${MIXED}) g`.execute(db);
    await sql`INSERT INTO search_entries (kind, entity_id, meeting_id, body_id, authority_id, year, title, text)
      SELECT 'item', ${MIXED} + g, NULL, 2, 2, 2016, 'Item ' || g, 'Zebra crossing on street ' || g
      FROM generate_series(1, ${NEWEST}) g`.execute(db);
    await sql`ANALYZE search_entries`.execute(db);
  });
  after(async () => {
    await db?.destroy();
    await cluster?.stop();
  });

  const cases: [string, IndexFilters, string][] = [
    ["council", { authorityId: 1 }, "authority_id = 1"],
    ["committee", { bodyId: 1 }, "body_id = 1"],
    ["year", { year: 2015 }, "year = 2015"],
    ["committee and year", { bodyId: 1, year: 2015 }, "body_id = 1 AND year = 2015"],
  ];
  for (const [name, filters, where] of cases) {
    test(`by ${name}: the newest matches, from that ${name}'s own entries only`, async () => {
      const own = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM search_entries WHERE ${sql.raw(where)}`.execute(db)).rows[0].n);
      assert.ok(own < MIXED / 4);
      const expected = (await sql<{ id: number }>`SELECT id FROM search_entries WHERE ${sql.raw(where)} AND text LIKE 'Zebra%' ORDER BY id DESC LIMIT ${SEARCH_CAP + 1}`.execute(db)).rows.map((r) => r.id);
      assert.ok(expected.length > 100);

      const query = candidateSql("postgres", "zebra", filters, true, SEARCH_CAP + 1)!;
      assert.deepEqual((await query.execute(db)).rows.map((r) => r.id), expected);
      const plan = (await sql<{ "QUERY PLAN": unknown }>`EXPLAIN (ANALYZE, FORMAT JSON) ${query}`.execute(db)).rows[0]["QUERY PLAN"];
      const touched = rowsTouched(plan, "search_entries");
      assert.ok(touched <= own, `the draw touched ${touched} entries; the ${name} has ${own}: ${JSON.stringify(plan)}`);
    });
  }
});

/** Rows a plan's scans of `table` read: those they returned and those they filtered out. */
function rowsTouched(plan: unknown, table: string): number {
  let n = 0;
  const visit = (node: Record<string, unknown>) => {
    if (node["Relation Name"] === table) n += Number(node["Actual Rows"] ?? 0) + Number(node["Rows Removed by Filter"] ?? 0) + Number(node["Rows Removed by Index Recheck"] ?? 0);
    for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) visit(child);
  };
  for (const p of (typeof plan === "string" ? JSON.parse(plan) : plan) as { Plan: Record<string, unknown> }[]) visit(p.Plan);
  return n;
}
