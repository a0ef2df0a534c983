// `/calendar` opens on the month of the next meeting that will take place: a cancelled meeting
// before it is passed over. On SQLite and PostgreSQL.
import { before, it } from "node:test";
import assert from "node:assert/strict";
import { createApp } from "../app.ts";
import type { Db } from "../../store/db.ts";
import { eachStore } from "../../store/scrutiny/test-stores.ts";
import { changeMeeting, scheduleMeeting } from "../../store/schedule/meetings.ts";
import { committeeWithMinutes } from "../../../test/support/schedule.ts";

const NOW = new Date("2026-04-20T09:00:00Z");
const cli = { userId: null, label: "cli" };

eachStore("the calendar's opening month", (store) => {
  let db: Db;
  before(async () => {
    db = await store.open();
  });

  it("passes over a cancelled meeting to the month of the next one that will take place", async () => {
    const { body } = await committeeWithMinutes(db);
    const may = await scheduleMeeting(db, { body, date: "2026-05-19", startTime: "19:00", venue: null }, cli, NOW);
    await scheduleMeeting(db, { body, date: "2026-07-14", startTime: "19:00", venue: null }, cli, NOW);
    const app = createApp({ db, now: () => NOW });
    const heading = async () => (await (await app.request("/calendar")).text()).match(/<h1 class="govuk-heading-xl">([^<]*)<\/h1>/)?.[1];
    assert.equal(await heading(), "May 2026");
    await changeMeeting(db, { slug: may.slug, version: 1, change: "cancel", reason: "No business" }, cli, NOW);
    assert.equal(await heading(), "July 2026");
  });
});
