// Batched imports on SQLite and PostgreSQL: a document that fails halfway through its writes (a
// trigger refuses its last item) is absent whole, while the documents before and after it in the
// same batch are stored whole, with their audit entries and review queue rows: the store ends
// equal to importing only the good documents one by one. On PostgreSQL, a document that keeps
// failing as if in conflict with another writer fails alone too (the batch is retried singly).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { sql } from "kysely";
import { openStore, type Db } from "./db.ts";
import { storeCounts, storeDigest } from "./digest.ts";
import { importMinutes, unstorableReason, type ImportInput } from "./import.ts";
import { importMinutesBatch } from "./import-batch.ts";
import { goldenDocs, sourceOf } from "../../test/support/golden.ts";
import { postgresUnavailable, startPostgres } from "../../test/support/postgres.ts";

const MARK = "FAIL HERE";

function inputs(): ImportInput[] {
  const docs = goldenDocs().filter((d) => /\.(txt|md)$/.test(d.file) && d.record.items.length >= 2 && d.record.attendance.length > 0 && !unstorableReason(d.record));
  assert.ok(docs.length >= 4, "enough golden documents with items and attendance");
  return docs.slice(0, 4).map((d, i) => ({
    source: sourceOf(d.file, readFileSync(d.file, "utf8")),
    record: structuredClone(d.record),
    parserVersion: "test",
    actor: "cli",
    // one of them goes to the review queue, so its queue row must come through the batch too
    review: i === 3,
  }));
}

/** The second input's last item is refused by the database, after its meeting, attendance and first items were written. */
function withFailure(all: ImportInput[]): ImportInput[] {
  const bad = all[1];
  bad.record.items[bad.record.items.length - 1].title = MARK;
  return all;
}

async function refuseMarked(db: Db, sqlstate: string): Promise<void> {
  if (db.getExecutor().adapter.constructor.name.startsWith("Postgres")) {
    await sql
      .raw(
        `CREATE FUNCTION refuse_marked() RETURNS trigger AS $$ BEGIN IF NEW.title = '${MARK}' THEN RAISE EXCEPTION 'refused by the test' USING ERRCODE = '${sqlstate}'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
      )
      .execute(db);
    await sql`CREATE TRIGGER refuse_marked BEFORE INSERT ON items FOR EACH ROW EXECUTE FUNCTION refuse_marked()`.execute(db);
  } else {
    await sql.raw(`CREATE TRIGGER refuse_marked BEFORE INSERT ON items WHEN NEW.title = '${MARK}' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`).execute(db);
  }
}

async function audit(db: Db) {
  const rows = await sql<{ action: string; record_id: string }>`SELECT action, record_id FROM audit_log`.execute(db);
  return rows.rows.map((r) => `${r.action} ${r.record_id}`).sort();
}

async function queue(db: Db) {
  const rows = await sql<{ meeting_slug: string; state: string }>`SELECT meeting_slug, state FROM import_reviews`.execute(db);
  return rows.rows.map((r) => `${r.meeting_slug} ${r.state}`).sort();
}

async function failsAloneInItsBatch(newUrl: () => Promise<string>, sqlstate: string): Promise<void> {
  const batched = await openStore(await newUrl());
  const reference = await openStore(await newUrl());
  try {
    await refuseMarked(batched, sqlstate);
    const all = withFailure(inputs());
    const outcomes = await importMinutesBatch(batched, all);
    assert.deepEqual(
      outcomes.map((o) => o.ok),
      [true, false, true, true],
    );
    const failure = outcomes[1];
    assert.ok(!failure.ok && /refused by the test/.test(String((failure.error as Error).message)));
    const bad = await batched.selectFrom("source_documents").where("content_hash", "=", all[1].source.contentHash).select("id").execute();
    assert.deepEqual(bad, [], "nothing of the failed document is stored");

    for (const input of [all[0], all[2], all[3]]) await importMinutes(reference, input);
    assert.deepEqual(await storeCounts(batched), await storeCounts(reference));
    assert.equal(await storeDigest(batched), await storeDigest(reference), "the good documents stored whole, as one by one");
    assert.deepEqual(await audit(batched), await audit(reference));
    assert.equal((await audit(batched)).length, 3, "an audit entry for each stored document");
    assert.deepEqual(await queue(batched), await queue(reference));
    assert.equal((await queue(batched)).length, 1, "the review import is queued");

    const again = await importMinutesBatch(batched, [all[0], all[2], all[3]]);
    assert.deepEqual(
      again.map((o) => o.ok && o.result.status),
      ["unchanged", "unchanged", "unchanged"],
    );
  } finally {
    await batched.destroy();
    await reference.destroy();
  }
}

test("SQLite: a document failing halfway is absent, the rest of its batch stored whole", async () => {
  await failsAloneInItsBatch(async () => ":memory:", "");
});

test("PostgreSQL: a document failing halfway is absent, the rest of its batch stored whole", { skip: postgresUnavailable() ?? false }, async () => {
  const cluster = await startPostgres();
  try {
    await failsAloneInItsBatch(() => cluster.createDatabase(), "P0001");
  } finally {
    await cluster.stop();
  }
});

test("PostgreSQL: a document that keeps failing like a conflict fails alone; the batch is stored singly", { skip: postgresUnavailable() ?? false }, async () => {
  const cluster = await startPostgres();
  try {
    await failsAloneInItsBatch(() => cluster.createDatabase(), "40001");
  } finally {
    await cluster.stop();
  }
});
