import { test } from "node:test";
import assert from "node:assert/strict";
import { findDecisions, readItem } from "./find.ts";

const texts = (s: string) => findDecisions(s).map((d) => d.text);

test("formal resolutions lose their keyword, reference number and quotes", () => {
  assert.deepEqual(texts("RESOLVED: Cabinet NOTED the report."), ["Cabinet NOTED the report."]);
  assert.deepEqual(texts("RESOLVED – That the minutes be confirmed."), ["That the minutes be confirmed."]);
  assert.deepEqual(texts("Resolved 16/01/5.01 The minutes were adopted."), ["The minutes were adopted."]);
  assert.deepEqual(texts("Quote Resolved16/01/13.1 It was agreed to proceed with the quote."), ["to proceed with the quote."]);
  assert.deepEqual(texts("Proposed by Councillor Egan,\nSeconded by Councillor Carey.\nAnd Resolved:\n\n“That, the draft Minutes be adopted.”"), ["That, the draft Minutes be adopted."]);
  assert.deepEqual(texts("RESOLVED\n\nCabinet APPROVED the recommendations."), ["Cabinet APPROVED the recommendations."]);
});

test("lettered sub-resolutions are separate decisions; a list completing a sentence is not", () => {
  const t = "RESOLVED – That:\n\n- a) the report be noted;\n\n- b) the plan be shared; and\n\n- c) updates be received.\n\nThe Chairman thanked officers.";
  assert.deepEqual(texts(t), ["a) the report be noted", "b) the plan be shared", "c) updates be received."]);
  const n = "RESOLVED\n\nCabinet APPROVED the recommendations with the following amendments:\n\n- 1. Decisions to be delegated\n- 2. Options are explored";
  assert.deepEqual(texts(n), ["Cabinet APPROVED the recommendations with the following amendments: 1. Decisions to be delegated 2. Options are explored"]);
});

test("a resolution stops before a table that follows it", () => {
  assert.deepEqual(texts("RESOLVED: Cabinet AGREED the recommendations as follows:\n\n\tRecommendation\tAgreed Yes/No\n1.\tThat the Council acts.\tYes"), [
    "Cabinet AGREED the recommendations as follows:",
  ]);
});

test("numbered motions drop movers, WHEREAS clauses and Carried; defeated motions are not decisions", () => {
  assert.deepEqual(texts("S. Kirkey, T. Butler:\nThat the minutes be adopted as published. Carried."), ["That the minutes be adopted as published."]);
  assert.deepEqual(texts("R2019-205 A. Smith, B. Jones:\nWHEREAS the roof leaks;\nAND WHEREAS it rains;\nNOW THEREFORE this Council approves the repair. Carried."), [
    "this Council approves the repair.",
  ]);
  assert.deepEqual(texts("R2019-206 A. Smith, B. Jones:\nTHAT we donate $100 to the fair.\nDefeated."), []);
});

test("seconded proposals keep only what was proposed", () => {
  assert.deepEqual(texts("Cllr Sue Lintern proposed to approve the dispensation applications, seconded by Cllr Jim McNeill, all were in favour."), [
    "to approve the dispensation applications",
  ]);
  assert.deepEqual(texts("Cllr Daphne Clements proposed payment of all bills presented, Cllr Jim McNeill seconded it, all were in favour."), [
    "payment of all bills presented",
  ]);
  assert.deepEqual(texts("Proposed by Clir. Carey, seconded by Cllr. Mitchell and agreed that Clir. Carey would be asked to attend."), [
    "that Clir. Carey would be asked to attend.",
  ]);
  assert.deepEqual(texts("On the proposal of Councillor M.Ryan, seconded by Councillor Mitchell, it was agreed to defer a decision to December."), [
    "to defer a decision to December.",
  ]);
  assert.deepEqual(texts("Moved by Cllr A. Brown, seconded by Cllr C. Dunn, that the grant be paid. Carried."), ["that the grant be paid."]);
});

test("impersonal agreements start at 'that' or 'to'; named bodies and passive records are kept whole", () => {
  assert.deepEqual(texts("The matter was discussed and it was agreed that the Clerk would ask Highways."), ["that the Clerk would ask Highways."]);
  assert.deepEqual(texts("It was agreed by the PC and tenants present that this had been useful."), ["that this had been useful."]);
  assert.deepEqual(texts("The Councillors agreed not to water from September."), ["The Councillors agreed not to water from September."]);
  assert.deepEqual(texts("After a detailed discussion Members agreed that they would wait."), ["Members agreed that they would wait."]);
  assert.deepEqual(texts("These were agreed as a true record and signed by the Chairman."), ["These were agreed as a true record and signed by the Chairman."]);
  assert.deepEqual(texts("The document was discussed and a final version approved."), ["The document was discussed and a final version approved."]);
  assert.deepEqual(texts("CC felt the budget should rise; this was agreed by all."), ["CC felt the budget should rise; this was agreed by all."]);
});

test("deferrals count", () => {
  assert.deepEqual(texts("The Clerk had passed the information on. Deferred to next agenda."), ["Deferred to next agenda."]);
  assert.deepEqual(texts("Water connection to be considered again at next PC meeting."), ["Water connection to be considered again at next PC meeting."]);
  assert.deepEqual(texts("The issue of the account was deferred to the March agenda."), ["The issue of the account was deferred to the March agenda."]);
});

test("narrative, undertakings, courtesies, failed motions and reports are not decisions", () => {
  for (const s of [
    "It was noted that the hedge had been cut.",
    "Cllr Smith agreed to contact the Highways department.",
    "The Clerk agreed to report the blocked drain.",
    "Clerk to write to the landowner.",
    "The motion was lost.",
    "Cllr A proposed that the hall be painted, seconded by Cllr B; the motion was defeated.",
    "Apologies were accepted from Cllr Mann.",
    "There were apologies accepted from Cllr Trudy Mann.",
    "A vote of sympathy was passed to the family.",
    "The Parish Council noted the following decisions received from the Borough Council.",
    "The Cabinet Member for Children, as Chairman of the Panel, agreed to include this training.",
    "At their November meeting Members had resolved that a letter be sent.",
    "Three actions had been agreed as immediate key priorities.",
    "Handyman had already agreed that he would be willing to take on extra work.",
    "Item to be placed on the next agenda to approve the design.",
    "Proposed by Cllr. M. Ryan, seconded by Cllr. Egan.",
    "Permission had been granted.",
    "Minutes to be approved by Council at the next regular Council Meeting.",
  ]) {
    assert.deepEqual(texts(s), [], s);
  }
});

test("an officer's reply is not the committee's decision", () => {
  const t = "I will move that the path be closed.\nProposed by Clir. Donegan, seconded by Cllr. Carey.\nReply:\nAt a meeting last week, it was agreed that residents would consult further.";
  assert.deepEqual(texts(t), []);
});

test("a narrative sentence repeating the formal resolution is not counted twice", () => {
  assert.deepEqual(texts("It was agreed that each proposal could be reviewed case by case.\n\nRESOLVED: Cabinet AGREED to this approach."), [
    "Cabinet AGREED to this approach.",
  ]);
  assert.deepEqual(texts("Members agreed that they would await the outcome.\n\nRESOLVED - That the changes be noted."), [
    "Members agreed that they would await the outcome.",
    "That the changes be noted.",
  ]);
});

test("decisions after the meeting closed are set apart", () => {
  const r = readItem("It was agreed to adopt the plan. The official meeting concluded at 9.57pm. It was agreed to send a letter.");
  assert.deepEqual(r.decisions.map((d) => d.text), ["to adopt the plan."]);
  assert.deepEqual(r.afterClose.map((d) => d.text), ["to send a letter."]);
});

test("spans point at the decision in the text", () => {
  const t = "Some discussion. RESOLVED: Cabinet NOTED the report.";
  const [d] = findDecisions(t);
  assert.equal(t.slice(d.start, d.end), "Cabinet NOTED the report.");
});

test("after an officer's reply, what the members then agreed counts again", () => {
  const t = "Proposed by Cllr. Egan, seconded by Clir. Teefy.\nReply:\nConsultation will take place and it was agreed with residents that bollards follow.\nThe Members agreed to revisit the matter in January.";
  assert.deepEqual(texts(t), ["The Members agreed to revisit the matter in January."]);
  assert.deepEqual(texts("Reply: Following a discussion on the Notice of Motion, it was agreed that the Municipal District would write to the Minister."), [
    "that the Municipal District would write to the Minister.",
  ]);
});

test("tallies are trimmed only where they close the decision", () => {
  assert.deepEqual(texts("Parish Council asked to state their views, but all were agreed that no payments should be made."), [
    "Parish Council asked to state their views, but all were agreed that no payments should be made.",
  ]);
  assert.deepEqual(texts("G. Gott proposed and D. Pickston seconded that the minutes be signed as a correct record."), [
    "that the minutes be signed as a correct record.",
  ]);
  assert.deepEqual(texts("RESOLVED: That a hosting contract be approved with Bequality Ltd. (Cllr Andrew Hayward proposed, Cllr Ann Lee seconded, all in favour)."), [
    "That a hosting contract be approved with Bequality Ltd.",
  ]);
});

test("motions under 'Moved by' and 'Seconded by' lines run to their outcome", () => {
  const t = "Moved by: Councillor Smith\nSeconded by: Councillor Jones\nTHAT Council approve the budget\nas presented.\nCARRIED";
  assert.deepEqual(texts(t), ["THAT Council approve the budget as presented."]);
  const lost = "Moved by: Councillor Smith\nSeconded by: Councillor Jones\nTHAT Council buy a boat.\nDEFEATED";
  assert.deepEqual(texts(lost), []);
});

test("page furniture between 'And Resolved:' and its text is skipped", () => {
  const t = "Proposed by Councillor Sheahan;\nSeconded by Councillor Galvin;\nAnd Resolved:\n\n\n---\n*<small>Scanned page, text may contain errors. See original file for clarity</small>*\n\n“That, the draft Minutes be adopted.”";
  assert.deepEqual(texts(t), ["That, the draft Minutes be adopted."]);
});

test("a narrative decision ending in a colon takes the list under it", () => {
  const t = "On the proposal of Councillor A, seconded by Councillor B, it was agreed to allocate the following:\n• €2,000 to Senior Citizens\n• €500 to the Pipe Band\nThe Cathaoirleach thanked everyone.";
  assert.deepEqual(texts(t), ["to allocate the following: €2,000 to Senior Citizens €500 to the Pipe Band"]);
  assert.deepEqual(texts("Discussion ensued and while Members agreed funding is beneficial they expressed concern."), []);
});

test("a bulleted 'That …' in a report is not a motion; a proposer after the decision is trimmed", () => {
  assert.deepEqual(texts("- That people who had complained had been written to and had received logs."), []);
  assert.deepEqual(texts("The Parish Council agreed that they would register the pub as an asset, the Chair proposed the application, four were in favour, two abstained."), [
    "The Parish Council agreed that they would register the pub as an asset",
  ]);
});

test("enumerated entries in a paragraph, accepted apologies, and 'proposed by' inside the decision", () => {
  assert.deepEqual(texts("i. The Councillors agreed the appointment of Max Bergin as Internal Auditor. ii. River enquiry: no news."), [
    "The Councillors agreed the appointment of Max Bergin as Internal Auditor.",
  ]);
  assert.deepEqual(texts("Apologies were received from Cllr Leet and Cllr Muir. These were accepted."), []);
  assert.deepEqual(texts("It was agreed by all that the fee proposed by Hayes + Storr represents value for money."), [
    "that the fee proposed by Hayes + Storr represents value for money.",
  ]);
});

test("proposals: the clause after the seconder, capitalised words before 'seconded', and proposals nobody backed", () => {
  assert.deepEqual(texts("Proposed D. Pickston and seconded by G. Clere that the Clerk be appointed."), ["that the Clerk be appointed."]);
  assert.deepEqual(texts("Cllr P Denny proposed acceptance of the Minutes seconded by Cllr L McCarthy."), ["acceptance of the Minutes"]);
  assert.deepEqual(texts("Cllr Precey proposed pulling away from the camera altogether, no one agreed with this."), []);
});

test("a terse proposal names the matter before the movers", () => {
  assert.deepEqual(texts("C.A.B. request for a donation - £25.00 proposed P. Wood, seconded Miss Richardson unanimously agreed."), [
    "C.A.B. request for a donation - £25.00",
  ]);
});

test("a seconder introduced by 'which was' and a stray closing quote are trimmed", () => {
  assert.deepEqual(texts("Councillor Sheahan proposed that the Scheme be adopted without any amendment, which was seconded by Councillor Ryan."), [
    "that the Scheme be adopted without any amendment",
  ]);
  assert.deepEqual(texts("And Resolved:\n“That the draft Minutes be adopted and signed”."), ["That the draft Minutes be adopted and signed."]);
});

test("'proposed' as an adjective, and a body's agreement after another verb", () => {
  assert.deepEqual(texts("The Councillors reviewed the proposed design and agreed that the memorial would meet the regulations."), [
    "The Councillors reviewed the proposed design and agreed that the memorial would meet the regulations.",
  ]);
  assert.deepEqual(texts("The Clerk had received a plan of a proposed design, seconded copies were sent."), []);
});

test("a motion stated first and agreed in a later sentence", () => {
  const quoted = "The Mayor, with the Members’ consent, moved the following Motion:\n\n“That, the Council call on the Government to amalgamate the agencies\n\ninvolved in waterways.”\n\nThe Motion was seconded by Councillor Hourigan and agreed.";
  assert.deepEqual(texts(quoted), ["That, the Council call on the Government to amalgamate the agencies involved in waterways."]);
  const proposed = "It was proposed by Councillor Collins (M) that the Council call on the Minister for funding. This proposal was seconded by Councillor Foley and agreed.";
  assert.deepEqual(texts(proposed), ["that the Council call on the Minister for funding."]);
  const lost = "“That the Council buy a boat.”\n\nThe Motion was seconded by Councillor Hourigan and, on a vote, was defeated.";
  assert.deepEqual(texts(lost), []);
});

test("an election moved and seconded under 'Proposed by' lines, with no outcome word", () => {
  const t = "Proposed by Councillor Mitchell;\nSeconded by Councillor Gleeson;\n\n“That, Councillor William O’Donnell be appointed Cathaoirleach to hold office to the next Annual Meeting.”\n\nAs there were no other nominations, the outgoing Cathaoirleach declared Councillor O'Donnell elected.";
  assert.deepEqual(texts(t), ["That, Councillor William O’Donnell be appointed Cathaoirleach to hold office to the next Annual Meeting."]);
});

test("'This was seconded by … and agreed' after a named proposal; 'Seconded: … and agreed' after a quoted motion", () => {
  assert.deepEqual(texts("Councillor Teskey proposed Members have a five minute in-committee Meeting prior to the JPC. This was seconded by Councillor Keary and agreed."), [
    "Members have a five minute in-committee Meeting prior to the JPC.",
  ]);
  const t = "“That the District write to the Minister about housing grants”.\n\nProposed: Councillor Mitchell\n\nSeconded: Councillor E. Ryan and agreed.";
  assert.deepEqual(texts(t), ["That the District write to the Minister about housing grants."]);
});

test("movers split by a page break, and emphasis marks inside the quoted motion", () => {
  const t = "Proposed by: Councillor Collins\n---\n2\n\nSeconded by: Councillor Scanlan\n\n“*That, Councillor Francis Foley be appointed Cathaoirleach*\n\n*to hold office to the next Annual Meeting”.*\n\nAs there were no other nominations, Councillor Foley was declared elected.";
  assert.deepEqual(texts(t), ["That, Councillor Francis Foley be appointed Cathaoirleach to hold office to the next Annual Meeting."]);
});

test("labelled proposals, '&' between movers, records without a subject, elections", () => {
  assert.deepEqual(texts("Minutes: It was proposed by G. Clere and seconded by P. Markwell that the minutes be signed as a correct record."), [
    "that the minutes be signed as a correct record.",
  ]);
  assert.deepEqual(texts("It was proposed by P. Norris & seconded by Mrs. Newell that the Minutes be signed."), ["that the Minutes be signed."]);
  assert.deepEqual(texts("Adopted with the amendment of Mr M Dean to Mr M Evans. Proposed by Mr Stocking seconded by Mrs Leaman."), [
    "Adopted with the amendment of Mr M Dean to Mr M Evans.",
  ]);
  assert.deepEqual(texts("Mrs C Cann was proposed and seconded and with no other nominations Mrs Cann was elected to remain as Chairman."), [
    "Mrs C Cann was proposed and seconded and with no other nominations Mrs Cann was elected to remain as Chairman.",
  ]);
  assert.deepEqual(texts("The Parish Councillors then held a short meeting and agreed the accounts."), ["The Parish Councillors then held a short meeting and agreed the accounts."]);
});

test("movers inside an impersonal agreement, and a wrapped line before a blank line", () => {
  assert.deepEqual(texts("It was agreed, on the proposal of Councillor Keller, seconded by Cmhlr. Ó Ceallaigh, that the Motion be referred."), [
    "that the Motion be referred.",
  ]);
  assert.deepEqual(texts("Some text here.\n\nIt was agreed to refer this Motion to the Travel and Transportation Strategic Policy\n\nCommittee.\n\nNext item"), [
    "to refer this Motion to the Travel and Transportation Strategic Policy Committee.",
  ]);
});

test("numbered resolutions under a bare keyword are separate decisions", () => {
  assert.deepEqual(texts("RESOLVED –\n\n(1) That the report be noted.\n\n(2) That the plan be approved.\n\nThe Chairman thanked officers."), [
    "(1) That the report be noted.",
    "(2) That the plan be approved.",
  ]);
  assert.deepEqual(texts("Planning application 16/00250/O. Approved by the Borough Council on 3 March."), []);
});

test("a body that RESOLVED keeps its subject; votes before a carried proposal are dropped", () => {
  assert.deepEqual(texts("The Council RESOLVED to adopt the policy."), ["The Council RESOLVED to adopt the policy."]);
  assert.deepEqual(texts("Following a vote, 5 for and 2 against, the proposal to buy a bench was carried."), ["the proposal to buy a bench"]);
});

test("'the meeting concluded that' is not the close of the meeting", () => {
  assert.deepEqual(texts("The meeting concluded that more work was needed. It was agreed to write to NCC."), ["to write to NCC."]);
});

test("tallies and movers after a body's approval, figures before a record, and a proposal by pronoun", () => {
  assert.deepEqual(texts("The Parish Council approved the minutes as a true record, there was two abstentions in relation to non-attendance, the minutes were proposed for approval by Cllr Trudy Mann, seconded by Cllr Mandy Leamon, in favour were five."), [
    "The Parish Council approved the minutes as a true record",
  ]);
  assert.deepEqual(texts("As at 3 January Business Account 30780.52 Community Account 3768.88 The payments and accounts were accepted, proposed by Cllr Grant Tomkins, seconded by Cllr Daphne Clements, all were in favour."), [
    "The payments and accounts were accepted",
  ]);
  assert.deepEqual(texts("The Parish Council received the budget for 2019/20, Cllr Trudy Mann proposed its approval, seconded by Cllr Jim McNeill, all agreed."), [
    "The Parish Council received the budget for 2019/20, Cllr Trudy Mann proposed its approval",
  ]);
});

test("an officer's reply that reports earlier approvals stays a reply", () => {
  const t = "Proposed by Cllr. Egan, seconded by Clir. Teefy.\nReply: The Elected Members approved GMA funding in 2019 for a crossing.\nThe Council approved the match funding of €250,000 for CCTV.";
  assert.deepEqual(texts(t), []);
});

test("a planning application heading is not part of the council's response", () => {
  assert.deepEqual(texts("16/00250/O Outline application for three dwellings on land opposite Church Farm, Low Road, Wretton Parish Council recommended refusal as there are highway concerns."), [
    "Wretton Parish Council recommended refusal as there are highway concerns.",
  ]);
});

test("movers with nothing proposed, and a bare parenthesis after the keyword, are not decisions", () => {
  assert.deepEqual(texts("Proposed M. Grief, seconded B. Glover."), []);
  assert.deepEqual(texts("RESOLVED: (For information only)"), []);
});

test("decisions read the same across doubled spaces, as justified PDF text comes out", () => {
  // Each sentence is from real minutes.
  const sentences = [
    "RESOLVED: That the minutes of the meeting held on 12 March be approved.",
    "RESOLVED – That the minutes be confirmed.",
    "Resolved 16/01/5.01 The minutes were adopted.",
    "And Resolved: to accept the quotation",
    "DETERMINED: that the application be refused",
    "AGREED that the Clerk write to the County Council",
    "The matter was discussed and it was agreed that the Clerk would ask Highways.",
    "It was agreed by the PC and tenants present that this had been useful.",
    "It was further resolved unanimously that the grant be paid.",
    "It was agreed, on the proposal of Councillor Keller, seconded by Cmhlr. Ó Ceallaigh, that the Motion be referred.",
    "The Councillors agreed not to water from September.",
    "The Parish Councillors then held a short meeting and agreed the accounts.",
    "These were agreed as a true record and signed by the Chairman.",
    "The document was discussed and a final version approved.",
    "The Clerk had passed the information on. Deferred to next agenda.",
    "Water connection to be considered again at next PC meeting.",
    "The issue of the account was deferred to the March agenda.",
    "Adopted with the amendment of Mr M Dean to Mr M Evans.",
    "Following a vote, 5 for and 2 against, the proposal to buy a bench was carried.",
    "Apologies were received from Cllr Leet and Cllr Muir. These were accepted.",
    "A vote of sympathy was passed to the family.",
    "Cllr Smith agreed to contact the Highways department.",
    "At their November meeting Members had resolved that a letter be sent.",
    "Planning application 16/00250/O. Approved by the Borough Council on 3 March.",
    "Permission had been granted.",
    "The motion was not carried.",
    "Cllr Precey proposed pulling away from the camera altogether, no one agreed with this.",
  ];
  const flat = (ts: string[]) => ts.map((t) => t.replace(/\s+/g, " "));
  for (const s of sentences) {
    const want = flat(texts(s));
    assert.deepEqual(flat(texts(s.replace(/ /g, "  "))), want, s);
  }
});

test("a line that wraps before 'resolved that' is not a new resolution", () => {
  assert.deepEqual(texts("At their November meeting Members had\nresolved that a letter be sent."), []);
  assert.deepEqual(texts("Some discussion.\nResolved that a letter be sent."), ["that a letter be sent."]);
});

// Staffordshire Safe and Strong Communities Select Committee, 12 December 2016: the same layout
// either side of the rule, the clauses being the resolution (split) or completing its sentence (kept).
test("lettered clauses that are the resolution become separate decisions, each with its own range", () => {
  const text =
    "There was a need for significant work around public awareness.\n\nRESOLVED – That:\n\n- a) progress made towards the development and implementation of the Transforming Care Programme be noted, Members concerns around the reliability of CCG funding, the quality of care providers and the concern over stigma and discrimination influencing the Programme;\n- b) Members' concerns regarding the quality assurance and quality auditing be fed into the process to retender Domiciliary Home Care Providers services; and,\n- c) the findings of the needs assessment be noted, with priorities for development accepted.\n";
  const found = findDecisions(text);
  assert.deepEqual(
    found.map((d) => d.text),
    [
      "a) progress made towards the development and implementation of the Transforming Care Programme be noted, Members concerns around the reliability of CCG funding, the quality of care providers and the concern over stigma and discrimination influencing the Programme",
      "b) Members' concerns regarding the quality assurance and quality auditing be fed into the process to retender Domiciliary Home Care Providers services",
      "c) the findings of the needs assessment be noted, with priorities for development accepted.",
    ],
  );
  // each clause's range holds its own words and no other clause's
  for (const [k, d] of found.entries()) {
    const span = text.slice(d.start, d.end);
    assert.ok(span.includes(d.text.slice(3, 40)), span);
    for (const other of found.filter((_, j) => j !== k)) assert.ok(!span.includes(other.text.slice(3, 40)));
  }
});

test("a resolution whose sentence leads into its list stays one decision", () => {
  const text =
    "RESOLVED – That the progress made to date in relation to tackling modern slavery be supported and that:\n\n- a) details of the number of modern slavery prosecutions be forward to the Select Committee;\n- b) post the January Task and Finish Group meeting the action plan timescales be shared with the Select Committee, with details of the roles and responsibilities of contributors; and\n- c) the Select Committee receive regular updates on the number of reported cases and prosecutions in relation to modern slavery.\n";
  const found = texts(text);
  assert.equal(found.length, 1);
  assert.match(found[0], /^That the progress made to date .* a\) details .* c\) the Select Committee receive regular updates/);
});

// Township of Nipissing, 20 February 2024 (R2024-040): a numbered motion under BE IT RESOLVED.
test("a motion's numbered clauses are separate decisions; its conditions stay with their clause", () => {
  const text =
    "R2024-040 T. Butler, S. Kirkey:\nBE IT RESOLVED:\n   1. That this Council does approve “in principle” the Application of Shardell Lamka, to purchase the\n      Shore Road Allowance located in front of Concession 15 PT Lot 13 PCL 7580 N/S, Township of\n      Nipissing.\n   2. That this resolution is subject to the following conditions:\n         • The Council shall select an independent search firm specializing in fishery issues.\n         • That in accordance with the Municipality’s policy, notice and a copy of the draft plan will\n             be mailed to the adjacent owners. Carried.\n";
  const found = findDecisions(text);
  assert.equal(found.length, 2);
  assert.match(found[0].text, /^1\. That this Council does approve .* Township of Nipissing\.$/);
  assert.match(found[1].text, /^2\. That this resolution is subject to the following conditions: The Council shall select .* adjacent owners\.$/);
  assert.deepEqual(found.map((d) => [d.movedBy, d.secondedBy]), [["T. Butler", "S. Kirkey"], ["T. Butler", "S. Kirkey"]]);
});

test("an enumerator inside a sentence, or out of sequence, does not split", () => {
  assert.equal(texts("RESOLVED that the budget under (1) be approved and the reserve under (2) be noted.").length, 1);
  assert.equal(texts("RESOLVED:\n\n(a) the report be noted;\n\n(c) the plan be approved.").length, 1);
  assert.equal(texts("RESOLVED:\n\n(1) Noted.\n\n(2) Agreed.").length, 1);
});

// real US minutes: City of Alameda council (2005, 2012), Los Rios CCD board (2020)
test("US motions: the motion is the decision once it is seconded or carried; tallies and failed motions are left out", () => {
  const council =
    "Councilmember Matarrese moved approval of the Consent Calendar.\n\nCouncilmember Daysog seconded the motion, which carried by unanimous voice vote – 4. [Absent: Mayor Johnson – 1.]";
  assert.deepEqual(
    findDecisions(council).map((d) => [d.text, d.movedBy, d.secondedBy]),
    [["approval of the Consent Calendar.", "Councilmember Matarrese", "Councilmember Daysog"]],
  );
  const board =
    "A motion was made by Trustee Knight, seconded by Trustee Haynes, that the Board of Trustees\napprove Consent Consideration items A through I.\n\nRoll Call Vote:\nAye: Haynes, Jones, Knight, Nelson, Ortiz\nNo: None\nAbsent: Johnson\nStudent Advisory Vote: Aye\nMotion carried; 5:0";
  assert.deepEqual(findDecisions(board).map((d) => d.text), ["that the Board of Trustees approve Consent Consideration items A through I."]);
  const failed =
    "(05-028) Councilmember deHaan moved that discussion regarding\noptions for relocation assistance legislation be heard first on the Regular Agenda.\n\nCouncilmember Daysog seconded the motion, which FAILED by the\nfollowing voice vote: Ayes: Councilmembers Daysog and deHaan –2.";
  assert.deepEqual(findDecisions(failed), []);
  // a motion nobody seconded and nobody voted on is not a decision
  assert.deepEqual(findDecisions("Vice Mayor Tam moved approval of the staff recommendation.\n\nCouncilmember deHaan stated that he would not support it."), []);
});

test("a vote line after the second belongs to the motion; a running footer is not a decision", () => {
  // City of Alameda Planning Board, 2011
  const t =
    "Minutes from the Regular meeting of November 8, 2010. Kohlstrand moved, seconded by Autorino, to approve the minutes.\n\nApproved 4-0-1 Zuppan abstained.\n\nAPPROVED MEETING MINUTES 1 of 10";
  assert.deepEqual(texts(t), ["to approve the minutes."]);
});

test("passive minute approvals are records, kept whole, with movers cut from them", () => {
  // Burton-cum-Walden Parish Council, 3 June 2025
  assert.deepEqual(
    texts("The minutes of the Annual Parish Council meeting held on Tuesday 6 May 2025, having been circulated to all Members, were confirmed as a true record, and duly signed by the Chairman."),
    ["The minutes of the Annual Parish Council meeting held on Tuesday 6 May 2025, having been circulated to all Members, were confirmed as a true record, and duly signed by the Chairman."],
  );
  // Souldern Parish Council planning meeting, 25 April 2019
  assert.deepEqual(
    texts(
      "The minutes of the Planning meeting held on 28th February 2019 were checked for\naccuracy and content, proposed by JH and seconded by CR and agreed as a true record\nof the meeting and signed by the chair.",
    ),
    ["The minutes of the Planning meeting held on 28th February 2019 were checked for accuracy and content and agreed as a true record of the meeting and signed by the chair."],
  );
  // Souldern Parish Council, 17 November 2016: the movers on their own line
  assert.deepEqual(texts("The minutes of the meeting held on 29th September 2016 were approved and signed\nProp: KA 2nd: KD"), [
    "The minutes of the meeting held on 29th September 2016 were approved and signed",
  ]);
  assert.deepEqual(texts("The minutes of the last meeting were not approved as they had not been circulated."), []);
});

test("matters put off to the next meeting are deferrals", () => {
  // Souldern Parish Council, 17 November 2016 and 25 April 2024
  assert.deepEqual(texts("This matter to be discussed more fully at the next meeting."), ["This matter to be discussed more fully at the next meeting."]);
  assert.deepEqual(texts("The minutes of the parish council meeting held on 10th April 2024 will be approved at\nthe next meeting."), [
    "The minutes of the parish council meeting held on 10th April 2024 will be approved at the next meeting.",
  ]);
});

test("matters tabled or continued until a later meeting are deferrals; a paper tabled at the meeting is not", () => {
  // City of Alameda Recreation & Park Commission, 11 December 2008
  assert.deepEqual(texts("Elections are tabled until the January 2009 Recreation & Park Commission Meeting."), [
    "Elections are tabled until the January 2009 Recreation & Park Commission Meeting.",
  ]);
  assert.deepEqual(texts("Approval of November 13, 2008 Minutes are tabled until the January 2009 Recreation &\nPark Commission Meeting."), [
    "Approval of November 13, 2008 Minutes are tabled until the January 2009 Recreation & Park Commission Meeting.",
  ]);
  assert.deepEqual(texts("A revised budget sheet was tabled at the meeting."), []);
});

test("a line closed by its mover and seconder in brackets is a moved decision; a bare APPROVED line too", () => {
  // Lincoln Square Special Service Area #21 Commission (Chicago), 29 January 2018
  const t = `Meeting called to order at 9:08am – M. Prest (motion), C. Dallas (second)
Todd Feinberg welcomed to SSA Commission
Minutes from 11/30/17 meeting approved – Z. Maiorca (motion), T. Feinberg (second)
\uF0B7 2017/18 Financials approved – B. Munro (motion), C. Dallas (second)
       o In 2017, the SSA received $239,503 out of $242,994 in expected taxes
New Business
       o APPROVED – 2018 Meetings Calendar
       o APPROVED – Revised 2018 budget – B. Munro (motion), Z. Maiorca (second)
              New funding for street pole banner repairs`;
  const found = findDecisions(t);
  assert.deepEqual(
    found.map((d) => d.text),
    ["Meeting called to order at 9:08am", "Minutes from 11/30/17 meeting approved", "2017/18 Financials approved", "APPROVED – 2018 Meetings Calendar", "APPROVED – Revised 2018 budget"],
  );
  assert.deepEqual(found.map((d) => [d.movedBy, d.secondedBy])[1], ["Z. Maiorca", "T. Feinberg"]);
});

test("a body that voted with its tally before the verb records a decision", () => {
  // Los Rios Community College District Board of Trustees, 11 March 2020
  const found = texts("In Closed Session matter identified as Item 9.A, the Board of Trustees voted 5:0 to deny the\nappeal of the complaint against the public employee.");
  assert.equal(found.length, 1);
  assert.match(found[0], /the Board of Trustees voted 5:0 to deny the appeal of the complaint against the public employee\.$/);
});

// real page furniture: City of Alameda Historical Advisory Board (2017)
test("a running footer ending 'Page N of M' is not a decision", () => {
  const t = [
    "       Chris Verplanck gave a presentation.",
    "",
    "",
    "Approved Minutes                                                                 Page 1 of 5",
    "Historical Advisory Board",
    "June 1, 2017",
    "       Board Member Saxby asked why the change in exterior finish materials was such an",
    "       emphasis in the report’s findings.",
  ].join("\n");
  assert.deepEqual(texts(t), []);
  assert.deepEqual(texts("Approved Minutes Page 5 of 5"), []);
  assert.deepEqual(texts("The minutes were approved as presented."), ["The minutes were approved as presented."]);
});

// real text: City of Alameda Recreation & Park Commission (2008)
test("lettered sub-headings printed above a decision are not part of it", () => {
  const t = ["A. Nomination and Selection of Chair", "B. Nomination and Selection of Vice Chair", "Elections are tabled until the January 2009 Recreation & Park Commission Meeting."].join("\n");
  assert.deepEqual(texts(t), ["Elections are tabled until the January 2009 Recreation & Park Commission Meeting."]);
  // an initial opening a sentence is not a heading
  assert.deepEqual(texts("B. Murphy informed the meeting that the scheme was ready.\nThe minutes were approved as presented."), ["The minutes were approved as presented."]);
});
