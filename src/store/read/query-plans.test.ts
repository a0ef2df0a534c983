// The home page's, the registers' and the committee, person and meeting pages' reads (and the pages
// of a person's and a committee's older records) use indexes and summaries: no statement they run
// scans meetings, items, resolutions, attendance, memberships or decision_votes whole
// (SQLite EXPLAIN QUERY PLAN; PostgreSQL EXPLAIN with sequential scans priced out, so that on this
// small archive a sequential scan left in a plan means no index serves it). A walk along the
// registers' order index, stopped by the page's LIMIT, is allowed.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore, type Db } from "../db.ts";
import { bodyMembers, getBody, getMeeting, getMeetingPage, getPerson, listAuthorities, listBodies, listDecisions, listMeetings, listPeople, personAttendance, personMotions, personRoles, personVotes } from "./index.ts";
import type { Viewer } from "../visibility.ts";
import { postgresUnavailable, startPostgres, type PostgresCluster } from "../../../test/support/postgres.ts";
import { recordingStore, type Recorded } from "../../../test/support/query-plans.ts";
import { buildSmallArchive } from "../../../test/support/small-archive.ts";

const PG_SKIP = postgresUnavailable();
const tmp = mkdtempSync(join(tmpdir(), "quorum-plans-"));
let cluster: Promise<PostgresCluster> | null = null;
after(async () => {
  if (cluster) await (await cluster).stop();
  rmSync(tmp, { recursive: true, force: true });
});

const today: Viewer = { kind: "public", today: "2026-12-05" };
const clerk: Viewer = { kind: "staff", userId: 1, role: "clerk", bodies: "all", today: "2026-12-05" };

for (const dialect of ["sqlite", "postgres"] as const) {
  describe(`query plans on ${dialect}`, { skip: dialect === "postgres" && PG_SKIP ? PG_SKIP : false }, () => {
    let store: Db;
    let rec: Recorded;
    let slugs: { body: string; person: string; meeting: string };
    let ids: { body: number; person: number };
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
      const one = async (t: "bodies" | "people" | "meetings") => (await store.selectFrom(t).select("slug").orderBy("id").limit(1).executeTakeFirstOrThrow()).slug;
      slugs = { body: await one("bodies"), person: await one("people"), meeting: await one("meetings") };
      const id = async (t: "bodies" | "people") => (await store.selectFrom(t).select("id").orderBy("id").limit(1).executeTakeFirstOrThrow()).id;
      ids = { body: await id("bodies"), person: await id("people") };
    });
    after(async () => {
      await rec?.destroy();
      await store?.destroy();
    });

    const reads: [string, (db: Db) => Promise<unknown>][] = [
      ["the councils with their counts", (db) => listAuthorities(db)],
      ["the committees register", (db) => listBodies(db)],
      ["a committee's page", (db) => getBody(db, slugs.body, today)],
      ["recent meetings with their total", (db) => listMeetings(db, { to: "2026-12-05", limit: 6, count: false }, today)],
      ["upcoming meetings", (db) => listMeetings(db, { from: "2026-12-05", limit: 5, oldestFirst: true, count: false }, today)],
      ["the API meetings list, and its next page", async (db) => listMeetings(db, { limit: 3, cursor: (await listMeetings(db, { limit: 3 })).next! })],
      ["a committee's meetings", (db) => listMeetings(db, { body: slugs.body, limit: 3 })],
      ["the decisions register with its total", (db) => listDecisions(db, { limit: 5 }, today)],
      ["the decisions register for a clerk", (db) => listDecisions(db, { limit: 5 }, clerk)],
      ["the decisions register, an older page", async (db) => listDecisions(db, { limit: 4, cursor: (await listDecisions(db, { limit: 4 })).next! }, today)],
      ["the decisions register, a newer page", async (db) => listDecisions(db, { limit: 4, cursor: (await listDecisions(db, { limit: 4, offset: 8 })).previous! }, today)],
      ["a committee's decisions", (db) => listDecisions(db, { body: slugs.body, limit: 5 }, today)],
      ["the people register, and its next page", async (db) => listPeople(db, { limit: 2, cursor: (await listPeople(db, { limit: 2 })).next! })],
      ["a person's page", (db) => getPerson(db, slugs.person, today)],
      ["a meeting's page", (db) => getMeeting(db, slugs.meeting, today)],
      ["a meeting's page with its source lines", (db) => getMeetingPage(db, slugs.meeting, today)],
      ["a person's older meetings", async (db) => personAttendance(db, ids.person, { limit: 2, cursor: (await personAttendance(db, ids.person, { limit: 2 })).next! })],
      ["a person's older motions", async (db) => personMotions(db, ids.person, today, { limit: 1, cursor: (await personMotions(db, ids.person, today, { limit: 1 })).next ?? undefined })],
      ["a person's older votes", async (db) => personVotes(db, ids.person, today, { limit: 1, cursor: (await personVotes(db, ids.person, today, { limit: 1 })).next ?? undefined })],
      ["a person's earlier roles", async (db) => personRoles(db, ids.person, { limit: 1, cursor: (await personRoles(db, ids.person, { limit: 1 })).next ?? undefined })],
      ["a committee's earlier members", async (db) => bodyMembers(db, ids.body, { limit: 1, cursor: (await bodyMembers(db, ids.body, { limit: 1 })).next! })],
    ];
    for (const [name, read] of reads) {
      test(`${name}: no full scan of meetings, items, resolutions or attendance`, async () => {
        await rec.fullScans();
        await read(rec.db);
        assert.ok(rec.statements.length > 0);
        assert.deepEqual(await rec.fullScans(), []);
      });
    }

    test("the check itself finds a full scan", async () => {
      await rec.fullScans();
      await rec.db.selectFrom("resolutions").where("text", "like", "%Resolved%").select((eb) => eb.fn.countAll().as("n")).execute();
      const scans = await rec.fullScans();
      assert.equal(scans.length, 1);
      assert.match(scans[0], dialect === "sqlite" ? /^SCAN resolutions/ : /^Seq Scan on resolutions/);
    });
  });
}
