import { test } from "node:test";
import assert from "node:assert/strict";
import { usMotion } from "./us-motions.ts";
import { findDecisions } from "./find.ts";

// real sentences: City of Alameda council and commissions, Los Rios CCD board
test("the motion's words without its movers, second or tally", () => {
  const a = usMotion("A motion was made by Trustee Knight, seconded by Trustee Haynes, that the Board of Trustees\napprove Consent Consideration items A through I.");
  assert.deepEqual([a?.text, a?.movedBy, a?.secondedBy], ["that the Board of Trustees\napprove Consent Consideration items A through I.", "Trustee Knight", "Trustee Haynes"]);
  const b = usMotion("Councilmember Matarrese moved approval of the Consent Calendar.");
  assert.deepEqual([b?.text, b?.movedBy, b?.closed], ["approval of the Consent Calendar.", "Councilmember Matarrese", false]);
  const c = usMotion("(12-401) Councilmember deHaan moved approval of continuing the meeting past 11:00 p.m.");
  assert.equal(c?.text, "approval of continuing the meeting past 11:00 p.m.");
  const d = usMotion("Commissioner Parker moved acceptance of the minutes, with the changes as requested.");
  assert.equal(d?.text, "acceptance of the minutes, with the changes as requested.");
  const e = usMotion("Member Smith made a motion to accept the Consent Calendar as presented, seconded by Member Rich, and carried by a 3-0 vote.");
  assert.deepEqual([e?.text, e?.secondedBy, e?.closed], ["to accept the Consent Calendar as presented.", "Member Rich", true]);
  const f = usMotion("Motion to approve the minutes by Commissioner Cook, second by Commissioner Lee. Motion passes 2-0");
  assert.deepEqual([f?.text, f?.movedBy], ["to approve the minutes.", "Commissioner Cook"]);
});

test("sentences that only talk about motions are not motions", () => {
  assert.equal(usMotion("Moved to Conflict Resolution."), null);
  assert.equal(usMotion("Vice Mayor Daysog expressed concern over the motion process."), null);
  assert.equal(usMotion("Councilmember Gilmore amended the motion to move approval of"), null);
  assert.equal(usMotion("Commissioner deHaan seconded the motion, which carried by unanimous voice vote – 5."), null);
});

// real text: Los Rios Community College District Board of Trustees, 11 March 2020 (a lettered
// sub-heading, a blank line, then the motion)
test("a motion after a blank line under a lettered sub-heading is read, not joined to the heading", () => {
  const t = [
    "",
    "",
    "         A.        California Community Colleges Classified Employee of the Year",
    "",
    "A motion was made by Trustee Haynes, seconded by Trustee Knight, that the Board of Trustees",
    "endorse the nomination of Courtnee Mack of Sacramento City College, for the 2020 California",
    "Community Colleges Classified Employee of the Year Award.",
    "",
    "Roll Call Vote:",
    "Aye: Haynes, Jones, Knight, Nelson, Ortiz",
    "Motion carried; 5:0",
  ].join("\n");
  assert.deepEqual(
    findDecisions(t).map((d) => [d.text, d.movedBy, d.secondedBy]),
    [["that the Board of Trustees endorse the nomination of Courtnee Mack of Sacramento City College, for the 2020 California Community Colleges Classified Employee of the Year Award.", "Trustee Haynes", "Trustee Knight"]],
  );
});

// real text: City of Alameda Planning Board, 24 July 2023
test("sentences between a motion and its second describe the motion and are part of it", () => {
  const t = [
    "Board Member Teague made a motion to implement the Design Standards as",
    "modified by the description by President Ruiz and Board Member Teague. There",
    "would be clarification on which version is correct, formatting on page 1 about",
    "implacability, clarification on siding. Then on the section about raising",
    "buildings separate requirements for raising bungalows. Board Member Ariza seconded the",
    "motion. A vote was taken and the motion passed 7-0.",
  ].join("\n");
  assert.deepEqual(findDecisions(t).map((d) => [d.text, d.secondedBy]), [
    [
      "to implement the Design Standards as modified by the description by President Ruiz and Board Member Teague. There would be clarification on which version is correct, formatting on page 1 about implacability, clarification on siding. Then on the section about raising buildings separate requirements for raising bungalows.",
      "Board Member Ariza",
    ],
  ]);
  // what members said between the motion and its second is debate, not the motion
  const debate = "Commissioner Cook moved approval of the report. Commissioner Lee said she had concerns. Commissioner Park seconded the motion. Motion carried 5-0.";
  assert.deepEqual(findDecisions(debate).map((d) => d.text), ["approval of the report."]);
});
