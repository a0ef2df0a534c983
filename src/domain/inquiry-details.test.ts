import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { inquiryDetailsFromText } from "./inquiry-details.ts";

const corpus = (name: string) => readFileSync(new URL(`../../test/golden/dev/${name}`, import.meta.url), "utf8");

test("the Bucks response form names the inquiry, its chairman, leads and update frequency", () => {
  const d = inquiryDetailsFromText(corpus("bucks-cabinet-2018-04-23.txt"));
  assert.deepEqual(d, {
    title: "What steps should the Council take to ensure it fully meets the responsibilities under the Modern Slavery Act?",
    chair: "Steven Lambert",
    leadMember: "Noel Brown",
    leadOfficer: "Cath Marriott",
    committee: "Transport, Economy and Environment Select Committee",
    monitoringMonths: [6, 12],
  });
});

test("minutes without a response form name no inquiry", () => {
  assert.equal(inquiryDetailsFromText(corpus("staffs-safe-strong-2016-12-12.txt")), null);
  assert.equal(inquiryDetailsFromText(""), null);
});

test("a form with only some fields gives those", () => {
  const d = inquiryDetailsFromText("Inquiry Title: Flood resilience\nInquiry Chair: Jane Smith\nSuggested frequency of future updates: quarterly\n");
  assert.equal(d?.title, "Flood resilience");
  assert.equal(d?.chair, "Jane Smith");
  assert.equal(d?.leadMember, null);
  assert.deepEqual(d?.monitoringMonths, [3, 6, 9, 12]);
});
