// Minutes with exempt business attached to a meeting that was scheduled here: signed out, a crawl
// of every public page and API route reachable by links from the home page, the committee page,
// the calendar and the meeting's own page and API record (with its history) finds none of exempt
// item 35's text, while its public title and ground are shown on the meeting that was scheduled.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { openStore, type Db } from "../../store/db.ts";
import { createApp } from "../app.ts";
import { calendarWithin, crawl } from "../../../test/support/crawl.ts";
import { STAFFS_V2 } from "../../../test/support/imports.ts";
import { committeeWithMinutes, importDecemberMinutes, MINUTES_DATE } from "../../../test/support/schedule.ts";
import { changeMeeting, scheduleMeeting } from "../../store/schedule/meetings.ts";

const ITEM_35 = ["briefing note outlining a recent confidential HR matter", "Members accepted the details shared", "That the briefing note be received"];
const words = (s: string): string => s.toLowerCase().replace(/&[a-z]+;|&#\d+;/g, " ").replace(/<[^>]+>/g, " ").replace(/[^a-z0-9]+/g, " ").trim();
const cli = { userId: null, label: "cli" };

let db: Db;
before(async () => {
  db = await openStore(":memory:");
});
after(() => db.destroy());

test("exempt business in minutes attached to a scheduled meeting reaches no public surface", async () => {
  const { body } = await committeeWithMinutes(db, STAFFS_V2);
  const m = await scheduleMeeting(db, { body, date: "2016-12-05", startTime: "10:00", venue: "County Buildings" }, cli, new Date("2016-11-20T10:00:00Z"));
  await changeMeeting(db, { slug: m.slug, version: 1, change: "reschedule", date: MINUTES_DATE, startTime: "10:00", venue: "County Buildings", reason: "Chair unavailable" }, cli, new Date("2016-11-21T10:00:00Z"));
  await scheduleMeeting(db, { body, date: "2017-01-16", startTime: "10:00", venue: "County Buildings" }, cli, new Date("2016-11-21T10:00:00Z"));
  const r = await importDecemberMinutes(db, STAFFS_V2);
  assert.equal(r.meetingSlug, m.slug, "the minutes attached to the scheduled meeting");

  const app = createApp({ db, now: () => new Date("2016-12-20T10:00:00Z") });
  const starts = ["/", "/api/v1", `/committees/${body}`, "/calendar", `/meetings/${m.slug}`, `/api/v1/meetings/${m.slug}`, "/search?q=briefing+note", "/api/v1/search?q=%22HR+matter%22"];
  const visits = [...(await crawl(app, starts, { follow: calendarWithin("2016-11", "2017-01") })).values()];
  assert.deepEqual(visits.filter((v) => v.status !== 200).map((v) => `${v.status} ${v.url}`), []);
  const leaks: string[] = [];
  for (const v of visits) for (const phrase of ITEM_35) if (words(v.body).includes(words(phrase))) leaks.push(`${v.url}: "${phrase}"`);
  assert.deepEqual(leaks, []);

  const meeting = visits.find((v) => v.url === `/meetings/${m.slug}`)!;
  assert.ok(words(meeting.body).includes("confidential hr matter"), "item 35's title is public");
  assert.ok(words(meeting.body).includes(words("Exempt under paragraphs 1 & 7")), "its ground is shown");
  assert.ok(words(meeting.body).includes(words("Moved from Monday 5 December 2016")), "the meeting's history is on its page");
  assert.ok(visits.some((v) => v.url === "/calendar/2017-01" || (v.url === "/calendar" && v.body.includes("January 2017"))), "the calendar opened on the next meeting");
});
