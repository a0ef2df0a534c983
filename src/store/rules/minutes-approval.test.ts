// The rules that recognise an item agreeing earlier minutes, on titles and decisions from real minutes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { datesNamed, isMinutesItemTitle, saysMinutesAgreed } from "./minutes-approval.ts";

test("titles of items that deal with the previous minutes, from real minutes", () => {
  for (const t of [
    "Minutes of the Safe & Strong Communities Select Committee held on 9 November 2016", // Staffordshire
    "Minutes of last meeting", // Wereham
    "Minutes of the previous meeting",
    "Confirmation of Minutes",
    "To approve the minutes of the meeting held on 9 December 2015",
    "Adoption of Minutes",
    "MINUTES",
  ]) assert.equal(isMinutesItemTitle(t), true, t);
  for (const t of ["Matters arising from the minutes", "Declarations of Interest", "Modern Slavery", "Minutes of sub-committees to note", "Draft Budgetary Plan"]) {
    assert.equal(isMinutesItemTitle(t), false, t);
  }
});

test("decisions that agree minutes as a correct record, and ones that do not", () => {
  for (const t of [
    "That the minutes of the Safe and Strong Communities Select Committee held on 9 November 2016 be confirmed and signed by the Chairman.",
    "Minutes of the meeting held on 13th November 2012 were discussed and agreed to be a true record.",
    "That, the draft Minutes, as circulated, be taken as read and adopted and signed",
    "The minutes of the meeting held on 9 December 2015 were approved as a correct record.",
  ]) assert.equal(saysMinutesAgreed(t), true, t);
  for (const t of ["The minutes were not approved, pending a correction to item 4.", "Consideration of the minutes was deferred to the next meeting.", "The Clerk read the minutes."]) {
    assert.equal(saysMinutesAgreed(t), false, t);
  }
});

test("dates named in the text, as written in real minutes", () => {
  assert.deepEqual(datesNamed("Minutes of the Safe & Strong Communities Select Committee held on 9 November 2016"), ["2016-11-09"]);
  assert.deepEqual(datesNamed("copy of draft Minutes of Meeting of Municipal District of Newcastle West\n\nheld on 4th October, 2017."), ["2017-10-04"]);
  // OCR of Limerick's superscript ordinals, across a line break
  assert.deepEqual(datesNamed('copy of draft Minutes of Meeting of Municipal District of Newcastle West held on 5"\nOctober, 2016.'), ["2016-10-05"]);
  assert.deepEqual(datesNamed("Draft Budgetary Plan 2017 Meeting held on the 19”\nOctober, 2016."), ["2016-10-19"]);
  assert.deepEqual(datesNamed("That the minutes on Wednesday 9th December, 2015 be approved"), ["2015-12-09"]);
  assert.deepEqual(datesNamed("meetings held on 06.01.2020 and 11.02.2020 were confirmed"), ["2020-01-06", "2020-02-11"]);
  assert.deepEqual(datesNamed("held on November 9, 2016 and again on 9 November 2016"), ["2016-11-09"]);
  assert.deepEqual(datesNamed("no date here, only 31 February 2016"), []);
});
