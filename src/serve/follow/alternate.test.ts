// Which feeds a page advertises, from its address; and event markup that survives a time as written
// that is no clock time.
import { test } from "node:test";
import assert from "node:assert/strict";
import { feedsFor } from "./alternate.tsx";
import { eventJsonLd, withOffset } from "./event-json-ld.tsx";

test("each page with a feed names it; pages without have none", () => {
  assert.deepEqual(feedsFor("/"), { feed: "/feed.atom", calendar: "/calendar.ics" });
  assert.deepEqual(feedsFor("/calendar/2016-12?authority=bucks"), { feed: "/feed.atom?authority=bucks", calendar: "/calendar.ics?authority=bucks" });
  assert.deepEqual(feedsFor("/committees?authority=bucks"), { feed: "/feed.atom?authority=bucks", calendar: "/calendar.ics?authority=bucks" });
  assert.deepEqual(feedsFor("/committees/bucks-cabinet"), { feed: "/committees/bucks-cabinet/feed.atom", calendar: "/committees/bucks-cabinet/calendar.ics" });
  assert.deepEqual(feedsFor("/committees/bucks-cabinet/meetings?cursor=abc"), { feed: "/committees/bucks-cabinet/feed.atom", calendar: "/committees/bucks-cabinet/calendar.ics" });
  assert.deepEqual(feedsFor("/people/m-tett"), { feed: "/people/m-tett/feed.atom" });
  assert.deepEqual(feedsFor("/search?q=modern+slavery&type=decision&page=2"), { feed: "/search.atom?q=modern+slavery&type=decision" });
  for (const none of ["/search", "/search?q=+", "/meetings/x", "/people", "/admin", "/committees/x/work-programme", "/recommendations"]) assert.equal(feedsFor(none), null, none);
});

test("event times carry the zone's offset on the day; a time that is no clock time leaves the date alone", () => {
  assert.equal(withOffset("2027-03-28", "00:30", "Europe/London"), "2027-03-28T00:30:00+00:00");
  assert.equal(withOffset("2027-03-28", "02:30", "Europe/London"), "2027-03-28T02:30:00+01:00");
  assert.equal(withOffset("2027-10-31", "12:00", "Europe/London"), "2027-10-31T12:00:00+00:00");
  assert.equal(withOffset("2027-06-01", "19:00", "America/New_York"), "2027-06-01T19:00:00-04:00");
  const m = { slug: "x", date: "2027-06-01", startTime: "25:70", endTime: null, venue: null, status: "scheduled", body: { name: "Cabinet" }, authority: { name: "Council", timeZone: "Europe/London" } };
  assert.equal(eventJsonLd(m, [], "https://example.org").startDate, "2027-06-01");
});
