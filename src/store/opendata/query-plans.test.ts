// The open data exports page on through the archive by keyset: a page after the first starts at
// its cursor's row through the primary key, so the 1,000th page costs what the second does. No
// statement of a later page scans meetings, attendance, memberships or decision_votes whole
// (SQLite EXPLAIN QUERY PLAN; PostgreSQL EXPLAIN with sequential scans priced out).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore, type Db } from "../db.ts";
import { openMembershipsPage, openOrganizationsPage, openPeoplePage, publicMeetingKeys } from "./read.ts";
import { postgresUnavailable, startPostgres, type PostgresCluster } from "../../../test/support/postgres.ts";
import { recordingStore, type Recorded } from "../../../test/support/query-plans.ts";
import { buildSmallArchive } from "../../../test/support/small-archive.ts";

const PG_SKIP = postgresUnavailable();
const tmp = mkdtempSync(join(tmpdir(), "quorum-opendata-plans-"));
let cluster: Promise<PostgresCluster> | null = null;
after(async () => {
  if (cluster) await (await cluster).stop();
  rmSync(tmp, { recursive: true, force: true });
});

for (const dialect of ["sqlite", "postgres"] as const) {
  describe(`open data query plans on ${dialect}`, { skip: dialect === "postgres" && PG_SKIP ? PG_SKIP : false }, () => {
    let store: Db;
    let rec: Recorded;
    before(async () => {
      let url: string;
      if (dialect === "sqlite") url = `sqlite:${join(tmp, "plans.db")}`;
      else {
        cluster ??= startPostgres();
        url = await (await cluster).createDatabase();
      }
      store = await openStore(url);
      await buildSmallArchive(store);
      rec = recordingStore(url);
    });
    after(async () => {
      await rec?.destroy();
      await store?.destroy();
    });

    const reads: [string, (db: Db) => Promise<{ data: unknown[] }>][] = [
      ["meetings", async (db) => publicMeetingKeys(db, { limit: 3, cursor: (await publicMeetingKeys(store, { limit: 3 })).next! })],
      ["one council's meetings", async (db) => publicMeetingKeys(db, { limit: 3, authority: (await store.selectFrom("authorities").select("slug").executeTakeFirstOrThrow()).slug, cursor: (await publicMeetingKeys(store, { limit: 3 })).next! })],
      ["people", async (db) => openPeoplePage(db, { limit: 2, cursor: (await openPeoplePage(store, { limit: 2 })).next! })],
      ["committees", async (db) => openOrganizationsPage(db, { limit: 1, cursor: (await openOrganizationsPage(store, { limit: 1 })).next! })],
      ["memberships", async (db) => openMembershipsPage(db, { limit: 2, cursor: (await openMembershipsPage(store, { limit: 2 })).next! })],
    ];
    for (const [name, read] of reads) {
      test(`${name}, a later page: no full scan`, async () => {
        await rec.fullScans();
        const before = rec.statements.length;
        const page = await read(rec.db);
        assert.ok(rec.statements.length > before, "its statements were recorded");
        assert.ok(page.data.length > 0, "the page has rows");
        assert.deepEqual(await rec.fullScans(), []);
      });
    }
  });
}
