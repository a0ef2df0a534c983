// The minutes' own standing, from real headers and signature blocks: San Juan Unified's board
// ("Approved: 01/28/2020" under the signatures), Los Rios's board ("Approved by the Board of
// Trustees: April 15, 2020"), Limerick's and Norfolk parishes' signature blocks left blank for the
// chair, and draft headers (Boughton, Northwold).
import { test } from "node:test";
import assert from "node:assert/strict";
import { contextOf } from "../items/test-support.ts";
import { findItems } from "../items/find-items.ts";
import { findDraftMarking } from "./draft-marking.ts";
import { findMinutesStatus } from "./minutes-status.ts";

function statusOf(text: string) {
  const ctx = contextOf(text);
  const items = findItems(ctx);
  const frontEnd = items.length ? items[0].start : ctx.lines.length;
  const found = findMinutesStatus(ctx, findDraftMarking(ctx, frontEnd), frontEnd);
  return found && { value: found.value, text: found.text, low: Boolean(found.low), written: ctx.source.text.slice(found.span.start, found.span.end) };
}

const SAN_JUAN_TAIL = `At 8:50 p.m., there being no further announcements or business, the regular meeting was adjourned.



________________________________                      ___________________________________
Paula Villescaz, President                            Kent Kern, Executive Secretary

Approved: 01/28/2020
:sc
`;

test("approved with its date under the signatures (a US school board)", () => {
  const s = statusOf(`San Juan Unified School District\nBoard of Education\n\nBoard of Education Minutes\nJanuary 14, 2020\n\n1. Call to order\nThe meeting was called to order.\n\n${SAN_JUAN_TAIL}`);
  assert.deepEqual(s, { value: "approved", text: "Approved: 01/28/2020", low: false, written: "Approved: 01/28/2020" });
});

test("approved by the board, with the date written out (a US college board)", () => {
  const s = statusOf(`LOS RIOS COMMUNITY COLLEGE DISTRICT\nBoard Meeting Minutes\nWednesday, March 11, 2020\n\n1. CALL TO ORDER\n\nThe board meeting was called to order by Vice President Ortiz at 5:30 p.m.\n\nVice President Ortiz adjourned the meeting at 7:50 pm.\n\n\n\n\nBRIAN KING\nChancellor and Secretary to the Board of Trustees\nApproved by the Board of Trustees: April 15, 2020\n`);
  assert.equal(s?.value, "approved");
  assert.equal(s?.written, "Approved by the Board of Trustees: April 15, 2020");
});

test("a signature block left blank says nothing (Limerick, Norfolk)", () => {
  const limerick = "1. Minutes\nThe minutes were adopted.\n\nThis concluded the business of the Meeting.\n\nSigned:\n\n**\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_**\n\n**Cathaoirleach**\n\nDated:\n\n**\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_**\n";
  assert.equal(statusOf(limerick), null);
  const norfolk = "1. Any Other Business\nHorse riding is being carried out on the footpath.\nChairman:......................................... Date...........................................\n";
  assert.equal(statusOf(norfolk), null);
  assert.equal(statusOf("1. Close\nThe meeting closed.\nChairman's Signature............................................. Date...............\n"), null);
});

test("a signature block filled in: signed by the chair on a date", () => {
  // the Norfolk block as the chairman fills it in
  const s = statusOf("1. Any Other Business\nHorse riding is being carried out on the footpath.\nChairman: J Richardson Date: 12th March 2014\n");
  assert.equal(s?.value, "approved");
  assert.equal(s?.written, "Chairman: J Richardson Date: 12th March 2014");
});

test("a draft header is a draft; signed at the end as well, the two conflict and confidence is low", () => {
  const draft = statusOf("BOUGHTON PARISH COUNCIL\nDRAFT Minutes\nof the meeting held on 4th February 2014\n\n1. Apologies\nNone.\n");
  assert.deepEqual(draft, { value: "draft", text: "DRAFT Minutes", low: false, written: "DRAFT Minutes" });
  const both = statusOf("BOUGHTON PARISH COUNCIL\nDRAFT Minutes\nof the meeting held on 4th February 2014\n\n1. Apologies\nNone.\nChairman: J Richardson Date: 12th March 2014\n");
  assert.equal(both?.value, "draft");
  assert.equal(both?.low, true);
});

test("a header saying the minutes were approved, and minutes approved in the body are another meeting's", () => {
  const s = statusOf("WEST DEREHAM PARISH COUNCIL\nMinutes of the meeting held on 4th February 2014, approved at the meeting of 4th March 2014\n\n1. Apologies\nNone.\n");
  assert.equal(s?.value, "approved");
  assert.match(s?.text ?? "", /^approved at the meeting of 4th March 2014$/);
  assert.equal(statusOf("WEST DEREHAM PARISH COUNCIL\nMinutes of the meeting held on 4th February 2014\n\n1. Minutes\nThe minutes of the meeting held on 7th January were approved as a correct record and signed.\n\n2. Close\nThe meeting closed at 9pm.\n"), null);
});

test("a sentence about the chair near the end is not a signature (Limerick SPCs, Wereham)", () => {
  assert.equal(statusOf("1. Any other business\nThe Chair thanked Mr. Gordon Daly and team for the presentation and thanked everyone.\n"), null);
  assert.equal(statusOf("1. Any other business\nThe Chairman, Councillor Sean Lynch stated that he will continue to request a Garda Kiosk in the city centre\n"), null);
  assert.equal(statusOf("1. Election of Chairman\nCathaoirleach, Councillor Scanlan.\n"), null);
  // Wereham Parish Council, filled in
  assert.equal(statusOf("1. Close\nThe meeting closed at 9pm.\nSigned: R. Crisp, Chairman Date: 4th November 2014\n")?.value, "approved");
});
