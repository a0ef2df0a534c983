import { test } from "node:test";
import assert from "node:assert/strict";
import { parseMonitoringFrequency, policyFor, STATUS_LABELS } from "./scrutiny.ts";

test("a tracker policy takes the inquiry's schedule in month order, else the default", () => {
  assert.deepEqual(policyFor({}), { monitoringMonths: [6, 12], responsePeriodMonths: 2 });
  assert.deepEqual(policyFor({ monitoringMonths: [12, 3], responsePeriodMonths: 3 }), { monitoringMonths: [3, 12], responsePeriodMonths: 3 });
  assert.deepEqual(policyFor({ monitoringMonths: [] }).monitoringMonths, [6, 12]);
  assert.deepEqual(policyFor({ monitoringMonths: [18, 6, 12] }).monitoringMonths, [6, 12, 18]);
});

test("a schedule or period that is not a positive whole number of months is refused, saying which", () => {
  assert.throws(() => policyFor({ monitoringMonths: [6, 0] }), { name: "RangeError", message: "monitoring months must be positive whole numbers: 6, 0" });
  assert.throws(() => policyFor({ monitoringMonths: [6, 1.5] }), RangeError);
  assert.throws(() => policyFor({ monitoringMonths: [-6] }), RangeError);
  assert.throws(() => policyFor({ responsePeriodMonths: 0 }), { name: "RangeError", message: "response period must be a positive whole number of months: 0" });
  assert.throws(() => policyFor({ responsePeriodMonths: 1.5 }), RangeError);
  assert.throws(() => policyFor({ responsePeriodMonths: -2 }), RangeError);
  assert.equal(policyFor({ responsePeriodMonths: 1 }).responsePeriodMonths, 1);
});

test("monitoring frequency as inquiry reports write it", () => {
  // Staffordshire: "the pilot Victim Support service should be evaluated at 6 and 12 months"
  assert.deepEqual(parseMonitoringFrequency("be evaluated at 6 and 12 months"), [6, 12]);
  assert.deepEqual(parseMonitoringFrequency("12 & 6 months"), [6, 12]);
  assert.deepEqual(parseMonitoringFrequency("6, 6 and 12 months"), [6, 12]);
  assert.deepEqual(parseMonitoringFrequency("Quarterly"), [3, 6, 9, 12]);
  assert.deepEqual(parseMonitoringFrequency("every 6 months"), [6, 12]);
  assert.deepEqual(parseMonitoringFrequency("Every  4  months"), [4, 8]);
  assert.deepEqual(parseMonitoringFrequency("every 12 months"), [12, 24]);
  assert.deepEqual(parseMonitoringFrequency("every 1 month"), [1, 2]);
  assert.equal(parseMonitoringFrequency("every 0 months"), null);
  assert.deepEqual(parseMonitoringFrequency("after 1 month"), [1]);
  assert.deepEqual(parseMonitoringFrequency("at 60 months"), [60]);
  assert.equal(parseMonitoringFrequency("at 61 months"), null);
  assert.equal(parseMonitoringFrequency("at 0 months"), null);
  assert.equal(parseMonitoringFrequency("6 and 12"), null);
  assert.equal(parseMonitoringFrequency("in six months"), null);
  assert.equal(parseMonitoringFrequency(""), null);
  assert.equal(parseMonitoringFrequency(null), null);
});

test("every recommendation status has its label", () => {
  assert.deepEqual(STATUS_LABELS, {
    awaiting_response: "Awaiting response",
    accepted: "Accepted",
    partially_accepted: "Partially accepted",
    rejected: "Rejected",
    on_track: "On track",
    at_risk: "At risk",
    off_track: "Off track",
    implemented: "Implemented",
    not_implemented: "Not implemented",
    superseded: "Superseded",
  });
});
