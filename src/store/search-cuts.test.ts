// Search entries keep an item's text as a cut of its source document (migration 019): no copy of
// the text, the same results and snippets as entries holding it whole, exempt and draft text never
// in the index or a snippet, the FTS5 index consistent after every rewrite, and the migration's
// down giving the copies back — on SQLite and on a throwaway PostgreSQL cluster.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { sql } from "kysely";
import { GOLDEN_DEV, parsedDb, stopPostgres, type TestDb } from "../../test/support/portal-db.ts";
import { postgresUnavailable } from "../../test/support/postgres.ts";
import { dialectOf, type Db } from "./db.ts";
import { search, reindexMeeting } from "./search.ts";
import { entryTexts } from "./search-read.ts";
import { keepingSummaries } from "./summaries/bodies.ts";
import { migrateToLatest, migrator } from "./migrate.ts";
import { readDocument } from "../ingest/read.ts";
import { parseMinutes } from "../parse/minutes.ts";
import { importMinutes } from "./import.ts";

const EXEMPT = resolve(import.meta.dirname, "../../test/fixtures/exempt/staffs-2016-12-12-v2-item-35-exempt.txt");
const STAFFS = "safe-and-strong-communities-select-committee-2016-12-12";
const DOCS = [...readdirSync(GOLDEN_DEV).filter((n) => /\.(md|txt)$/.test(n) && n !== "NOTES.md").map((n) => join(GOLDEN_DEV, n)), EXEMPT];
// words of public item text, of a phrase, a name, an exclusion; "Wolstanton" is in exempt item 35 only
const QUERIES = ["briefing", "council", "housing", `"select committee"`, "planning -permission", "highways OR roads", "Wolstanton", "grievance"];

async function results(db: Db) {
  const out: Record<string, unknown> = {};
  for (const q of QUERIES) out[q] = await search(db, q, { limit: 100 });
  return out;
}

/** Whether the index (FTS5 or tsvector) finds a word at all, whatever the entries say. */
async function indexFinds(db: Db, word: string): Promise<number> {
  if (dialectOf(db) === "postgres") return (await sql<{ n: number }>`SELECT count(*)::int AS n FROM search_entries WHERE tsv @@ to_tsquery('english', ${word})`.execute(db)).rows[0].n;
  return (await sql<{ n: number }>`SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH ${word}`.execute(db)).rows[0].n;
}

/** SQLite: FTS5's own check of the index against its content (a 'delete' given other text than was indexed fails it). */
async function ftsIntact(db: Db): Promise<void> {
  if (dialectOf(db) === "sqlite") await sql`INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)`.execute(db);
}

for (const dialect of ["sqlite", "postgres"] as const) {
  const skip = dialect === "postgres" ? (postgresUnavailable() ?? false) : false;
  describe(`search text as cuts of the source on ${dialect}`, { skip }, () => {
    after(() => stopPostgres());

    test("item entries keep no copy of their text; results and snippets are those of entries holding it whole", async () => {
      const t: TestDb = await parsedDb(DOCS, dialect);
      try {
        const { db } = t;
        const cut = await db.selectFrom("search_entries").where("kind", "=", "item").where("text", "is", null).select(["id", "text_doc"]).execute();
        const items = await db.selectFrom("search_entries").where("kind", "=", "item").where("text", "!=", "").select("id").execute();
        assert.ok(cut.length > 50, `${cut.length} item entries kept as cuts`);
        assert.equal(items.length, 0, "every item entry with text keeps it as a cut here");
        assert.ok(cut.every((e) => e.text_doc !== null));
        await ftsIntact(db);
        const asCuts = await results(db);
        assert.ok((asCuts["briefing"] as { total: number }).total > 0);

        // the same entries holding their text whole, as before migration 019
        const whole = await entryTexts(db, cut.map((e) => e.id));
        for (const e of whole) await db.updateTable("search_entries").set({ text: e.text, text_doc: null, text_start: null, text_end: null }).where("id", "=", e.id).execute();
        await ftsIntact(db);
        assert.deepEqual(await results(db), asCuts);
      } finally {
        await t.close();
      }
    });

    test("exempt text never reaches the index or a snippet, through every rewrite of the meeting's entries", async () => {
      const t = await parsedDb(DOCS, dialect);
      try {
        const { db } = t;
        const check = async () => {
          assert.equal(await indexFinds(db, "wolstanton"), 0);
          assert.equal((await search(db, "Wolstanton")).total, 0);
          for (const q of ["grievance", "depot", "confidential"]) for (const hit of (await search(db, q, { limit: 100 })).data) assert.doesNotMatch(hit.snippet, /Wolstanton/i, q);
          const m = await db.selectFrom("meetings").where("slug", "=", STAFFS).select("id").executeTakeFirstOrThrow();
          const exempt = await db.selectFrom("items").where("meeting_id", "=", m.id).where("number", "=", "35").select("id").executeTakeFirstOrThrow();
          const entry = await db.selectFrom("search_entries").where("kind", "=", "item").where("entity_id", "=", exempt.id).select(["text", "text_doc", "text_start"]).executeTakeFirstOrThrow();
          assert.deepEqual(entry, { text: "", text_doc: null, text_start: null });
          await ftsIntact(db);
          return m.id;
        };
        const id = await check();
        await reindexMeeting(db, id);
        await check();
        // the same document imported again rewrites the entries
        const source = await readDocument(EXEMPT);
        await importMinutes(db, { source, record: parseMinutes(source), parserVersion: "again" });
        await check();
      } finally {
        await t.close();
      }
    });

    test("draft minutes never reach the index or a snippet: imported for review, or made draft after", async () => {
      // without the golden Staffordshire minutes: the exempt fixture is the same meeting
      const t = await parsedDb(DOCS.filter((d) => !/staffs/.test(d)), dialect);
      try {
        const { db } = t;
        assert.equal(await indexFinds(db, "wolstanton"), 0);
        const source = await readDocument(EXEMPT);
        // queued for review: a draft, with nothing in search
        await importMinutes(db, { source, record: parseMinutes(source), parserVersion: "review", review: true });
        const m = await db.selectFrom("meetings").where("slug", "=", STAFFS).select(["id", "minutes_status"]).executeTakeFirstOrThrow();
        assert.equal(m.minutes_status, "draft");
        assert.equal((await db.selectFrom("search_entries").where("meeting_id", "=", m.id).select("id").execute()).length, 0);
        assert.equal(await indexFinds(db, "interpol"), 0, "a public word of the draft's items is not in the index");
        assert.equal((await search(db, "Interpol")).total, 0);
        // published, then made draft again by a plain write: its entries, cuts included, leave the index
        await keepingSummaries(db, [m.id], () => db.updateTable("meetings").set({ minutes_status: "published" }).where("id", "=", m.id).execute());
        await reindexMeeting(db, m.id);
        assert.ok((await search(db, "Interpol")).total > 0);
        await keepingSummaries(db, [m.id], () => db.updateTable("meetings").set({ minutes_status: "draft" }).where("id", "=", m.id).execute());
        assert.equal((await db.selectFrom("search_entries").where("meeting_id", "=", m.id).select("id").execute()).length, 0);
        assert.equal(await indexFinds(db, "interpol"), 0);
        assert.equal((await search(db, "Interpol")).total, 0);
        await ftsIntact(db);
      } finally {
        await t.close();
      }
    });

    test("migration 019's down gives every entry its text back, and up makes the same cuts again", async () => {
      const t = await parsedDb(DOCS, dialect);
      try {
        const { db } = t;
        const entries = () => db.selectFrom("search_entries").select(["id", "text", "text_doc", "text_start", "text_end"]).orderBy("id").execute();
        const before = await entries();
        const texts = await entryTexts(db, before.map((e) => e.id));
        const found = await results(db);
        const { error } = await migrator(db).migrateTo("017_size_packed_text");
        assert.ifError(error);
        const down = await db.selectFrom("search_entries").select(["id", "text"]).orderBy("id").execute();
        assert.deepEqual(down, texts.map((e) => ({ id: e.id, text: e.text })).sort((a, b) => a.id - b.id));
        await ftsIntact(db);
        await migrateToLatest(db);
        assert.deepEqual(await entries(), before);
        await ftsIntact(db);
        assert.deepEqual(await results(db), found);
      } finally {
        await t.close();
      }
    });
  });
}
