import { test } from "node:test";
import assert from "node:assert/strict";
import { findItems } from "./find-items.ts";
import { detectExempt } from "./exempt.ts";
import { contextOf } from "./test-support.ts";

const exempt = (text: string) => {
  const ctx = contextOf(text);
  const items = findItems(ctx);
  return detectExempt(ctx, items).map((e, i) => (e ? `${items[i].number.value}${e.value.paragraphs ? ` (${e.value.paragraphs})` : ""}` : null)).filter(Boolean);
};

test("items after the exclusion of the public are exempt, the exclusion item is not", () => {
  const text = [
    "33. Work Programme",
    "RESOLVED - That changes be noted.",
    "34. Exclusion of the Public",
    "RESOLVED - That the public be excluded from the meeting for the following items of business which involve the likely disclosure of exempt information as defined in Schedule 12A of the Local Government Act 1972.",
    "35. Confidential HR Matter",
    "(Exemption paragraphs 1 & 7)",
    "The Select Committee received a briefing note.",
    "36. Staffing Review",
    "Noted.",
  ].join("\n");
  assert.deepEqual(exempt(text), ["35 (1 & 7)", "36"]);
});

test("readmitting the public ends the private part", () => {
  const text = [
    "5. Exclusion of Press and Public",
    "Resolved that the press and public be excluded.",
    "6. Land Sale",
    "Agreed. The public were readmitted to the meeting.",
    "7. Any Other Business",
    "None.",
  ].join("\n");
  assert.deepEqual(exempt(text), ["6"]);
});

test("an item discussed after adjourning to meet in committee is exempt", () => {
  const text = [
    "1. Adoption of Minutes",
    "On the proposal of Cllr E. Ryan, the Elected Members agreed to",
    "adjourn the Meeting to meet in Committee for part of the Meeting, to discuss this item.",
    "2. Capital Investment Directorate",
    "It was agreed to defer a decision.",
  ].join("\n");
  assert.deepEqual(exempt(text), ["1"]);
});

test("items that say so themselves, and none in an open meeting", () => {
  assert.deepEqual(exempt(["1. Minutes", "Agreed.", "2. Staffing matter (in camera)", "Discussed.", "3. Close", "Closed."].join("\n")), ["2"]);
  assert.deepEqual(exempt(["1. Minutes", "Agreed.", "2. Budget", "A confidential report would follow.", "3. Close", "Closed."].join("\n")), []);
});

test("a closed session between numbered resolutions; the resolution reopening the meeting is public", () => {
  const text = [
    "Disclosure of pecuniary interest: None.",
    "R2025-143 S. Foote, L. Chalapenko:",
    "THAT the Township Office will be closed to the public on December 18 for training. Carried.",
    "R2025-144 J. Scott, S. Kirkey:",
    "That this part of our meeting will be closed to the public as authorized by Section 239(2)(i). Carried.",
    "R2025-145 L. Chalapenko, S. Foote:",
    "THAT we direct staff to proceed as instructed. Carried.",
    "R2025-146 L. Chalapenko, S. Foote:",
    "That we resume to an open public meeting. Time: 7:21 p.m. Carried.",
    "R2025-147 S. Kirkey, J. Scott:",
    "That the meeting be adjourned. Carried.",
  ].join("\n");
  assert.deepEqual(exempt(text), ["4"]);
});

test("mentions of exclusion, closing public speaking, and confidential waste are not private business", () => {
  const text = [
    "6. Public Participation",
    "No comments made - the Meeting closed to the public.",
    "7. Staffing",
    "This will be discussed at the end of the meeting after an agreed resolution to exclude the public.",
    "8. To Approve Confidential Shredding Costs",
    "Approved.",
    "9. Exemption Certificate for External Audit",
    "Agreed.",
  ].join("\n");
  assert.deepEqual(exempt(text), []);
});

// real US minutes: Los Rios CCD board (2020), City of Alameda Civil Service Board (2005)
test("US closed sessions: the session is exempt; open session, its report and what follows are not", () => {
  const text = [
    "9. CLOSED SESSION",
    "General Counsel Sherry announced closed session as listed below. The following board members went into closed session at 7:30 pm.",
    "Closed Session Adjourned: 7:48pm",
    "Open Session: 7:49pm",
    "10. OPEN SESSION: REPORT OF ANY ACTION TAKEN IN CLOSED SESSION",
    "In Closed Session matter identified as Item 9.A, the Board of Trustees voted 5:0 to deny the appeal.",
    "11. ADJOURNMENT",
    "Vice President Ortiz adjourned the meeting at 7:50 pm.",
  ].join("\n");
  assert.deepEqual(exempt(text), ["9"]);
  const csb = [
    "3. MINUTES: The minutes of the regular meeting of April 7, 2005 were approved.",
    "THE MEETING WAS MOVED TO CLOSED SESSION AT 6:28 P.M.",
    "ANNOUNCEMENT OF ACTION TAKEN IN CLOSED SESSION: The Board decided to grant a continuance.",
    "4. CONSENT CALENDAR",
    "Approved.",
    "5. ADJOURNMENT",
  ].join("\n");
  assert.deepEqual(exempt(csb), []);
});

test("the end of a closed session ends the private part; the open-session report is public (Los Rios)", () => {
  const text = [
    "9. CLOSED SESSION",
    "",
    "General Counsel Sherry announced closed session as listed below. The following board members",
    "went into closed session at 7:30 pm: Ms. Haynes, Mr. Jones, Mr. Knight, Ms. Nelson and Ms. Ortiz.",
    "",
    "       A. Under Government Code section 54957, subd. (a); Complaint against Public Employee",
    "",
    "Closed Session Adjourned: 7:48pm",
    "Open Session: 7:49pm",
    "",
    "10. OPEN SESSION: REPORT OF ANY ACTION TAKEN IN CLOSED SESSION",
    "",
    "In Closed Session matter identified as Item 9.A, the Board of Trustees voted 5:0 to deny the",
    "appeal of the complaint against the public employee.",
    "",
    "11. ADJOURNMENT",
    "",
    "A motion was made by Trustee Haynes, seconded by Trustee Knight, that the meeting be",
    "adjourned.",
  ].join("\n");
  assert.deepEqual(exempt(text), ["9"]);
});
