import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { GOLDEN_DEV, parsedDb, type TestDb } from "../../../test/support/portal-db.ts";
import { getMeetingProvenance } from "./index.ts";

let t: TestDb;
before(async () => {
  t = await parsedDb([GOLDEN_DEV]);
});
after(() => t.close());

test("a meeting's provenance is the spans of its own source document, in reading order, for every kind of value", async () => {
  const meetings = await t.db.selectFrom("meetings").select(["slug", "source_document_id"]).execute();
  assert.ok(meetings.length >= 5);
  let total = 0;
  const kinds = new Set<string>();
  for (const { slug, source_document_id } of meetings) {
    const spans = await getMeetingProvenance(t.db, slug);
    assert.ok(spans.every((s) => s.sourceDocumentId === source_document_id), slug);
    assert.ok(spans.every((s, i) => i === 0 || spans[i - 1].start <= s.start), `${slug}: in reading order`);
    for (const s of spans) kinds.add(s.entity);
    total += spans.length;
  }
  assert.ok(total > 100, `${total} spans read`);
  for (const k of ["meeting", "attendance", "item", "resolution"]) assert.ok(kinds.has(k), `spans of ${k} values`);
});

test("nothing for a draft meeting, and no span inside exempt text", async () => {
  const staffs = "safe-and-strong-communities-select-committee-2016-12-12";
  const spans = await getMeetingProvenance(t.db, staffs);
  assert.ok(spans.length > 10);
  assert.ok(spans.every((s) => !/briefing note outlining a recent confidential HR matter/.test(s.excerpt)));
  await t.db.updateTable("meetings").set({ minutes_status: "draft" }).where("slug", "=", staffs).execute();
  try {
    assert.deepEqual(await getMeetingProvenance(t.db, staffs), []);
  } finally {
    await t.db.updateTable("meetings").set({ minutes_status: "published" }).where("slug", "=", staffs).execute();
  }
});
