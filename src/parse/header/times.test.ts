import { test } from "node:test";
import assert from "node:assert/strict";
import { findTimes, parseTime } from "./times.ts";

const v = (s: string, loose = true) => parseTime(s, loose)?.value ?? null;

test("reads 12-hour times with the meridiem written in many ways", () => {
  assert.equal(v("at 7.30 pm"), "19:30");
  assert.equal(v("at 2.30p.m."), "14:30");
  assert.equal(v("AT 3.00 P.M."), "15:00");
  assert.equal(v("at 7pm"), "19:00");
  assert.equal(v("10.30 am to 11.30 am"), "10:30");
  assert.equal(v("at 12.15 am"), "00:15");
  assert.equal(v("at 12 noon"), "12:00");
  assert.equal(v("starting at 6:30 p.m. The"), "18:30");
});

test("reads 24-hour times and OCR zeros", () => {
  assert.equal(v("closed at 21:12pm"), "21:12");
  assert.equal(v("at 19:30"), "19:30");
  assert.equal(v("AT 8.OOp.m."), "20:00");
});

test("does not take dates, money, item numbers or bare numbers as times", () => {
  assert.equal(v("on 12.12.2016", true), null);
  assert.equal(v("cost £7.50 per hour", true), null);
  assert.equal(v("item 7 was discussed", true), null);
  assert.equal(v("Members of the Public: 22", true), null);
  assert.equal(v("see 16/01/12 for details", true), null);
});

test("a bare 7.30 counts only when loose", () => {
  assert.equal(v("at 7.30 in the hall", false), null);
  assert.equal(v("at 7.30 in the hall", true), "07:30");
  assert.deepEqual(findTimes("10.30 am to 11.30 am").map((t) => t.value), ["10:30", "11:30"]);
});

test("OCR letters for digits in the minutes, and no time inside a word", () => {
  assert.equal(v("closed at 8.l5 p.m."), "20:15");
  assert.equal(v("closed at 8.l0p.m."), "20:10");
  assert.equal(v("room B5 pm", true), null);
});
