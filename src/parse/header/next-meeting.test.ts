import { test } from "node:test";
import assert from "node:assert/strict";
import { findNextMeetings } from "./next-meeting.ts";

const last = (s: string, date?: string) => findNextMeetings(s, date).at(-1)?.value ?? null;

test("reads a next-meeting heading followed by date and venue", () => {
  assert.deepEqual(last("11 DATE OF THE NEXT MEETING\n\n21 May 2018, Mezzanine 1 & 2, County Hall, Aylesbury\n\nMARTIN TETT", "2018-04-23"), {
    date: "2018-05-21",
    time: null,
    venue: "Mezzanine 1 & 2, County Hall, Aylesbury",
  });
});

test("reads date, time and venue from a sentence", () => {
  assert.deepEqual(last("Items for next meeting to be held on Tuesday 2nd February 2016 at 7:30pm, in the Village Hall. • Ingham’s Lane"), {
    date: "2016-02-02",
    time: "19:30",
    venue: "Village Hall",
  });
  assert.deepEqual(last("Next PC meeting is on Thursday 3 November 2016 at 7.30pm with Open Surgery from 7.00pm. Clerk: Sarah Thorpe", "2016-10-06"), {
    date: "2016-11-03",
    time: "19:30",
    venue: null,
  });
  assert.deepEqual(last("That the meeting be adjourned. Time: 8:06 p.m. Next regular meeting to be held April 16, 2024.\nCarried.", "2024-04-02"), {
    date: "2024-04-16",
    time: null,
    venue: null,
  });
  assert.equal(last("197/18 Date and Time of Next Meeting – Ordinary Parish Council meeting on Wednesday 3 October 2018\n\nMeeting closed at 8.26 pm", "2018-09-05")?.date, "2018-10-03");
});

test("a year-less date is placed after the meeting date", () => {
  assert.equal(last("The next meeting will be held on 12th January at 7.30pm.", "2015-12-08")?.date, "2016-01-12");
});

test("skips statements with no date, dates to be advised, and the current meeting", () => {
  assert.equal(last("Cllr McNeill agreed to draft a letter for approval at the next meeting. 2) Indigo Road was cut on 3 October 2018."), null);
  assert.equal(last("The date of the next meeting to be advised at a later date. Cllr Mitchell offered on 12 June 2016 to host."), null);
  assert.equal(last("Draft Minutes Subject to the Approval at the next Meeting Ordinary Meeting of the Parish Council Wednesday 5 September 2018 at 7.00 pm", "2018-09-05"), null);
});

test("dated next meetings introduced by 'at the' or 'arranged for', and HTML ordinals", () => {
  assert.equal(last("It would be raised at the next Meeting of the Council scheduled for Monday, 18th July, 2016.", "2016-06-27")?.date, "2016-07-18");
  assert.equal(last("Next meeting arranged for Wednesday 21st May. The meeting closed at 8.45pm.", "2003-04-16")?.date, "2003-05-21");
  assert.equal(last("Next Meeting –Tuesday March 11<sup>th</sup> 2014.", "2014-01-14")?.date, "2014-03-11");
  assert.equal(last("This would be considered at the next meeting. The hedge was cut on 3 May 2016.", "2016-04-01"), null);
});

test("a list of day-month dates is read date by date, and the first after the meeting is the next", () => {
  // Souldern Parish Council, 25 April 2024
  const text = "Date of next meetings :\n23rd May ,27th June ,25th July, 29th August ,26th September, 31st October, 28th November\nDate of APM and AMPC to be 23rd May 2024";
  assert.equal(last(text, "2024-04-25")?.date, "2024-05-23");
});

test("a schedule of meeting dates gives the first date after the meeting", () => {
  // Souldern Parish Council, 25 April 2019: the schedule is a table of two kinds of meeting
  const text = [
    "Other matters",
    "Daffodils by the church - NO to investigate.",
    "",
    "Meeting Dates for 2019",
    "PC meeting\tPlanning meeting",
    "Thurs 23 May (to include APM and Annual meeting of the PC)\tThurs 27June",
    "Thurs 25 July\tThurs 22 Aug",
    "Thurs28 Nov\tThurs 19 Dec",
  ].join("\n");
  assert.equal(last(text, "2019-04-25")?.date, "2019-05-23");
  // a list of past dates under such a heading is not a next meeting
  assert.equal(last("Meeting Dates for 2018\nThurs 22 March\tThurs 19 April", "2019-04-25"), null);
});
