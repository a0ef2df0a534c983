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

test("titles with the other verbs real agendas use, and wording broken across lines by text extraction", () => {
  for (const t of [
    "To confirm the minutes of the Home and Social Development Strategic", // Limerick
    "To adopt the minutes of the SPC meeting held on 24th November 2015", // Limerick
    "Signing of the Minutes of 18th September",
    "To sign the minutes of the last meeting",
    "To accept the minutes of the meeting held on 9 December 2015",
    "Acceptance of the minutes",
    "DRAFT MINUTES OF THE WEST DEREHAM PARISH COUNCIL",
    "Previous minutes",
    "Last Minutes",
    "**Adoption of Minutes**", // markdown bold, as converted
    "  **  Adoption of Minutes:",
    // PDF text extraction leaves blank lines inside a wrapped title ("MINUTES\n\nOF")
    "To \n\napprove the minutes",
    "Confirmation \n\nof minutes",
    "Approval of \n\nthe minutes",
    "Adoption of the \n\nminutes",
    "Draft \n\nMinutes",
    "Previous \n\nminutes",
    "Last \n\nminutes",
  ]) assert.equal(isMinutesItemTitle(t), true, JSON.stringify(t));
});

test("minutes of other bodies, received for information, are not this meeting's approval", () => {
  for (const t of [
    "Minutes for information",
    "Minutes for \n\ninformation",
    "Minutes to \n\nnote",
    "Minutes of meetings: Subcommittee minutes",
    "Minutes of meetings: Sub-committee minutes",
    "Minutes of meetings: Sub-committees \n\nminutes",
    "Minutes of other bodies",
    "Minutes of \n\nother bodies",
    "Minutes \n\nof outside bodies",
  ]) assert.equal(isMinutesItemTitle(t), false, JSON.stringify(t));
});

test("a true record named without a verb, across line breaks, and refusals worded in full", () => {
  // signing page of Staffordshire minutes; "were agreed as a true record" wrapped by PDF extraction
  for (const t of ["A TRUE RECORD", "The minutes were taken as a true \n\nrecord of the meeting", "Council held these to be a correct record."]) {
    assert.equal(saysMinutesAgreed(t), true, JSON.stringify(t));
  }
  for (const t of [
    "proposed that this modification should not be approved, which was seconded", // Staffordshire wording
    "The minutes should not \n\nbe approved",
    "The minutes should not be \n\napproved",
    "The minutes were not \n\napproved",
  ]) assert.equal(saysMinutesAgreed(t), false, JSON.stringify(t));
});

test("dates with a two-digit year, and dates in the order they are written whatever their form", () => {
  assert.deepEqual(datesNamed("minutes of the meeting held on 13/11/12 were agreed"), ["2012-11-13"]);
  assert.deepEqual(datesNamed("held on 06.01.2020, November 9, 2016 and 24th November 2015"), ["2020-01-06", "2016-11-09", "2015-11-24"]);
  assert.deepEqual(datesNamed("held on November 9, 2016 and 24th November 2015"), ["2016-11-09", "2015-11-24"]);
});

test("a minute number such as 16/01/5.01 is not read as a date", () => {
  // Northwold: minute numbers are year/month/item, with resolutions numbered below them
  assert.deepEqual(
    datesNamed("Resolved 16/01/5.01 The minutes of the last meeting held on 1st December 2015 were adopted as a true statement and signed by the Chairman (RC)."),
    ["2015-12-01"],
  );
  assert.deepEqual(datesNamed("Resolved 16/01/12.01 Payments and receipts were scrutinised and approved"), []);
  // a council numbering past 99 items a year
  assert.deepEqual(datesNamed("Resolved 16/01/123 The minutes were approved"), []);
  // a date closing a sentence is still a date
  assert.deepEqual(datesNamed("The minutes of the meeting held on 06.01.2020. were confirmed"), ["2020-01-06"]);
});
