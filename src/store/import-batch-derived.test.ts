// A batch derives memberships and people's search entries once, at its end: the store must come out
// exactly as when the same documents are imported one by one, each deriving them after itself. The
// documents share a committee and its members across meetings a year apart, one corrects an earlier
// meeting of the batch (a member leaves it), and one goes to review (a draft names nobody).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { openStore, type Db } from "./db.ts";
import { storeDigest } from "./digest.ts";
import { importMinutes, unstorableReason, type ImportInput } from "./import.ts";
import { importMinutesBatch } from "./import-batch.ts";
import { goldenDocs, sourceOf } from "../../test/support/golden.ts";
import { postgresUnavailable, startPostgres } from "../../test/support/postgres.ts";

function inputs(): ImportInput[] {
  const docs = goldenDocs().filter((d) => /\.(txt|md)$/.test(d.file) && d.record.attendance.filter((a) => a.kind === "member").length >= 3 && !unstorableReason(d.record));
  assert.ok(docs.length >= 2, "golden documents with members present");
  const [a, b] = docs;
  const text = readFileSync(a.file, "utf8");
  const input = (file: string, body: string, record: ImportInput["record"], review = false): ImportInput => ({
    source: sourceOf(file, body),
    record,
    parserVersion: "test",
    actor: "cli",
    review,
  });
  const first = structuredClone(a.record);
  // the same committee a year later, without its first member
  const later = structuredClone(a.record);
  later.date = `${Number(a.record.date!.slice(0, 4)) + 1}${a.record.date!.slice(4)}`;
  later.attendance = later.attendance.slice(1);
  // the first meeting again, corrected: its second member was not there after all
  const corrected = structuredClone(a.record);
  corrected.attendance = corrected.attendance.filter((_, i) => i !== 1);
  // and a meeting of the committee still waiting for review, two years on
  const draft = structuredClone(a.record);
  draft.date = `${Number(a.record.date!.slice(0, 4)) + 2}${a.record.date!.slice(4)}`;
  return [
    input(a.file, text, first),
    input(b.file, readFileSync(b.file, "utf8"), structuredClone(b.record)),
    input("later.txt", `${text}\n(a year later)\n`, later),
    input("corrected.txt", `${text}\n(corrected)\n`, corrected),
    input("draft.txt", `${text}\n(draft)\n`, draft, true),
  ];
}

async function memberships(db: Db) {
  return (
    await db
      .selectFrom("memberships")
      .innerJoin("people as p", "p.id", "memberships.person_id")
      .innerJoin("bodies as b", "b.id", "memberships.body_id")
      .select(["p.slug as person", "b.slug as body", "role", "memberships.kind", "from_date", "to_date", "source"])
      .execute()
  )
    .map((r) => JSON.stringify(r))
    .sort();
}

async function personEntries(db: Db) {
  return (
    await db
      .selectFrom("search_entries")
      .innerJoin("people as p", "p.id", "search_entries.entity_id")
      .where("search_entries.kind", "=", "person")
      .select(["p.slug", "search_entries.title", "search_entries.text", "search_entries.authority_id"])
      .execute()
  )
    .map((r) => JSON.stringify({ ...r, authority_id: undefined }))
    .sort();
}

async function batchEqualsOneByOne(newUrl: () => Promise<string>): Promise<void> {
  // as `quorum import` opens it (statements kept, a larger page cache on SQLite)
  const batched = await openStore(await newUrl(), { bulkWrites: true });
  const single = await openStore(await newUrl());
  try {
    const all = inputs();
    const outcomes = await importMinutesBatch(batched, all);
    assert.deepEqual(
      outcomes.map((o) => o.ok && o.result.status),
      ["created", "created", "created", "updated", "created"],
    );
    for (const input of all) await importMinutes(single, input);

    const expected = await memberships(single);
    assert.ok(expected.length >= 4, "the one-by-one import derived memberships");
    assert.ok(expected.some((m) => JSON.parse(m).from_date !== JSON.parse(m).to_date), "some member sat at both meetings");
    assert.deepEqual(await memberships(batched), expected);
    const entries = await personEntries(single);
    assert.ok(entries.length >= 3, "the one-by-one import indexed people");
    assert.deepEqual(await personEntries(batched), entries);
    assert.equal(await storeDigest(batched), await storeDigest(single), "the whole store as one by one");
  } finally {
    await batched.destroy();
    await single.destroy();
  }
}

test("SQLite: a batch derives the same memberships and people's search entries as one-by-one imports", async () => {
  await batchEqualsOneByOne(async () => ":memory:");
});

test("PostgreSQL: a batch derives the same memberships and people's search entries as one-by-one imports", { skip: postgresUnavailable() ?? false }, async () => {
  const cluster = await startPostgres();
  try {
    await batchEqualsOneByOne(() => cluster.createDatabase());
  } finally {
    await cluster.stop();
  }
});
