// What a search returns, pinned against a reference written out here in plain SQL: the newest
// SEARCH_CAP + 1 matches of the words in title and text (and the filters), ranked by bm25 with
// weights 4 (title) and 1 (text) on SQLite and by ts_rank_cd on PostgreSQL, the page in rank order,
// every facet counted over its own draw, and on SQLite FTS5's own snippet() for the shown entries.
// The search may reach that answer any way it likes (another MATCH, fewer statements), but the
// order, the ranks, the facets and the snippets must be these. On a fixture archive of three
// councils over three years, with one meeting holding more matches of "council" than the cap, item
// texts cut from their source documents, and texts that spell the filter tags.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { openStore, type Db } from "./db.ts";
import { importMinutes } from "./import.ts";
import { search, SEARCH_CAP } from "./search.ts";
import { toFts5, toWebsearch, type SearchFilters } from "./search-query.ts";
import type { ParsedMinutes } from "../domain/minutes.ts";
import type { SearchResults } from "./read/types.ts";
import { postgresUnavailable, startPostgres, type PostgresCluster } from "../../test/support/postgres.ts";
import { minutes, sourceOf } from "../../test/support/golden.ts";

const PG_SKIP = postgresUnavailable();
const tmp = mkdtempSync(join(tmpdir(), "quorum-search-pinned-"));
let cluster: Promise<PostgresCluster> | null = null;

after(async () => {
  if (cluster) await (await cluster).stop();
  rmSync(tmp, { recursive: true, force: true });
});

// a small deterministic generator, so the archive is the same on both databases and every run
function lcg(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

const WORDS = ["housing", "planning", "permission", "road", "flooding", "drainage", "budget", "school", "library", "parking", "council", "report", "members", "agreed", "noted", "allotments", "consultation", "officers", "scheme", "ward"];

function sentence(rand: (n: number) => number, length: number): string {
  const words = Array.from({ length }, () => WORDS[rand(WORDS.length)]);
  words[0] = words[0][0].toUpperCase() + words[0].slice(1);
  return words.join(" ") + ".";
}

const COUNCILS = ["Ashby Borough Council", "Brook District Council", "Colne City Council"];
const COMMITTEES = ["Planning Committee", "Cabinet"];
const YEARS = [2018, 2019, 2020];

type FixtureItem = ParsedMinutes["items"][number] & { text: string };

/** The meeting's source: each item's heading, then its text (an item's text is cut from here) and decisions. */
async function importMeeting(db: Db, record: Omit<ParsedMinutes, "items"> & { items: FixtureItem[] }, file: string) {
  const source = [record.body, record.date, ...record.items.flatMap((i) => [`${i.number}. ${i.title}`, i.text, ...i.resolutions.map((r) => r.text)])].join("\n\n");
  const items = record.items.map((i) => ({ number: i.number, title: i.title, exempt: i.exempt, exemptParagraphs: i.exemptParagraphs, resolutions: i.resolutions }));
  await importMinutes(db, { source: sourceOf(file, source), record: { ...record, items }, parserVersion: "golden" });
}

async function buildArchive(db: Db) {
  const rand = lcg(13);
  let n = 0;
  for (const year of YEARS) {
    for (const authority of COUNCILS) {
      for (const body of COMMITTEES) {
        for (const month of ["03", "09"]) {
          n++;
          const items: FixtureItem[] = Array.from({ length: 6 }, (_, i) => {
            // some long texts, so a snippet has to choose its window
            const text = Array.from({ length: 1 + rand(i === 0 ? 12 : 4) }, () => sentence(rand, 6 + rand(14))).join(" ");
            return {
              number: String(i + 1),
              title: sentence(rand, 2 + rand(4)).replace(/\.$/, ""),
              exempt: false,
              exemptParagraphs: null,
              text,
              resolutions: rand(2) ? [{ text: `RESOLVED that the ${sentence(rand, 5)}`, outcome: "approved" as const }] : [],
            };
          });
          // texts that spell the filter tags: a word typed must find these, never the tags
          if (n % 4 === 0) items[2].text += n % 8 ? " Planning permission was granted for the road scheme." : " The planning permission lapsed.";
          if (n === 5) items[1].text += " Reference Y2019 and B1, kitem a1.";
          const record = {
            ...minutes({
            authority,
            body,
            date: `${year}-${month}-1${n % 10}`,
              attendance: ["Cllr Ann Able", "Cllr Ben Baker"].map((name) => ({ name, status: "present", kind: "member", role: null, substituteFor: null })),
            }),
            items,
          };
          await importMeeting(db, record, `m${n}.txt`);
        }
      }
    }
  }
  // more matches of "council" than search ranks, in one earlier-dated but later-stored meeting
  const many: FixtureItem[] = Array.from({ length: SEARCH_CAP + 5 }, (_, i) => ({ number: String(i + 1), title: `Council tax band ${i + 1}`, exempt: false, exemptParagraphs: null, text: sentence(rand, 4 + rand(8)), resolutions: [] }));
  await importMeeting(db, { ...minutes({ authority: COUNCILS[0], body: "Cabinet", date: "2017-01-05" }), items: many }, "many.txt");
}

interface Drawn {
  id: number;
  kind: string;
  body_id: number | null;
  authority_id: number;
  year: number | null;
  rank: number;
}

interface IndexFilter {
  kind?: string;
  bodyId?: number;
  authorityId?: number;
  year?: number;
}

/** The reference draw: the newest SEARCH_CAP + 1 matches, ranked, as plain SQL. */
async function referenceDraw(db: Db, dialect: "sqlite" | "postgres", q: string, f: IndexFilter): Promise<Drawn[]> {
  if (dialect === "sqlite") {
    const tags = [f.kind && `"k${f.kind}"`, f.bodyId !== undefined && `"b${f.bodyId}"`, f.authorityId !== undefined && `"a${f.authorityId}"`, f.year !== undefined && `"y${f.year}"`].filter(Boolean);
    const match = `{title text} : (${toFts5(q)})${tags.length ? ` AND tags : (${tags.join(" AND ")})` : ""}`;
    const rows = await sql<Drawn>`
      SELECT e.id, e.kind, e.body_id, e.authority_id, e.year, c.rank FROM (
        SELECT rowid AS id, bm25(search_fts, 4.0, 1.0, 0.0) AS rank FROM search_fts WHERE search_fts MATCH ${match} ORDER BY rowid DESC LIMIT ${SEARCH_CAP + 1}
      ) c JOIN search_entries e ON e.id = c.id ORDER BY e.id DESC`.execute(db);
    return rows.rows.map((r) => ({ ...r, id: Number(r.id), rank: Number(r.rank) }));
  }
  const where = [sql`tsv @@ websearch_to_tsquery('english', ${toWebsearch(q)})`];
  if (f.kind) where.push(sql`kind = ${f.kind}`);
  if (f.bodyId !== undefined) where.push(sql`body_id = ${f.bodyId}`);
  if (f.authorityId !== undefined) where.push(sql`authority_id = ${f.authorityId}`);
  if (f.year !== undefined) where.push(sql`year = ${f.year}`);
  const rows = await sql<Drawn>`
    SELECT id, kind, body_id, authority_id, year, -ts_rank_cd(tsv, websearch_to_tsquery('english', ${toWebsearch(q)})) AS rank
    FROM search_entries WHERE ${sql.join(where, sql` AND `)} ORDER BY id DESC LIMIT ${SEARCH_CAP + 1}`.execute(db);
  return rows.rows.map((r) => ({ ...r, id: Number(r.id), rank: Number(r.rank) }));
}

/** Facet counts over a draw, as [value id, count] sorted by value, for comparing. */
function counted(draw: Drawn[], value: (d: Drawn) => string | number | null): [string, number][] {
  const counts = new Map<string, number>();
  for (const d of draw.slice(0, SEARCH_CAP)) {
    const v = value(d);
    if (v !== null) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

const facetPairs = (facet: { value: string; count: number }[], key: (v: string) => string = (v) => v) => facet.map((f) => [key(f.value), f.count] as [string, number]).sort((a, b) => (a[0] < b[0] ? -1 : 1));

const KINDS: { name: string; q: string; opts?: SearchFilters & { limit?: number; offset?: number } }[] = [
  { name: "common word, past the cap", q: "council" },
  { name: "common word, second page", q: "council", opts: { offset: 20 } },
  { name: "word", q: "housing" },
  { name: "rare word", q: "allotments" },
  { name: "phrase", q: `"planning permission"` },
  { name: "OR", q: "flooding OR drainage" },
  { name: "exclusion", q: "planning -road" },
  { name: "phrase exclusion", q: `housing -"road scheme"` },
  { name: "by type", q: "housing", opts: { type: "decision" } },
  { name: "by year", q: "council", opts: { year: 2019 } },
  { name: "by council and year", q: "budget", opts: { authority: "brook-district-council", year: 2020 } },
  { name: "word spelled like a tag", q: "y2019" },
  { name: "words spelled like tags", q: "kitem OR b1 OR a1" },
];

for (const dialect of ["sqlite", "postgres"] as const) {
  describe(`search results pinned to the reference on ${dialect}`, { skip: dialect === "postgres" && PG_SKIP ? PG_SKIP : false }, () => {
    let db: Db;
    let bodyOf: Map<string, number>;
    let authorityOf: Map<string, number>;

    before(async () => {
      let url: string;
      if (dialect === "sqlite") url = `sqlite:${join(tmp, "pinned.db")}`;
      else {
        cluster ??= startPostgres();
        url = await (await cluster).createDatabase();
      }
      db = await openStore(url);
      await buildArchive(db);
      bodyOf = new Map((await db.selectFrom("bodies").select(["id", "slug"]).execute()).map((b) => [b.slug, Number(b.id)]));
      authorityOf = new Map((await db.selectFrom("authorities").select(["id", "slug"]).execute()).map((a) => [a.slug, Number(a.id)]));
    });
    after(async () => db?.destroy());

    const filterOf = (o: SearchFilters = {}): IndexFilter => ({
      ...(o.type && { kind: o.type }),
      ...(o.body && { bodyId: bodyOf.get(o.body)! }),
      ...(o.authority && { authorityId: authorityOf.get(o.authority)! }),
      ...(o.year && { year: o.year }),
    });

    for (const k of KINDS) {
      test(`${k.name}: ${k.q} ${JSON.stringify(k.opts ?? {})}`, async () => {
        const got: SearchResults = await search(db, k.q, k.opts);
        const f = filterOf(k.opts);
        const main = await referenceDraw(db, dialect, k.q, f);
        const ranked = main.slice(0, SEARCH_CAP).sort((a, b) => a.rank - b.rank || a.id - b.id);
        const offset = k.opts?.offset ?? 0;
        const page = ranked.slice(offset, offset + 20);
        const entity = new Map((await db.selectFrom("search_entries").select(["id", "kind", "entity_id"]).execute()).map((e) => [Number(e.id), `${e.kind}:${e.entity_id}`]));

        assert.equal(got.total, ranked.length);
        assert.equal(got.totalAtLeast, main.length > SEARCH_CAP);
        assert.deepEqual(
          got.data.map((h) => `${h.type}:${h.id}`),
          page.map((p) => entity.get(p.id)),
        );
        assert.deepEqual(
          got.data.map((h) => h.rank),
          page.map((p) => p.rank),
        );

        // each facet over its own draw: without its own filter when that filter is set
        const drawFor = async (skip: keyof IndexFilter) => (f[skip] === undefined ? main : referenceDraw(db, dialect, k.q, { ...f, [skip]: undefined }));
        const slugOfBody = new Map([...bodyOf].map(([s, id]) => [id, s]));
        const slugOfAuthority = new Map([...authorityOf].map(([s, id]) => [id, s]));
        assert.deepEqual(facetPairs(got.facets.type), counted(await drawFor("kind"), (d) => d.kind));
        assert.deepEqual(facetPairs(got.facets.body), counted(await drawFor("bodyId"), (d) => (d.body_id === null ? null : slugOfBody.get(Number(d.body_id))!)));
        assert.deepEqual(facetPairs(got.facets.year), counted(await drawFor("year"), (d) => d.year));
        assert.deepEqual(facetPairs(got.facets.authority), counted(await drawFor("authorityId"), (d) => slugOfAuthority.get(Number(d.authority_id))!));

        // the page's snippets: FTS5's snippet() of the words in title and text (PostgreSQL's are
        // made from a window of the text, src/store/search-read.ts, and have their own tests)
        if (dialect === "sqlite" && page.length) {
          const refs = await sql<{ id: number; snip: string }>`
            SELECT rowid AS id, snippet(search_fts, -1, '<mark>', '</mark>', '…', 24) AS snip
            FROM search_fts WHERE search_fts MATCH ${`{title text} : (${toFts5(k.q)})`} AND rowid IN (${sql.join(page.map((p) => p.id))})`.execute(db);
          const snipOf = new Map(refs.rows.map((r) => [Number(r.id), r.snip.replace(/\s+/g, " ").trim()]));
          assert.deepEqual(
            got.data.map((h) => h.snippet),
            page.map((p) => snipOf.get(p.id)),
          );
        }
      });
    }

    test("the fixture gives every kind something to find, and past the cap on the common word", async () => {
      for (const k of KINDS.filter((k) => !/tag/.test(k.name))) assert.ok((await search(db, k.q, k.opts)).total > 0, k.name);
      assert.equal((await search(db, "council")).totalAtLeast, true);
      // the texts that spell tags are found by those words, and only they
      assert.equal((await search(db, "y2019")).total, 1);
    });
  });
}
