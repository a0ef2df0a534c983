// Accepted owners' updates and clerks' deadline extensions moving the schedule, the RAG status
// and the overdue flags, judged on the days either side of each boundary.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assess } from "./recommendation-status.ts";
import { checkExtension, deadlineInForce, latestExtension, type DeadlineExtension } from "./deadlines.ts";
import { isOpenActionOverdue } from "./actions.ts";
import { QuorumError } from "./errors.ts";
import type { ProgressUpdate, TrackedRecommendation } from "./scrutiny.ts";

const inquiry = { reportDate: "2018-01-10", receivedOn: null, monitoringMonths: null, responsePeriodMonths: null };
const rec = (over: Partial<TrackedRecommendation> = {}): TrackedRecommendation => ({
  number: "1",
  text: "That a quarterly data report be shared.",
  response: { response: "yes", text: null, responsibleMember: "Mark Sutton", responsibleOfficer: null, actionBy: "2018-09", respondedOn: "2018-03-05" },
  updates: [],
  closure: null,
  ...over,
});
const upd = (date: string, rag: ProgressUpdate["rag"]): ProgressUpdate => ({ date, rag, text: "Report drafted", by: "Meg Member" });
const ext = (due: string, on: string, reason = "Waiting for the new data system"): DeadlineExtension => ({ due, on, reason, by: "Colin Clerk" });

test("with no update the 6-month update is due on 5 September, overdue from the 6th, and the status is the response", () => {
  assert.deepEqual(assess(inquiry, rec(), "2018-09-05"), { status: "accepted", latestRag: null, nextUpdate: { index: 1, monthsAfterResponse: 6, due: "2018-09-05" }, overdue: [] });
  assert.deepEqual(assess(inquiry, rec(), "2018-09-06").overdue, ["update"]);
});

test("an accepted update on the day it is due answers the 6-month slot and sets the RAG status", () => {
  const a = assess(inquiry, rec({ updates: [upd("2018-09-05", "amber")] }), "2018-09-06");
  assert.equal(a.status, "at_risk");
  assert.equal(a.latestRag, "amber");
  assert.deepEqual(a.nextUpdate, { index: 2, monthsAfterResponse: 12, due: "2019-03-05" });
  assert.deepEqual(a.overdue, []);
  // the 12-month update is overdue only from the day after it is due
  const longer = { ...rec().response!, actionBy: "2019-12" };
  assert.deepEqual(assess(inquiry, rec({ updates: [upd("2018-09-05", "amber")], response: longer }), "2019-03-05").overdue, []);
  assert.deepEqual(assess(inquiry, rec({ updates: [upd("2018-09-05", "amber")], response: longer }), "2019-03-06").overdue, ["update"]);
});

test("an update dated the day before the response does not count; one on the response day does", () => {
  assert.equal(assess(inquiry, rec({ updates: [upd("2018-03-04", "green")] }), "2018-04-01").nextUpdate?.index, 1);
  assert.equal(assess(inquiry, rec({ updates: [upd("2018-03-05", "green")] }), "2018-04-01").nextUpdate?.index, 2);
});

test("a late update still clears the overdue flag the day it is accepted, and the latest of two on one day wins", () => {
  const late = rec({ updates: [upd("2018-09-20", "red"), upd("2018-09-20", "green")] });
  const a = assess(inquiry, late, "2018-09-20");
  assert.equal(a.status, "on_track");
  // two updates answer both slots
  assert.equal(a.nextUpdate, null);
  assert.deepEqual(a.overdue, []);
});

test("the action-by month ends on 30 September; an extension to 31 December moves the overdue day to 1 January", () => {
  assert.deepEqual(assess(inquiry, rec({ updates: [upd("2018-09-01", "green"), upd("2018-09-02", "green")] }), "2018-09-30").overdue, []);
  assert.deepEqual(assess(inquiry, rec({ updates: [upd("2018-09-01", "green"), upd("2018-09-02", "green")] }), "2018-10-01").overdue, ["action"]);
  const extended = rec({ updates: [upd("2018-09-01", "green"), upd("2018-09-02", "green")], extensions: [ext("2018-12-31", "2018-09-20")] });
  assert.deepEqual(assess(inquiry, extended, "2018-12-31").overdue, []);
  assert.deepEqual(assess(inquiry, extended, "2019-01-01").overdue, ["action"]);
  // closed on time: never overdue
  assert.deepEqual(assess(inquiry, { ...extended, closure: { outcome: "implemented", date: "2018-12-20" } }, "2019-02-01").overdue, []);
});

test("the extension granted last is the one in force, even when it shortens an earlier one", () => {
  const list = [ext("2019-03-31", "2018-09-20"), ext("2019-01-31", "2018-11-01")];
  assert.equal(latestExtension(list)?.due, "2019-01-31");
  assert.equal(deadlineInForce("2018-09", list), "2019-01-31");
  assert.equal(deadlineInForce("2018-09", []), "2018-09-30");
  assert.equal(deadlineInForce(null, []), null);
  // two granted the same day: the one recorded later
  assert.equal(deadlineInForce(null, [ext("2019-02-01", "2018-11-01"), ext("2019-02-15", "2018-11-01")]), "2019-02-15");
});

test("an open action is overdue the day after its extended deadline; a done one never", () => {
  assert.equal(isOpenActionOverdue("open", "2018-06-30", [], "2018-06-30"), false);
  assert.equal(isOpenActionOverdue("open", "2018-06-30", [], "2018-07-01"), true);
  assert.equal(isOpenActionOverdue("open", "2018-06-30", [ext("2018-07-31", "2018-06-15")], "2018-07-31"), false);
  assert.equal(isOpenActionOverdue("open", "2018-06-30", [ext("2018-07-31", "2018-06-15")], "2018-08-01"), true);
  // an action with no date gets one by extension
  assert.equal(isOpenActionOverdue("open", null, [ext("2018-07-31", "2018-06-15")], "2018-08-01"), true);
  assert.equal(isOpenActionOverdue("done", "2018-06-30", [], "2018-08-01"), false);
});

test("an extension needs a real later date and a reason", () => {
  assert.throws(() => checkExtension("2018-09-30", { due: "2018-09-30", reason: "x", on: "2018-09-01" }), QuorumError);
  assert.throws(() => checkExtension("2018-09-30", { due: "2018-02-30", reason: "x", on: "2018-09-01" }), QuorumError);
  assert.throws(() => checkExtension("2018-09-30", { due: "2018-10-01", reason: "  ", on: "2018-09-01" }), QuorumError);
  assert.throws(() => checkExtension(null, { due: "2018-08-31", reason: "x", on: "2018-09-01" }), QuorumError);
  assert.doesNotThrow(() => checkExtension("2018-09-30", { due: "2018-10-01", reason: "x", on: "2018-09-01" }));
  assert.doesNotThrow(() => checkExtension(null, { due: "2018-09-01", reason: "x", on: "2018-09-01" }));
});
