import { it } from "node:test";
import assert from "node:assert/strict";
import { namesAWard, preferredSpelling, wardKey, wardName, wardSlug, wardsIn } from "./wards.ts";

it("one ward however it is written: case, a trailing Ward, spacing, & and apostrophes", () => {
  for (const w of ["Abbey", "Abbey Ward", "ABBEY", "  abbey   ward "]) assert.equal(wardKey(w), "abbey");
  assert.equal(wardKey("St John's & Priory"), wardKey("St Johns and Priory"));
  assert.equal(wardName("  Castle   Ward "), "Castle");
  assert.equal(wardSlug("northbrook-borough-council", "St John's Ward"), "northbrook-borough-council-st-johns");
});

it("a wards-affected field: separated by ; , or lines, once each, with all-wards words naming none", () => {
  assert.deepEqual(wardsIn("Abbey; Castle Ward,abbey\nNorth Hill"), [
    { key: "abbey", name: "Abbey" },
    { key: "castle", name: "Castle" },
    { key: "north hill", name: "North Hill" },
  ]);
  for (const none of ["All wards", "All", "none", "N/A", "Borough-wide", "", null]) assert.deepEqual(wardsIn(none), [], String(none));
  // a ward whose name starts with "All" is still a ward
  assert.deepEqual(wardsIn("All Saints").map((w) => w.key), ["all saints"]);
});

it("of several spellings the most used is shown, ties broken alphabetically", () => {
  assert.equal(preferredSpelling(new Map([["Abbey", 1], ["ABBEY", 3]])), "ABBEY");
  assert.equal(preferredSpelling(new Map([["abbey", 2], ["Abbey", 2]])), "Abbey");
});

it("whether one written name is a ward: not when it says all or none", () => {
  assert.equal(namesAWard("Abbey Ward"), true);
  assert.equal(namesAWard("St John's, Priory"), true);
  for (const no of ["All wards", "None", " ", null]) assert.equal(namesAWard(no), false, String(no));
});
