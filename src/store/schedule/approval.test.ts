// A meeting scheduled here has no minutes to approve: the approval offered from a later meeting's
// "Adoption of Minutes" item points at the meeting whose minutes exist, not at a planned meeting on
// the same date, nor at a cancelled one between them.
import { before, it } from "node:test";
import assert from "node:assert/strict";
import type { Db } from "../db.ts";
import { eachStore } from "../scrutiny/test-stores.ts";
import { importMinutes } from "../import.ts";
import { approvalSuggestions } from "../lifecycle/suggest.ts";
import { parsedInput } from "../../../test/support/imports.ts";
import { NEWCASTLE_NOV, NEWCASTLE_OCT } from "../../../test/support/lifecycle.ts";
import { changeMeeting, scheduleMeeting } from "./meetings.ts";

const cli = { userId: null, label: "cli" };

eachStore("approval offered beside scheduled meetings", (store) => {
  let db: Db;
  let october: string;

  before(async () => {
    db = await store.open();
    october = (await importMinutes(db, await parsedInput(NEWCASTLE_OCT))).meetingSlug;
    await importMinutes(db, await parsedInput(NEWCASTLE_NOV));
    const body = (await db.selectFrom("bodies").select("slug").executeTakeFirstOrThrow()).slug;
    // a planned meeting on the day of the October minutes, and a cancelled one before November's
    await scheduleMeeting(db, { body, date: "2016-10-05", startTime: "09:00", venue: null }, cli);
    const c = await scheduleMeeting(db, { body, date: "2016-10-20", startTime: "10:00", venue: null }, cli);
    await changeMeeting(db, { slug: c.slug, version: 1, change: "cancel", reason: "No business" }, cli);
  });

  it("only the October meeting, whose minutes exist, is offered as agreed in November", async () => {
    assert.deepEqual((await approvalSuggestions(db)).map((s) => s.meeting.slug), [october]);
  });
});
