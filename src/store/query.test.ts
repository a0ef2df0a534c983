import { test } from "node:test";
import assert from "node:assert/strict";
import { parseQuery, toFts5, toWebsearch } from "./search.ts";

test("the query language: words, phrases, OR and -exclusion", () => {
  assert.deepEqual(parseQuery(`"modern slavery" OR libraries -parking`), { any: [["modern slavery"], ["libraries"]], none: ["parking"] });
  assert.equal(toFts5(`"modern slavery" OR libraries -parking`), `(("modern slavery") OR ("libraries")) NOT ("parking")`);
  assert.equal(toFts5(`budget housing`), `("budget" AND "housing")`);
  assert.equal(toWebsearch(`"modern slavery" or libraries -"car parking"`), `"modern slavery" or libraries -"car parking"`);
});

test("FTS5 syntax in a query is taken as text, never as operators", () => {
  assert.equal(toFts5(`title:secret NEAR(a b) *`), `("title secret" AND "NEAR a" AND "b")`);
  assert.equal(toFts5(`say "hi`), `("say" AND "hi")`);
  assert.equal(toFts5(`-only -negative`), null);
  assert.equal(toFts5(``), null);
  assert.equal(toFts5(`O'Brien's`), `("O'Brien's")`);
});
