import { test } from "node:test";
import assert from "node:assert/strict";
import { filtersFor, ftsMatch, mayReachTags, ftsTags, parseQuery, toFts5, toWebsearch } from "./search-query.ts";

test("several exclusions: a hit with any one of them is left out", () => {
  assert.deepEqual(parseQuery("allotments -hedge -\"tree works\""), { any: [["allotments"]], none: ["hedge", "tree works"] });
  assert.equal(toFts5("allotments -hedge -\"tree works\""), `(("allotments")) NOT ("hedge" OR "tree works")`);
  assert.equal(toWebsearch("allotments -hedge -\"tree works\""), `allotments -hedge -"tree works"`);
});

test("OR separates alternatives, whatever its case, and a leading or doubled OR adds none", () => {
  assert.deepEqual(parseQuery("OR slavery or allotments OR OR parking"), { any: [["slavery"], ["allotments"], ["parking"]], none: [] });
  assert.deepEqual(parseQuery("precept Or budget"), { any: [["precept"], ["budget"]], none: [] });
  assert.equal(toFts5("modern slavery OR allotments"), `("modern" AND "slavery") OR ("allotments")`);
  assert.equal(toWebsearch("modern slavery OR allotments"), "modern slavery or allotments");
  // "order", "ore" and "Mayor" are words, not the operator
  assert.deepEqual(parseQuery("order ore Mayor"), { any: [["order", "ore", "Mayor"]], none: [] });
  // an unclosed quote runs to the end of the query
  assert.deepEqual(parseQuery(`budget "modern slavery`), { any: [["budget", "modern slavery"]], none: [] });
});

test("terms keep the characters of names and references, and lose the rest", () => {
  assert.deepEqual(parseQuery(`O’Brien 16/01/5.01 B&Q well-being`), { any: [["O’Brien", "16/01/5.01", "B&Q", "well-being"]], none: [] });
  assert.deepEqual(parseQuery(`"modern   slavery"`), { any: [["modern slavery"]], none: [] });
  assert.deepEqual(parseQuery(`--parking -"car park" - "x"`), { any: [["x"]], none: ["parking", "car park"] });
  assert.deepEqual(parseQuery(`(budget) [2019]`), { any: [["budget", "2019"]], none: [] });
  assert.deepEqual(parseQuery(`"" ""`), { any: [], none: [] });
  assert.equal(toFts5(`say "a""b"`), `("say" AND "a" AND "b")`);
  assert.equal(toWebsearch(`-only`), null);
  assert.equal(toWebsearch(`budget`), "budget");
});

test("a facet draws with every filter but its own", () => {
  const all = { kind: "decision" as const, bodyId: 4, authorityId: 2, year: 2018 };
  assert.deepEqual(filtersFor(all), all);
  assert.deepEqual(filtersFor(all, "type"), { bodyId: 4, authorityId: 2, year: 2018 });
  assert.deepEqual(filtersFor(all, "body"), { kind: "decision", authorityId: 2, year: 2018 });
  assert.deepEqual(filtersFor(all, "year"), { kind: "decision", bodyId: 4, authorityId: 2 });
  assert.deepEqual(filtersFor(all, "authority"), { kind: "decision", bodyId: 4, year: 2018 });
  assert.deepEqual(filtersFor({ authorityId: 2 }, "body"), { authorityId: 2 });
});

test("the words are looked for in title and text only, and the filters are tags", () => {
  // words that cannot read as a tag need no column filter to stay out of the tags
  assert.equal(ftsMatch("housing"), `(("housing"))`);
  assert.equal(ftsMatch("housing -road", { kind: "item", bodyId: 7, authorityId: 3, year: 2016 }), `((("housing")) NOT ("road")) AND tags : ("kitem" AND "b7" AND "a3" AND "y2016")`);
  assert.equal(ftsMatch("y2016 housing", { year: 2016 }), `{title text} : (("y2016" AND "housing")) AND tags : ("y2016")`);
  assert.equal(ftsMatch("-road", { year: 2016 }), null);
  assert.deepEqual(ftsTags({ year: "2016" as unknown as number }), [`"y2016"`]);
  assert.deepEqual(ftsTags({}), []);
});

test("a word that could read as a filter tag is told apart, however it is spelled", () => {
  for (const q of ["y2019", "Y2019s", "ÿ2019", "ｙ2019", "b12", "a1", "x-b7", "car.a3", "café·y2", "kitem", "Kitems", "kmeeting", "kdecisions", "kperson", "kagenda", "kpapers", "planning -kitem", `"road b4"`, "Ⓚitem"]) {
    assert.equal(mayReachTags(q), true, q);
  }
  for (const q of ["housing", "allotments", "budget 2019", "year 2019", "bay", "a b c", "kitchen", "kerb", "ab12", "2019y", "planning -road", "b", "y"]) {
    assert.equal(mayReachTags(q), false, q);
  }
});
