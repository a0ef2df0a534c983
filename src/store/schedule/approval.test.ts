// A meeting scheduled here has no minutes to approve: the approval offered from a later meeting's
// "Adoption of Minutes" item points at the meeting whose minutes exist, not at a planned meeting on
// the same date, nor at a cancelled one between them.
import { before, it } from "node:test";
import assert from "node:assert/strict";
import type { Db } from "../db.ts";
import { eachStore } from "../scrutiny/test-stores.ts";
import { importMinutes } from "../import.ts";
import { approvalSuggestions } from "../lifecycle/suggest.ts";
import { approveMinutes } from "../lifecycle/minutes.ts";
import { QuorumError } from "../../domain/errors.ts";
import { parsedInput } from "../../../test/support/imports.ts";
import { NEWCASTLE_NOV, NEWCASTLE_OCT } from "../../../test/support/lifecycle.ts";
import { changeMeeting, scheduleMeeting } from "./meetings.ts";

const cli = { userId: null, label: "cli" };

eachStore("approval offered beside scheduled meetings", (store) => {
  let db: Db;
  let october: string;
  let november: string;
  let planned: string;

  before(async () => {
    db = await store.open();
    october = (await importMinutes(db, await parsedInput(NEWCASTLE_OCT))).meetingSlug;
    november = (await importMinutes(db, await parsedInput(NEWCASTLE_NOV))).meetingSlug;
    const body = (await db.selectFrom("bodies").select("slug").executeTakeFirstOrThrow()).slug;
    // a planned meeting on the day of the October minutes, and a cancelled one before November's
    planned = (await scheduleMeeting(db, { body, date: "2016-10-05", startTime: "09:00", venue: null }, cli)).slug;
    const c = await scheduleMeeting(db, { body, date: "2016-10-20", startTime: "10:00", venue: null }, cli);
    await changeMeeting(db, { slug: c.slug, version: 1, change: "cancel", reason: "No business" }, cli);
  });

  it("only the October meeting, whose minutes exist, is offered as agreed in November", async () => {
    assert.deepEqual((await approvalSuggestions(db)).map((s) => s.meeting.slug), [october]);
  });

  it("a scheduled meeting's minutes cannot be approved: it has none", async () => {
    await assert.rejects(approveMinutes(db, { slug: planned, approvingSlug: november, itemNumber: "1" }, cli, new Date()), (e: unknown) => e instanceof QuorumError && e.code === "conflict" && /no minutes/.test(e.message));
    const row = await db.selectFrom("meetings").where("slug", "=", planned).select("minutes_status").executeTakeFirstOrThrow();
    assert.equal(row.minutes_status, "published");
  });
});
