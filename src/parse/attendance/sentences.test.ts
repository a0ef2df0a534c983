import { test } from "node:test";
import assert from "node:assert/strict";
import { findSentences } from "./sentences.ts";

const subs = (text: string) => findSentences(text).substitutes.map((s) => `${s.name} for ${s.forName}`);

test("each way of writing a substitute is read, with who was substituted", () => {
  assert.deepEqual(subs("Councillor Ann Lee attended as substitute for Councillor Bob Ray."), ["Councillor Ann Lee for Councillor Bob Ray"]);
  assert.deepEqual(subs("Present: Cllr Ann Lee (substitute for Cllr Bob Ray), Cllr Tom Hay."), ["Cllr Ann Lee for Cllr Bob Ray"]);
  assert.deepEqual(subs("Cllr Ann Lee sub for Cllr Bob Ray."), ["Cllr Ann Lee for Cllr Bob Ray"]);
  assert.deepEqual(subs("Councillor Bob Ray was substituted by Councillor Ann Lee."), ["Councillor Ann Lee for Councillor Bob Ray"]);
  assert.deepEqual(subs("Apologies were received from Mr W Whyte, with Mrs J Teesdale attended as a substitute."), ["Mrs J Teesdale for Mr W Whyte"]);
});

test("text that names no substitute gives none, however many names it holds", () => {
  assert.deepEqual(subs("Councillor Ann Lee, Councillor Bob Ray and Councillor Tom Hay were present. Apologies from Cllr Sue Dee."), []);
});
