import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { GOLDEN_DEV, parsedDb, type TestDb } from "../../../test/support/portal-db.ts";
import { getMeetingProvenance } from "./index.ts";
import { getMeetingSources } from "./meeting-sources.ts";

let t: TestDb;
before(async () => {
  t = await parsedDb([GOLDEN_DEV]);
});
after(() => t.close());

test("getMeetingSources finds exactly the spans getMeetingProvenance finds, for every meeting", async () => {
  const meetings = await t.db.selectFrom("meetings").select("slug").execute();
  assert.ok(meetings.length >= 5);
  let total = 0;
  for (const { slug } of meetings) {
    const expected = await getMeetingProvenance(t.db, slug);
    const actual = await getMeetingSources(t.db, slug);
    assert.deepEqual(actual, expected, slug);
    total += actual.length;
  }
  assert.ok(total > 100, `${total} spans compared`);
});

test("nothing for a draft meeting, and no span inside exempt text", async () => {
  const staffs = "safe-and-strong-communities-select-committee-2016-12-12";
  const spans = await getMeetingSources(t.db, staffs);
  assert.ok(spans.length > 10);
  assert.ok(spans.every((s) => !/briefing note outlining a recent confidential HR matter/.test(s.excerpt)));
  await t.db.updateTable("meetings").set({ minutes_status: "draft" }).where("slug", "=", staffs).execute();
  try {
    assert.deepEqual(await getMeetingSources(t.db, staffs), []);
  } finally {
    await t.db.updateTable("meetings").set({ minutes_status: "published" }).where("slug", "=", staffs).execute();
  }
});
