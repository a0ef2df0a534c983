import { test } from "node:test";
import assert from "node:assert/strict";
import { authoritySlug, bodySlug, nameKey, personSlug, slugify } from "./slugs.ts";

test("slugify folds accents, '&', apostrophes and punctuation into one hyphenated lower-case form", () => {
  assert.equal(slugify("Comhairle Contae Luimnigh – Seán Ó Ríordáin"), "comhairle-contae-luimnigh-sean-o-riordain");
  assert.equal(slugify("Community, Leisure & Emergency Services SPC"), "community-leisure-and-emergency-services-spc");
  assert.equal(slugify("O’Dea's  Report"), "odeas-report");
  assert.equal(slugify("--(Item 7.2)--"), "item-7-2");
  assert.equal(slugify("!!!"), "x");
  assert.equal(slugify("196/20"), "196-20");
});

test("a long slug is cut at 80 characters without a trailing hyphen", () => {
  const name = "Transport Economy and Environment Select Committee Inquiry into Modern Slavery and Supply Chains";
  const s = slugify(name);
  assert.equal(s, "transport-economy-and-environment-select-committee-inquiry-into-modern-slavery-and-supply-chains".slice(0, 80));
  assert.equal(slugify("a".repeat(79) + " bcd"), "a".repeat(79));
});

test("nameKey treats two spellings of one name as the same", () => {
  assert.equal(nameKey("Community, Leisure & Emergency Services S.P.C."), "community leisure and emergency services spc");
  assert.equal(nameKey("  Bishop’s  Stortford Town Council "), "bishops stortford town council");
  assert.equal(nameKey("Comhairle Contae Átha Cliath"), "comhairle contae atha cliath");
});

test("a body named after its authority takes the body's own slug", () => {
  assert.equal(bodySlug("Stoke Ferry Parish Council", "Stoke Ferry Parish Council"), "stoke-ferry-parish-council");
  assert.equal(bodySlug("Limerick City and County Council", "Limerick City & County Council"), "limerick-city-and-county-council");
  assert.equal(bodySlug("Clare County Council", "Clare County Council Planning Committee"), "clare-county-council-planning-committee");
  assert.equal(bodySlug("Clare", "Clarecastle Parish Council"), "clare-clarecastle-parish-council");
  assert.equal(bodySlug("Buckinghamshire County Council", "Cabinet"), "buckinghamshire-county-council-cabinet");
  assert.equal(bodySlug("A".repeat(70), "B".repeat(70)).length, 120);
});

test("authority and person slugs", () => {
  assert.equal(authoritySlug("Buckinghamshire County Council"), "buckinghamshire-county-council");
  // a long council name is kept whole up to the slug's limit: two councils must not share a prefix
  assert.equal(authoritySlug("Royal Borough of Windsor and Maidenhead"), "royal-borough-of-windsor-and-maidenhead");
  assert.equal(authoritySlug("Limerick City & County Council"), "limerick-city-and-county-council");
  assert.equal(personSlug("Buckinghamshire County Council", "Martin Tett"), "martin-tett-buckinghamshire-county-council");
  assert.equal(personSlug("A".repeat(100), "B".repeat(100)).length, 120);
});
