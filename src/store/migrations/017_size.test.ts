// Migration 015 (size) converts a store made by migration 014, with data in it, and everything
// reads back identically: taken back to 014 (its `down`), the store holds the plain source text,
// record and item text again; brought up to 017 again, the digest, the pages' reads and the
// record the correction forms start from are what they were.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { sql } from "kysely";
import { GOLDEN_DEV, parsedDb, stopPostgres } from "../../../test/support/portal-db.ts";
import { postgresUnavailable } from "../../../test/support/postgres.ts";
import { migrateToLatest, migrator } from "../migrate.ts";
import { storeDigest } from "../digest.ts";
import { getMeeting, getMeetingProvenance, getMeetingSource } from "../read/index.ts";
import { meetingToCorrect } from "../corrections/meeting.ts";
import { unpack, unpackRecord } from "../packed.ts";
import type { Db } from "../db.ts";

const EXEMPT = resolve(import.meta.dirname, "../../../test/fixtures/exempt/staffs-2016-12-12-v2-item-35-exempt.txt");
const DOCS = [...readdirSync(GOLDEN_DEV).filter((n) => /\.(md|txt)$/.test(n) && n !== "NOTES.md").map((n) => join(GOLDEN_DEV, n)), EXEMPT];

async function reads(db: Db) {
  const slugs = (await db.selectFrom("meetings").select("slug").orderBy("slug").execute()).map((m) => m.slug);
  const out: unknown[] = [];
  for (const slug of slugs) {
    const meeting = await getMeeting(db, slug);
    out.push({ meeting: meeting && { ...meeting, items: meeting.items.map((i) => ({ ...i, id: undefined })) }, source: await getMeetingSource(db, slug), provenance: await getMeetingProvenance(db, slug) });
    const toCorrect = await meetingToCorrect(db, slug);
    out.push(toCorrect && { parsed: toCorrect.parsed, corrected: toCorrect.corrected, text: toCorrect.source.text });
  }
  return JSON.parse(JSON.stringify(out)) as unknown;
}

for (const dialect of ["sqlite", "postgres"] as const) {
  const skip = dialect === "postgres" ? (postgresUnavailable() ?? false) : false;
  describe(`migration 017 (size) on ${dialect}`, { skip }, () => {
    after(() => stopPostgres());

    test("a store made by migration 014 converts, and reads back identically; its down restores the plain values", async () => {
      const t = await parsedDb(DOCS, dialect);
      try {
        const db = t.db;
        const items = await db.selectFrom("items").select(["text_start", "text_uncut"]).execute();
        assert.ok(items.filter((i) => i.text_start !== null).length > items.length / 2, "most items' text is kept as a cut of the source");
        const beforeDigest = await storeDigest(db);
        const beforeReads = await reads(db);
        const docs = await db.selectFrom("source_documents").select(["content_hash", "packed_text", "packed_record"]).orderBy("content_hash").execute();

        // back to the shape migration 014 made: plain text, JSON and item text (undoing any later migration first)
        const { error } = await migrator(db).migrateTo(dialect === "sqlite" ? "016_search_tags" : "016_search_seal");
        assert.equal(error, undefined);
        const plain = await sql<{ content_hash: string; text: string; record_json: string | null }>`SELECT content_hash, text, record_json FROM source_documents ORDER BY content_hash`.execute(db);
        assert.deepEqual(
          plain.rows.map((r) => [r.content_hash, r.text, r.record_json]),
          docs.map((d) => [d.content_hash, unpack(d.packed_text), d.packed_record && JSON.stringify(unpackRecord(d.packed_record, unpack(d.packed_text)))]),
        );
        const withText = await sql<{ n: number | string }>`SELECT count(*) AS n FROM items WHERE text IS NOT NULL`.execute(db);
        assert.equal(Number(withText.rows[0].n), items.filter((i) => i.text_start !== null || i.text_uncut !== null).length);

        assert.equal((await migrateToLatest(db))[0], "017_size_packed_text");
        const converted = await db.selectFrom("items").select(["text_start", "text_uncut"]).execute();
        assert.ok(converted.filter((i) => i.text_start !== null).length > items.length / 2, "the migration cut existing items' text too");
        assert.equal(await storeDigest(db), beforeDigest);
        assert.deepEqual(await reads(db), beforeReads);
      } finally {
        await t.close();
      }
    });
  });
}
