// How many statements the public meeting page runs, and how many it waits on one after another,
// on SQLite and PostgreSQL: each wait is a round trip to the database, so reads that do not depend
// on each other go together and a row already read is not read again.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { createApp } from "./app.ts";
import type { Db } from "../store/db.ts";
import { BUCKS, eachStore, importFromCorpus } from "../store/scrutiny/test-stores.ts";
import { countingDb, type CountingDb } from "../../test/support/query-count.ts";
import { tempDocuments } from "../../test/support/agenda.ts";
import { addKeyDecisionEntry } from "../store/forward-plan/entries.ts";
import { linkTaken } from "../store/forward-plan/taken.ts";

// before: 35 statements in 16 rounds on SQLite (4 on PostgreSQL, whose pool lets the page's parts overlap)
const MAX_QUERIES = 27;
const MAX_ROUNDS = 3;

eachStore("meeting page reads", (store) => {
  let db: Db;
  let counted: CountingDb;
  let slug: string;

  before(async () => {
    db = await store.open();
    const { meetingId } = await importFromCorpus(db, BUCKS);
    const m = await db.selectFrom("meetings").innerJoin("bodies", "bodies.id", "meetings.body_id").innerJoin("authorities", "authorities.id", "bodies.authority_id").where("meetings.id", "=", meetingId).select(["meetings.slug", "authorities.slug as authority"]).executeTakeFirstOrThrow();
    slug = m.slug;
    // key decisions taken at the meeting, each at an item's decision: read for the page's links to the forward plan
    const actor = { userId: null, label: "test" };
    const now = new Date("2018-01-02T12:00:00Z");
    for (const item of ["3", "5", "6"]) {
      const kd = await addKeyDecisionEntry(db, { fields: { reference: `KD-${item}`, decision: `Decision at item ${item}`, details: null, body: null, decisionMaker: "Cabinet", plannedDate: "2018-04", wards: [], consultees: null, documents: [], exempt: null, exception: null }, authority: m.authority, actor, now, today: "2018-01-02" });
      await linkTaken(db, { slug: kd, version: 1, meeting: slug, itemNumber: item, resolutionPosition: 1, actor, now });
    }
    counted = countingDb(db);
  });

  test("the public meeting page reads its records in a few rounds, each row once", async () => {
    const docs = tempDocuments();
    try {
      const app = createApp({ db: counted.db, now: () => new Date("2018-05-01T12:00:00Z"), documents: docs.documents });
      counted.reset();
      const res = await app.request(`/meetings/${slug}`);
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /Cabinet/);
      for (const item of ["3", "5", "6"]) assert.match(html, new RegExp(`Decision at item ${item}`), "the key decisions taken at the meeting are shown");
      const { queries, rounds } = counted.count();
      assert.ok(queries > 0, "the counter saw the page's reads");
      assert.ok(queries <= MAX_QUERIES, `${queries} statements (at most ${MAX_QUERIES})`);
      assert.ok(rounds <= MAX_ROUNDS, `${rounds} rounds one after another (at most ${MAX_ROUNDS})`);
    } finally {
      docs.close();
    }
  });
});
