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

test("a response form read as one line: each field stops at the next label", () => {
  const d = inquiryDetailsFromText(
    "Select Committee Inquiry Title: Flood resilience Inquiry Chairman: Jane Smith Date report submitted for response: 5 March 2018 " +
      "Lead BCC Cabinet Member and Lead Officer: Noel Brown and Cath Marriott Select Committee Support Officer: Kelly Sutherland " +
      "Suggested frequency of future updates: 6 and 12 months Recommendation 1",
  );
  const { committee: _, ...fields } = d!;
  assert.deepEqual(fields, { title: "Flood resilience", chair: "Jane Smith", leadMember: "Noel Brown", leadOfficer: "Cath Marriott", monitoringMonths: [6, 12] });
  const e = inquiryDetailsFromText("Inquiry Chair: Jane Smith Select Committee Inquiry Title: Flood resilience Lead Cabinet Member: Noel Brown Inquiry Title: x");
  assert.equal(e?.chair, "Jane Smith");
  assert.equal(e?.title, "Flood resilience");
  assert.equal(e?.leadMember, "Noel Brown");
  assert.equal(e?.leadOfficer, null);
});

test("an empty field is empty, not the next label's value", () => {
  const d = inquiryDetailsFromText("Inquiry Title: Flood resilience\nInquiry Chairman: Date report submitted for response: 5 March 2018\n");
  assert.equal(d?.chair, null);
});

test("labels are read however the colon is spaced, and a chairman alone is enough", () => {
  const d = inquiryDetailsFromText("Inquiry Chairman :Jane Smith\nLead Cabinet Member:Noel Brown\nfrequency of updates:6 and 12 months\n");
  assert.deepEqual(d, { title: null, chair: "Jane Smith", leadMember: "Noel Brown", leadOfficer: null, committee: null, monitoringMonths: [6, 12] });
  assert.equal(inquiryDetailsFromText("Inquiry Title:Flood resilience")?.title, "Flood resilience");
  assert.equal(inquiryDetailsFromText("Inquiry Title: Flood resilience.;")?.title, "Flood resilience");
});

test("the committee's name may run over a line break", () => {
  const d = inquiryDetailsFromText("Inquiry Title: Flood resilience\nReport of the Transport, Economy and\n   Environment Select Committee\n");
  assert.equal(d?.committee, "Transport, Economy and Environment Select Committee");
});
