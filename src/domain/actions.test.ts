import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { actionsFromResolution, dueOf, splitClauses } from "./actions.ts";
import type { ParsedMinutes } from "./minutes.ts";

const load = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../test/golden/dev/${name}.expected.json`, import.meta.url), "utf8")) as ParsedMinutes;
const staffs = load("staffs-safe-strong-2016-12-12");
const bucks = load("bucks-cabinet-2018-04-23");

const resolutionsOf = (m: ParsedMinutes, item: string) => m.items.find((i) => i.number === item)!.resolutions.map((r) => r.text);
const actionsOf = (m: ParsedMinutes, item: string) =>
  resolutionsOf(m, item).flatMap((t) => actionsFromResolution(t, { meetingDate: m.date }));

test("Staffs item 30: each lettered clause is its own action", () => {
  const actions = actionsOf(staffs, "30");
  assert.deepEqual(actions.map((a) => a.label), ["a", "b", "c"]);
  assert.equal(actions[0].text, "Details of the number of modern slavery prosecutions be forward to the Select Committee");
  assert.match(actions[1].text, /^Post the January Task and Finish Group meeting the action plan timescales be shared with the Select Committee, with details of the roles/);
  assert.match(actions[2].text, /^The Select Committee receive regular updates on the number of reported cases and prosecutions/);
  assert.deepEqual(actions.map((a) => a.recipient), ["Select Committee", "Select Committee", "Select Committee"]);
  // Nobody is named as doing these; none has a date.
  assert.deepEqual(actions.map((a) => a.owner), [null, null, null]);
  assert.deepEqual(actions.map((a) => a.due), [null, null, null]);
  // The preamble ("… be supported and that:") asks for nothing.
  assert.ok(actions.every((a) => !/be supported/.test(a.text)));
});

test("Staffs item 31: a further update brought back in due course, owned by officers", () => {
  const actions = actionsOf(staffs, "31");
  assert.equal(actions.length, 1);
  assert.equal(actions[0].owner, "Officers");
  assert.equal(actions[0].due, null);
  assert.equal(actions[0].label, null);
  assert.match(actions[0].text, /further update to be brought back in due course$/);
});

test("Staffs item 35: the Cabinet Member is asked to review", () => {
  const actions = actionsOf(staffs, "35");
  assert.equal(actions.length, 1);
  assert.equal(actions[0].owner, "Cabinet Member");
  assert.match(actions[0].text, /Cabinet Member be asked to review future communication timings/);
});

test("resolutions that note, confirm, approve or agree ask for nothing", () => {
  for (const item of ["28", "29", "32", "33", "34"]) assert.deepEqual(actionsOf(staffs, item), [], `Staffs ${item}`);
  for (const item of bucks.items.map((i) => i.number)) assert.deepEqual(actionsOf(bucks, item), [], `Bucks ${item}`);
  for (const text of [
    "That the report be noted.",
    "Cabinet APPROVED the recommendations.",
    "That the minutes be confirmed and signed by the Chairman.",
    "That the report previously circulated to Members be noted.",
    "That the update shared with the Committee in November be received.",
    "That the information not be circulated outside the meeting.",
    "That Members be asked to note the report.",
  ]) {
    assert.deepEqual(actionsFromResolution(text), [], text);
  }
});

test("each way of asking is recognised", () => {
  const cases: [string, { owner?: string | null; due?: string | null; recipient?: string | null }][] = [
    ["That the minutes of the working group be circulated to all Members.", { recipient: "All Members" }],
    ["That the Director of Finance report back to the next meeting.", { owner: "Director of Finance", due: "next meeting" }],
    ["That the proposals be brought back to the March meeting.", { due: "2017-03" }],
    ["That a further report be submitted by 31 March 2017.", { due: "2017-03-31" }],
    ["That the Committee be kept informed of progress.", { recipient: "Committee" }],
    ["That the Clerk be asked to write to the Highways Authority.", { owner: "Clerk" }],
    ["That the figures be forwarded by the Head of Service to the Committee.", { owner: "Head of Service", recipient: "Committee" }],
    ["That officers to circulate the revised plan within two weeks.", { owner: "Officers", due: "2016-12-26" }],
    ["That a further update be given in due course.", { due: null }],
    // Parish minutes write the request with a modal verb.
    ["The Handyman should be asked to carry out this work.", { owner: "Handyman" }],
    ["Clir. Carey would be asked to attend the next meeting of the Committee.", { owner: "Clir. Carey", due: "next meeting" }],
    ["A letter should be sent to the owner asking for the brambles to be trimmed.", { owner: null, recipient: null }],
    ["This request would be forwarded to An Garda Síochána for consideration.", { recipient: "An Garda Síochána" }],
    ["In addition, the Council agreed to circulate the Motion to the Chief Superintendent, Henry Street, Limerick.", { owner: "Council", recipient: "Chief Superintendent" }],
    ["The Parish Council needed a definitive list of concerns to send to Elizabeth Truss MP.", { owner: null, recipient: "Elizabeth Truss MP" }],
    ["To circulate the Motion to all Local Authorities for support.", { recipient: "All Local Authorities" }],
    // From the real corpus (Limerick, Norfolk parishes).
    ["The Councillors agreed to send a letter to the Allotment Holders with a copy of the last meeting notes.", { owner: "Councillors", recipient: "Allotment Holders" }],
    ["The clerk was asked to arrange a bottle bank and to keep Councillors up to date via email.", { owner: "Clerk" }],
    ["The Department of Housing, Local Government & Heritage should be asked to provide a definition of it.", { owner: "Department of Housing, Local Government & Heritage" }],
    ["The Executive agreed to meet and conduct a review of the standing orders and report back to the Members in November.", { owner: "Executive", recipient: "Members", due: "2017-11" }],
  ];
  for (const [text, want] of cases) {
    const [action, extra] = actionsFromResolution(text, { meetingDate: "2016-12-12" });
    assert.ok(action, text);
    assert.equal(extra, undefined, text);
    for (const [k, v] of Object.entries(want)) assert.equal(action[k as keyof typeof action], v, `${text} → ${k}`);
  }
});

test("to provide for something, in a by-law or a grant, asks nobody for anything", () => {
  for (const text of [
    "We pass By-Law Number 2024-22, being a By-Law to adopt the estimates for all sums required for the year, to provide for the adoption of tax rates.",
    "Members agreed that the allocation of €11,000 for ‘Rathkeale Footpaths’ in the Development Fund would be used to provide two ramps on Thomas Street.",
    "The cost to provide further lights would be too great.",
  ]) {
    assert.deepEqual(actionsFromResolution(text), [], text);
  }
});

test("closed-session notices, rights, wishes and requests for approval are not actions", () => {
  for (const text of [
    "This part of our meeting will be closed to the public as authorized by Section 239(2)(b) of the Municipal Act, 2001, c. 25, for consideration of the following subject matter: (b) Personal matters about an identifiable individual. Council to receive an update on municipal staff in municipal positions.",
    "The approval of the District be and is hereby given to the making of Standing Orders, together with the following amendment: Each Member shall be permitted to submit two Notices of Motion.",
    "He also asked for approval to enrol with the Norfolk Community Transport Association - this was approved by those present.",
    "This should be requested for a Tuesday morning.",
    "The Parish Council agreed to share the £900 cost.",
    "With the permission of the Príomh Chomhairleoir, Councillor Kiely requested to move the following Emergency Motion and this was agreed.",
  ]) {
    assert.deepEqual(actionsFromResolution(text), [], text);
  }
  const [further] = actionsFromResolution(
    "The Council of the Township of Nipissing supports the Municipality of East Ferris in its application for funding; AND FURTHER THAT a copy of this resolution be forwarded to the Municipality of East Ferris.",
  );
  assert.equal(further.text, "A copy of this resolution be forwarded to the Municipality of East Ferris");
});

test("'and that' parts are separate decisions; only the one that asks becomes an action", () => {
  const text =
    "The Township of Nipissing supports requests to Transport Canada for the investigation of issues regarding Floating Accommodations; AND THAT a copy of this resolution be sent to MPP Vic Fedeli and the Municipality of Powassan.";
  const [action, extra] = actionsFromResolution(text);
  assert.equal(extra, undefined);
  assert.equal(action.text, "A copy of this resolution be sent to MPP Vic Fedeli and the Municipality of Powassan");
  assert.equal(action.part, 2);
  assert.equal(action.recipient, "MPP Vic Fedeli and the Municipality of Powassan");
  const ballyhahill = actionsFromResolution(
    "The March 2017 District Meeting would be held in Ballyhahill and that the Ballyhahill Development Association would be requested to provide an overview of the issues.",
  );
  assert.deepEqual(ballyhahill.map((a) => a.owner), ["Ballyhahill Development Association"]);
});

test("lettered clauses split only when the letters run in order", () => {
  assert.deepEqual(
    splitClauses("That: a) the report be noted; b) a copy be sent to the Parish; and c) the item be closed.").map((c) => [c.label, c.text]),
    [["a", "the report be noted"], ["b", "a copy be sent to the Parish"], ["c", "the item be closed"]],
  );
  assert.deepEqual(
    splitClauses("That (i) the plan be shared with Members; and (ii) progress be reported to the next meeting.").map((c) => c.label),
    ["i", "ii"],
  );
  assert.equal(splitClauses("That the member(s) concerned b) be told.").length, 1);
});

test("due dates read as written, months named without a year fall after the meeting", () => {
  assert.equal(dueOf("be brought back to the January meeting", "2016-12-12"), "2017-01");
  assert.equal(dueOf("be brought back to the January meeting", "2016-11-09"), "2017-01");
  assert.equal(dueOf("be brought back to the December meeting", "2016-11-09"), "2016-12");
  assert.equal(dueOf("be brought back to the January meeting", null), null);
  assert.equal(dueOf("be reported by the end of June 2018"), "2018-06");
  assert.equal(dueOf("be reported within 3 months", "2018-11-30"), "2019-02-28");
  assert.equal(dueOf("be reported on 31 February 2018"), null);
});

test("due dates: the meeting's own month falls a year on, a season is no date, a meeting month may carry its year", () => {
  assert.equal(dueOf("be brought back to the December meeting", "2016-12-12"), "2017-12");
  assert.equal(dueOf("be brought back to the March 2018 meeting", "2016-12-12"), "2018-03");
  assert.equal(dueOf("be reported by Spring 2019", "2016-12-12"), null);
  assert.equal(dueOf("be brought back in Spring", "2016-12-12"), null);
  assert.equal(dueOf("be brought back in March", "2016-12-12"), "2017-03");
  assert.equal(dueOf("be reported to the next scheduled meeting"), "next meeting");
  assert.equal(dueOf("be circulated by the 5th June 2018"), "2018-06-05");
  assert.equal(dueOf("be circulated within two weeks", "2018-11-30"), "2018-12-14");
});

test("clauses split across lines and pages read with one space between words", () => {
  const text = "That:\n\na)  the report be noted;\r\n\tb) a copy be sent\n to the Parish; and\n\nc) the item be closed.";
  assert.deepEqual(splitClauses(text).map((c) => [c.label, c.text]), [
    ["a", "the report be noted"],
    ["b", "a copy be sent to the Parish"],
    ["c", "the item be closed"],
  ]);
  const [action] = actionsFromResolution("That the Cabinet Member\nbe  asked to review future\ncommunication timings.");
  assert.equal(action.owner, "Cabinet Member");
  assert.equal(action.text, "The Cabinet Member be asked to review future communication timings");
});

test("roman-numbered lists run past (iii): each numeral is its own clause", () => {
  const numerals = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"];
  const text = "That: " + numerals.map((n) => `(${n}) the report on item ${n} be noted;`).join(" ");
  assert.deepEqual(splitClauses(text).map((c) => c.label), numerals);
});

test("'and that' joins two decisions with or without a comma before it", () => {
  const ballyhahill =
    "The March 2017 District Meeting would be held in Ballyhahill and that the Ballyhahill Development Association would be requested to provide an overview of the issues.";
  assert.deepEqual(splitClauses(ballyhahill).map((c) => [c.part, c.text]), [
    [1, "The March 2017 District Meeting would be held in Ballyhahill"],
    [2, "the Ballyhahill Development Association would be requested to provide an overview of the issues"],
  ]);
  assert.deepEqual(splitClauses("That the report be noted, and further that a copy be sent to the Parish.").map((c) => c.text), [
    "the report be noted",
    "a copy be sent to the Parish",
  ]);
});

test("the opening 'That', joining words and closing marks are dropped from each clause", () => {
  assert.deepEqual(splitClauses("That: a) that the report be noted, and; b) or the plan be shared; and that c) the item be closed. –").map((c) => c.text), [
    "the report be noted",
    "the plan be shared",
    "the item be closed",
  ]);
  // A word that only ends in "and" or "or" stays.
  assert.deepEqual(splitClauses("That the Clerk write to Mr Orland").map((c) => c.text), ["the Clerk write to Mr Orland"]);
  assert.deepEqual(splitClauses("That the Clerk write to the Mayor").map((c) => c.text), ["the Clerk write to the Mayor"]);
});

test("the clerk, officers, members, councillors and the chair are named as owners in lower case too", () => {
  for (const [who, owner] of [
    ["the clerk", "Clerk"],
    ["the parish clerk", null],
    ["officers", "Officers"],
    ["the officer", "Officer"],
    ["members", "Members"],
    ["the member", "Member"],
    ["councillors", "Councillors"],
    ["the councillor", "Councillor"],
    ["the chairman", "Chairman"],
    ["the chair", "Chair"],
    ["all Members", "All Members"],
    ["the leader", "Leader"],
    ["the director", "Director"],
    ["the head of planning", null],
    ["the Head of Planning", "Head of Planning"],
  ] as const) {
    const [action] = actionsFromResolution(`That ${who} be asked to chase an update on actions from the meeting.`);
    assert.equal(action?.owner, owner, who);
  }
});

test("where a lettered list starts, and letters out of order", () => {
  assert.deepEqual(splitClauses("a) the report be noted; b) a copy be sent to the Parish").map((c) => [c.label, c.text]), [
    ["a", "the report be noted"],
    ["b", "a copy be sent to the Parish"],
  ]);
  // "(c) and (d)" refer to paragraphs of a report; with no (a) before them they are not the list.
  assert.deepEqual(splitClauses("That the report be noted, and that the recommendations at (c) and (d) be approved.").map((c) => [c.label, c.text]), [
    [null, "the report be noted"],
    [null, "the recommendations at (c) and (d) be approved"],
  ]);
  // Staffs item 30: the words before the list are a clause of their own.
  const item30 = resolutionsOf(staffs, "30")[0];
  const [preamble] = splitClauses(item30);
  assert.equal(preamble.label, null);
  assert.match(preamble.text, /be supported$/);
  assert.deepEqual(splitClauses("That."), []);
});

test("who asks and who is asked, when a clause names both", () => {
  const [kept] = actionsFromResolution("Parish Council to be kept informed by the Borough Council.");
  assert.equal(kept.owner, "Borough Council");
  assert.equal(kept.recipient, "Parish Council");
  const [update] = actionsFromResolution("A further update will be provided in due course.");
  assert.equal(update.owner, null);
  const [byClerk] = actionsFromResolution("That the minutes be circulated by the Clerk.");
  assert.equal(byClerk.owner, "Clerk");
  const [byCllr] = actionsFromResolution("That the figures be forwarded by Cllr Smith to the Committee.");
  assert.equal(byCllr.owner, "Cllr Smith");
  assert.equal(byCllr.recipient, "Committee");
  // A long list of bodies is not one owner: the last of them is.
  const [long] = actionsFromResolution(
    "The Minister for Housing, Local Government and Heritage and the Office of Public Works should be asked to provide a definition of it.",
  );
  assert.equal(long.owner, "Office of Public Works");
  // "not" earlier in the clause does not cancel a later request.
  assert.equal(actionsFromResolution("As the Council had not received a reply, the Clerk was asked to chase an update.").length, 1);
  assert.deepEqual(actionsFromResolution("Members who wish to submit comments may do so."), []);
  assert.deepEqual(actionsFromResolution("That the report not to be brought back."), []);
});

test("due dates: a month and year without 'the end of', a month before other words, weeks and months within", () => {
  assert.equal(dueOf("be reported by June 2018"), "2018-06");
  assert.equal(dueOf("be brought back in March to the Committee", "2016-12-12"), "2017-03");
  assert.equal(dueOf("be circulated within 12 weeks", "2018-11-30"), "2019-02-22");
  assert.equal(dueOf("be circulated within one week", "2018-11-30"), "2018-12-07");
  assert.equal(dueOf("be circulated within one month", "2018-11-30"), "2018-12-30");
});
