// The committees' summaries equal the counted truth after every kind of write (import, re-import,
// correction, review import, publish, reject, publishing draft minutes, approval, exempt release),
// for the public and for staff, on both databases; and queued imports, draft minutes and exempt
// items are not counted publicly.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { openStore, type Db } from "../db.ts";
import { importMinutes } from "../import.ts";
import { listAuthorities, listBodies, listDecisions, listMeetings } from "../read/index.ts";
import { publicResolutionsOnly, PUBLIC_VIEWER, type Viewer } from "../visibility.ts";
import { saveCorrections } from "../corrections/corrections.ts";
import { publishImport, rejectImport } from "../imports/decide.ts";
import { approveMinutes, publishDraftMinutes } from "../lifecycle/minutes.ts";
import { findExemptItem, setExemptRelease } from "../exempt/release.ts";
import { writeTransaction } from "../write.ts";
import { personDifferences } from "./recount.ts";
import { addUser } from "../accounts/users.ts";
import { reviewsDb } from "../imports/schema.ts";
import { postgresUnavailable, startPostgres, type PostgresCluster } from "../../../test/support/postgres.ts";
import { buildSmallArchive, inputOf, SMALL_ARCHIVE } from "../../../test/support/small-archive.ts";

const PG_SKIP = postgresUnavailable();
const tmp = mkdtempSync(join(tmpdir(), "quorum-summaries-"));
let cluster: Promise<PostgresCluster> | null = null;
after(async () => {
  if (cluster) await (await cluster).stop();
  rmSync(tmp, { recursive: true, force: true });
});

const TODAY = "2026-12-05";
let clerk = { userId: 0, label: "clerk@example.org" };

async function planningId(db: Db): Promise<number> {
  return (await db.selectFrom("bodies").where("name", "=", "Planning Committee").select("id").executeTakeFirstOrThrow()).id;
}

async function bodySlug(db: Db, name: string): Promise<string> {
  return (await db.selectFrom("bodies").where("name", "=", name).select("slug").executeTakeFirstOrThrow()).slug;
}

function viewers(planning: number): [string, Viewer][] {
  return [
    ["public", PUBLIC_VIEWER],
    ["public today", { kind: "public", today: TODAY }],
    ["member of planning", { kind: "staff", userId: 2, role: "member", bodies: new Set([planning]), today: TODAY }],
    ["clerk", { kind: "staff", userId: 1, role: "clerk", bodies: "all", today: TODAY }],
  ];
}

/** Every committee's and council's counts as the registers give them, against rows counted here. */
async function assertCountsTrue(db: Db, when: string): Promise<void> {
  // and every person's attendance counts (person_summaries) against their rows counted again
  assert.deepEqual(await personDifferences(db), [], `${when}: people`);
  const bodies = await listBodies(db);
  for (const b of bodies) {
    const truth = await sql<{ n: number | string; first: string | null; last: string | null }>`
      SELECT count(*) AS n, min(date) AS first, max(date) AS last FROM meetings WHERE body_id = ${b.id} AND minutes_status <> 'draft'`.execute(db);
    const t = truth.rows[0];
    assert.deepEqual({ n: b.meetingCount, first: b.firstMeeting, last: b.lastMeeting }, { n: Number(t.n), first: t.first, last: t.last }, `${when}: ${b.name}`);
  }
  for (const a of await listAuthorities(db)) {
    const truth = await sql<{ n: number | string }>`
      SELECT count(*) AS n FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE b.authority_id = ${a.id} AND m.minutes_status <> 'draft'`.execute(db);
    assert.equal(a.meetingCount, Number(truth.rows[0].n), `${when}: ${a.name}`);
  }
  const allMeetings = await sql<{ n: number | string }>`SELECT count(*) AS n FROM meetings WHERE minutes_status <> 'draft'`.execute(db);
  assert.equal((await listMeetings(db, { limit: 1 })).total, Number(allMeetings.rows[0].n), `${when}: meetings`);
  for (const [who, viewer] of viewers(await planningId(db))) {
    const counted = async (body?: number) => {
      let q = db.selectFrom("resolutions").innerJoin("items", "items.id", "resolutions.item_id").innerJoin("meetings", "meetings.id", "resolutions.meeting_id").where(publicResolutionsOnly(viewer));
      if (body !== undefined) q = q.where("meetings.body_id", "=", body);
      return Number((await q.select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    };
    assert.equal((await listDecisions(db, { limit: 1 }, viewer)).total, await counted(), `${when}: decisions for ${who}`);
    for (const b of bodies) assert.equal((await listDecisions(db, { body: b.slug, limit: 1 }, viewer)).total, await counted(b.id), `${when}: ${b.name}'s decisions for ${who}`);
  }
}

async function publicTotals(db: Db) {
  return { meetings: (await listMeetings(db, { limit: 1 })).total, decisions: (await listDecisions(db, { limit: 1 })).total };
}

for (const dialect of ["sqlite", "postgres"] as const) {
  describe(`committee summaries on ${dialect}`, { skip: dialect === "postgres" && PG_SKIP ? PG_SKIP : false }, () => {
    let db: Db;
    before(async () => {
      let url: string;
      if (dialect === "sqlite") url = `sqlite:${join(tmp, "summaries.db")}`;
      else {
        cluster ??= startPostgres();
        url = await (await cluster).createDatabase();
      }
      db = await openStore(url);
      const user = await addUser(db, { email: clerk.label, role: "clerk", displayName: "Colin Clerk" }, new Date("2026-12-01T09:00:00Z"));
      clerk = { userId: user.id, label: clerk.label };
    });
    after(async () => db?.destroy());

    test("import and re-import", async () => {
      await buildSmallArchive(db);
      await assertCountsTrue(db, "after import");
      // 27 decisions, 3 of them in exempt items
      assert.deepEqual(await publicTotals(db), { meetings: 10, decisions: 24 });
      // a new version of a meeting: one more decision, and an item turned exempt
      await importMinutes(db, inputOf({ ...SMALL_ARCHIVE[0], items: [2, 2, 0], exempt: [0], version: 2 }));
      await assertCountsTrue(db, "after re-import");
      // the meeting's 3 public decisions become 2, the other 2 exempt
      assert.deepEqual(await publicTotals(db), { meetings: 10, decisions: 23 });
    });

    test("a correction marking an item exempt", async () => {
      const slug = (await listMeetings(db, { body: await bodySlug(db, "Cabinet"), from: "2024-01-15", to: "2024-01-15" })).data[0].slug;
      const before = (await publicTotals(db)).decisions;
      const saved = await saveCorrections(db, { slug, expectedVersion: 1, changes: [{ path: "items/1/exempt", value: true }], actor: clerk, now: new Date("2026-12-01T10:00:00Z") });
      assert.equal(saved.status, "saved");
      await assertCountsTrue(db, "after correction");
      assert.equal((await publicTotals(db)).decisions, before - 2);
    });

    test("queued imports are not counted until published; a rejected one never", async () => {
      const start = await publicTotals(db);
      const queued = { authority: "Northshire County Council", body: "Cabinet", date: "2024-04-01", startTime: "10:00", items: [3] };
      await importMinutes(db, inputOf(queued, { review: true }));
      await assertCountsTrue(db, "after a review import");
      assert.deepEqual(await publicTotals(db), start);
      const pending = async () => (await reviewsDb(db).selectFrom("import_reviews").where("state", "=", "pending").select("id").executeTakeFirstOrThrow()).id;
      await publishImport(db, await pending(), clerk);
      await assertCountsTrue(db, "after publish");
      assert.deepEqual(await publicTotals(db), { meetings: start.meetings + 1, decisions: start.decisions + 3 });
      await importMinutes(db, inputOf({ ...queued, date: "2024-05-01" }, { review: true }));
      await rejectImport(db, await pending(), clerk);
      await assertCountsTrue(db, "after reject");
      assert.deepEqual(await publicTotals(db), { meetings: start.meetings + 1, decisions: start.decisions + 3 });
    });

    test("draft minutes published, then approved", async () => {
      const start = await publicTotals(db);
      const r = await importMinutes(db, inputOf({ authority: "Southby Borough Council", body: "Licensing Committee", date: "2024-06-01", startTime: "10:00", items: [2] }, { review: true }));
      await publishDraftMinutes(db, r.meetingSlug, clerk, new Date("2026-12-01T10:00:00Z"));
      await assertCountsTrue(db, "after publishing draft minutes");
      assert.deepEqual(await publicTotals(db), { meetings: start.meetings + 1, decisions: start.decisions + 2 });
      const later = await importMinutes(db, inputOf({ authority: "Southby Borough Council", body: "Licensing Committee", date: "2024-07-01", startTime: "10:00", items: [1] }));
      await approveMinutes(db, { slug: r.meetingSlug, approvingSlug: later.meetingSlug }, clerk, new Date("2026-12-01T10:00:00Z"));
      await assertCountsTrue(db, "after approval");
    });

    test("an exempt item released: counted for the public from its date, and for the entitled all along", async () => {
      const meeting = (await listMeetings(db, { body: await bodySlug(db, "Planning Committee"), from: "2024-03-04", to: "2024-03-04" })).data[0].slug;
      const item = await db.selectFrom("items").innerJoin("meetings", "meetings.id", "items.meeting_id").where("meetings.slug", "=", meeting).where(sql<boolean>`items.exempt`).select("items.slug").executeTakeFirstOrThrow();
      const found = await findExemptItem(db, meeting, item.slug);
      assert.ok(found);
      const today: Viewer = { kind: "public", today: TODAY };
      const before = (await listDecisions(db, { limit: 1 }, today)).total;
      await writeTransaction(db, (trx) => setExemptRelease(trx, found, "2026-12-06", clerk, new Date("2026-12-01T10:00:00Z"), TODAY));
      await assertCountsTrue(db, "after a release date to come");
      assert.equal((await listDecisions(db, { limit: 1 }, today)).total, before);
      await writeTransaction(db, (trx) => setExemptRelease(trx, { ...found, releaseOn: "2026-12-06" }, "2026-12-05", clerk, new Date("2026-12-01T10:00:00Z"), TODAY));
      await assertCountsTrue(db, "after release");
      assert.equal((await listDecisions(db, { limit: 1 }, today)).total, before + 1);
      assert.equal((await listDecisions(db, { limit: 1 })).total, before, "no release is considered without a day");
    });
  });
}
