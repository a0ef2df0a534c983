import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { assess, latestUpdate, statusOf, summarise, summariseBy } from "./recommendation-status.ts";
import { parseMonitoringFrequency, type Inquiry, type ProgressUpdate, type TrackedRecommendation } from "./scrutiny.ts";
import type { ParsedMinutes } from "./minutes.ts";

const bucks = JSON.parse(
  readFileSync(new URL("../../test/golden/dev/bucks-cabinet-2018-04-23.expected.json", import.meta.url), "utf8"),
) as ParsedMinutes;

const inquiry: Inquiry = {
  title: "What steps should the Council take to ensure it fully meets the responsibilities under the Modern Slavery Act?",
  committee: "Transport, Economy and Environment Select Committee",
  chair: "Steven Lambert",
  reportDate: "2018-03-05",
};

const tracked = (): TrackedRecommendation[] =>
  bucks.recommendations.map((r) => ({
    number: r.number,
    text: r.text,
    response: r.response && {
      response: r.response,
      text: null,
      responsibleMember: r.responsibleMember,
      responsibleOfficer: r.responsibleOfficer,
      actionBy: r.actionBy,
      respondedOn: bucks.date,
    },
    updates: [],
    closure: null,
  }));

const upd = (date: string, rag: ProgressUpdate["rag"]): ProgressUpdate => ({ date, rag, text: "", by: null });

test("before any update the status is the executive's response", () => {
  const statuses = tracked().map(statusOf);
  assert.equal(statuses.filter((s) => s === "accepted").length, 6);
  assert.equal(statuses.filter((s) => s === "partially_accepted").length, 2);
  assert.equal(statusOf(tracked()[1]), "partially_accepted");
});

test("the latest RAG rating sets the status", () => {
  const [rec] = tracked();
  assert.equal(statusOf({ ...rec, updates: [upd("2018-10-20", "green")] }), "on_track");
  assert.equal(statusOf({ ...rec, updates: [upd("2019-04-01", "red"), upd("2018-10-20", "green")] }), "off_track");
  assert.equal(statusOf({ ...rec, updates: [upd("2018-10-20", "green"), upd("2018-10-20", "amber")] }), "at_risk");
  assert.equal(latestUpdate({ updates: [] }), null);
});

test("closure and rejection beat updates; no response means awaiting", () => {
  const [rec] = tracked();
  const updates = [upd("2018-10-20", "red")];
  assert.equal(statusOf({ ...rec, updates, closure: { outcome: "superseded", date: "2019-01-01" } }), "superseded");
  assert.equal(statusOf({ ...rec, updates, closure: { outcome: "implemented", date: "2019-01-01" } }), "implemented");
  assert.equal(statusOf({ ...rec, updates, response: { ...rec.response!, response: "no" } }), "rejected");
  assert.equal(statusOf({ ...rec, response: null }), "awaiting_response");
});

test("an assessment lists every way a recommendation is late", () => {
  const [first, second] = tracked();
  const early = assess(inquiry, first, "2018-05-15");
  assert.deepEqual(early.overdue, ["action"]);
  assert.equal(early.nextUpdate?.due, "2018-10-23");
  const later = assess(inquiry, second, "2018-11-15");
  assert.deepEqual(later.overdue, ["update", "action"]);
  const unanswered = assess(inquiry, { ...first, response: null }, "2018-06-01");
  assert.deepEqual(unanswered.overdue, ["response"]);
  assert.equal(unanswered.status, "awaiting_response");
  assert.equal(unanswered.nextUpdate, null);
});

test("a per-inquiry schedule moves the next update", () => {
  const [rec] = tracked();
  assert.equal(assess({ ...inquiry, monitoringMonths: [3] }, rec, "2018-05-01").nextUpdate?.due, "2018-07-23");
});

test("summary counts add up per inquiry and per owner", () => {
  const recs = tracked();
  recs[0] = { ...recs[0], closure: { outcome: "implemented", date: "2018-04-30" } };
  recs[2] = { ...recs[2], updates: [upd("2018-10-01", "amber")] };
  const rows = recs.map((rec) => ({ rec, response: rec.response?.response ?? null, ...assess(inquiry, rec, "2018-07-15") }));
  const s = summarise(rows);
  assert.equal(s.total, 8);
  assert.equal(s.byResponse.yes, 6);
  assert.equal(s.byResponse.partially, 2);
  assert.equal(s.byResponse.none, 0);
  assert.equal(s.byStatus.implemented, 1);
  assert.equal(s.byStatus.at_risk, 1);
  assert.equal(s.byStatus.accepted, 5);
  assert.equal(s.byStatus.partially_accepted, 1);
  assert.equal(s.open, 7);
  // 2018-07-15: June deadlines passed for 5 and 6; recommendation 1 closed in time.
  assert.equal(s.overdue, 2);
  assert.equal(s.overdueBy.action, 2);
  const byOwner = summariseBy(rows, (r) => r.rec.response?.responsibleMember ?? "");
  assert.deepEqual([...byOwner.keys()], ["Cllr Noel Brown", "Cllr Lin Hazell"]);
  assert.equal(byOwner.get("Cllr Noel Brown")?.total, 5);
  assert.equal(byOwner.get("Cllr Lin Hazell")?.total, 3);
});

test("the frequency written on a response form becomes a schedule", () => {
  assert.deepEqual(parseMonitoringFrequency("6 and 12 months."), [6, 12]);
  assert.deepEqual(parseMonitoringFrequency("6 & 12 months"), [6, 12]);
  assert.deepEqual(parseMonitoringFrequency("quarterly"), [3, 6, 9, 12]);
  assert.deepEqual(parseMonitoringFrequency("every 4 months"), [4, 8]);
  assert.equal(parseMonitoringFrequency("as required"), null);
  assert.equal(parseMonitoringFrequency(""), null);
});
