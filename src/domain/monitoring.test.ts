import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  isActionOverdue,
  isResponseOverdue,
  isUpdateOverdue,
  monitoringSchedule,
  nextUpdateDue,
  responseDue,
  wasResponseLate,
} from "./monitoring.ts";
import { policyFor, type ProgressUpdate, type TrackedRecommendation } from "./scrutiny.ts";
import type { ParsedMinutes } from "./minutes.ts";

const bucks = JSON.parse(
  readFileSync(new URL("../../test/golden/dev/bucks-cabinet-2018-04-23.expected.json", import.meta.url), "utf8"),
) as ParsedMinutes;

/** The Bucks Modern Slavery recommendations as Cabinet answered them on the day of the meeting. */
const bucksTracked = (): TrackedRecommendation[] =>
  bucks.recommendations.map((r) => ({
    number: r.number,
    text: r.text,
    response: r.response && {
      response: r.response,
      text: r.responseText ?? null,
      responsibleMember: r.responsibleMember,
      responsibleOfficer: r.responsibleOfficer,
      actionBy: r.actionBy,
      respondedOn: bucks.date,
    },
    updates: [],
    closure: null,
  }));

const defaults = policyFor({});
const update = (date: string, rag: ProgressUpdate["rag"] = "green"): ProgressUpdate => ({ date, rag, text: "progress", by: "Faye Blunstone" });

test("the default schedule asks for updates 6 and 12 months after the response", () => {
  assert.deepEqual(
    monitoringSchedule("2018-04-23", defaults).map((s) => s.due),
    ["2018-10-23", "2019-04-23"],
  );
});

test("a schedule set per inquiry replaces the default", () => {
  const quarterly = policyFor({ monitoringMonths: [12, 3, 6, 9] });
  assert.deepEqual(monitoringSchedule("2018-04-23", quarterly).map((s) => [s.monthsAfterResponse, s.due]), [
    [3, "2018-07-23"],
    [6, "2018-10-23"],
    [9, "2019-01-23"],
    [12, "2019-04-23"],
  ]);
  assert.throws(() => policyFor({ monitoringMonths: [0] }), RangeError);
});

test("a response on 31 August has its 6-month update due at the end of February", () => {
  assert.equal(monitoringSchedule("2018-08-31", defaults)[0].due, "2019-02-28");
});

test("every Bucks recommendation has its first update due on 23 October 2018", () => {
  const recs = bucksTracked();
  assert.equal(recs.length, 8);
  for (const rec of recs) assert.equal(nextUpdateDue(rec, defaults)?.due, "2018-10-23");
});

test("updates answer the schedule in order, early or late", () => {
  const [rec] = bucksTracked();
  const late = { ...rec, updates: [update("2018-11-20")] };
  assert.deepEqual(nextUpdateDue(late, defaults), { index: 2, monthsAfterResponse: 12, due: "2019-04-23" });
  const early = { ...rec, updates: [update("2018-09-01")] };
  assert.equal(nextUpdateDue(early, defaults)?.index, 2);
  const both = { ...rec, updates: [update("2018-10-20"), update("2019-04-02")] };
  assert.equal(nextUpdateDue(both, defaults), null);
  // An update dated before the response does not answer the schedule.
  const before = { ...rec, updates: [update("2018-03-01")] };
  assert.equal(nextUpdateDue(before, defaults)?.index, 1);
});

test("an update is overdue from the day after it was due", () => {
  const [rec] = bucksTracked();
  assert.equal(isUpdateOverdue(rec, defaults, "2018-10-23"), false);
  assert.equal(isUpdateOverdue(rec, defaults, "2018-10-24"), true);
  assert.equal(isUpdateOverdue({ ...rec, updates: [update("2018-10-22")] }, defaults, "2018-10-24"), false);
  assert.equal(isUpdateOverdue({ ...rec, updates: [update("2018-10-22")] }, defaults, "2019-04-24"), true);
});

test("closed, rejected and unanswered recommendations have no update due", () => {
  const [rec] = bucksTracked();
  assert.equal(nextUpdateDue({ ...rec, closure: { outcome: "implemented", date: "2018-09-01" } }, defaults), null);
  assert.equal(nextUpdateDue({ ...rec, response: { ...rec.response!, response: "no" } }, defaults), null);
  assert.equal(nextUpdateDue({ ...rec, response: null }, defaults), null);
  assert.equal(isUpdateOverdue({ ...rec, response: null }, defaults, "2030-01-01"), false);
});

test("a month action-by date runs to the end of that month", () => {
  const recs = bucksTracked();
  const first = recs[0]; // action by April 2018
  assert.equal(first.response?.actionBy, "2018-04");
  assert.equal(isActionOverdue(first, "2018-04-30"), false);
  assert.equal(isActionOverdue(first, "2018-05-01"), true);
  assert.equal(isActionOverdue({ ...first, closure: { outcome: "implemented", date: "2018-06-01" } }, "2018-07-01"), false);
  const overdueInJuly = recs.filter((r) => isActionOverdue(r, "2018-07-01")).map((r) => r.number);
  assert.deepEqual(overdueInJuly, ["1", "5", "6"]);
});

test("the executive has two months beginning with receipt of the report to respond", () => {
  const inquiry = { reportDate: "2018-03-05" };
  assert.equal(responseDue(inquiry, defaults), "2018-05-04");
  const unanswered: TrackedRecommendation = { ...bucksTracked()[0], response: null };
  assert.equal(isResponseOverdue(inquiry, unanswered, defaults, "2018-05-04"), false);
  assert.equal(isResponseOverdue(inquiry, unanswered, defaults, "2018-05-05"), true);
  assert.equal(isResponseOverdue(inquiry, bucksTracked()[0], defaults, "2018-05-05"), false);
  // Received later than written: the clock starts on receipt.
  assert.equal(responseDue({ reportDate: "2018-03-05", receivedOn: "2018-03-20" }, defaults), "2018-05-19");
  assert.equal(responseDue({ reportDate: null }, defaults), null);
});

test("the response period is configurable", () => {
  const wales = policyFor({ responsePeriodMonths: 3 });
  assert.equal(responseDue({ reportDate: "2018-03-05" }, wales), "2018-06-04");
  const recs = bucksTracked();
  assert.equal(wasResponseLate({ reportDate: "2018-01-10" }, recs[0], defaults), true);
  assert.equal(wasResponseLate({ reportDate: "2018-03-05" }, recs[0], defaults), false);
});

test("an update given on the day of the response answers the first scheduled update", () => {
  const [rec] = bucksTracked();
  const sameDay = { ...rec, updates: [update("2018-04-23")] };
  assert.equal(nextUpdateDue(sameDay, defaults)?.index, 2);
  assert.equal(isUpdateOverdue(sameDay, defaults, "2018-10-24"), false);
  // the day before the response does not
  assert.equal(nextUpdateDue({ ...rec, updates: [update("2018-04-22")] }, defaults)?.index, 1);
});

test("a response without a date starts no schedule", () => {
  const [rec] = bucksTracked();
  assert.equal(nextUpdateDue({ ...rec, response: { ...rec.response!, respondedOn: null } }, defaults), null);
});

test("the action-by date binds only an open recommendation the executive accepted", () => {
  const [first] = bucksTracked(); // action by April 2018, answered yes
  assert.equal(isActionOverdue({ ...first, response: null }, "2019-01-01"), false);
  assert.equal(isActionOverdue({ ...first, response: { ...first.response!, response: "no" } }, "2019-01-01"), false);
  assert.equal(isActionOverdue({ ...first, response: { ...first.response!, response: "partially" } }, "2019-01-01"), true);
  assert.equal(isActionOverdue({ ...first, response: { ...first.response!, actionBy: null } }, "2019-01-01"), false);
  // a day action-by date is due on that day
  assert.equal(isActionOverdue({ ...first, response: { ...first.response!, actionBy: "2018-06-30" } }, "2018-06-30"), false);
  assert.equal(isActionOverdue({ ...first, response: { ...first.response!, actionBy: "2018-06-30" } }, "2018-07-01"), true);
});

test("a closed recommendation is never awaiting a response", () => {
  const unanswered: TrackedRecommendation = { ...bucksTracked()[0], response: null, closure: { outcome: "superseded", date: "2018-04-01" } };
  assert.equal(isResponseOverdue({ reportDate: "2018-03-05" }, unanswered, defaults, "2018-06-01"), false);
});

test("a response on the last day of the period is on time; the day after is late", () => {
  const [rec] = bucksTracked(); // responded 23 April 2018
  assert.equal(responseDue({ reportDate: "2018-02-24" }, defaults), "2018-04-23");
  assert.equal(wasResponseLate({ reportDate: "2018-02-24" }, rec, defaults), false);
  assert.equal(wasResponseLate({ reportDate: "2018-02-23" }, rec, defaults), true);
  // not yet answered is not late-answered; without a report date nothing is late
  assert.equal(wasResponseLate({ reportDate: "2018-01-10" }, { ...rec, response: null }, defaults), false);
  assert.equal(wasResponseLate({ reportDate: null }, rec, defaults), false);
});
