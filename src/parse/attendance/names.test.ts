import { test } from "node:test";
import assert from "node:assert/strict";
import { looksLikeName, parseEntry, pluralHonorific, splitNameRole, splitRunOn, splitTopLevel, unwrap } from "./names.ts";

test("recognises names with and without honorifics", () => {
  for (const n of ["Mr M Tett", "Cllr. R. Crisp", "Lin Hazell", "Cllr. William O’ Donnell", "Cllr.John Loftus", "Councillor E. Ryan", "Ms. M. Vaughan-Mullane", "Mr W Chapple OBE", "Cmhlr. Ó Ceallaigh", "Collins (B)", "Kris Croskery-Hodgins"]) {
    assert.equal(looksLikeName(n), true, n);
  }
  for (const n of ["Apologies were accepted", "None", "members of the public", "9 members of the public were in attendance", "The Chairman welcomed everyone present", "Members of the Public: 22", "Councillors", "the Clerk"]) {
    assert.equal(looksLikeName(n), false, n);
  }
});

test("splits comma, 'and' and ampersand lists but not inside brackets", () => {
  assert.deepEqual(
    splitTopLevel("Mr M Appleyard, Mr N Brown, Lin Hazell, Mr M Shaw and Mrs J Teesdale").map((p) => p.text),
    ["Mr M Appleyard", "Mr N Brown", "Lin Hazell", "Mr M Shaw", "Mrs J Teesdale"],
  );
  assert.deepEqual(splitTopLevel("Director, Support (Mr. A, and B) & Cllr C").map((p) => p.text), ["Director", "Support (Mr. A, and B)", "Cllr C"]);
  assert.deepEqual(splitTopLevel("Maureen Compton\tRobert Marshall").map((p) => p.text), ["Maureen Compton", "Robert Marshall"]);
});

test("reads roles in brackets and after dashes, dropping initials", () => {
  assert.deepEqual(parseEntry("Mr M Tett (in the Chair)."), { name: "Mr M Tett", role: "Chair" });
  assert.deepEqual(parseEntry("Cllr. R. Crisp – Chair (RC)"), { name: "Cllr. R. Crisp", role: "Chair" });
  assert.deepEqual(parseEntry("Claire Cann (CC) - Chair"), { name: "Claire Cann", role: "Chair" });
  assert.deepEqual(parseEntry("David Williams (Vice-Chairman)"), { name: "David Williams", role: "Vice-Chairman" });
  assert.deepEqual(parseEntry("Pam Bullas (PB)"), { name: "Pam Bullas", role: null });
  assert.deepEqual(parseEntry("Collins (B)"), { name: "Collins (B)", role: null });
});

test("splits run-on lists at honorifics and separates trailing roles", () => {
  const parts = splitRunOn("Cllr Martin Storey Norfolk County Councillor Cllr Colin Sampson Borough Councillor, Kings Lynn Mr Chris Philpott Footpath Warden").map((p) => p.text);
  assert.deepEqual(parts, ["Cllr Martin Storey Norfolk County Councillor", "Cllr Colin Sampson Borough Councillor, Kings Lynn", "Mr Chris Philpott Footpath Warden"]);
  assert.deepEqual(splitNameRole("Cllr Martin Storey Norfolk County Councillor"), { name: "Cllr Martin Storey", rest: "Norfolk County Councillor" });
  assert.deepEqual(splitNameRole("Helen Richardson Parish Clerk and Financial Responsible Person"), { name: "Helen Richardson", rest: "Parish Clerk and Financial Responsible Person" });
  assert.deepEqual(splitRunOn("Cllr Ian Mack County Councillor Martin Storey").map((p) => p.text), ["Cllr Ian Mack", "County Councillor Martin Storey"]);
});

test("plural honorifics and wrapped lines", () => {
  assert.deepEqual(pluralHonorific("Councillors Carey, Egan"), { singular: "Councillor", rest: "Carey, Egan" });
  assert.equal(pluralHonorific("Councillor Carey"), null);
  assert.equal(unwrap("Senior Executive Engineer, Cappamore-\n\nKilmallock (Mr. B. Kidney)"), "Senior Executive Engineer, Cappamore-Kilmallock (Mr. B. Kidney)");
});

test("a council descriptor before 'Councillor' is a role", () => {
  assert.deepEqual(splitNameRole("County Councillor Martin Storey"), { name: "Councillor Martin Storey", rest: "County Councillor" });
});

test("organisations are not names; 'from X' is a role", () => {
  assert.equal(looksLikeName("Watlington Safer Neighbourhood Watch"), false);
  assert.equal(looksLikeName("Norfolk County Council"), false);
  assert.deepEqual(parseEntry("Nicky Patton from Environmental Health"), { name: "Nicky Patton", role: "Environmental Health" });
  assert.deepEqual(parseEntry("Director of Service"), { name: "Director of Service", role: null });
});
