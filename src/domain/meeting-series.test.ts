// Series rules. Expected dates were read off a printed calendar (GNU `date`), not from this code.
import { test } from "node:test";
import assert from "node:assert/strict";
import { QuorumError } from "./errors.ts";
import { checkLocalTime, describeRule, localInstant, nthWeekdayOfMonth, seriesDates, weekdayOf } from "./meeting-series.ts";

const TUESDAY = 2;
const MONDAY = 1;
const FRIDAY = 5;
const THURSDAY = 4;

test("second Tuesday, from May to April: one meeting a month, the municipal year", () => {
  const plan = seriesDates({ rule: { kind: "monthly", weekday: TUESDAY, nth: 2 }, from: "2026-05", to: "2027-04" });
  assert.deepEqual(plan.dates, [
    "2026-05-12", "2026-06-09", "2026-07-14", "2026-08-11", "2026-09-08", "2026-10-13",
    "2026-11-10", "2026-12-08", "2027-01-12", "2027-02-09", "2027-03-09", "2027-04-13",
  ]);
  assert.deepEqual(plan.missing, []);
});

test("a fifth Monday that a month does not have is left out, and the month is named", () => {
  const plan = seriesDates({ rule: { kind: "monthly", weekday: MONDAY, nth: 5 }, from: "2026-01", to: "2026-06" });
  assert.deepEqual(plan.dates, ["2026-03-30", "2026-06-29"]);
  assert.deepEqual(plan.missing, ["2026-01", "2026-02", "2026-04", "2026-05"]);
});

test("the last weekday of a month finds the month's end, in a leap year too", () => {
  assert.equal(nthWeekdayOfMonth(2026, 2, FRIDAY, -1), "2026-02-27");
  assert.equal(nthWeekdayOfMonth(2028, 2, TUESDAY, -1), "2028-02-29");
  assert.equal(nthWeekdayOfMonth(2026, 8, MONDAY, -1), "2026-08-31");
  assert.equal(nthWeekdayOfMonth(2026, 2, MONDAY, 5), null);
});

test("dates outside the first and last day given are not in the series", () => {
  // the second Tuesday of May 2026 is the 12th: starting on the 13th leaves May out
  const plan = seriesDates({ rule: { kind: "monthly", weekday: TUESDAY, nth: 2 }, from: "2026-05-13", to: "2026-07-13" });
  assert.deepEqual(plan.dates, ["2026-06-09"]);
});

test("a date the clerk removes is skipped, and reported as skipped", () => {
  const plan = seriesDates({ rule: { kind: "monthly", weekday: TUESDAY, nth: 2 }, from: "2026-05", to: "2026-09", skip: ["2026-08-11"] });
  assert.deepEqual(plan.dates, ["2026-05-12", "2026-06-09", "2026-07-14", "2026-09-08"]);
  assert.deepEqual(plan.skipped, ["2026-08-11"]);
});

test("every two weeks on a Thursday, starting at the first Thursday on or after the first date", () => {
  const plan = seriesDates({ rule: { kind: "weekly", weekday: THURSDAY, every: 2 }, from: "2026-03-02", to: "2026-04-30" });
  assert.deepEqual(plan.dates, ["2026-03-05", "2026-03-19", "2026-04-02", "2026-04-16", "2026-04-30"]);
  assert.equal(weekdayOf("2026-03-05"), THURSDAY);
});

test("weekly series crossing the clocks going forward keep their day and their local time", () => {
  const plan = seriesDates({ rule: { kind: "weekly", weekday: TUESDAY, every: 1 }, from: "2026-03-17", to: "2026-04-07" });
  assert.deepEqual(plan.dates, ["2026-03-17", "2026-03-24", "2026-03-31", "2026-04-07"]);
  // 7pm in London is 19:00 UTC in GMT and 18:00 UTC in BST (from 29 March 2026)
  assert.deepEqual(
    plan.dates.map((d) => localInstant(d, "19:00", "Europe/London").utc),
    ["2026-03-17T19:00:00.000Z", "2026-03-24T19:00:00.000Z", "2026-03-31T18:00:00.000Z", "2026-04-07T18:00:00.000Z"],
  );
});

test("a time the clocks skip is refused; a time they repeat is the first of the two", () => {
  assert.equal(localInstant("2026-03-29", "01:30", "Europe/London").kind, "gap");
  assert.throws(() => checkLocalTime("2026-03-29", "01:30", "Europe/London"), (e: unknown) => e instanceof QuorumError && /clocks go forward/.test(e.message));
  assert.doesNotThrow(() => checkLocalTime("2026-03-29", "19:00", "Europe/London"));
  assert.deepEqual(localInstant("2026-10-25", "01:30", "Europe/London"), { utc: "2026-10-25T00:30:00.000Z", kind: "repeated" });
  assert.deepEqual(localInstant("2026-10-25", "19:00", "Europe/London"), { utc: "2026-10-25T19:00:00.000Z", kind: "ok" });
});

test("a series that ends before it starts, or runs to too many meetings, is refused", () => {
  assert.throws(() => seriesDates({ rule: { kind: "monthly", weekday: TUESDAY, nth: 2 }, from: "2027-04", to: "2026-05" }), /ends .* before it starts/);
  assert.throws(() => seriesDates({ rule: { kind: "weekly", weekday: TUESDAY, every: 1 }, from: "2026-01", to: "2028-12" }), /at most 60/);
  assert.throws(() => seriesDates({ rule: { kind: "weekly", weekday: TUESDAY, every: 0 }, from: "2026-01", to: "2026-02" }), /every 1 to 8 weeks/);
  assert.throws(() => seriesDates({ rule: { kind: "weekly", weekday: TUESDAY, every: 1 }, from: "2026-02-30", to: "2026-03" }), /not a date/);
});

test("rules read as a clerk would say them", () => {
  assert.equal(describeRule({ kind: "monthly", weekday: TUESDAY, nth: 2 }), "Second Tuesday of each month");
  assert.equal(describeRule({ kind: "monthly", weekday: FRIDAY, nth: -1 }), "Last Friday of each month");
  assert.equal(describeRule({ kind: "weekly", weekday: THURSDAY, every: 2 }), "Every 2 weeks on Thursday");
});
