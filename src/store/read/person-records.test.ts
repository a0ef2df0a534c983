// A person's and a committee's records a page at a time: walking each list by its next cursors, and
// back by its previous ones, gives every row once in the list's order, also where meetings share a
// date (and a time, or have none); the attendance figures equal the rows counted one by one; roles
// are read along their index (migration 020) without sorting them. On both databases.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CompiledQuery } from "kysely";
import { openStore, type Db } from "../db.ts";
import { importMinutes } from "../import.ts";
import { PUBLIC_VIEWER } from "../visibility.ts";
import { bodyMembers, getBody, getPerson, personAttendance, personMotions, personRoles, personVotes } from "./index.ts";
import { attendanceTally } from "./person-records.ts";
import type { Slice } from "./keyset.ts";
import { postgresUnavailable, startPostgres, type PostgresCluster } from "../../../test/support/postgres.ts";
import { recordingStore } from "../../../test/support/query-plans.ts";
import { inputOf, SMALL_ARCHIVE } from "../../../test/support/small-archive.ts";

const PG_SKIP = postgresUnavailable();
const tmp = mkdtempSync(join(tmpdir(), "quorum-records-"));
let cluster: Promise<PostgresCluster> | null = null;
after(async () => {
  if (cluster) await (await cluster).stop();
  rmSync(tmp, { recursive: true, force: true });
});

/** The small archive with every decision moved by Ann Able, seconded by Ben Baker, and both named voting for it. */
async function buildArchive(db: Db): Promise<void> {
  for (const m of SMALL_ARCHIVE) {
    const input = inputOf(m);
    for (const item of input.record.items)
      for (const r of item.resolutions) {
        r.movedBy = "Cllr Ann Able";
        r.secondedBy = "Cllr Ben Baker";
        r.votes = { for: 2, against: 0, abstain: null, recorded: { for: ["Cllr Ann Able", "Cllr Ben Baker"], against: [], abstain: [], absent: [], recused: [] } };
      }
    await importMinutes(db, input);
  }
}

type Lister = (paging: { limit: number; cursor?: string }) => Promise<Slice<unknown>>;

/** Every row's key, page by page along next cursors; then back along previous cursors from the last page. */
async function walk(list: Lister, key: (r: never) => string, limit: number): Promise<{ forward: string[]; backward: string[] }> {
  const keys = (s: Slice<unknown>) => s.data.map((r) => key(r as never));
  const forward: string[] = [];
  let page = await list({ limit });
  for (let n = 0; n < 1000; n++) {
    forward.push(...keys(page));
    if (!page.next) break;
    page = await list({ limit, cursor: page.next });
  }
  const backward = [...keys(page)].reverse();
  for (let n = 0; page.previous && n < 1000; n++) {
    page = await list({ limit, cursor: page.previous });
    backward.push(...[...keys(page)].reverse());
  }
  return { forward, backward: backward.reverse() };
}

for (const dialect of ["sqlite", "postgres"] as const) {
  describe(`a person's and a committee's records on ${dialect}`, { skip: dialect === "postgres" && PG_SKIP ? PG_SKIP : false }, () => {
    let db: Db;
    let url: string;
    let ann: number;
    let cabinet: number;
    before(async () => {
      if (dialect === "sqlite") url = `sqlite:${join(tmp, "records.db")}`;
      else {
        cluster ??= startPostgres();
        url = await (await cluster).createDatabase();
      }
      db = await openStore(url);
      await buildArchive(db);
      ann = (await db.selectFrom("people").where("display_name", "like", "%Ann Able%").select("id").executeTakeFirstOrThrow()).id;
      cabinet = (await db.selectFrom("bodies").where("name", "=", "Cabinet").select("id").executeTakeFirstOrThrow()).id;
    });
    after(async () => db?.destroy());

    const lists: [string, (db: Db) => Lister, (r: never) => string][] = [
      ["meetings", (db) => (p) => personAttendance(db, ann, p), (r: { meeting: { slug: string } }) => r.meeting.slug],
      ["motions", (db) => (p) => personMotions(db, ann, PUBLIC_VIEWER, p), (r: { decision: { slug: string }; meeting: { slug: string } }) => `${r.meeting.slug}/${r.decision.slug}`],
      ["votes", (db) => (p) => personVotes(db, ann, PUBLIC_VIEWER, p), (r: { decision: { slug: string }; meeting: { slug: string } }) => `${r.meeting.slug}/${r.decision.slug}`],
      ["roles", (db) => (p) => personRoles(db, ann, p), (r: { body: { slug: string }; role: string | null; from: string | null }) => `${r.body.slug} ${r.role} ${r.from}`],
      ["a committee's members", (db) => (p) => bodyMembers(db, cabinet, p), (r: { person: { slug: string }; role: string | null; from: string | null }) => `${r.person.slug} ${r.role} ${r.from}`],
    ];
    for (const [name, lister, key] of lists) {
      test(`${name}: every row once, in order, forward and back, at every page size`, async () => {
        const list = lister(db);
        const all = (await list({ limit: 500 })).data.map((r) => key(r as never));
        assert.ok(all.length >= 2, `${name}: the archive has rows`);
        assert.equal(new Set(all).size, all.length);
        for (const size of [1, 2, 3, 7]) {
          const { forward, backward } = await walk(list, key, size);
          assert.deepEqual(forward, all, `${name} forward by ${size}`);
          assert.deepEqual(backward, all, `${name} back by ${size}`);
        }
      });
    }

    test("a meeting moved to another day moves in the person's meetings, by whatever write moves it", async () => {
      const before = (await personAttendance(db, ann, { limit: 500 })).data.map((r) => r.meeting.slug);
      const oldest = await db.selectFrom("meetings").where("slug", "=", before.at(-1)!).select(["id", "date"]).executeTakeFirstOrThrow();
      await db.updateTable("meetings").set({ date: "2030-01-01" }).where("id", "=", oldest.id).execute();
      try {
        const after = (await personAttendance(db, ann, { limit: 500 })).data;
        assert.equal(after[0].meeting.slug, before.at(-1));
        assert.equal(after[0].meeting.date, "2030-01-01");
        assert.deepEqual(after.slice(1).map((r) => r.meeting.slug), before.slice(0, -1));
      } finally {
        await db.updateTable("meetings").set({ date: oldest.date }).where("id", "=", oldest.id).execute();
      }
      assert.deepEqual((await personAttendance(db, ann, { limit: 500 })).data.map((r) => r.meeting.slug), before);
    });

    test("meetings newest first; on one day by time, none last; decisions in the order of the minutes", async () => {
      const rows = (await personAttendance(db, ann, { limit: 500 })).data;
      assert.deepEqual(
        rows.map((r) => `${r.meeting.date} ${r.meeting.startTime ?? "-"}`),
        ["2024-03-04 14:00", "2024-03-04 10:00", "2024-03-04 10:00", "2024-03-04 -", "2024-02-01 18:30", "2024-01-15 10:00", "2024-01-15 10:00"],
      );
      const motions = (await personMotions(db, ann, PUBLIC_VIEWER, { limit: 500 })).data.filter((m) => m.meeting.date === "2024-01-15" && m.meeting.body.name === "Cabinet");
      // items 1 (one decision) and 2 (two), in that order
      assert.deepEqual(
        motions.map((m) => m.item.number),
        ["1", "2", "2"],
      );
      // the exempt item's decision is not public: 20 decisions in Northshire, 1 of them exempt
      assert.equal((await personMotions(db, ann, PUBLIC_VIEWER, { limit: 500 })).data.length, 19);
      assert.equal((await personVotes(db, ann, PUBLIC_VIEWER, { limit: 500 })).data.length, 19);
    });

    test("the attendance figures equal the public rows counted one by one; the page holds the most recent and a cursor to the rest", async () => {
      const rows = (await personAttendance(db, ann, { limit: 500 })).data;
      const tally = await attendanceTally(db, ann);
      assert.equal(tally.present, rows.filter((r) => r.status === "present").length);
      assert.equal(tally.expected, rows.length);
      assert.equal(tally.meetingCount, new Set(rows.map((r) => r.meeting.slug)).size);
      assert.deepEqual(tally.namesAsWritten, ["Cllr Ann Able"]);
      const slug = (await db.selectFrom("people").where("id", "=", ann).select("slug").executeTakeFirstOrThrow()).slug;
      const page = (await getPerson(db, slug))!;
      assert.equal(page.attendance.present, rows.length);
      assert.deepEqual(
        page.attendance.meetings.map((r) => r.meeting.slug),
        rows.slice(0, page.attendance.meetings.length).map((r) => r.meeting.slug),
      );
      assert.equal(page.older.meetings, null, "seven meetings fit on the page");
    });

    test("a committee's page: those at its latest meeting first, then earlier ones, with its most recent meetings", async () => {
      const slug = (await db.selectFrom("bodies").where("id", "=", cabinet).select("slug").executeTakeFirstOrThrow()).slug;
      const b = (await getBody(db, slug))!;
      assert.deepEqual(
        b.members.map((m) => m.person.name),
        ["Ann Able", "Ben Baker", "Cat Cole"].map((n) => b.members.find((m) => m.person.name.endsWith(n))!.person.name),
      );
      assert.ok(b.members.every((m) => m.to === b.lastMeeting));
      assert.deepEqual(
        b.meetingsByYear.flatMap((y) => y.meetings.map((m) => m.date)),
        ["2024-03-04", "2024-03-04", "2024-03-04", "2024-01-15"],
      );
      assert.deepEqual(b.older, { meetings: null, members: null });
    });

    test("roles and a person's meetings are read along their indexes, most recent first, without sorting them", async () => {
      const rec = recordingStore(url);
      try {
        await personRoles(rec.db, ann, { limit: 2 });
        await bodyMembers(rec.db, cabinet, { limit: 2 });
        const first = await personAttendance(rec.db, ann, { limit: 2 });
        await personAttendance(rec.db, ann, { limit: 2, cursor: first.next! });
        const reads = rec.statements.filter((q) => /from "(memberships|attendance)"/.test(q.sql));
        assert.equal(reads.length, 4);
        // on a table this small PostgreSQL would sort anyway: with sorting priced out, a Sort left in the plan means no index gives the order
        if (dialect === "postgres") for (const off of ["enable_seqscan", "enable_bitmapscan", "enable_sort"]) await rec.db.executeQuery(CompiledQuery.raw(`SET ${off} = off`));
        for (const q of reads) {
          const plan = await rec.db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(`${dialect === "postgres" ? "EXPLAIN" : "EXPLAIN QUERY PLAN"} ${q.sql}`, [...q.parameters]));
          const text = plan.rows.map((r) => String(r.detail ?? r["QUERY PLAN"])).join("\n");
          assert.match(text, /(memberships_(person|body)|attendance_person)_recent/, text);
          assert.doesNotMatch(text, dialect === "postgres" ? /Sort/ : /TEMP B-TREE/, text);
        }
      } finally {
        await rec.destroy();
      }
    });
  });
}
