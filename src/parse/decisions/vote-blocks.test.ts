import { test } from "node:test";
import assert from "node:assert/strict";
import { findDecisions } from "./find.ts";

const texts = (s: string) => findDecisions(s).map((d) => d.text);

// real text: City of East Palo Alto Planning Commission, 27 January 2020 (the RESULT / MOTION BY /
// SECOND / AYES block that agenda-management systems print under each vote)
test("a vote block that is the only record of a decision gives its outcome, with mover and seconder", () => {
  const t = [
    "      RESULT:         APPROVED [UNANIMOUS]",
    "      MOTION BY:      Mashack",
    "      SECOND:         Brown",
    "      AYES:           Mashack, Brown, Allen Fisk, Bello, Garcia, Mendez, Sherrard",
    "      ABSENT:         Hernandez",
  ].join("\n");
  const found = findDecisions(t);
  assert.deepEqual(
    found.map((d) => [d.text, d.movedBy, d.secondedBy]),
    [["APPROVED", "Mashack", "Brown"]],
  );
});

test("a vote block passing the printed recommendations of a consent calendar gives each of them", () => {
  const t = [
    "      1.     June 10, 2019; June 24, 2019; July 8, 2019; and September 23, 2019,",
    "             Planning Commission Minutes",
    "",
    "             Adopt the June 10, 2019; June 24, 2019; July 8, 2019; and September 23,",
    "             2019 Planning Commission minutes.",
    "",
    "      2.     Planning Commission Meeting Calendar 2020",
    "",
    "             Approve the proposed Planning Commission Meeting Schedule for",
    "             Calendar Year 2020.",
    "",
    "Planning Commission              January 27, 2020 Minutes                Page 1 of 3",
    "      RESULT:         APPROVED AS AMENDED [UNANIMOUS]",
    "      MOTION BY:      Garcia",
    "      SECOND:         Allen Fisk",
    "      AYES:           Garcia, Allen Fisk, Sherrard, Mashack, Brown, Bello, Mendez",
    "      ABSENT:         Hernandez",
  ].join("\n");
  assert.deepEqual(texts(t), [
    "Adopt the June 10, 2019; June 24, 2019; July 8, 2019; and September 23, 2019 Planning Commission minutes.",
    "Approve the proposed Planning Commission Meeting Schedule for Calendar Year 2020.",
  ]);
});

test("a failed vote block takes its motion with it; the motion the next block passed stands", () => {
  const t = [
    "      1.     Election of Chair and Vice Chair",
    "",
    "             Select a new Chair/Vice Chair utilizing the nomination process outlined in",
    "             the staff report; or hold the next Election of Officers in July 2020.",
    "",
    "      Commissioner Allen Fisk made a motion, seconded by Commissioner Mendez,",
    "      to postpone the election of Chair and Vice Chair to July 2020.",
    "",
    "       RESULT:         FAILED [4-2-1-1]",
    "       MOTION BY:      Allen Fisk",
    "       SECOND:         Mendez",
    "       AYES:           Sherrard, Allen Fisk, Bello, Mendez",
    "       NAYS:           Brown, Mashack",
    "",
    "      Commissioner Allen Fisk made a motion, seconded by Commissioner Bello to",
    "      continue this item to the next Planning Commission Meeting. Motion approved.",
    "",
    "       RESULT:         APPROVED [UNANIMOUS]",
    "       MOTION BY:      Allen Fisk",
    "       SECOND:         Bello",
    "       AYES:           Sherrard, Allen Fisk, Bello, Brown, Garcia, Mashack, Mendez",
  ].join("\n");
  assert.deepEqual(texts(t), ["to continue this item to the next Planning Commission Meeting."]);
});

// real text: Los Rios Community College District Board of Trustees, 11 March 2020
test("a motion approving consent items as a group gives each item's printed recommendation too", () => {
  const t = [
    "A motion was made by Trustee Knight, seconded by Trustee Haynes, that the Board of Trustees",
    "approve Consent Consideration items A through I.",
    "",
    "Roll Call Vote:",
    "Aye: Haynes, Jones, Knight, Nelson, Ortiz",
    "No: None",
    "Absent: Johnson",
    "Student Advisory Vote: Aye",
    "Motion carried; 5:0",
    "",
    "         A.        Board Meeting Minutes: February 19, 2020",
    "",
    "That the Board of Trustees approve the minutes of the meetings held on February 19, 2020.",
    "",
    "         D.        Special Event Authorization",
    "",
    "That the Board of Trustees approve or ratify the applications listed herein.",
    "",
    "College Events",
    " Date of Event              College       Location                  Name of Event                 Alcohol",
    " March 13, 2020             FLC           Harris Center             Tom Rigney Art Exhibit        Wine and Beer",
  ].join("\n");
  assert.deepEqual(texts(t), [
    "that the Board of Trustees approve Consent Consideration items A through I.",
    "That the Board of Trustees approve the minutes of the meetings held on February 19, 2020.",
    "That the Board of Trustees approve or ratify the applications listed herein.",
  ]);
});

test("recommendations printed under an item that records no vote on them are not decisions", () => {
  const t = [
    "      1.     Planning Commission Stipends",
    "",
    "             Approve the proposed stipends for Calendar Year 2020.",
    "",
    "      The Planning Commission received the stipends report.",
  ].join("\n");
  assert.deepEqual(texts(t), []);
});

test("a consent item's recommendation under a lettered heading with a blank line between them", () => {
  const t = [
    "A motion was made by Trustee Knight, seconded by Trustee Haynes, that the Board of Trustees",
    "approve Consent Consideration items A through I.",
    "",
    "Motion carried; 5:0",
    "",
    "         H.        Purchase Orders, Warrants, Checks and Electronic Transfers",
    "",
    "That the Board of Trustees approve the numbered purchase orders, warrants, checks and electronic",
    "transfers that are reflected on the schedule below.",
    "",
    "                                                         PURCHASE ORDERS",
    " General Fund                                                    0001110194-0001110753     $   6,312,576.16",
  ].join("\n");
  assert.deepEqual(texts(t), [
    "that the Board of Trustees approve Consent Consideration items A through I.",
    "That the Board of Trustees approve the numbered purchase orders, warrants, checks and electronic transfers that are reflected on the schedule below.",
  ]);
});
