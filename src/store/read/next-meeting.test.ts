// A meeting's "following meeting" and "previous meeting" links point to the committee's nearest
// meeting that takes (or took) place: a cancelled meeting in between is passed over. On SQLite and
// PostgreSQL.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import type { Db } from "../db.ts";
import { eachStore } from "../scrutiny/test-stores.ts";
import { changeMeeting, scheduleMeeting } from "../schedule/meetings.ts";
import { committeeWithMinutes } from "../../../test/support/schedule.ts";
import { getMeeting } from "./meeting.ts";

const AT = new Date("2016-10-01T09:00:00Z");
const clerk = { userId: null, label: "clerk@council.gov.uk" };

eachStore("the following meeting", (store) => {
  let db: Db;
  before(async () => {
    db = await store.open();
  });

  test("passes over a cancelled meeting to the next one that will take place", async () => {
    const { body, heldSlug } = await committeeWithMinutes(db);
    const cancelled = await scheduleMeeting(db, { body, date: "2016-12-12", startTime: "10:00", venue: null }, clerk, AT);
    const january = await scheduleMeeting(db, { body, date: "2017-01-09", startTime: "10:00", venue: null }, clerk, AT);
    assert.equal((await getMeeting(db, heldSlug))?.nextMeeting?.slug, cancelled.slug);
    await changeMeeting(db, { slug: cancelled.slug, version: 1, change: "cancel", reason: "No business" }, clerk, AT);
    assert.equal((await getMeeting(db, heldSlug))?.nextMeeting?.slug, january.slug);
    // the cancelled meeting itself still leads on to January, and back to the held one
    const own = await getMeeting(db, cancelled.slug);
    assert.deepEqual([own?.previousMeeting?.slug, own?.nextMeeting?.slug], [heldSlug, january.slug]);
  });

  test("the previous meeting passes over a cancelled meeting to the one before that took place", async () => {
    const { body } = await committeeWithMinutes(db);
    const march = await scheduleMeeting(db, { body, date: "2017-03-06", startTime: "10:00", venue: null }, clerk, AT);
    const april = await scheduleMeeting(db, { body, date: "2017-04-03", startTime: "10:00", venue: null }, clerk, AT);
    const may = await scheduleMeeting(db, { body, date: "2017-05-08", startTime: "10:00", venue: null }, clerk, AT);
    assert.equal((await getMeeting(db, may.slug))?.previousMeeting?.slug, april.slug);
    await changeMeeting(db, { slug: april.slug, version: 1, change: "cancel", reason: "No business" }, clerk, AT);
    assert.equal((await getMeeting(db, may.slug))?.previousMeeting?.slug, march.slug);
  });
});
