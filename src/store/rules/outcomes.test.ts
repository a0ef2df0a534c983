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
  assert.equal(inferOutcome("Motion was passed by members"), "carried");
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

test("a negated approval is a refusal, in the wordings minutes use", () => {
  // Stoke Ferry, on filming meetings; Northwold's donation requests
  assert.equal(inferOutcome("That a change in the use of social media and filming during PC meetings should not be approved."), "refused");
  assert.equal(inferOutcome("Norfolk Accident Rescue Service requesting a donation - not agreed"), "refused");
  assert.equal(inferOutcome("Vitalise - requesting donation to help with their work providing breaks for disabled people - not agreed to"), "refused");
  assert.equal(inferOutcome("That the application be not supported."), "refused");
  assert.equal(inferOutcome("Members declined to approve the request for a donation."), "refused");
});

test("where a resolution both notes and approves, the approval is the outcome", () => {
  assert.equal(inferOutcome("Members noted and approved the disposal of land at Garraun, Lisnagry, Co. Limerick."), "approved");
  assert.equal(
    inferOutcome("That the Bank balances and reconciliation of payments & receipts be received and adopted and initialled as such by the Chairman (RC)."),
    "approved",
  );
  assert.equal(inferOutcome("The Schedule, as circulated, was noted and agreed."), "noted");
});

test("a motion or amendment declared lost, with or without the full stop", () => {
  assert.equal(inferOutcome("On being put to the vote the amendment was declared lost."), "lost");
  assert.equal(inferOutcome("On being put to the vote the amendment was declared lost"), "lost");
  assert.equal(inferOutcome("On being put to the vote the amendment was declared lost.\n"), "lost");
  assert.equal(inferOutcome("There being no seconder, the motion fell."), "lost");
  // "lost" inside the text is not the fate of a motion
  assert.equal(inferOutcome("That the lost footpath sign on Furlong Drove be replaced, agreed"), "agreed");
});

test("approval with amendments in its several wordings", () => {
  assert.equal(inferOutcome("That the minutes of the meeting held on 2 March be approved as a correct record subject to the following amendment: item 5, for Cllr Smith read Cllr Smyth."), "approved with amendments");
  assert.equal(inferOutcome("To approve the Standing Orders with amendments."), "approved with amendments");
  assert.equal(inferOutcome("That the Terms of Reference be approved subject to the amendment of paragraph 4."), "approved with amendments");
  assert.equal(inferOutcome("That the minutes be approved with the amendments circulated."), "approved with amendments");
});

test("deferral and agreement in the present tense", () => {
  assert.equal(inferOutcome("That the Council defer a decision on the grass cutting contract."), "deferred");
  assert.equal(inferOutcome("That the Council accept the quotation from CGM for grass cutting."), "agreed");
  assert.equal(inferOutcome("To support the application."), "agreed");
  assert.equal(inferOutcome("That the Council agree to the transfer of the allotment lease."), "agreed");
  assert.equal(inferOutcome("That the Clerk be authorised to order the replacement bench."), "agreed");
  assert.equal(inferOutcome("That the Chairman authorise payment of the cheques listed."), "agreed");
});

test("parseVotes keeps a single recorded figure and two-digit counts", () => {
  assert.deepEqual(parseVotes("Prop. DD, 2nd GK, 5 in favour."), { for: 5, against: null, abstain: null });
  assert.deepEqual(parseVotes("Councillors were in favour of the proposal and three against."), { for: null, against: 3, abstain: null });
  assert.deepEqual(parseVotes("there were 4 members against and 1 abstention"), { for: null, against: null, abstain: 1 });
  assert.deepEqual(parseVotes("12 votes for, none against"), { for: 12, against: 0, abstain: null });
});

test("a report or update to be brought back later is a request, not a deferral of the item", () => {
  // Staffordshire Safe and Strong Communities Select Committee, 12 December 2016, minute 31
  assert.equal(
    inferOutcome("That Officers be congratulated on the success of the Transformation Programme to date and asked for a further update to be brought back in due course."),
    "agreed",
  );
  assert.equal(inferOutcome("That a progress report be brought back to the next meeting."), "agreed");
  // the item itself put off still reads as deferred
  assert.equal(inferOutcome("That the item be brought back to the next meeting."), "deferred");
  assert.equal(inferOutcome("That the matter be considered again at the March meeting."), "deferred");
});

test("'as amended' after a statute is a citation, not an amendment to the decision", () => {
  // Staffordshire, minute 34: the exclusion of the public
  assert.equal(
    inferOutcome("That the public be excluded from the meeting for the following items of business which involve the likely disclosure of exempt information as defined in the paragraphs of Schedule 12A (as amended) of the Local Government Act 1972 indicated below."),
    "agreed",
  );
  assert.equal(inferOutcome("That the scheme be approved under Section 179 of the Planning and Development Act, 2000, as amended."), "approved");
  assert.equal(inferOutcome("That the Standing Orders be approved as amended."), "approved with amendments");
});

test("the resolution's opening clause decides, not a request in its sub-clauses", () => {
  // Staffordshire, minute 30: "receive regular updates" in (c) is not the committee noting the report
  assert.equal(
    inferOutcome(
      "That the progress made to date in relation to tackling modern slavery be supported and that:\n- a) details of the number of modern slavery prosecutions be forward to the Select Committee;\n- b) post the January Task and Finish Group meeting the action plan timescales be shared with the Select Committee, with details of the roles and responsibilities of contributors; and\n- c) the Select Committee receive regular updates on the number of reported cases and prosecutions in relation to modern slavery.",
    ),
    "agreed",
  );
  // a vote's result at the end still decides
  assert.equal(inferOutcome("That the application be supported; on being put to the vote the motion was lost."), "lost");
  // the word that introduces numbered clauses is not itself the decision
  assert.equal(inferOutcome("RESOLVED that – (1) the report be noted; (2) the action plan be approved."), "approved");
  assert.equal(inferOutcome("RESOLVED: that the report be noted."), "noted");
});

test("what comes back names the request: a paper, proposal, costing, quote or recommendation, one or several", () => {
  // the Staffordshire wording "asked for a further update to be brought back in due course", with what the
  // parish minutes ask for instead of the update
  for (const what of ["paper", "proposal", "costing", "quote", "quotation", "recommendation", "costings", "quotations"]) {
    const text = `That Officers be asked for a further ${what} to be brought back in due course.`;
    assert.equal(inferOutcome(text), "agreed", text);
  }
  // the item itself comes back, whatever was noted earlier in the resolution
  assert.equal(inferOutcome("The Deputy Manager suggested that this item be brought back to a future meeting."), "deferred");
  assert.equal(inferOutcome("That the report be noted and the item be brought back to the next meeting."), "deferred");
});

test("an update in the sentence before is not what comes back", () => {
  // Stoke Ferry closes an item with "Item to be considered again at next meeting." after what was reported
  assert.equal(inferOutcome("Members noted the update from Highways. Item to be considered again at next meeting."), "deferred");
  // a clause that decides nothing leaves the rest to decide
  assert.equal(inferOutcome("Update from Highways; item to be considered again at next meeting."), "deferred");
});

test("a statement that mentions 'that … be' is not a resolution; a quoted resolution is", () => {
  // Stoke Ferry: the Clerk's advice, no decision
  assert.equal(inferOutcome("The Clerk reminded Councillors that as the item is not on the agenda a decision should not be taken."), null);
  // Limerick quotes its resolutions: “THAT, …”
  assert.equal(inferOutcome("“THAT, the public be excluded from the meeting for the following items of business.”"), "agreed");
});

test("a statute cited with its year and no comma before 'as amended' is still a citation", () => {
  // Limerick, the budget meeting
  assert.equal(
    inferOutcome("That, in accordance with Section 103 of the Local Government Act 2001 as amended by the Local Government Reform Act 2014, the Annual Budget be adopted."),
    "approved",
  );
});

test("the opening clause decides whatever the layout of the sub-clauses", () => {
  // Staffordshire minute 30 as other conversions lay it out: no colon before the clauses, which are
  // bulleted, numbered, indented or run on in brackets
  const opening = "That the progress made to date in relation to tackling modern slavery be supported and that";
  const clauses = ["details of the number of modern slavery prosecutions be forward to the Select Committee", "the Select Committee receive regular updates on the number of reported cases"];
  for (const layout of [
    `${opening}\n- a) ${clauses[0]}\n- b) ${clauses[1]}`,
    `${opening}\na) ${clauses[0]}\nb) ${clauses[1]}`,
    `${opening}\n   (a) ${clauses[0]}\n   (b) ${clauses[1]}`,
    `${opening}\n1. ${clauses[0]}\n2. ${clauses[1]}`,
    `${opening} (a) ${clauses[0]} and (b) ${clauses[1]}.`,
    `${opening} (1) ${clauses[0]} and (2) ${clauses[1]}.`,
  ]) {
    assert.equal(inferOutcome(layout), "agreed", layout);
  }
});
