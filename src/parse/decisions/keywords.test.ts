import { test } from "node:test";
import assert from "node:assert/strict";
import { formalRest } from "./keywords.ts";

test("a unit opened by a decision word gives the decision after it", () => {
  assert.equal(formalRest("RESOLVED: That the minutes of the meeting held on 12 March be approved."), "That the minutes of the meeting held on 12 March be approved.");
  assert.equal(formalRest("Resolved 16/01/5.01 that the accounts be adopted"), "that the accounts be adopted");
  assert.equal(formalRest("And Resolved: to accept the quotation"), "to accept the quotation");
  assert.equal(formalRest("It was unanimously resolved that the grant be paid"), "that the grant be paid");
  assert.equal(formalRest("DETERMINED: that the application be refused"), "that the application be refused");
  assert.equal(formalRest("Decision – the report was noted"), "the report was noted");
});

test("agreed or decided in capitals opens a decision only before 'that', 'to' or a quotation; in sentence case only with punctuation", () => {
  assert.equal(formalRest("AGREED that the Clerk write to the County Council"), "that the Clerk write to the County Council");
  assert.equal(formalRest("DECIDED to defer the item"), "to defer the item");
  assert.equal(formalRest("Agreed: the Clerk to write to the County Council"), "the Clerk to write to the County Council");
  assert.equal(formalRest("AGREED BUDGET FIGURES were circulated"), null);
  assert.equal(formalRest("Agreed that the Clerk write"), null);
  assert.equal(formalRest("Resolutions passed at the annual meeting"), null);
  assert.equal(formalRest("The Council resolved to accept"), null);
});
