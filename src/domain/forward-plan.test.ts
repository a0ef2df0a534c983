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

import { checkEntry, type NoticeExceptionRecord } from "./forward-plan.ts";

const general = (over: Partial<NoticeExceptionRecord> = {}): NoticeExceptionRecord => ({ kind: "general_exception", reason: "Grant offer arrived late", chair: "Cllr Ann Chair", on: "2026-03-02", noticeOn: "2026-03-02", ...over });
const urgent = (over: Partial<NoticeExceptionRecord> = {}): NoticeExceptionRecord => ({ kind: "special_urgency", reason: "Contractor ceased trading", chair: "Cllr Ann Chair", on: "2026-03-02", noticeOn: "2026-03-02", ...over });
const entry = (plannedDate: string, exception: NoticeExceptionRecord | null, today = "2026-03-02") => checkEntry({ plannedDate, firstPublished: today, today, dateChanged: true, exception });
const fields = (r: ReturnType<typeof checkEntry>) => r.problems.map((p) => p.field);

test("on entry, 28 clear days' notice needs no exception, and one given anyway is not kept", () => {
  // Published 2 March: 3–30 March are the 28 clear days, so 31 March is the first day allowed.
  assert.deepEqual(fields(entry("2026-03-31", null)), []);
  assert.equal(entry("2026-03-31", general()).exception, null);
  // A month whose later days have notice is accepted; the page says from when.
  const april = entry("2026-03", null, "2026-02-20");
  assert.deepEqual(fields(april), []);
  assert.equal(april.notice.status, "depends_on_date");
});

test("on entry, short notice is refused until general exception or special urgency is recorded", () => {
  const short = entry("2026-03-30", null);
  assert.deepEqual(fields(short), ["exception"]);
  assert.match(short.problems[0].message, /27 clear days.*2026-03-31/);
  assert.deepEqual(fields(entry("2026-03-30", general())), []);
  assert.deepEqual(fields(entry("2026-03-30", urgent())), []);
  // A month is not enough to take a decision under an exception.
  assert.deepEqual(fields(entry("2026-03", urgent({ on: "2026-03-10" }), "2026-03-10")), ["plannedDate"]);
});

test("the general exception waits 5 clear days after the later of informing the chair and giving notice (reg 10)", () => {
  // Notice 2 March: 3–7 March are the 5 clear days, so 8 March is the first day.
  assert.deepEqual(fields(entry("2026-03-08", general())), []);
  const early = entry("2026-03-07", general());
  assert.deepEqual(fields(early), ["plannedDate"]);
  assert.match(early.problems[0].message, /2026-03-08 or later, or record special urgency/);
  // Informed after notice: the days run from informing the chair.
  assert.deepEqual(fields(checkEntry({ plannedDate: "2026-03-09", firstPublished: "2026-03-01", today: "2026-03-04", dateChanged: true, exception: general({ on: "2026-03-04", noticeOn: "2026-03-01" }) })), ["plannedDate"]);
  // Special urgency (reg 11) has no waiting period: the next day will do.
  assert.deepEqual(fields(entry("2026-03-03", urgent())), []);
});

test("an exception records who, when and why; none of it may be left out or in the future", () => {
  assert.deepEqual(fields(entry("2026-03-20", general({ reason: " ", chair: "", on: "2026-02-30" }))), ["exceptionReason", "exceptionChair", "exceptionOn"]);
  assert.deepEqual(fields(entry("2026-03-20", urgent({ on: "2026-03-05" }))), ["exceptionOn"]);
});

test("a new or changed date already past is refused; one left as it was is not", () => {
  assert.deepEqual(fields(checkEntry({ plannedDate: "2026-01", firstPublished: "2025-11-01", today: "2026-03-02", dateChanged: true, exception: null })), ["plannedDate"]);
  assert.deepEqual(fields(checkEntry({ plannedDate: "2026-01", firstPublished: "2025-11-01", today: "2026-03-02", dateChanged: false, exception: null })), []);
});
