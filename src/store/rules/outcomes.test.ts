import { test } from "node:test";
import assert from "node:assert/strict";
import { inferOutcome, parseVotes } from "./outcomes.ts";
import { bodyKind } from "./body-kinds.ts";
import { bodySlug, itemSlugs, meetingSlug } from "./slugs.ts";

test("inferOutcome reads the decision from the resolution text", () => {
  assert.equal(inferOutcome("Cabinet NOTED the report."), "noted");
  assert.equal(inferOutcome("That the minutes be confirmed and signed by the Chairman."), "approved");
  assert.equal(inferOutcome("THAT we adopt the 2023 Audited Financial Statements"), "approved");
  assert.equal(inferOutcome("That the policy be approved subject to the following amendments: …"), "approved with amendments");
  assert.equal(inferOutcome("The item was deferred to the March agenda."), "deferred");
  assert.equal(inferOutcome("The application was refused."), "refused");
  assert.equal(inferOutcome("The motion was lost."), "lost");
  assert.equal(inferOutcome("to object to the application, carried"), "carried");
  assert.equal(inferOutcome("All Cllrs agreed to continue."), "agreed");
  assert.equal(inferOutcome("Hedges along the lane."), null);
});

test("parseVotes reads recorded votes and nothing else", () => {
  assert.deepEqual(parseVotes("carried with six in favour and one abstention"), { for: 6, against: null, abstain: 1 });
  assert.deepEqual(parseVotes("For: 5, Against: 2, Abstain: 1"), { for: 5, against: 2, abstain: 1 });
  assert.deepEqual(parseVotes("(7 for, 2 against)"), { for: 7, against: 2, abstain: null });
  assert.equal(parseVotes("That the report be noted."), null);
});

test("body kinds and slugs from natural keys", () => {
  assert.equal(bodyKind("Cabinet"), "cabinet");
  assert.equal(bodyKind("Safe and Strong Communities Select Committee"), "select committee");
  assert.equal(bodyKind("Stoke Ferry Parish Council"), "parish council");
  assert.equal(bodyKind("Planning Sub-Committee"), "sub-committee");
  assert.equal(bodyKind("Libraries Task and Finish Group"), "task and finish group");
  assert.equal(bodySlug("Stoke Ferry Parish Council", "Stoke Ferry Parish Council"), "stoke-ferry-parish-council");
  assert.equal(bodySlug("Buckinghamshire County Council", "Cabinet"), "buckinghamshire-county-council-cabinet");
  assert.equal(meetingSlug("x-cabinet", "2018-04-23", "10:30"), "x-cabinet-2018-04-23-1030");
  assert.equal(meetingSlug("x-cabinet", "2018-04-23", null), "x-cabinet-2018-04-23");
  assert.deepEqual(itemSlugs(["196/20", "7.2", "1", "1"]), ["196-20", "7-2", "1", "1-2"]);
});
