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
