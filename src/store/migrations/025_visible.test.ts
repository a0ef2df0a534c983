// Migration 025 (visible) marks the meetings announced through the schedule before it, from their
// "scheduled" event, so that they stay listed when their minutes become a draft; a meeting known
// only from its minutes stays unmarked. Down removes the mark. On both databases.
import { it } from "node:test";
import assert from "node:assert/strict";
import { eachStore } from "../scrutiny/test-stores.ts";
import { migrateToLatest, migrationNames, migrator } from "../migrate.ts";
import { dialectOf } from "../db.ts";
import { scheduleMeeting } from "../schedule/meetings.ts";
import { getMeeting } from "../read/meeting.ts";
import { committeeWithMinutes } from "../../../test/support/schedule.ts";

const SCHEDULED_AT = new Date("2016-11-01T09:30:00Z");

eachStore("migration 025 (visible)", (store) => {
  it("up marks meetings scheduled before it as announced, at their scheduled event; imported ones stay unmarked", async () => {
    const db = await store.open();
    const { body, heldSlug } = await committeeWithMinutes(db);
    const planned = await scheduleMeeting(db, { body, date: "2016-12-12", startTime: "10:00", venue: null }, { userId: null, label: "clerk" }, SCHEDULED_AT);

    const names = migrationNames(dialectOf(db));
    const from = names.slice(names.indexOf("025_visible_announced_meetings"));
    const { error } = await migrator(db).migrateTo(names[names.indexOf("025_visible_announced_meetings") - 1]);
    assert.equal(error, undefined);
    assert.deepEqual(await migrateToLatest(db), from);

    const rows = await db.selectFrom("meetings").select(["slug", "announced_at"]).orderBy("slug").execute();
    assert.deepEqual(rows, [
      { slug: heldSlug, announced_at: null },
      { slug: planned.slug, announced_at: SCHEDULED_AT.toISOString() },
    ]);
    // its minutes a draft, the meeting scheduled before the migration is still public as a meeting
    await db.updateTable("meetings").set({ minutes_status: "draft" }).where("slug", "=", planned.slug).execute();
    assert.equal((await getMeeting(db, planned.slug))?.date, "2016-12-12");
    await db.updateTable("meetings").set({ minutes_status: "draft" }).where("slug", "=", heldSlug).execute();
    assert.equal(await getMeeting(db, heldSlug), null);
  });
});
