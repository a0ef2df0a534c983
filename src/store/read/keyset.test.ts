// Keyset paging: walking a list by its next cursors, and back by its previous cursors, gives every
// row once in the list's order, also where many rows share a date (and a time, or have none); old
// offsets still answer shallow pages and are refused past the limit. On both databases.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore, type Db } from "../db.ts";
import { listDecisions, listMeetings, listPeople, type Page } from "./index.ts";
import { MAX_OFFSET, pageSize } from "./keyset.ts";
import { MAX_LIMIT } from "./util.ts";
import { postgresUnavailable, startPostgres, type PostgresCluster } from "../../../test/support/postgres.ts";
import { buildSmallArchive } from "../../../test/support/small-archive.ts";

const PG_SKIP = postgresUnavailable();
const tmp = mkdtempSync(join(tmpdir(), "quorum-keyset-"));
let cluster: Promise<PostgresCluster> | null = null;
after(async () => {
  if (cluster) await (await cluster).stop();
  rmSync(tmp, { recursive: true, force: true });
});

type Lister = (opts: { limit: number; cursor?: string; offset?: number }) => Promise<Page<{ id: number }>>;

/** Every row's id, page by page along next cursors; then back along previous cursors from the last page. */
async function walk(list: Lister, limit: number): Promise<{ forward: number[]; backward: number[]; pages: number }> {
  const guard = 1000; // a cursor that does not move on would page for ever
  const forward: number[] = [];
  const pages: Page<{ id: number }>[] = [];
  let page = await list({ limit });
  for (;;) {
    pages.push(page);
    forward.push(...page.data.map((r) => r.id));
    if (!page.next || pages.length > guard) break;
    page = await list({ limit, cursor: page.next });
  }
  const backward: number[] = [...page.data.map((r) => r.id)].reverse();
  for (let n = 0; page.previous && n < guard; n++) {
    page = await list({ limit, cursor: page.previous });
    backward.push(...[...page.data.map((r) => r.id)].reverse());
  }
  return { forward, backward: backward.reverse(), pages: pages.length };
}

// a page's size is written into the kept SQL, so only a bounded whole number may reach it
test("a page size is a whole number from 1 to MAX_LIMIT", () => {
  assert.equal(pageSize(1), 1);
  assert.equal(pageSize(MAX_LIMIT), MAX_LIMIT);
  for (const bad of [0, -1, MAX_LIMIT + 1, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) assert.throws(() => pageSize(bad), /whole number from 1/);
});

for (const dialect of ["sqlite", "postgres"] as const) {
  describe(`keyset paging on ${dialect}`, { skip: dialect === "postgres" && PG_SKIP ? PG_SKIP : false }, () => {
    let db: Db;
    before(async () => {
      let url: string;
      if (dialect === "sqlite") url = `sqlite:${join(tmp, "keyset.db")}`;
      else {
        cluster ??= startPostgres();
        url = await (await cluster).createDatabase();
      }
      db = await openStore(url);
      await buildSmallArchive(db);
    });
    after(async () => db?.destroy());

    const lists: [string, (db: Db) => Lister][] = [
      ["meetings", (db) => (o) => listMeetings(db, o)],
      ["decisions", (db) => (o) => listDecisions(db, o)],
      ["people", (db) => (o) => listPeople(db, o)],
    ];
    for (const [name, lister] of lists) {
      test(`${name}: every row once, in order, forward and back, at every page size`, async () => {
        const list = lister(db);
        const all = (await list({ limit: 500 })).data.map((r) => r.id);
        assert.ok(all.length >= 5, `${name}: the archive has rows`);
        assert.equal(new Set(all).size, all.length);
        for (const size of [1, 2, 3, 4, 7]) {
          const { forward, backward, pages } = await walk(list, size);
          assert.deepEqual(forward, all, `${name} forward by ${size}`);
          assert.deepEqual(backward, all, `${name} back by ${size}`);
          assert.equal(pages, Math.ceil(all.length / size));
        }
        // an offset page and the cursor page in its place agree
        const first = await list({ limit: 3 });
        assert.deepEqual((await list({ limit: 3, offset: 3 })).data.map((r) => r.id), (await list({ limit: 3, cursor: first.next! })).data.map((r) => r.id));
      });
    }

    test("meetings sharing a date are ordered by time (none last), then by id, the same on both databases", async () => {
      const day = (await listMeetings(db, { from: "2024-03-04", to: "2024-03-04", limit: 50 })).data;
      assert.deepEqual(
        day.map((m) => m.startTime),
        ["14:00", "10:00", "10:00", "10:00", null],
      );
      const tens = day.filter((m) => m.startTime === "10:00").map((m) => m.id);
      assert.deepEqual(tens, [...tens].sort((a, b) => b - a));
    });

    test("upcoming meetings soonest first; a filtered list pages by cursor as well", async () => {
      const soon = await listMeetings(db, { from: "2024-01-01", oldestFirst: true, limit: 2 });
      assert.deepEqual(soon.data.map((m) => m.date), ["2024-01-15", "2024-01-15"]);
      const next = await listMeetings(db, { from: "2024-01-01", oldestFirst: true, limit: 2, cursor: soon.next! });
      assert.deepEqual(next.data.map((m) => m.date), ["2024-02-01", "2024-03-04"]);
      const bodySlug = (await db.selectFrom("bodies").where("name", "=", "Cabinet").select("slug").executeTakeFirstOrThrow()).slug;
      const { forward } = await walk((o) => listDecisions(db, { ...o, body: bodySlug }), 2);
      assert.deepEqual(forward, (await listDecisions(db, { body: bodySlug, limit: 500 })).data.map((d) => d.id));
      assert.equal(forward.length, 12);
    });

    test("offsets past the limit and cursors not written by a page are refused", async () => {
      await assert.rejects(listDecisions(db, { offset: MAX_OFFSET + 1 }), /offset past 1000/);
      await assert.rejects(listMeetings(db, { offset: MAX_OFFSET + 1 }), /offset past 1000/);
      await assert.rejects(listPeople(db, { offset: MAX_OFFSET + 1 }), /offset past 1000/);
      await assert.rejects(listDecisions(db, { cursor: "not-a-cursor" }), /cursor is not valid/);
      const meetingCursor = (await listMeetings(db, { limit: 1 })).next!;
      await assert.rejects(listDecisions(db, { cursor: meetingCursor }), /cursor is not valid/);
      assert.equal((await listDecisions(db, { offset: MAX_OFFSET })).data.length, 0);
    });
  });
}
