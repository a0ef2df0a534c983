// Migration 039 (attendance dates): rows already stored take their meeting's date and time when it
// runs; afterwards every attendance row written, moved to another meeting, or whose meeting is
// moved, carries its meeting's date and time (triggers, whichever write does it). Down removes the
// columns and puts back the person index. On both databases.
import { it } from "node:test";
import assert from "node:assert/strict";
import { sql } from "kysely";
import { eachStore } from "../scrutiny/test-stores.ts";
import { migrateToLatest, migrationNames, migrator } from "../migrate.ts";
import { dialectOf, type Db } from "../db.ts";
import { buildSmallArchive } from "../../../test/support/small-archive.ts";

const NAME = "039_people_attendance_dates";

/** Attendance rows whose copy of the date or time differs from their meeting's. */
async function stale(db: Db): Promise<unknown[]> {
  const { rows } = await sql`SELECT a.id, a.meeting_date, a.meeting_start, m.date, m.start_time FROM attendance a JOIN meetings m ON m.id = a.meeting_id
    WHERE a.meeting_date <> m.date OR a.meeting_start <> coalesce(m.start_time, '')`.execute(db);
  return rows;
}

async function columns(db: Db): Promise<string[]> {
  const q = dialectOf(db) === "sqlite" ? sql<{ name: string }>`SELECT name FROM pragma_table_info('attendance')` : sql<{ name: string }>`SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'attendance'`;
  return (await q.execute(db)).rows.map((r) => r.name);
}

eachStore("migration 039 (attendance dates)", (store) => {
  it("up dates the rows already stored; down takes the columns away", async () => {
    const db = await store.open();
    // stored by today's code, then taken back to before 039: the rows are there, undated
    await buildSmallArchive(db);
    const names = migrationNames(dialectOf(db));
    const { error } = await migrator(db).migrateTo(names[names.indexOf(NAME) - 1]);
    assert.equal(error, undefined);
    assert.ok(!(await columns(db)).includes("meeting_date"));
    const rows = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM attendance`.execute(db)).rows[0].n);
    assert.ok(rows > 10, "the archive has attendance");
    assert.deepEqual(await migrateToLatest(db), names.slice(names.indexOf(NAME)));
    assert.deepEqual(await stale(db), []);
    const dated = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM attendance WHERE meeting_date <> ''`.execute(db)).rows[0].n);
    assert.equal(dated, rows);
    await migrator(db).migrateTo(names[names.indexOf(NAME) - 1]);
    assert.ok(!(await columns(db)).includes("meeting_date"));
    assert.deepEqual(await migrateToLatest(db), names.slice(names.indexOf(NAME)));
  });

  it("a row written, moved to another meeting, or whose meeting moves, carries its meeting's date and time", async () => {
    const db = await store.open();
    await buildSmallArchive(db);
    assert.deepEqual(await stale(db), [], "rows imported are dated");
    const [a, b] = await db.selectFrom("meetings").select(["id", "date", "start_time"]).orderBy("id").limit(2).execute();
    await db.updateTable("meetings").set({ date: "2031-07-09", start_time: "19:15" }).where("id", "=", a.id).execute();
    assert.deepEqual(await stale(db), []);
    const moved = await db.selectFrom("attendance").where("meeting_id", "=", a.id).select(["meeting_date", "meeting_start"]).distinct().execute();
    assert.deepEqual(moved, [{ meeting_date: "2031-07-09", meeting_start: "19:15" }]);
    await db.updateTable("meetings").set({ start_time: null }).where("id", "=", a.id).execute();
    assert.deepEqual(await stale(db), [], "a time taken away is ''");
    const row = await db.selectFrom("attendance").where("meeting_id", "=", a.id).select("id").orderBy("id").executeTakeFirstOrThrow();
    await db.updateTable("attendance").set({ meeting_id: b.id }).where("id", "=", row.id).execute();
    assert.deepEqual(await stale(db), []);
    const added = await db
      .insertInto("attendance")
      .values({ meeting_id: b.id, position: 99, raw_name: "Cllr New Row", person_id: null, status: "present", kind: "member", role: null, substitute_for: null, substitute_for_person_id: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    const got = await db.selectFrom("attendance").where("id", "=", added.id).select(["meeting_date", "meeting_start"]).executeTakeFirstOrThrow();
    assert.deepEqual(got, { meeting_date: b.date, meeting_start: b.start_time ?? "" });
  });
});
