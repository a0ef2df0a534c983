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
