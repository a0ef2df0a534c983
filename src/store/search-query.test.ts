import { test } from "node:test";
import assert from "node:assert/strict";
import { filterConditions, groupPasses, parseQuery, toFts5, toWebsearch } from "./search-query.ts";

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

test("each filter becomes a condition, and a facet leaves out only its own", () => {
  const all = { type: "decision" as const, authority: "buckinghamshire-county-council", body: "cabinet", year: 2018 };
  assert.deepEqual(filterConditions(all), [
    { column: "e.kind", value: "decision" },
    { column: "b.slug", value: "cabinet" },
    { column: "e.year", value: 2018 },
    { column: "a.slug", value: "buckinghamshire-county-council" },
  ]);
  assert.deepEqual(filterConditions({ authority: "clare-county-council" }), [{ column: "a.slug", value: "clare-county-council" }]);
  assert.deepEqual(filterConditions({ year: "2016" as unknown as number }), [{ column: "e.year", value: 2016 }]);
  assert.deepEqual(filterConditions({}), []);
  const without = (skip: "type" | "body" | "year") => filterConditions(all, skip).map((c) => c.column);
  assert.deepEqual(without("type"), ["b.slug", "e.year", "a.slug"]);
  assert.deepEqual(without("body"), ["e.kind", "e.year", "a.slug"]);
  assert.deepEqual(without("year"), ["e.kind", "b.slug", "a.slug"]);
});

test("a group of matches passes the filters it meets, and its own facet's is not asked", () => {
  const g = { kind: "decision", body_slug: "cabinet", year: 2018 };
  assert.equal(groupPasses(g, {}), true);
  assert.equal(groupPasses(g, { type: "decision", body: "cabinet", year: 2018 }), true);
  assert.equal(groupPasses(g, { year: "2018" as unknown as number }), true);
  assert.equal(groupPasses(g, { type: "item" }), false);
  assert.equal(groupPasses(g, { body: "council" }), false);
  assert.equal(groupPasses(g, { year: 2019 }), false);
  assert.equal(groupPasses(g, { type: "item" }, "type"), true);
  assert.equal(groupPasses(g, { body: "council" }, "body"), true);
  assert.equal(groupPasses(g, { year: 2019 }, "year"), true);
  assert.equal(groupPasses(g, { type: "item", year: 2018 }, "year"), false);
  assert.equal(groupPasses(g, { body: "council", year: 2018 }, "year"), false);
  assert.equal(groupPasses(g, { type: "decision", year: 2019 }, "type"), false);
});
