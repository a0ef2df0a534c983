import { test } from "node:test";
import assert from "node:assert/strict";
import { choosePerson, compatible, displayName, mergeNames, parseName, type Candidate, type PersonName } from "./names.ts";

const n = (s: string): PersonName => {
  const p = parseName(s);
  assert.ok(p, `parses ${s}`);
  return p;
};

test("parseName keeps surname, initials and full forenames, drops honorifics and descriptors", () => {
  assert.deepEqual(n("Mr M Tett"), { honorific: "Mr", forenames: [], initials: "M", surname: "Tett", surnameKey: "tett" });
  assert.deepEqual(n("Martin Tett"), { honorific: null, forenames: ["Martin"], initials: "M", surname: "Tett", surnameKey: "tett" });
  assert.deepEqual(n("Cllr Tett"), { honorific: "Cllr", forenames: [], initials: "", surname: "Tett", surnameKey: "tett" });
  assert.equal(n("Cllr. J.R. Smith (Chairman)").initials, "JR");
  assert.equal(n("Clir. Noel Brown").surname, "Brown");
  assert.equal(n("County Councillor Lisa Marie Sheehy").initials, "LM");
  assert.equal(n("Sarah Thorpe, Clerk").surname, "Thorpe");
  assert.equal(n("Cllr William O' Donnell").surnameKey, "odonnell");
  assert.equal(n("Cllr Seán Lynch").surnameKey, "lynch");
  assert.equal(n("Mr David Sheehy MBE").surname, "Sheehy");
  assert.equal(parseName("(PB)"), null);
});

test("displayName prefers full forenames, then initials, then honorific and surname", () => {
  assert.equal(displayName(n("Mr M Tett")), "M Tett");
  assert.equal(displayName(n("Cllr Martin Tett")), "Martin Tett");
  assert.equal(displayName(n("Cllr Tett")), "Cllr Tett");
  assert.equal(displayName(mergeNames(n("Mr M J Tett"), n("Martin Tett"))), "Martin J Tett");
});

test("compatible: initials must agree, surname alone is compatible, different forenames are not", () => {
  assert.ok(compatible(n("Mr M Tett"), n("Martin Tett")));
  assert.ok(compatible(n("M J Tett"), n("Martin Tett")));
  assert.ok(compatible(n("Cllr Tett"), n("Martin Tett")));
  assert.ok(!compatible(n("Mr J Tett"), n("Mr M Tett")));
  assert.ok(!compatible(n("Martin Tett"), n("Mark Tett")));
  assert.ok(compatible(n("Chris Evans"), n("Christopher Evans")));
  assert.ok(!compatible(n("M Tett"), n("M Smith")));
});

const cand = (id: number, name: string, inBody = true): Candidate => ({ id, name: n(name), inBody });

test("Mr M Tett, Martin Tett and Cllr Tett at one body are one person", () => {
  const people = [cand(1, "Mr M Tett")];
  assert.deepEqual(choosePerson(n("Martin Tett"), people), { kind: "match", id: 1 });
  assert.deepEqual(choosePerson(n("Cllr Tett"), people), { kind: "match", id: 1 });
  // in the other order: a bare surname seen first takes the initials later
  assert.deepEqual(choosePerson(n("Mr M Tett"), [cand(7, "Cllr Tett")]), { kind: "match", id: 7 });
});

test("never merges on a surname alone when initials differ", () => {
  assert.deepEqual(choosePerson(n("Mr J Tett"), [cand(1, "Mr M Tett")]), { kind: "new" });
  assert.deepEqual(choosePerson(n("Mr J Tett"), [cand(1, "Martin Tett")]), { kind: "new" });
  // a bare surname at a body where two Tetts sit could be either
  assert.equal(choosePerson(n("Cllr Tett"), [cand(1, "M Tett"), cand(2, "J Tett")]).kind, "ambiguous");
  // a bare-surname person cannot absorb new initials while another Tett with initials sits at the body
  assert.deepEqual(choosePerson(n("P Tett"), [cand(1, "Cllr Tett"), cand(2, "J Tett")]), { kind: "new" });
});

test("a bare surname is matched only within the body where it was written", () => {
  assert.deepEqual(choosePerson(n("Cllr Tett"), [cand(1, "Martin Tett", false)]), { kind: "new" });
  assert.deepEqual(choosePerson(n("M Tett"), [cand(1, "Cllr Tett", false)]), { kind: "new" });
  // full names match across the authority's bodies
  assert.deepEqual(choosePerson(n("Mr M Tett"), [cand(1, "Martin Tett", false)]), { kind: "match", id: 1 });
});

test("among several compatible people the most specific wins, else the one at this body", () => {
  assert.deepEqual(choosePerson(n("Martin Tett"), [cand(1, "M Tett"), cand(2, "Martin Tett")]), { kind: "match", id: 2 });
  assert.deepEqual(choosePerson(n("M Tett"), [cand(1, "Martin Tett", false), cand(2, "Mark Tett", true)]), { kind: "match", id: 2 });
  assert.equal(choosePerson(n("M Tett"), [cand(1, "Martin Tett"), cand(2, "Mark Tett")]).kind, "ambiguous");
});

test("names with several initials must agree on all of them", () => {
  assert.ok(!compatible(n("M J Tett"), n("M K Tett")));
  assert.ok(!compatible(n("Cllr M.J. Tett"), n("Cllr M.K. Tett")));
  assert.ok(compatible(n("M J Tett"), n("M Tett")));
  assert.ok(compatible(n("M Tett"), n("M J Tett")));
  assert.deepEqual(choosePerson(n("M K Tett"), [cand(1, "M J Tett")]), { kind: "new" });
  // the fuller of two people with those initials wins
  assert.deepEqual(choosePerson(n("M J Tett"), [cand(1, "M Tett"), cand(2, "M J Tett")]), { kind: "match", id: 2 });
});

test("every honorific written before a name is set aside", () => {
  const honorifics = [
    "County Councillor", "District Councillor", "Borough Councillor", "Parish Councillor", "Town Councillor", "City Councillor",
    "Deputy Mayor", "Lord Mayor", "The Rt Hon", "Rt Hon", "The Hon", "His Worship", "Her Worship", "The Reverend",
    "Councillor", "Comhairleoir", "Cllr", "Clir", "Cllir", "Clr", "Cir", "Cl", "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor",
    "Rev", "Revd", "Reverend", "Canon", "Fr", "Sir", "Dame", "Lord", "Lady", "Ald", "Alderman", "Mayor", "Reeve", "Deputy Reeve", "Supt", "Insp", "Sgt", "PC",
  ];
  for (const h of honorifics) {
    assert.deepEqual(n(`${h} Jane Smith`), { honorific: h, forenames: ["Jane"], initials: "J", surname: "Smith", surnameKey: "smith" }, h);
    assert.equal(n(`${h}. J Smith`).honorific, h, `${h}.`);
  }
  // two honorifics, the first kept; a surname that begins like one is not cut
  assert.deepEqual(n("Cllr. Dr Jane Smith"), { honorific: "Cllr", forenames: ["Jane"], initials: "J", surname: "Smith", surnameKey: "smith" });
  assert.equal(n("Mrs Jane Smith").honorific, "Mrs");
  assert.deepEqual(n("Mr Mrsic"), { honorific: "Mr", forenames: [], initials: "", surname: "Mrsic", surnameKey: "mrsic" });
  assert.equal(n("Cllr").surname, "Cllr");
});

test("every post-nominal after a name is set aside, a short surname is not", () => {
  const postnominals = ["MBE", "OBE", "CBE", "BEM", "JP", "MP", "MEP", "TD", "MLA", "MSP", "DL", "QC", "KC", "CC", "DC", "BC", "PCC", "FRS", "PhD", "MSc", "BA", "BSc", "MA", "Esq", "Jr", "Sr", "Snr", "Jnr"];
  for (const p of postnominals) assert.equal(n(`Cllr Jane Smith ${p}`).surname, "Smith", p);
  assert.equal(n("Mr David Sheehy M.B.E.").surname, "Sheehy");
  assert.equal(n("Cllr Jane Smith OBE JP").surname, "Smith");
  assert.equal(n("Dr Ma").surname, "Ma");
});

test("surname particles stay with the surname", () => {
  const particles = ["de", "van", "von", "der", "den", "le", "la", "du", "di", "da", "St", "Mac", "O", "Ní", "Ni", "Nic", "Ua", "bin", "al"];
  for (const p of particles) {
    const name = n(`Cllr Anne ${p} Ryan`);
    assert.equal(name.surname, `${p} Ryan`, p);
    assert.deepEqual(name.forenames, ["Anne"], p);
  }
  assert.equal(n("Ursula von der Leyen").surname, "von der Leyen");
  assert.equal(n("Cllr Anne St. Ryan").surname, "St. Ryan");
});

test("what surrounds a name as written is set aside", () => {
  assert.equal(n(" Cllr Tett ").honorific, "Cllr");
  assert.equal(n("Cllr J Smith [Vice-Chairman]").surname, "Smith");
  assert.equal(n("Cllr J Smith [VC] (Chair)").surname, "Smith");
  assert.equal(n("Sarah Thorpe - Clerk to the Council").surname, "Thorpe");
  assert.equal(n("Sarah Thorpe,\nClerk").surname, "Thorpe");
  assert.equal(n("Sarah  Thorpe").forenames[0], "Sarah");
  assert.equal(n("Cllr M Tett *").surname, "Tett");
  assert.equal(n("Cllr J Smith.").surname, "Smith");
  assert.equal(parseName("Cllr ---"), null);
});

test("initials and short forenames are told apart", () => {
  assert.deepEqual(n("Cllr JR Smith"), { honorific: "Cllr", forenames: [], initials: "JR", surname: "Smith", surnameKey: "smith" });
  assert.equal(n("Cllr JRT Smith").initials, "JRT");
  assert.equal(n("Cllr a.j. smith").initials, "AJ");
  assert.equal(n("Cllr A.B.C.D. Smith").initials, "ABCD");
  assert.deepEqual(n("Cllr m Tett"), { honorific: "Cllr", forenames: [], initials: "M", surname: "Tett", surnameKey: "tett" });
  // names written in capitals keep their forenames
  assert.deepEqual(n("Cllr JOHN SMITH").forenames, ["JOHN"]);
  assert.deepEqual(n("Cllr Ian Smith").forenames, ["Ian"]);
  assert.deepEqual(n("Cllr Jo Smith").forenames, ["Jo"]);
  assert.deepEqual(n("Cllr Anne-Marie Smith").forenames, ["Anne-Marie"]);
  assert.equal(n("Cllr Éamon Ryan").initials, "E");
});

test("forenames compare with and without accents, and short forms of three letters or more", () => {
  assert.ok(compatible(n("Cllr Seán Lynch"), n("Cllr Sean Lynch")));
  assert.ok(compatible(n("Jo Smith"), n("Jo Smith")));
  assert.ok(compatible(n("Christopher Evans"), n("Chris Evans")));
  assert.ok(compatible(n("Pat Ryan"), n("Patricia Ryan")));
  assert.ok(compatible(n("Patricia Ryan"), n("Pat Ryan")));
  assert.ok(!compatible(n("Ed Smith"), n("Edward Smith")));
  assert.ok(!compatible(n("Edward Smith"), n("Ed Smith")));
});

test("display names keep every initial", () => {
  assert.equal(displayName(n("M J Tett")), "M J Tett");
  assert.equal(displayName(mergeNames(n("Mr M J K Tett"), n("Martin Tett"))), "Martin J K Tett");
  assert.equal(displayName(n("Tett")), "Tett");
});

test("mergeNames keeps the first-written forename when both are full, and any honorific", () => {
  assert.deepEqual(mergeNames(n("Chris Evans"), n("Cllr Chris Evans")).honorific, "Cllr");
  assert.deepEqual(mergeNames(n("Chris Evans"), n("Christopher Evans")).forenames, ["Chris"]);
  assert.equal(mergeNames(n("M Tett"), n("M J Tett")).initials, "MJ");
  assert.equal(mergeNames(n("M J Tett"), n("M Tett")).initials, "MJ");
  assert.deepEqual(mergeNames(n("Cllr Tett"), n("Martin Tett")).forenames, ["Martin"]);
});

test("choosePerson looks only at people of that surname, and names every one it cannot choose between", () => {
  assert.deepEqual(choosePerson(n("Cllr Tett"), [cand(1, "M Smith")]), { kind: "new" });
  assert.deepEqual(choosePerson(n("M Tett"), [cand(1, "M Smith")]), { kind: "new" });
  assert.deepEqual(choosePerson(n("M Tett"), [cand(1, "Martin Tett"), cand(2, "Mark Tett")]), { kind: "ambiguous", ids: [1, 2] });
  assert.deepEqual(choosePerson(n("Cllr Tett"), [cand(1, "M Tett"), cand(2, "J Tett")]), { kind: "ambiguous", ids: [1, 2] });
  // two Tetts with these initials, one of them at this body
  assert.deepEqual(choosePerson(n("M Tett"), [cand(1, "M Tett", false), cand(2, "M Tett", true)]), { kind: "match", id: 2 });
  // the full forename is more specific than the same initial
  assert.deepEqual(choosePerson(n("Martin Tett"), [cand(1, "Martin Tett"), cand(2, "M Tett")]), { kind: "match", id: 1 });
  // the same forename is more specific than a longer form of it
  assert.deepEqual(choosePerson(n("Chris Evans"), [cand(1, "Christopher Evans"), cand(2, "Chris Evans")]), { kind: "match", id: 2 });
});
