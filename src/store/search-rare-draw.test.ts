// A search for a rare word on PostgreSQL reads the GIN index for its few matches, however many
// entries the archive holds. The planner guesses a word's matches from the most common lexemes
// ANALYZE keeps of `tsv`; when that list holds only common words, a word left out of it is guessed
// at half the rarest one kept, which on a large archive is more than the draw's cap, and the draw
// then walks the primary key backwards through every entry (at 100,000 meetings: 1.8 million
// entries for a word 791 hold). Migration 036_pg100k_search_stats keeps more lexemes. Counted with
// EXPLAIN ANALYZE: the entries the draw reads.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { sql } from "kysely";
import { openStore, type Db } from "./db.ts";
import { candidateSql } from "./search-candidates.ts";
import { SEARCH_CAP } from "./search.ts";
import { postgresUnavailable, startPostgres, type PostgresCluster } from "../../test/support/postgres.ts";

const PG_SKIP = postgresUnavailable();
const ENTRIES = 40_000;
const VOCABULARY = 1_200;
const WORDS = 100;
const RARE = 60;
// the cap scaled to this archive: 1,001 of 1.8 million entries is the draw's share at 100,000
// meetings, as 21 of 40,000 is here (a larger share makes the bitmap the cheaper guess anyway)
const DRAW = 21;

describe("a rare word's draw on PostgreSQL", { skip: PG_SKIP ?? false }, () => {
  let cluster: PostgresCluster;
  let db: Db;

  before(async () => {
    cluster = await startPostgres();
    db = await openStore(await cluster.createDatabase());
    await sql`INSERT INTO authorities (id, slug, name) VALUES (1, 'council', 'Council')`.execute(db);
    // every entry a hundred words of a common vocabulary, so every lexeme ANALYZE keeps by default is
    // in one entry of twelve; the rare word in a few of the oldest entries
    await sql`INSERT INTO search_entries (kind, entity_id, authority_id, year, title, text)
      SELECT 'item', g, 1, 2020, 'Item ' || g,
        (SELECT string_agg('w' || lpad(((g * 7919 + k * 104729) % ${VOCABULARY})::text, 4, '0'), ' ') FROM generate_series(1, ${WORDS}) k)
        || CASE WHEN g % 100 = 0 AND g <= ${RARE * 100} THEN ' quokka' ELSE '' END
      FROM generate_series(1, ${ENTRIES}) g`.execute(db);
    await sql`ANALYZE search_entries`.execute(db);
  });
  after(async () => {
    await db?.destroy();
    await cluster?.stop();
  });

  test("the newest matches, read from the GIN index, not a walk over every entry", async () => {
    const expected = (await sql<{ id: number }>`SELECT id FROM search_entries WHERE text LIKE '%quokka%' ORDER BY id DESC`.execute(db)).rows.map((r) => r.id);
    assert.equal(expected.length, RARE);
    assert.ok(DRAW < SEARCH_CAP);
    const query = candidateSql("postgres", "quokka", {}, true, DRAW)!;
    assert.deepEqual((await query.execute(db)).rows.map((r) => r.id), expected.slice(0, DRAW));
    const plan = (await sql<{ "QUERY PLAN": unknown }>`EXPLAIN (ANALYZE, FORMAT JSON) ${query}`.execute(db)).rows[0]["QUERY PLAN"];
    const touched = rowsTouched(plan, "search_entries");
    assert.ok(touched <= RARE * 2, `the draw read ${touched} entries for the newest ${DRAW} of ${RARE} matches: ${JSON.stringify(plan)}`);
  });
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
