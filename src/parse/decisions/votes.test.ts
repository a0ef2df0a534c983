// Excerpts are real minutes (Alameda city boards, Limerick district meetings, Norfolk and
// Oxfordshire parishes) as ../shared/corpus/real holds them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readVotes } from "./votes.ts";

test("a roll call with each member's vote gives names and the stated tally", () => {
  const v = readVotes(
    "Councilmember Jensen moved approval of adoption of the resolution amending the\ngeneral fund budget.\n\nCouncilmember Vella seconded the motion, which carried by the following roll call vote:\nCouncilmembers Daysog: No; Herrera Spencer: No; Jensen: Aye; Vella: Aye; and\nMayor Ezzy Ashcraft: Aye. Ayes: 3. Noes: 2.",
  );
  assert.equal(v?.for, 3);
  assert.equal(v?.against, 2);
  assert.deepEqual(v?.recorded?.for, ["Councilmember Jensen", "Councilmember Vella", "Mayor Ezzy Ashcraft"]);
  assert.deepEqual(v?.recorded?.against, ["Councilmember Daysog", "Councilmember Herrera Spencer"]);
  assert.equal(v?.unanimous, undefined);
});

test("a roll call where every member voted aye", () => {
  const v = readVotes(
    "Commissioner Tilos moved approval of the minutes.\n\nCommissioner Cambra seconded the motion, which carried by the following roll call vote:\nCommissioners Cambra: Aye; Chen: Aye; Montgomery: Aye; Tilos: Aye; and Chair\nLoPilato: Aye. Ayes: 5.",
  );
  assert.equal(v?.for, 5);
  assert.equal(v?.against, null);
  assert.deepEqual(v?.recorded?.for, ["Commissioner Cambra", "Commissioner Chen", "Commissioner Montgomery", "Commissioner Tilos", "Chair LoPilato"]);
});

test("Ayes and an abstention named with their counts", () => {
  const v = readVotes(
    "Commissioner Wong seconded the motion, which carried by the following voice vote:\nAyes: Commissioners Aguliar, Spanier, Tilos, and Wong – 4. Abstention: Commissioner\nCambra – 1.\n\nCommissioner Spanier moved approval of nominating Commissioner Aguliar as Vice",
  );
  assert.deepEqual(v, {
    for: 4,
    against: null,
    abstain: 1,
    recorded: { for: ["Commissioner Aguliar", "Commissioner Spanier", "Commissioner Tilos", "Commissioner Wong"], against: [], abstain: ["Commissioner Cambra"], absent: [], recused: [] },
  });
});

test("counts only: Ayes:4; Noes: 0; Absent: None", () => {
  const v = readVotes("seconded by Member DeHaan and passed by the following voice vote:\nAyes: 4; Noes: 0; Absent: None");
  assert.equal(v?.for, 4);
  assert.equal(v?.against, 0);
  assert.equal(v?.recorded, undefined);
});

test("For and Against lists over blank lines, with their counts in brackets", () => {
  const v = readVotes(
    "Members were not in agreement, a vote was taken on the proposal to defer to Metropolitan Party\n\nLeaders which resulted as follows :\n\n**For the proposal:**\n\nCouncillors Benson, Costelloe, Hartigan, Kiely, Kilcoyne, McSweeney, Murphy, O’Sullivan, Sheahan\n\nand Talukder.\n\n(10)\n\n**Against the proposal:**\n\nCouncillors Collins, Leddin (B), O’Donovan, Secas and Sheehan\n\n(5)\n\nThe Meetings Administrator declared that the proposal was carried.",
  );
  assert.equal(v?.for, 10);
  assert.equal(v?.against, 5);
  assert.equal(v?.recorded?.for.length, 10);
  assert.equal(v?.recorded?.for[0], "Councillor Benson");
  assert.equal(v?.recorded?.for[9], "Councillor Talukder");
  assert.deepEqual(v?.recorded?.against, ["Councillor Collins", "Councillor Leddin (B)", "Councillor O’Donovan", "Councillor Secas", "Councillor Sheehan"]);
});

test("US tallies: passed 5-0, a 3-0 vote, carried 5-0-1", () => {
  assert.deepEqual(readVotes("panelists and two alternates. Commissioner Rush seconded. Motion passed 5-0."), { for: 5, against: 0, abstain: null });
  assert.deepEqual(readVotes("Member Willis seconded; all were in favor and passed with a 3-0 vote."), { for: 3, against: 0, abstain: null, unanimous: true });
  assert.deepEqual(readVotes("Mitchell seconded the motion which carried by a 5-0 vote."), { for: 5, against: 0, abstain: null });
  assert.deepEqual(readVotes("Motion carried 5-0-1."), { for: 5, against: 0, abstain: 1 });
  assert.deepEqual(readVotes("Roll call vote: Y-5 N-0"), { for: 5, against: 0, abstain: null });
});

test("UK parish tallies in words and figures", () => {
  assert.deepEqual(readVotes("Proposed Cllr Mandy Leamon, Seconded Cllr Jim McNeill, 7 agreed and 1 abstained as they were not present at the meeting."), { for: 7, against: null, abstain: 1 });
  assert.deepEqual(readVotes("Cllr Kit Hesketh-Harvey seconded, eight were in favour and one abstained as they had not been present at the meeting)."), { for: 8, against: null, abstain: 1 });
  assert.deepEqual(readVotes("Prop. GK, 2nd PN. 4 in favour, 2 against, JB abstained."), { for: 4, against: 2, abstain: null });
  assert.deepEqual(readVotes("seconded by Cllr Grant Tomkins, there were four in favour, one against and one abstained."), { for: 4, against: 1, abstain: 1 });
});

test("a member named as abstaining is recorded by name", () => {
  const v = readVotes("for approval, seconded by Cllr Gail Reeve, Cllr Jim McNeill abstained, five in favour.");
  assert.equal(v?.for, 5);
  assert.equal(v?.abstain, 1);
  assert.deepEqual(v?.recorded?.abstain, ["Cllr Jim McNeill"]);
});

test("unanimous in its usual phrasings, and not when denied", () => {
  assert.equal(readVotes("Cllr Mrs Hull proposed acceptance of the minutes seconded by Cllr Nicholas-Letch. Unanimously agreed.")?.unanimous, true);
  assert.equal(readVotes("The motion was carried nem. con.")?.unanimous, true);
  assert.equal(readVotes("The vote was not unanimous but the motion was carried."), null);
});

test("a recusal names the member who stood aside", () => {
  const v = readVotes("Staff Member Tai noted that Board Member Sanchez was recusing himself because he\n       is a tenant of the Alameda Marina.");
  assert.deepEqual(v?.recorded?.recused, ["Board Member Sanchez"]);
  assert.deepEqual(readVotes("Councillor Murphy declared an interest and did not take part in the vote.")?.recorded?.recused, ["Councillor Murphy"]);
});

test("money, dates, minute and section numbers are never tallies", () => {
  assert.equal(readVotes("RESOLVED that the precept be set at £423 for the year and £5 for the next."), null);
  assert.equal(readVotes("The council approved $5,000 for the project and 12 for the stage."), null);
  assert.equal(readVotes("Minutes of the meeting held on 12-3-2024 were approved."), null);
  assert.equal(readVotes("Approved under minute 283/24 and Section 5-2 of the code, agreed 2024-05-01."), null);
  assert.equal(readVotes("The grant of £1,250.00 was approved 3.5 for the year."), null);
});

test("an attendance line's Absent list is not a vote", () => {
  assert.equal(readVotes("Present: Chair Piziali, Board Members Chan, Jones, Saxby. Absent: Sanchez."), null);
});

test("a board's Approved / Abstain / Absent lists with counts in brackets", () => {
  const v = readVotes(
    '          "That Minutes of Public Art Advisory Committee Meeting on February 24,\n          2005 be approved."\n\n          Approved (3) - Huston, Lee, Cervantes\n          Abstain (1) - Wolfe\n          Absent (1) - Rosenberg\n\n3.        Oral Communications',
  );
  assert.deepEqual(v, { for: 3, against: null, abstain: 1, recorded: { for: ["Huston", "Lee", "Cervantes"], against: [], abstain: ["Wolfe"], absent: ["Rosenberg"], recused: [] } });
});

test("Votes for … Against and Votes for … Abstention, and agreed by all", () => {
  assert.deepEqual(readVotes("Cllr Bivon proposed returning to the practice of publishing draft minutes seconded by Cllr Ryves. 7 Votes for 1 Against - Carried."), { for: 7, against: 1, abstain: null });
  assert.deepEqual(readVotes("Cllr Nicholas Letch proposed accepting the amended Standing Orders seconded by Cllr McCarthy. 7 Votes for 1 Abstention - Carried."), { for: 7, against: null, abstain: 1 });
  assert.equal(readVotes("Cllr Nicholas-Letch proposed that a Cemetery/Open Space/Allotments and Administration/ Personnel/Finance Committees be formed seconded by Cllr Mrs Clements. Agreed by all")?.unanimous, true);
});
