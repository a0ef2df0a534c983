// The reads PostgreSQL may plan once (pg-statements.ts) hold to a plan made for any values. A
// generated archive (bench/generate.ts) of 1,000 meetings, its statistics as a real one's (every
// meeting's minutes published: the skew that once made the plan for any values sort every
// meeting), is read through the portal and the API: its pages, its lists by filter, by offset and
// by cursor both ways, for the most and the least recorded committee and person. Each marked
// statement is then run with its values under `plan_cache_mode = force_generic_plan` and under its
// own plan, and the rows the first reads must stay within a few times the second's: a plan that
// walks the archive where the page needs a few rows fails here. Every read the pages send is also
// run with sorting priced out, where PostgreSQL takes any plan that walks an index for its order: a
// read with such a plan is one bad guess of its rows from walking the archive.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { sql } from "kysely";
import { openStore, type Db } from "../../src/store/db.ts";
import { PLAN_ONCE } from "../../src/store/pg-statements.ts";
import { createApp } from "../../src/serve/app.ts";
import { postgresUnavailable, startPostgres, type PostgresCluster } from "../support/postgres.ts";
import { generatorIn } from "../support/generated.ts";

const MEETINGS = 1000;
const PG_SKIP = postgresUnavailable();

interface Sent {
  text: string;
  values: unknown[];
  /** marked to be planned once (PLAN_ONCE) */
  once: boolean;
}

/** Rows each scan of the plan produced or threw away, over all its loops. */
function rowsRead(plan: Record<string, unknown>): number {
  const loops = Number(plan["Actual Loops"] ?? 1);
  const own = String(plan["Node Type"]).includes("Scan")
    ? (Number(plan["Actual Rows"] ?? 0) + Number(plan["Rows Removed by Filter"] ?? 0) + Number(plan["Rows Removed by Index Recheck"] ?? 0)) * loops
    : 0;
  return own + ((plan.Plans as Record<string, unknown>[] | undefined) ?? []).reduce((n, p) => n + rowsRead(p), 0);
}

/** Each statement with its first few distinct value sets. */
function runsOf(statements: Sent[]): Map<string, unknown[][]> {
  const runs = new Map<string, unknown[][]>();
  for (const s of statements) {
    const seen = runs.get(s.text) ?? [];
    if (seen.length < 3 && !seen.some((v) => JSON.stringify(v) === JSON.stringify(s.values))) seen.push(s.values);
    runs.set(s.text, seen);
  }
  return runs;
}

describe("reads planned once on PostgreSQL", { skip: PG_SKIP ?? false }, () => {
  const tmp = mkdtempSync(join(tmpdir(), "quorum-generic-plans-"));
  let cluster: PostgresCluster;
  let url: string;
  let db: Db;
  const sent: Sent[] = [];
  let walkedBack = 0;

  before(async () => {
    cluster = await startPostgres();
    url = await cluster.createDatabase();
    generatorIn(tmp)(url, { meetings: MEETINGS, seed: 5 });
    db = await openStore(url);
    await sql`ANALYZE`.execute(db);
    const one = async <T,>(q: string) => (await sql.raw<T>(q).execute(db)).rows[0];
    const bodies = await sql<{ slug: string }>`SELECT b.slug FROM bodies b JOIN body_summaries s ON s.body_id = b.id WHERE s.meeting_count > 0 ORDER BY s.meeting_count DESC, b.id`.execute(db);
    const people = await sql<{ slug: string }>`SELECT p.slug FROM people p JOIN person_summaries s ON s.person_id = p.id WHERE s.meeting_count > 0 ORDER BY s.meeting_count DESC, p.id`.execute(db);
    const authority = await one<{ slug: string }>("SELECT slug FROM authorities ORDER BY id LIMIT 1");
    // the meeting page's reads are marked too: the meeting with the most decisions, and the newest
    const meetings = await sql<{ slug: string }>`(SELECT m.slug FROM meetings m ORDER BY (SELECT count(*) FROM resolutions r WHERE r.meeting_id = m.id) DESC, m.id LIMIT 1) UNION (SELECT slug FROM meetings ORDER BY date DESC, id DESC LIMIT 1)`.execute(db);
    assert.ok(bodies.rows.length > 3 && people.rows.length > 3 && authority, "the archive has committees, people and councils");
    const [bigBody, smallBody] = [bodies.rows[0].slug, bodies.rows.at(-1)!.slug];
    const [busy, quiet] = [people.rows[0].slug, people.rows.at(-1)!.slug];

    await serve([
      "/",
      ...meetings.rows.map((m) => `/meetings/${m.slug}`),
      "/decisions",
      "/decisions?page=2",
      `/decisions?authority=${authority.slug}`,
      `/decisions?body=${bigBody}`,
      ...[bigBody, smallBody].flatMap((b) => [`/committees/${b}`, `/committees/${b}/meetings`, `/committees/${b}/members`, `/api/v1/bodies/${b}/members?limit=5`]),
      ...[busy, quiet].flatMap((p) => [`/people/${p}`, ...["meetings", "motions", "votes", "roles"].map((l) => `/api/v1/people/${p}/${l}?limit=10`)]),
      "/api/v1/meetings?limit=20",
      "/api/v1/meetings?limit=20&offset=40",
      `/api/v1/meetings?limit=20&body=${smallBody}`,
      `/api/v1/meetings?limit=20&authority=${authority.slug}&from=2019-01-01&to=2020-12-31`,
      "/api/v1/decisions?limit=20",
    ]);
  });
  after(async () => {
    await db?.destroy();
    await cluster?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  /** Serves `paths` (and the lists they link to by cursor), keeping each marked statement sent. */
  async function serve(paths: string[]): Promise<void> {
    const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
    pg.Client.prototype.query = function (this: pg.Client, config: unknown, values?: unknown, callback?: unknown) {
      const c = config as { text?: string; values?: unknown[] };
      const text = typeof config === "string" ? config : c?.text;
      if (text && /^(with|select)\b/i.test(text)) sent.push({ text, values: (typeof config === "string" ? values : c.values) as unknown[] ?? [], once: text.endsWith(PLAN_ONCE) });
      return query.call(this, config, values, callback);
    } as never;
    // a store of its own, opened after the patch: each connection keeps the query it found when it
    // connected (pg-statements.ts), so connections opened before would send unseen
    const served = await openStore(url);
    const app = createApp({ db: served } as never);
    try {
      // each page, and the pages its cursor links lead to, two links deep: older, then newer again
      const queue = paths.map((path) => ({ path, depth: 0 }));
      const seen = new Set(paths);
      for (const { path, depth } of queue) {
        const res = await app.fetch(new Request(`http://quorum.test${path}`));
        assert.equal(res.status, 200, path);
        const body = await res.text();
        if (depth === 2) continue;
        const links = res.headers.get("content-type")?.includes("json")
          ? [(JSON.parse(body) as { next?: string | null }).next ?? ""]
          : [...body.matchAll(/href="([^"]*[?&]cursor=[^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, "&"));
        for (const link of links.filter((l) => l && !seen.has(l))) {
          seen.add(link);
          queue.push({ path: link, depth: depth + 1 });
          const cursor = new URL(link, "http://quorum.test").searchParams.get("cursor") ?? "";
          if (Buffer.from(cursor, "base64url").toString().startsWith('["b"')) walkedBack++;
        }
      }
    } finally {
      await served.destroy();
      pg.Client.prototype.query = query as never;
    }
  }

  test("every marked read's plan for any values reads about what its own plan reads", async () => {
    // one run of each statement with each of its first few value sets
    const runs = runsOf(sent.filter((s) => s.once));
    const lists = [...runs.keys()];
    // the pages reached the marked reads: meetings lists, the decisions' first page, a committee's
    // summary and members, a person's row and roles, the totals and the councils
    for (const [what, head] of [
      ["a list of meetings", 'select "meetings"."id", "meetings"."slug"'],
      ["the decisions' first page", 'select "items"."exempt" as "item_exempt"'],
      ["a committee's summary", 'select "bodies"."id"'],
      ["a committee's members", 'select "memberships"."id", "people"."slug"'],
      ["a person's row", 'select "people"."id", "people"."slug"'],
      ["a person's roles", 'select "memberships"."id", "bodies"."slug"'],
      ["the decisions' total", "select coalesce(sum(body_summaries.decision_count), 0)"],
      ["the released exempt decisions", 'select count(*) as "n" from "items" cross join "meetings"'],
      ["the meetings' total", 'select sum("body_summaries"."meeting_count")'],
      ["the councils", 'select "authorities"."id", "authorities"."slug"'],
      ["a meeting's items", 'select * from "items" where "items"."meeting_id" = $1'],
    ] as const) {
      assert.ok(lists.some((t) => t.startsWith(head)), `no marked statement for ${what}`);
    }
    assert.ok(lists.length >= 20, `only ${lists.length} marked statements were sent`);
    assert.ok(walkedBack > 0, "no list was walked back by its previous cursor");

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const failures: string[] = [];
    try {
      let n = 0;
      for (const [text, valueSets] of runs) {
        const name = `generic_${++n}`;
        const body = text.slice(0, -PLAN_ONCE.length);
        await client.query(`PREPARE ${name} AS ${body}`);
        for (const values of valueSets) {
          const args = values.length ? `(${values.map((v) => (typeof v === "number" ? String(v) : v === null ? "NULL" : client.escapeLiteral(String(v)))).join(", ")})` : "";
          await client.query("SET plan_cache_mode = force_generic_plan");
          const generic = (await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE ${name}${args}`)).rows[0]["QUERY PLAN"][0];
          await client.query("RESET plan_cache_mode");
          const own = (await client.query({ text: `EXPLAIN (ANALYZE, FORMAT JSON) ${body}`, values })).rows[0]["QUERY PLAN"][0];
          const [g, o] = [rowsRead(generic.Plan), rowsRead(own.Plan)];
          if (g > 3 * o + 100) failures.push(`${g} rows for any values against ${o} for its own:\n  ${body.replace(/\s+/g, " ").slice(0, 300)}\n  ${JSON.stringify(values)}`);
        }
      }
    } finally {
      await client.end();
    }
    assert.deepEqual(failures, []);
  });

  // A plan's choice rests on the planner's guesses: a read whose order an index can give may be
  // planned as a walk along that index, filtering as it goes, whenever the guess of the rows it
  // wants runs high. With sorting priced out, PostgreSQL takes any such walk there is, so a read
  // that passes here has no plan that walks the archive for a page of a few rows.
  test("no read the pages send has a plan that walks the archive when sorting is priced out", async () => {
    const runs = runsOf(sent);
    assert.ok([...runs.keys()].some((t) => t.includes('"resolutions"."moved_by_person_id" =')), "a person's motions were read");
    assert.ok([...runs.keys()].some((t) => t.includes('"decision_votes"."person_id" =')), "a person's votes were read");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const failures: string[] = [];
    try {
      for (const [text, valueSets] of runs) {
        const body = text.endsWith(PLAN_ONCE) ? text.slice(0, -PLAN_ONCE.length) : text;
        for (const values of valueSets) {
          await client.query("SET enable_sort = off");
          const forced = (await client.query({ text: `EXPLAIN (ANALYZE, FORMAT JSON) ${body}`, values })).rows[0]["QUERY PLAN"][0];
          await client.query("RESET enable_sort");
          const own = (await client.query({ text: `EXPLAIN (ANALYZE, FORMAT JSON) ${body}`, values })).rows[0]["QUERY PLAN"][0];
          const [f, o] = [rowsRead(forced.Plan), rowsRead(own.Plan)];
          if (f > 3 * o + 100) failures.push(`${f} rows with sorting priced out against ${o} for its own plan:\n  ${body.replace(/\s+/g, " ").slice(0, 300)}\n  ${JSON.stringify(values)}`);
        }
      }
    } finally {
      await client.end();
    }
    assert.deepEqual(failures, []);
  });
});
