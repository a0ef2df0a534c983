import { test } from "node:test";
import assert from "node:assert/strict";
import {
  addDays,
  addMonths,
  clearDaysBetween,
  daysBetween,
  deadlineOf,
  earliestOf,
  formatLong,
  isCalendarDate,
  isCalendarMonth,
  lastDayOfPeriodBeginningWith,
  monthIndex,
} from "./calendar.ts";

test("adding months keeps the day of the month", () => {
  assert.equal(addMonths("2018-04-23", 6), "2018-10-23");
  assert.equal(addMonths("2018-04-23", 12), "2019-04-23");
  assert.equal(addMonths("2018-11-15", 3), "2019-02-15");
  assert.equal(addMonths("2018-03-15", -3), "2017-12-15");
});

test("31 January + 1 month is the end of February, in leap and common years", () => {
  assert.equal(addMonths("2019-01-31", 1), "2019-02-28");
  assert.equal(addMonths("2020-01-31", 1), "2020-02-29");
  assert.equal(addMonths("2018-08-31", 6), "2019-02-28");
  assert.equal(addMonths("2018-03-31", 1), "2018-04-30");
});

test("dates across the clock change are not shifted", () => {
  // Europe/London moves to BST on 2018-03-25 and back on 2018-10-28.
  assert.equal(addDays("2018-03-24", 1), "2018-03-25");
  assert.equal(addDays("2018-03-25", 1), "2018-03-26");
  assert.equal(addDays("2018-10-28", 1), "2018-10-29");
  assert.equal(daysBetween("2018-03-20", "2018-03-30"), 10);
  assert.equal(daysBetween("2018-12-31", "2019-01-01"), 1);
});

test("clear days count neither end", () => {
  assert.equal(clearDaysBetween("2017-01-01", "2017-01-30"), 28);
  assert.equal(clearDaysBetween("2017-01-01", "2017-01-29"), 27);
});

test("a period of two months beginning with a date ends the day before the corresponding date", () => {
  assert.equal(lastDayOfPeriodBeginningWith("2018-03-05", 2), "2018-05-04");
  assert.equal(lastDayOfPeriodBeginningWith("2018-01-01", 2), "2018-02-28");
  // No 31 February: the period runs to the end of February.
  assert.equal(lastDayOfPeriodBeginningWith("2018-12-31", 2), "2019-02-28");
  assert.equal(lastDayOfPeriodBeginningWith("2019-12-29", 2), "2020-02-28");
  assert.equal(lastDayOfPeriodBeginningWith("2018-12-29", 2), "2019-02-28");
});

test("a month deadline means the end of the month, the earliest day its first", () => {
  assert.equal(deadlineOf("2018-04"), "2018-04-30");
  assert.equal(deadlineOf("2020-02"), "2020-02-29");
  assert.equal(deadlineOf("2018-06-15"), "2018-06-15");
  assert.equal(earliestOf("2018-06"), "2018-06-01");
  assert.equal(earliestOf("2018-06-15"), "2018-06-15");
});

test("dates and months are validated", () => {
  assert.ok(isCalendarDate("2020-02-29"));
  assert.ok(!isCalendarDate("2019-02-29"));
  assert.ok(!isCalendarDate("2019-13-01"));
  assert.ok(!isCalendarDate("2019-02"));
  assert.ok(isCalendarMonth("2019-02"));
  assert.ok(!isCalendarMonth("2019-00"));
  assert.throws(() => addMonths("2019-02-30", 1), RangeError);
});

test("long forms read as people write them", () => {
  assert.equal(formatLong("2017-03-06"), "6 March 2017");
  assert.equal(formatLong("2017-03-06", false), "6 March");
  assert.equal(formatLong("2017-01", false), "January");
  assert.equal(monthIndex("Sept"), 9);
  assert.equal(monthIndex("march"), 3);
  assert.equal(monthIndex("Ma"), null);
  assert.equal(monthIndex("Mayor"), null);
});
