import { test } from "node:test";
import assert from "node:assert/strict";
import { findDecisions } from "./find.ts";
import { isMoversOnly, nameAt, readMovers, readMoversHead } from "./movers.ts";

const movers = (s: string) => findDecisions(s).map((d) => [d.text, d.movedBy ?? null, d.secondedBy ?? null]);

test("names are read as written, up to the punctuation or clause word after them", () => {
  assert.equal(nameAt("Councillor M.Ryan,"), "Councillor M.Ryan");
  assert.equal(nameAt("Cllr. M. Ryan, seconded"), "Cllr. M. Ryan");
  assert.equal(nameAt("Councillor Teefy.\nAnd Resolved:"), "Councillor Teefy");
  assert.equal(nameAt("Cllr Gail Reeve, five were in favour"), "Cllr Gail Reeve");
  assert.equal(nameAt("S. Kirkey"), "S. Kirkey");
  assert.equal(nameAt("the Chairman"), null);
  assert.equal(nameAt("Chairman and agreed"), null);
  assert.equal(nameAt("Cllr"), null);
});

test("the phrasings minutes record movers in", () => {
  assert.deepEqual(readMovers("On the proposal of Cllr E. Ryan, and seconded by Cllr M Ryan, the Elected Members agreed to adjourn"), {
    movedBy: "Cllr E. Ryan",
    secondedBy: "Cllr M Ryan",
  });
  assert.deepEqual(readMovers("Proposed by Councillor M.Ryan,\nSeconded by Councillor Teefy.\nAnd Resolved:"), {
    movedBy: "Councillor M.Ryan",
    secondedBy: "Councillor Teefy",
  });
  assert.deepEqual(readMovers("Cllr Sue Lintern proposed to approve the dispensation applications, seconded by Cllr Jim McNeill, all were in favour."), {
    movedBy: "Cllr Sue Lintern",
    secondedBy: "Cllr Jim McNeill",
  });
  assert.deepEqual(readMovers("Cllr Daphne Clements proposed payment of all bills presented, Cllr Jim McNeill seconded it, all were in favour."), {
    movedBy: "Cllr Daphne Clements",
    secondedBy: "Cllr Jim McNeill",
  });
  assert.deepEqual(readMovers("All payments were approved for payment, Proposer: Cllr P Norris\n\n2nd: Cllr G Koopowitz."), {
    movedBy: "Cllr P Norris",
    secondedBy: "Cllr G Koopowitz",
  });
  assert.deepEqual(readMovers("Minutes of meeting of 2nd December were proposed by Cllr. Mitchell and seconded by Cllr.\nSheahan."), {
    movedBy: "Cllr. Mitchell",
    secondedBy: "Cllr. Sheahan",
  });
  assert.deepEqual(readMovers("Proposed D. Pickston and seconded by G. Clere that the Clerk be appointed"), { movedBy: "D. Pickston", secondedBy: "G. Clere" });
  assert.deepEqual(readMoversHead("R2024-070 S. Kirkey, T. Butler: "), { movedBy: "S. Kirkey", secondedBy: "T. Butler" });
  assert.deepEqual(readMoversHead("Moved by: S. Foote, Seconded by: D. Yemm: "), { movedBy: "S. Foote", secondedBy: "D. Yemm" });
});

test("words around a proposal that are not movers are not read as names", () => {
  // a role, not a name
  assert.deepEqual(readMovers("The Chairman proposed that the meeting be closed, seconded by the Vice-Chairman."), { movedBy: null, secondedBy: null });
  // "proposed" as an adjective or a report
  assert.deepEqual(readMovers("The proposed works by Anglian Water were discussed and agreed."), { movedBy: null, secondedBy: null });
  assert.deepEqual(readMovers("Containers will be moved by the end of October."), { movedBy: null, secondedBy: null });
  // a bullet before a name does not make it a mover or a seconder
  assert.deepEqual(readMovers("It was agreed to write to:\n• Cllr Smith\n• Cllr Jones"), { movedBy: null, secondedBy: null });
  assert.equal(readMovers("Proposed by • Cllr Smith").movedBy, null);
});

test("a decision carries its movers; the resolution text stays as it was", () => {
  assert.deepEqual(movers("Cllr Kit Hesketh proposed to object to the application, seconded by Cllr Daphne Clements, six in favour, 1 abstained."), [
    ["to object to the application", "Cllr Kit Hesketh", "Cllr Daphne Clements"],
  ]);
  assert.deepEqual(movers("Proposed by Councillor Egan,\nSeconded by Councillor Carey.\nAnd Resolved:\n\n“That, the draft Minutes be adopted.”"), [
    ["That, the draft Minutes be adopted.", "Councillor Egan", "Councillor Carey"],
  ]);
  assert.deepEqual(movers("R2024-070 S. Kirkey, T. Butler: That the minutes be adopted as presented. Carried."), [
    ["That the minutes be adopted as presented.", "S. Kirkey", "T. Butler"],
  ]);
  // the movers stated after the record, in a sentence of their own
  assert.deepEqual(movers("The minutes of the meeting held on 1 August 2018 were approved as a true record. Proposed by Cllr Grant Tomkins, and seconded by Cllr Gail Reeve, five were in favour, 2 abstained."), [
    ["The minutes of the meeting held on 1 August 2018 were approved as a true record.", "Cllr Grant Tomkins", "Cllr Gail Reeve"],
  ]);
});

test("movers between two formal records belong to the one they open", () => {
  const t =
    "RESOLVED: That the accounts be approved.\n\nProposed by Councillor Egan,\nSeconded by Councillor Carey.\nAnd Resolved:\n\n“That the budget be adopted.”";
  assert.deepEqual(movers(t), [
    ["That the accounts be approved.", null, null],
    ["That the budget be adopted.", "Councillor Egan", "Councillor Carey"],
  ]);
});

test("no movers where none are stated, and seconding a courtesy is no decision", () => {
  assert.deepEqual(movers("RESOLVED: Cabinet NOTED the report."), [["Cabinet NOTED the report.", null, null]]);
  assert.deepEqual(movers("Cllr Smith proposed a vote of thanks to the Clerk, and Cllr Jones seconded the vote of thanks."), []);
  // a notice of motion proposed and seconded, answered by a reply, was never agreed
  assert.deepEqual(movers("I will move at the next meeting that the Council close the pathways.\n\nProposed by Clir. Donegan, seconded by Cllr. Carey.\n\nReply:\n\nThe Council is consulting residents."), []);
});

test("a unit naming only movers is told from a proposal that states what it proposed", () => {
  assert.equal(isMoversOnly("Proposed by Councillor M.Ryan,"), true);
  assert.equal(isMoversOnly("Seconded by Councillor Teefy."), true);
  assert.equal(isMoversOnly("Proposed by Cllr Grant Tomkins, and seconded by Cllr Gail Reeve, five were in favour, 2 abstained."), true);
  assert.equal(isMoversOnly("2nd: Cllr K Newell."), true);
  assert.equal(isMoversOnly("Proposed by Clir. Carey, seconded by Cllr. Mitchell and agreed that Clir. Carey would be asked to attend."), false);
  assert.equal(isMoversOnly("The Clerk proposed by-laws for the cemetery."), false);
});

test("movers and seconders given by their initials after a label", () => {
  // Souldern Parish Council, 17 November 2016
  assert.deepEqual(readMovers("were approved and signed\nProp: KA 2nd: KD"), { movedBy: "KA", secondedBy: "KD" });
  assert.deepEqual(readMovers("Proposed: JH Seconded: CR"), { movedBy: "JH", secondedBy: "CR" });
});
