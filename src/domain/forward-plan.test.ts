import { test } from "node:test";
import assert from "node:assert/strict";
import { noticeCheck } from "./forward-plan.ts";

test("28 clear days: published 1 January, a decision on 30 January is in time, 29 January is not", () => {
  assert.deepEqual(noticeCheck({ firstPublished: "2018-01-01", plannedDate: "2018-01-30", exception: null }), {
    status: "met",
    clearDays: 28,
    earliestDate: "2018-01-30",
  });
  const short = noticeCheck({ firstPublished: "2018-01-01", plannedDate: "2018-01-29", exception: null });
  assert.equal(short.status, "not_met");
  assert.equal(short.clearDays, 27);
});

test("notice across the clock change is still counted in whole days", () => {
  // BST began on 25 March 2018.
  assert.equal(noticeCheck({ firstPublished: "2018-03-01", plannedDate: "2018-03-30", exception: null }).clearDays, 28);
  assert.equal(noticeCheck({ firstPublished: "2018-03-01", plannedDate: "2018-03-30", exception: null }).status, "met");
});

test("a decision planned only for a month may or may not have had notice", () => {
  assert.equal(noticeCheck({ firstPublished: "2018-03-20", plannedDate: "2018-05", exception: null }).status, "met");
  const partly = noticeCheck({ firstPublished: "2018-03-20", plannedDate: "2018-04", exception: null });
  assert.equal(partly.status, "depends_on_date");
  assert.equal(partly.earliestDate, "2018-04-18");
  assert.equal(noticeCheck({ firstPublished: "2018-04-10", plannedDate: "2018-04", exception: null }).status, "not_met");
});

test("short notice under the general exception or special urgency is recorded as such", () => {
  assert.equal(noticeCheck({ firstPublished: "2018-04-10", plannedDate: "2018-04-23", exception: "general_exception" }).status, "exception");
  assert.equal(noticeCheck({ firstPublished: "2018-03-01", plannedDate: "2018-04-23", exception: "special_urgency" }).status, "met");
});

test("the notice period can be set", () => {
  assert.equal(noticeCheck({ firstPublished: "2018-01-01", plannedDate: "2018-01-10", exception: null }, 5).status, "met");
});
