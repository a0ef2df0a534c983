import { test } from "node:test";
import assert from "node:assert/strict";
import { titleCase, titleLength } from "./titles.ts";

const head = (t: string) => t.slice(0, titleLength(t));

test("a heading that runs on into the body ends where the body starts", () => {
  assert.equal(head("Apologies and Welcome There were apologies accepted from Cllr Trudy Mann."), "Apologies and Welcome");
  assert.equal(head("Apologies for absence. Apologies had been received from Paula Kellingray."), "Apologies for absence");
  assert.equal(head("Gardens Area Watering in September Cllr Jim McNeill advised that …"), "Gardens Area Watering in September");
  assert.equal(head("To approve payments of bills for August 2018: The Chair shared the following"), "To approve payments of bills for August 2018");
  assert.equal(head("Reports. 5.1 Chairman’s Report. 5.1.1 Allotments."), "Reports");
  assert.equal(head("Local Authority Reports: i) Norfolk County Council"), "Local Authority Reports");
  assert.equal(head("PUBLIC FORUM The new streetlamp at Glebe Close was discussed."), "PUBLIC FORUM");
  assert.equal(head("Date and Time of Next Meeting – Ordinary Parish Council meeting on Wednesday 3 October 2018"), "Date and Time of Next Meeting");
  assert.equal(head("Planning Applications 15/02050/O – Outline application"), "Planning Applications");
  assert.equal(head("To Consider Apologies for Absence: Apologies were received from Borough Cllr Sampson"), "To Consider Apologies for Absence");
  assert.equal(head("Minutes of the Meeting held on 7th November 2019 LH confirmed that all had seen them"), "Minutes of the Meeting held on 7th November 2019");
  assert.equal(head("To Note: Asset of Community Value Application Approved"), "To Note: Asset of Community Value Application Approved");
  assert.equal(head("Apologies for Absence Apologies were accepted for Cllr Sue Lintern"), "Apologies for Absence");
});

test("a heading keeps what belongs to it", () => {
  assert.equal(head("The Battle’s Over a Nation’s Tribute and Remembrance Sunday 11 November 18"), "The Battle’s Over a Nation’s Tribute and Remembrance Sunday 11 November 18");
  assert.equal(head("Planning Application: Installation of ground mounted solar PV array"), "Planning Application: Installation of ground mounted solar PV array");
  assert.equal(head("Public Participation - To receive items including Cllr Colin Sampson (BCKLWN)"), "Public Participation - To receive items including Cllr Colin Sampson (BCKLWN)");
  assert.equal(head("No Apologies for absence received"), "No Apologies for absence received");
  assert.equal(head("Consideration of Notice of Motion submitted by Cllr. L.M. Sheehy"), "Consideration of Notice of Motion submitted by Cllr. L.M. Sheehy");
});

test("headings in capitals are written in title case, others as printed", () => {
  assert.equal(titleCase("APOLOGIES FOR ABSENCE"), "Apologies for Absence");
  assert.equal(titleCase("DATE OF THE NEXT MEETING"), "Date of the Next Meeting");
  assert.equal(titleCase("SELECT COMMITTEE WORK PROGRAMME & INQUIRY WORK PROGRAMME"), "Select Committee Work Programme & Inquiry Work Programme");
  assert.equal(titleCase("Matters arising"), "Matters arising");
  assert.equal(titleCase("NCC"), "NCC");
});

test("headings in capitals and venues are recased by one rule: acronyms kept, Irish names keep their capital", () => {
  assert.equal(titleCase("NOTICE OF MOTION SUBMITTED BY COUNCILLOR JERRY O’DEA"), "Notice of Motion Submitted by Councillor Jerry O’Dea");
  assert.equal(titleCase("AOB AND HR MATTERS"), "AOB and HR Matters");
  assert.equal(titleCase("Matters arising"), "Matters arising", "mixed case is kept as printed");
});
