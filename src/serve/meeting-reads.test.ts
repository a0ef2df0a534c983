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

// before: 26 statements in 12 rounds on SQLite (6 on PostgreSQL, whose pool overlaps the page's parts)
const MAX_QUERIES = 25;
const MAX_ROUNDS = 3;

eachStore("meeting page reads", (store) => {
  let db: Db;
  let counted: CountingDb;
  let slug: string;

  before(async () => {
    db = await store.open();
    const { meetingId } = await importFromCorpus(db, BUCKS);
    slug = (await db.selectFrom("meetings").where("id", "=", meetingId).select("slug").executeTakeFirstOrThrow()).slug;
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
      const { queries, rounds } = counted.count();
      assert.ok(queries > 0, "the counter saw the page's reads");
      assert.ok(queries <= MAX_QUERIES, `${queries} statements (at most ${MAX_QUERIES})`);
      assert.ok(rounds <= MAX_ROUNDS, `${rounds} rounds one after another (at most ${MAX_ROUNDS})`);
    } finally {
      docs.close();
    }
  });
});
