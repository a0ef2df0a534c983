// Migration 040 (people's names): each person's names as written at public meetings, counted from
// the rows already stored, equal the recount `quorum check` makes; a draft meeting's names are not
// among them. On both databases.
import { it } from "node:test";
import assert from "node:assert/strict";
import { eachStore } from "../scrutiny/test-stores.ts";
import { migrateToLatest, migrationNames, migrator } from "../migrate.ts";
import { dialectOf } from "../db.ts";
import { personDifferences } from "../summaries/recount.ts";
import { buildSmallArchive } from "../../../test/support/small-archive.ts";

const NAME = "040_people_names";

eachStore("migration 040 (people's names)", (store) => {
  it("up counts the names of the rows already stored, public minutes only", async () => {
    const db = await store.open();
    await buildSmallArchive(db);
    // one meeting's minutes a draft, by hand: its names are not public
    const draft = await db.selectFrom("meetings").select("id").orderBy("id").executeTakeFirstOrThrow();
    await db.updateTable("meetings").set({ minutes_status: "draft" }).where("id", "=", draft.id).execute();
    const names = migrationNames(dialectOf(db));
    const { error } = await migrator(db).migrateTo(names[names.indexOf(NAME) - 1]);
    assert.equal(error, undefined);
    assert.deepEqual(await migrateToLatest(db), names.slice(names.indexOf(NAME)));
    const kept = await db.selectFrom("person_names").select(["person_id", "raw_name", "row_count"]).execute();
    assert.ok(kept.length > 5, "the archive's people have names");
    const publicRows = await db
      .selectFrom("attendance")
      .innerJoin("meetings", "meetings.id", "attendance.meeting_id")
      .where("attendance.person_id", "is not", null)
      .where("meetings.minutes_status", "<>", "draft")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    assert.equal(kept.reduce((n, r) => n + Number(r.row_count), 0), Number(publicRows.n));
    // person_summaries was kept before the draft was made by hand, so only the names are compared here
    assert.deepEqual((await personDifferences(db)).filter((l) => l.startsWith("person_names")), []);
  });
});
