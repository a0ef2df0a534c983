import { test } from "node:test";
import assert from "node:assert/strict";
import { findDates, parseDate, isoToRef } from "./dates.ts";

const v = (s: string, ref?: Date) => parseDate(s, ref)?.value ?? null;

test("reads British and American long dates", () => {
  assert.equal(v("Minutes of the Committee held on 12 December 2016"), "2016-12-12");
  assert.equal(v("Tuesday, November 19, 2019"), "2019-11-19");
  assert.equal(v("on Wednesday 11th May, 2016 at 2.30p.m."), "2016-05-11");
  assert.equal(v("ON THURSDAY 6 OCTOBER 2016"), "2016-10-06");
  assert.equal(v("MONDAY JULY 6TH 2015"), "2015-07-06");
  assert.equal(v("Irish style 21st November 2019"), "2019-11-21");
});

test("reads OCR ordinals printed as quotes and split superscripts", () => {
  assert.equal(v('ON THURSDAY, 21" NOVEMBER, 2019, AT 3.00 P.M.'), "2019-11-21");
  assert.equal(v("held on the 19” September, 2019."), "2019-09-19");
  assert.equal(v("passed this 2 nd day of April, 2024"), "2024-04-02");
  assert.equal(v("ON WEDNESDAY, 18™ OCTOBER, 2017, AT 10AM."), "2017-10-18");
  assert.equal(v('ON TUESDAY, 22"° APRIL, 2014,'), "2014-04-22");
});

test("reads numeric dates day first", () => {
  assert.equal(v("meeting held on 13/05/15 were agreed"), "2015-05-13");
  assert.equal(v("held on 23.01.17 were"), "2017-01-23");
});

test("ignores month-only and year-less dates unless a reference is given", () => {
  assert.equal(v("Parish Council Meeting January 2016"), null);
  assert.equal(v("on the 19th March"), null);
  assert.equal(v("on Thursday 3 November at 7.30pm", isoToRef("2016-10-06")), "2016-11-03");
  assert.equal(findDates("at 7.30 pm in the hall").length, 0);
});

test("the match stops before a time folded into the date", () => {
  const text = "on Wednesday 11th May, 2016 at 2.30p.m.";
  const m = parseDate(text)!;
  const got = text.slice(m.index, m.index + m.length);
  assert.match(got, /11th May, 2016$/);
});

test("a time printed before the date is not part of the match", () => {
  const text = "HALL AT 7.30 pm ON THURSDAY 6 OCTOBER 2016 PRESENT";
  const m = parseDate(text)!;
  assert.equal(m.value, "2016-10-06");
  assert.match(text.slice(m.index, m.index + m.length), /^THURSDAY 6 OCTOBER 2016$/);
});

test("reads a day whose figure 1 was typed or read as the letter l or I, or 0 as O, before an ordinal and a month", () => {
  // West Dereham Parish Council, February 2005 (norfolk-parishes)
  assert.equal(v("the West Dereham Parish Council held on Thursday l0th February 2005 in the Village Hall"), "2005-02-10");
  assert.equal(v("held on MONDAY I2TH MAY 2014"), "2014-05-12");
  assert.equal(v("held on 2Oth June 2016"), "2016-06-20");
  // words are left alone
  assert.equal(v("Item 14th: Ith May 2014"), null);
});

test("reads a day whose ordinal suffix was misread by OCR ('12H OCTOBER', '1+t FEBRUARY', '2\"? MARCH')", () => {
  // Limerick municipal districts, scanned minutes (limerick)
  assert.equal(v("RATHKEALE HOUSE HOTEL, RATHKEALE, CO. LIMERICK ON\nTUESDAY, 12H OCTOBER, 2021 AT 9:30 A.M."), "2021-10-12");
  assert.equal(v("WEST, CO. LIMERICK, ON WEDNESDAY, 1+t FEBRUARY, 2017, AT 10.00 A.M."), "2017-02-01");
  assert.equal(v('ON WEDNESDAY,\n2"? MARCH, 2016, AT 10:00 A.M.'), "2016-03-02");
  // a figure before a word that is not a month stays a figure
  assert.equal(v("Item 12H Orchard, 2021"), null);
});
