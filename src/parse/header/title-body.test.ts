import { test } from "node:test";
import assert from "node:assert/strict";
import { completeBareBody, splitCityOf, titleLineBody } from "./title-body.ts";

const title = (s: string) => titleLineBody(s)?.value ?? null;

// real title blocks: City of Alameda boards, East Palo Alto, San Juan USD, Los Rios CCD
test("a title line in capitals names the body; status and 'minutes' words around it go", () => {
  assert.equal(title("UNAPPROVED\nCOMMISSION ON DISABILITY ISSUES\nMEETING MINUTES OF\nJuly 27, 2009\nTIME\tThe meeting convened at 6:40 P.M."), "Commission on Disability Issues");
  assert.equal(title("ALAMEDA GOLF COMMISSION\nMINUTES OF MEETING\n\nWednesday, March 16, 2005\n1. CALL TO ORDER"), "Alameda Golf Commission");
  assert.equal(title("TRANSPORTATION COMMISSION MINUTES\nApril 22, 2009\n\nChair Knox White called the Transportation Commission to order at 7:35 p.m."), "Transportation Commission");
  assert.equal(title("MINUTES OF THE REGULAR CITY COUNCIL MEETING\nTUESDAY- -JANUARY 18, 2005- -7:30 P.M.\n\nActing Mayor Gilmore convened the Regular Meeting at 7:45 p.m."), "City Council");
  assert.equal(title("EAST PALO ALTO\nPLANNING COMMISSION\nREGULAR MEETING MINUTES\nJanuary 27, 2020, 7:00 p.m.\nEPA Government Center\nCity Council Chamber"), "Planning Commission");
  assert.equal(title("San Juan Unified School District\nBoard of Education\n3738 Walnut Avenue, Carmichael, California 95608\n\nBoard of Education Minutes\nJanuary 14, 2020"), "Board of Education");
  assert.equal(title("LOS RIOS COMMUNITY COLLEGE DISTRICT\nBoard Meeting Minutes\nWednesday, March 11, 2020\n\n1. CALL TO ORDER"), "Board");
});

test("prose, dates and addresses are not title lines", () => {
  assert.equal(title("The meeting of the Board was called to order at 7:00 p.m.\n\nPresent: A, B"), null);
  assert.equal(title("3738 Walnut Avenue, Carmichael, California 95608\nJanuary 14, 2020"), null);
});

test("'City of X' before or after the body is the authority", () => {
  assert.deepEqual(splitCityOf("City of Alameda Planning Board"), { body: "Planning Board", authority: "City of Alameda" });
  assert.deepEqual(splitCityOf("Civil Service Board of the City of Alameda"), { body: "Civil Service Board", authority: "City of Alameda" });
  assert.deepEqual(splitCityOf("Historical Advisory Board Regular Meeting"), { body: "Historical Advisory Board", authority: null });
  assert.deepEqual(splitCityOf("Stoke Ferry Parish Council"), { body: "Stoke Ferry Parish Council", authority: null });
  assert.deepEqual(splitCityOf("Township of Nipissing Council"), { body: "Township of Nipissing Council", authority: null });
});

test("a bare 'Board' is completed by the board the text names most", () => {
  const text = "Edwin Fagin addressed the Board of Trustees regarding FTE allocations.\nThat the Board of Trustees approve the minutes.\nThe Board of Education was not.";
  assert.equal(completeBareBody("Board", text), "Board of Trustees");
  assert.equal(completeBareBody("Planning Commission", text), "Planning Commission");
});
