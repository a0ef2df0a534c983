// Search over more matches than it ranks: the cap said honestly (store, page and API), filters drawn
// inside the index, typed words never reaching the filter tags, and query plans on the index — on
// SQLite and on a throwaway PostgreSQL cluster.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { openStore, type Db } from "./db.ts";
import { importMinutes } from "./import.ts";
import { search, SEARCH_CAP } from "./search.ts";
import { candidateSql } from "./search-candidates.ts";
import { createApp } from "../serve/app.ts";
import { postgresUnavailable, startPostgres, type PostgresCluster } from "../../test/support/postgres.ts";
import { minutes, sourceOf } from "../../test/support/golden.ts";

const PG_SKIP = postgresUnavailable();
const tmp = mkdtempSync(join(tmpdir(), "quorum-search-bounded-"));
let cluster: Promise<PostgresCluster> | null = null;

after(async () => {
  if (cluster) await (await cluster).stop();
  rmSync(tmp, { recursive: true, force: true });
});

const MANY = SEARCH_CAP + 10;

async function store(db: Db, file: string, body: string, date: string, items: { number: string; title: string }[]) {
  const record = minutes({ authority: "Crossley Borough Council", body, date, items: items.map((i) => ({ ...i, exempt: false, resolutions: [] })) });
  return importMinutes(db, { source: sourceOf(file, `${body}\n${date}\n`), record, parserVersion: "golden" });
}

for (const dialect of ["sqlite", "postgres"] as const) {
  describe(`bounded search on ${dialect}`, { skip: dialect === "postgres" && PG_SKIP ? PG_SKIP : false }, () => {
    let db: Db;
    let app: ReturnType<typeof createApp>;

    before(async () => {
      let url: string;
      if (dialect === "sqlite") url = `sqlite:${join(tmp, "search.db")}`;
      else {
        cluster ??= startPostgres();
        url = await (await cluster).createDatabase();
      }
      db = await openStore(url);
      // one meeting with more zebra crossings than search ranks, then a later-stored one with five
      const many = Array.from({ length: MANY }, (_, i) => ({ number: String(i + 1), title: `Zebra crossing on street ${i + 1}` }));
      await store(db, "highways-2017.txt", "Highways Committee", "2017-03-01", many);
      const few = Array.from({ length: 5 }, (_, i) => ({ number: String(i + 1), title: `Lollipop patrol and zebra crossing by school ${i + 1}` }));
      await store(db, "schools-2019.txt", "Schools Forum", "2019-06-10", few);
      app = createApp({ db, now: () => new Date("2020-01-01T12:00:00Z") });
    });
    after(async () => db?.destroy());

    test("more matches than the cap: the total is the cap and says so, and so does every count", async () => {
      const r = await search(db, "zebra");
      assert.equal(r.total, SEARCH_CAP);
      assert.equal(r.totalAtLeast, true);
      assert.equal(r.data.length, 20);
      assert.equal(r.facets.type.reduce((n, f) => n + f.count, 0), SEARCH_CAP);
      assert.ok([...r.facets.type, ...r.facets.body, ...r.facets.year].every((f) => f.atLeast));
      // the newest matches are drawn: the later meeting's five are among them
      assert.deepEqual(r.facets.body.find((f) => f.label === "Schools Forum")?.count, 5);
      assert.deepEqual(r.facets.year.find((f) => f.value === "2019")?.count, 5);
      // councils are counted among the candidates too, not listed from the whole instance
      assert.deepEqual(r.facets.authority.map((f) => [f.value, f.count, f.atLeast]), [["crossley-borough-council", SEARCH_CAP, true]]);
      assert.deepEqual((await search(db, "lollipop")).facets.authority.map((f) => [f.value, f.count, f.atLeast]), [["crossley-borough-council", 5, false]]);
    });

    test("under the cap, counts are exact; a filter is drawn inside the index, so it reaches what the cap left out", async () => {
      const few = await search(db, "lollipop");
      assert.deepEqual([few.total, few.totalAtLeast], [5, false]);
      assert.ok([...few.facets.type, ...few.facets.body, ...few.facets.year].every((f) => !f.atLeast));

      // the first meeting's last-stored entries are newer than its first ones: entry 1 is past the cap
      const all = await search(db, `"street 1"`);
      assert.deepEqual([all.total, all.totalAtLeast], [1, false]);
      const inYear = await search(db, "zebra", { year: 2019 });
      assert.deepEqual([inYear.total, inYear.totalAtLeast], [5, false]);
      assert.ok(inYear.data.every((h) => h.meeting?.date === "2019-06-10"));
      assert.deepEqual(inYear.facets.type.map((f) => [f.value, f.count, f.atLeast]), [["item", 5, false]]);
      // the year facet counts without its own filter, so it offers the other years, as far as the cap goes
      assert.ok(inYear.facets.year.some((f) => f.value === "2017" && f.atLeast));

      const inBody = await search(db, "zebra", { body: "crossley-borough-council-schools-forum" });
      assert.deepEqual([inBody.total, inBody.totalAtLeast], [5, false]);
      const items2017 = await search(db, "zebra", { year: 2017, type: "item" });
      assert.deepEqual([items2017.total, items2017.totalAtLeast], [SEARCH_CAP, true]);
      assert.ok(items2017.data.every((h) => h.type === "item" && h.meeting?.date === "2017-03-01"));
      assert.equal((await search(db, "zebra", { year: 2018 })).total, 0);
      assert.equal((await search(db, "zebra", { authority: "crossley-borough-council" })).total, SEARCH_CAP);
      assert.equal((await search(db, "zebra", { authority: "no-such-council" })).total, 0);
    });

    test("pages go as far as the cap, never repeating a hit", async () => {
      const seen = new Set<number>();
      for (let offset = 0; offset < SEARCH_CAP; offset += 100) {
        for (const h of (await search(db, "zebra", { limit: 100, offset })).data) {
          assert.ok(!seen.has(h.id), `hit ${h.id} twice`);
          seen.add(h.id);
        }
      }
      assert.equal(seen.size, SEARCH_CAP);
      assert.deepEqual((await search(db, "zebra", { limit: 20, offset: SEARCH_CAP })).data, []);
    });

    test("words typed never reach the filter tags", async () => {
      const ids = (await db.selectFrom("bodies").select("id").execute()).map((b) => b.id);
      for (const q of ["kitem", "kmeeting", "y2017", "y2019", ...ids.map((id) => `b${id}`), "a1"]) {
        assert.equal((await search(db, q)).total, 0, q);
      }
    });

    test("the page and the API say '1,000+' and count facets as lower bounds", async () => {
      const html = await (await app.request("/search?q=zebra")).text();
      assert.match(html, /1,000\+ results for/);
      assert.match(html, /id="results-cap"/);
      assert.match(html, /\(5\+\)/);
      const exact = await (await app.request("/search?q=lollipop")).text();
      assert.match(exact, /5 results for/);
      assert.doesNotMatch(exact, /results-cap|\d\+\)/);
      const body = (await (await app.request("/api/v1/search?q=zebra")).json()) as { total: number; totalAtLeast: boolean; facets: { year: { value: number; count: number; atLeast: boolean }[] } };
      assert.equal(body.total, SEARCH_CAP);
      assert.equal(body.totalAtLeast, true);
      assert.deepEqual(body.facets.year.find((f) => f.value === 2019), { value: 2019, count: 5, atLeast: true });
      const few = (await (await app.request("/api/v1/search?q=lollipop")).json()) as { total: number; totalAtLeast: boolean };
      assert.deepEqual([few.total, few.totalAtLeast], [5, false]);
    });

    test("the draw reads the text index and no table from end to end", async () => {
      for (const filters of [{}, { kind: "item" as const, bodyId: 1, authorityId: 1, year: 2017 }]) {
        const query = candidateSql(dialect, "zebra OR crossing -street", filters, true, SEARCH_CAP + 1)!;
        if (dialect === "sqlite") {
          const plan = (await sql<{ detail: string }>`EXPLAIN QUERY PLAN ${query}`.execute(db)).rows.map((r) => r.detail);
          assert.ok(plan.some((d) => /SCAN search_fts VIRTUAL TABLE INDEX/.test(d)), plan.join("\n"));
          assert.ok(plan.some((d) => /SEARCH e USING INTEGER PRIMARY KEY/.test(d)), plan.join("\n"));
          assert.ok(!plan.some((d) => /SCAN (e|search_entries|meetings|items|m)\b/.test(d)), plan.join("\n"));
          // FTS5 gives the matches newest first itself; only the outer sort of the drawn few remains
          assert.equal(plan.filter((d) => /TEMP B-TREE/.test(d)).length, 1, plan.join("\n"));
        } else {
          const plan = await db.connection().execute(async (c) => {
            // on a few rows a sequential scan is cheapest; the question is whether the index can serve
            await sql`SET enable_seqscan = off`.execute(c);
            try {
              return JSON.stringify((await sql<{ "QUERY PLAN": unknown }>`EXPLAIN (FORMAT JSON) ${query}`.execute(c)).rows[0]["QUERY PLAN"]);
            } finally {
              await sql`RESET enable_seqscan`.execute(c);
            }
          });
          assert.ok(!plan.includes('"Seq Scan"'), plan);
          assert.match(plan, /"Index Name":\s*"search_entries_/);
          assert.ok(!/"Relation Name": "meetings"/.test(plan), plan);
        }
      }
    });
  });
}
