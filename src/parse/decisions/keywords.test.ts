import { test } from "node:test";
import assert from "node:assert/strict";
import { ACTIVE_VERB, BARE_RECORD, COURTESY, DEFERRAL_UNIT, FAILED, IMPERSONAL, NOT_A_DECISION_BEFORE, OTHER_BODY, PASSIVE, TO_BE_RECONSIDERED, formalRest, isCollectiveSubject } from "./keywords.ts";

test("a unit opened by a decision word gives the decision after it", () => {
  assert.equal(formalRest("RESOLVED: That the minutes of the meeting held on 12 March be approved."), "That the minutes of the meeting held on 12 March be approved.");
  assert.equal(formalRest("Resolved 16/01/5.01 that the accounts be adopted"), "that the accounts be adopted");
  assert.equal(formalRest("And Resolved: to accept the quotation"), "to accept the quotation");
  assert.equal(formalRest("It was unanimously resolved that the grant be paid"), "that the grant be paid");
  assert.equal(formalRest("DETERMINED: that the application be refused"), "that the application be refused");
  assert.equal(formalRest("Decision – the report was noted"), "the report was noted");
});

test("agreed or decided in capitals opens a decision only before 'that', 'to' or a quotation; in sentence case only with punctuation", () => {
  assert.equal(formalRest("AGREED that the Clerk write to the County Council"), "that the Clerk write to the County Council");
  assert.equal(formalRest("DECIDED to defer the item"), "to defer the item");
  assert.equal(formalRest("Agreed: the Clerk to write to the County Council"), "the Clerk to write to the County Council");
  assert.equal(formalRest("AGREED BUDGET FIGURES were circulated"), null);
  assert.equal(formalRest("Agreed that the Clerk write"), null);
  assert.equal(formalRest("Resolutions passed at the annual meeting"), null);
  assert.equal(formalRest("The Council resolved to accept"), null);
});

// Minutes reach the rules as written: justified PDF text doubles spaces, and lines wrap anywhere.
const spaced = (s: string) => [s, s.replace(/ /g, "  "), s.replace(/ /g, "\n")];
const flat = (s: string | null) => s?.replace(/\s+/g, " ") ?? null;
/** What follows the first match, or null when there is none. */
function after(re: RegExp, s: string): string | null {
  re.lastIndex = 0;
  const m = re.exec(s);
  return m ? s.slice(m.index + m[0].length) : null;
}
function matched(re: RegExp, s: string): string[] | null {
  re.lastIndex = 0;
  const m = re.exec(s);
  return m ? [...m].map((g) => flat(g ?? "")!) : null;
}

test("the keyword, its reference and its punctuation are dropped across spaces and line breaks", () => {
  const cases: [string, string][] = [
    ["RESOLVED: That the minutes be approved.", "That the minutes be approved."],
    ["- RESOLVED: that the accounts be adopted", "that the accounts be adopted"],
    ["• Agreed: the Clerk to write to the County Council", "the Clerk to write to the County Council"],
    ["And Resolved: to accept the quotation", "to accept the quotation"],
    ["It was further resolved that the grant be paid", "that the grant be paid"],
    ["It was also resolved that the grant be paid", "that the grant be paid"],
    ["It was therefore resolved that the grant be paid", "that the grant be paid"],
    ["Resolved unanimously that the grant be paid", "that the grant be paid"],
    ["Resolved 16/01/5.01 that the accounts be adopted", "that the accounts be adopted"],
    ["RESOLVED (C12) – That the accounts be adopted", "That the accounts be adopted"],
    ["RESOLVED 12a – That the accounts be adopted", "That the accounts be adopted"],
    ["Resolved 7 that the accounts be adopted", "that the accounts be adopted"],
    ["DECIDED – the report was noted", "the report was noted"],
    ["AGREED “That the Clerk write to the County Council”", "“That the Clerk write to the County Council”"],
    ["AGREED not to renew the lease", "not to renew the lease"],
    ["DECISION", ""],
  ];
  for (const [unit, rest] of cases) for (const s of spaced(unit)) assert.equal(flat(formalRest(s)), rest, JSON.stringify(s));
  for (const unit of ["Agreed that the Clerk write", "Agreed budget figures were circulated", "Resolution 12 was read", "Decisions received from the Borough Council", "resolved the issue quickly"]) {
    for (const s of spaced(unit)) assert.equal(formalRest(s), null, JSON.stringify(s));
  }
});

test("impersonal agreements: the decision starts after 'it was agreed' and what qualifies it", () => {
  const cases: [string, string][] = [
    ["It was also agreed to look at replacing the swing seats", "to look at replacing the swing seats"],
    ["It was further agreed that the Party Leaders meet", "that the Party Leaders meet"],
    ["It was decided that a further briefing session would be held", "that a further briefing session would be held"],
    ["It was agreed unanimously that the Clerk write", "that the Clerk write"],
    ["it was unanimously agreed to observe a minute's silence", "to observe a minute's silence"],
    ["it was agreed by the PC and allotment tenants present that this had been very useful", "that this had been very useful"],
    ["It was agreed by resolution to defer the start of the meeting", "to defer the start of the meeting"],
    ["It was agreed at the outset that, pending the arrival of the Mayor, the Deputy preside", "that, pending the arrival of the Mayor, the Deputy preside"],
    ["it was agreed, because of the number of entry and exit points to and from the estate, that they would consult further", "that they would consult further"],
    ["It was also agreed, on the proposal of Councillor Keller, that the Motion be referred", "on the proposal of Councillor Keller, that the Motion be referred"],
    ["It was agreed (all in favour) that the Clerk write", "that the Clerk write"],
    ["It was agreed: that the Clerk write", "that the Clerk write"],
    ["The quotes were discussed and was agreed to accept the lower", "to accept the lower"],
  ];
  for (const [unit, rest] of cases) for (const s of spaced(unit)) assert.equal(flat(after(IMPERSONAL, s)), rest, JSON.stringify(s));
  for (const s of spaced("It was noted that the hedge had been cut.")) assert.equal(after(IMPERSONAL, s), null);
});

test("passive records name their verb, across spaces and line breaks", () => {
  const cases: [string, string][] = [
    ["The minutes of the last meeting were adopted as a true statement", "adopted"],
    ["Payments from 2nd December were scrutinised and approved.", "approved"],
    ["The payments were considered and approved.", "approved"],
    ["The document was discussed and a final version approved.", "approved"],
    ["these appointments were deferred.", "deferred"],
    ["the following allocations were unanimously agreed by the Members:", "agreed"],
    ["it was recommended and accepted by the District", "accepted"],
  ];
  for (const [unit, verb] of cases) for (const s of spaced(unit)) assert.equal(matched(PASSIVE, s)?.[3], verb, JSON.stringify(s));
  for (const unit of ["The minutes were read.", "It was an honour to attend and to speak"]) for (const s of spaced(unit)) assert.equal(matched(PASSIVE, s), null, JSON.stringify(s));
});

test("a body's verb keeps the words before it", () => {
  const cases: [string, string, string][] = [
    ["the Members unanimously agreed to adjourn", "unanimously ", "agreed"],
    ["The Parish Councillors then held a short meeting and agreed the accounts.", "", "agreed"],
    ["The Council also then approved the budget", "also then ", "approved"],
    ["The Councillors co-opted Mr Smith", "", "co-opted"],
    ["Members agreed.", "", "agreed"],
    ["Members agreed", "", "agreed"],
  ];
  for (const [unit, fill, verb] of cases) for (const s of spaced(unit)) assert.deepEqual(matched(ACTIVE_VERB, s)?.slice(1), [fill, verb], JSON.stringify(s));
  assert.equal(matched(ACTIVE_VERB, "The agreedment"), null);
});

test("deferrals, bare records and matters put off to a later meeting", () => {
  for (const unit of ["This item was deferred pending discussion", "deferred to a future Meeting", "Motion was deferred to the next Meeting.", "tabled.", "This Motion was adjourned to the March Meeting.", "postponed due to Covid19 restrictions", "Carried Forward", "Item held over to the next meeting"]) {
    for (const s of spaced(unit)) assert.ok(DEFERRAL_UNIT.test(s), JSON.stringify(s));
  }
  for (const unit of ["The issue of the account was deferred to the March agenda.", "The item deferred"]) assert.ok(!DEFERRAL_UNIT.test(unit), unit);
  for (const unit of ["Adopted with the amendment of Mr M Dean", "Unanimously approved", "Approved unanimously.", "Accepted"]) {
    for (const s of spaced(unit)) assert.ok(BARE_RECORD.test(s), JSON.stringify(s));
  }
  for (const unit of ["Agreed that the Clerk write", "Agreed to defer", "Agreed with the Chair that the hall be let", "Approved with Cllr Smith abstaining", "Agreement was reached", "The minutes were approved"]) {
    for (const s of spaced(unit)) assert.ok(!BARE_RECORD.test(s), JSON.stringify(s));
  }
  for (const unit of [
    "Water connection at the allotments to be considered again at next PC meeting",
    "Plans would be reviewed in the next two years",
    "the matter would be revisited in the New Year.",
    "To be discussed further at next meeting.",
    "To be reviewed at the next ordinary Parish Council Meeting.",
    "the matter is to be considered further at the next meeting",
    "this will be looked at again in the future",
    "This matter will be considered again in the spring.",
    "Cemetery fees will be reviewed at the February meeting of the Parish Council.",
    "the item would be considered again at that meeting.",
    "This matter to be discussed again at the next PC meeting.",
    "the position will reviewed in the autumn.",
    "It will be looked at again in the Autumn.",
    "to be deferred again until a future meeting",
    "to be re-examined further at the following meeting",
    "to be reexamined again at the next meeting",
    "to be looked at again at the October agenda",
    "to be revisited further in the next meeting",
  ]) {
    for (const s of spaced(unit)) assert.ok(TO_BE_RECONSIDERED.test(s), JSON.stringify(s));
  }
  for (const unit of ["The plan will be reviewed annually.", "to be considered at the next meeting", "The fees were reviewed at the last meeting."]) assert.ok(!TO_BE_RECONSIDERED.test(unit), unit);
});

test("courtesies, other bodies' decisions, failed motions and words that make a verb a report", () => {
  for (const unit of ["Cllr. Martin Storey sent his apologies.", "An apology for his inability to attend", "Vote of Sympathy", "He offered him his congratulations and best wishes", "to observe a minute's silence", "a minutes silence was observed", "a Book of Condolence", "sincerest of condolences", "Declarations of Interest", "Members Declaration of Interest", "Dispensations were granted", "He also expressed thanks to Cllr Secas"]) {
    for (const s of spaced(unit)) assert.ok(COURTESY.test(s), JSON.stringify(s));
  }
  for (const unit of ["The Clerk thanked Members.", "The Apologies item was moved."]) assert.ok(!COURTESY.test(unit.replace("Apologies", "Apologetic")), unit);
  for (const unit of [
    "Locations approved by the Highways Engineer",
    "decisions received from Borough Council Planning",
    "a proportion of services provided by the County Council",
    "funding was approved by the Department on 28 October",
    "issued by the Secretary of State",
    "One raised by the Environment Agency",
    "Permission had been granted.",
    "Permission has been granted",
    "Planning permission for the extension was granted",
    "Planning applications for two houses were refused",
    "Application Withdrawn 10 August 2018",
    "Applications permitted",
  ]) {
    for (const s of spaced(unit)) assert.ok(OTHER_BODY.test(s), JSON.stringify(s));
  }
  for (const unit of ["approved by the Parish Council", "signed by the Chairman", "The application was discussed."]) assert.ok(!OTHER_BODY.test(unit), unit);
  for (const unit of ["The County Secretary declared the Motion defeated.", "There was no seconder to this proposal.", "The Motion was not seconded.", "Motion not seconded", "no one agreed with this", "No one else supported it", "nobody seconded", "none agreed", "The motion was not carried", "the proposal was rejected", "The motion was not supported"]) {
    for (const s of spaced(unit)) assert.ok(FAILED.test(s), JSON.stringify(s));
  }
  for (const unit of ["CARRIED", "The motion was carried unanimously", "Noone objected"]) assert.ok(!FAILED.test(unit), unit);
  for (const unit of ["At their November meeting Members had ", "Handyman had already ", "The Clerk would ", "Three actions had been ", "It was noted that the Council has not "]) {
    for (const s of spaced(unit)) assert.ok(NOT_A_DECISION_BEFORE.test(s), JSON.stringify(s));
  }
  for (const unit of ["The Councillors ", "After a detailed discussion Members ", "The Council had a long discussion and Members "]) assert.ok(!NOT_A_DECISION_BEFORE.test(unit), unit);
});

test("who is deciding: a body, not one person", () => {
  const cases: [string, boolean][] = [
    ["The Councillors ", true],
    ["The Parish Council ", true],
    ["All Cllrs ", true],
    ["All ", true],
    ["Members present ", true],
    ["After a detailed discussion Members ", true],
    ["The Parish Councillors then ", true],
    ["Members noted and ", true],
    ["The Councillors reviewed the proposed design and ", true],
    ["the PC and allotment tenants ", true],
    ["Council and the tenants ", true],
    ["The Members of the Committee ", true],
    ["The Councillors’ ", true],
    ["Cllr Smith ", false],
    ["The Clerk ", false],
    ["He ", false],
    ["it ", false],
    ["The Chairman of the Council ", false],
    ["The Cabinet Member for Children, as Chairman of the Panel, ", false],
    ["Following discussion; the Members, as Trustees, ", true],
    ["Residents ", false],
    ["The Clerk and the allotment tenants ", false],
    ["", false],
    ["also ", false],
  ];
  for (const [before, want] of cases) for (const s of spaced(before)) assert.equal(isCollectiveSubject(s), want, JSON.stringify(s));
});
