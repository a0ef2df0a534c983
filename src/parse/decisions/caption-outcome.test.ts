import { test } from "node:test";
import assert from "node:assert/strict";
import { contextOf } from "../items/test-support.ts";
import { findItems } from "../items/find-items.ts";
import { parseResolutions } from "./resolutions.ts";

const decided = (text: string) => {
  const ctx = contextOf(text);
  const items = findItems(ctx);
  return items.map((item) => [item.number.value, parseResolutions(ctx, item, items).map((r) => r.value.text)]);
};

test("a caption that ends with its printed outcome is the decision, kept whole (Alameda City Council)", () => {
  const text = [
    "(*05-032) Minutes of the Special Joint City Council and Community",
    "Improvement Commission (CIC) Meeting of December 21, 2004; and the Special",
    "Joint City Council Meeting of January 5, 2005. Approved.",
    "",
    "(05-037) Resolution No. 13811, “Opposing the Proposed Lower Lake",
    "Rancheria-Koi Nation Casino in the City of Oakland.” Adopted.",
    "",
    "Michael John Torrey, Alameda, stated that it is important to make",
    "sure that the Rancheria-Koi Nation does not get the land trust.",
    "",
    "Councilmember Matarrese moved adoption of the Resolution.",
    "",
    "Councilmember Daysog seconded the motion, which carried by unanimous voice vote – 5.",
    "",
    "(*05-038) Introduction of Ordinance Amending the Zoning Map to",
    "Designate APN 070-170-15. Continued to February 1, 2005.",
    "",
    "(05-039) Presentation by Peter Simon, Dean, College of Alameda regarding the proposed",
    "Oakland Aviation High School at the Oakland Airport. Withdrawn by presenters.",
  ].join("\n");
  assert.deepEqual(decided(text), [
    ["05-032", ["Minutes of the Special Joint City Council and Community Improvement Commission (CIC) Meeting of December 21, 2004; and the Special Joint City Council Meeting of January 5, 2005. Approved."]],
    ["05-037", ["Resolution No. 13811, “Opposing the Proposed Lower Lake Rancheria-Koi Nation Casino in the City of Oakland.” Adopted."]],
    ["05-038", ["Introduction of Ordinance Amending the Zoning Map to Designate APN 070-170-15. Continued to February 1, 2005."]],
    ["05-039", []],
  ]);
});
