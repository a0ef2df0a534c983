// The benchmark's PostgreSQL copy of a SQLite archive (bench/run-copy-pg.ts) on a real PostgreSQL:
// an archive made before the latest migrations (as /work/wt/archives' ready-made ones were) is
// brought up to date before it is copied, so the copy holds what the SQLite archive holds (source
// text, item text, summaries) and its meeting pages answer; a column the copy could not place is
// refused instead of silently left out.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { cutPacked } from "../../src/store/item-body.ts";
import { openStore, type Db } from "../../src/store/db.ts";
import { migrator } from "../../src/store/migrate.ts";
import { importMinutes } from "../../src/store/import.ts";
import { storeDigest } from "../../src/store/digest.ts";
import { readDocument } from "../../src/ingest/read.ts";
import { createApp } from "../../src/serve/app.ts";
import { copySqliteToPostgres } from "../../bench/run-copy-pg.ts";
import { goldenDocs, minutes, sourceOf } from "../support/golden.ts";
import { postgresUnavailable, startPostgres, type PostgresCluster } from "../support/postgres.ts";

const PG_SKIP = postgresUnavailable();
// the last migration the ready-made 10k archive had run
const OLD_ARCHIVE_LEVEL = "014_questions_time";

describe("copying a SQLite archive into PostgreSQL", { skip: PG_SKIP ?? false }, () => {
  const tmp = mkdtempSync(join(tmpdir(), "quorum-copy-pg-"));
  let cluster: PostgresCluster;
  let digest: string;
  let summaries: unknown[];
  let slugs: string[];

  async function archive(file: string, level?: string): Promise<void> {
    const db = await openStore(`sqlite:${file}`);
    try {
      for (const doc of goldenDocs()) {
        if (!doc.record.date) continue;
        await importMinutes(db, { source: await readDocument(doc.file), record: doc.record, parserVersion: "golden" });
      }
      digest = await storeDigest(db);
      summaries = await bodySummaries(db);
      slugs = (await db.selectFrom("meetings").select("slug").orderBy("slug").execute()).map((m) => m.slug);
      if (level) {
        const { error } = await migrator(db).migrateTo(level);
        if (error) throw error;
      }
    } finally {
      await db.destroy();
    }
  }

  before(async () => {
    cluster = await startPostgres();
  });
  after(async () => {
    await cluster?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  for (const level of [OLD_ARCHIVE_LEVEL, undefined]) {
    test(`an archive ${level ? `migrated only to ${level}` : "at the latest migration"}: the copy holds what it holds, and its meeting pages answer`, async () => {
      const file = join(tmp, `archive-${level ?? "latest"}.db`);
      await archive(file, level);
      assert.ok(slugs.length >= 5);
      const url = await cluster.createDatabase();
      await copySqliteToPostgres(file, url);
      const db = await openStore(url);
      try {
        const app = createApp({ db });
        for (const slug of slugs) {
          const res = await app.request(`/meetings/${slug}`);
          assert.equal(res.status, 200, `/meetings/${slug}`);
        }
        assert.equal(await storeDigest(db), digest);
        await assertVectorsAsStored(url);
        assert.deepEqual(await bodySummaries(db), summaries);
        // ids carry on past the copied rows: a new import stores beside them
        const record = minutes({ authority: "Crossley Borough Council", body: "Highways Committee", date: "1999-01-04", items: [{ number: "1", title: "Zebra crossing", exempt: false, resolutions: [] }] as never });
        assert.equal((await importMinutes(db, { source: sourceOf("highways-1999.txt", "Highways Committee\n4 January 1999\n"), record, parserVersion: "golden" })).status, "created");
      } finally {
        await db.destroy();
      }
    });
  }

  test("a SQLite column PostgreSQL has no place for is refused, not left out", async () => {
    const file = join(tmp, "extra-column.db");
    await archive(file);
    const lite = new Database(file);
    lite.exec("ALTER TABLE meetings ADD COLUMN notes TEXT");
    lite.close();
    const url = await cluster.createDatabase();
    await assert.rejects(copySqliteToPostgres(file, url), /meetings\.notes/);
  });
});

/** Every entry's tsv is what the store gives it: the trigger's over its text, or the writer's over its cut. */
async function assertVectorsAsStored(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = (await client.query("SELECT e.id, e.title, e.text, e.text_start, e.text_end, d.packed_text FROM search_entries e LEFT JOIN source_documents d ON d.id = e.text_doc ORDER BY e.id")).rows;
    assert.ok(rows.length > 0);
    assert.ok(rows.some((r) => r.text === null), "some entries keep their text as a cut");
    const texts = rows.map((r) => r.text ?? cutPacked(r.packed_text, r.text_start, r.text_end));
    const wrong = await client.query(
      `SELECT e.id FROM search_entries e JOIN unnest($1::int[], $2::text[]) AS v(id, text) ON v.id = e.id
       WHERE e.tsv IS DISTINCT FROM setweight(to_tsvector('english', coalesce(e.title, '')), 'A') || setweight(to_tsvector('english', v.text), 'B')`,
      [rows.map((r) => r.id), texts],
    );
    assert.deepEqual(wrong.rows, []);
    const indexes = (await client.query("SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'search_entries' ORDER BY 1")).rows.map((r) => r.indexname);
    assert.ok(indexes.includes("search_entries_tsv"), "the GIN index is built again after the copy");
  } finally {
    await client.end();
  }
}

function bodySummaries(db: Db) {
  return db
    .selectFrom("body_summaries")
    .innerJoin("bodies as b", "b.id", "body_summaries.body_id")
    .select(["b.slug", "meeting_count", "decision_count", "exempt_decision_count", "first_meeting", "last_meeting"])
    .orderBy("b.slug")
    .execute();
}
