import { test } from "node:test";
import assert from "node:assert/strict";
import { findClosings, headerRangeEnd } from "./closing.ts";

const vals = (s: string) => findClosings(s).map((c) => c.value);

test("reads closing sentences in their usual forms", () => {
  assert.deepEqual(vals("The meeting closed at 9.15 pm."), ["21:15"]);
  assert.deepEqual(vals("the Chairman thanked everyone and declared the meeting closed at 21:12pm Signed:"), ["21:12"]);
  assert.deepEqual(vals("Meeting closed at 8.26 pm"), ["20:26"]);
  assert.deepEqual(vals("The Chairman thanked everyone for attending, and final closure of the meeting was at 10.04pm."), ["22:04"]);
  assert.deepEqual(vals("That the meeting be adjourned. Time: 8:06 p.m. Next regular meeting to be held April 16, 2024."), ["20:06"]);
  assert.deepEqual(vals("The meeting concluded at 4.45pm"), ["16:45"]);
  assert.deepEqual(vals("There being no further business the meeting ended at 9pm."), ["21:00"]);
});

test("keeps both closings in order when two are given", () => {
  assert.deepEqual(vals("The official meeting concluded at 9.57pm. Open Forum. final closure of the meeting was at 10.04pm."), ["21:57", "22:04"]);
});

test("does not take other closures or adjournments without a time", () => {
  assert.deepEqual(vals("the Elected Members agreed to adjourn the Meeting to meet in Committee for part of the Meeting"), []);
  assert.deepEqual(vals("Church Road will be closed at 9am on Sunday for resurfacing."), []);
  assert.deepEqual(vals("This concluded the Meeting."), []);
  assert.deepEqual(vals("The consultation closed at 5pm on Friday"), []);
  assert.deepEqual(vals("The meeting closed. Next meeting at 7.30pm on 3 May"), []);
});

test("reads the end of a header time range", () => {
  assert.equal(headerRangeEnd("Venue: County Hall\n\nTime: 10.30 am to 11.30 am\n")?.value, "11:30");
  assert.equal(headerRangeEnd("Time: 7.00 pm\n"), null);
});

test("a closing time with no am/pm is read after the start time", async () => {
  const { splitLines } = await import("../../domain/source.ts");
  const { ParseContext } = await import("../context.ts");
  const { parseEndTime } = await import("./closing.ts");
  const text = "MINUTES OF MEETING HELD ON 3 MARCH 2021 AT 3.00 P.M.\n\nPresent: Cllr A Smith\n\nThe meeting was adjourned at 4.45";
  const ctx = new ParseContext({ file: "x.txt", format: "txt", text, lines: splitLines(text), contentHash: "", byteLength: text.length });
  assert.equal(parseEndTime(ctx, [])?.value, "16:45");
  const text2 = "MEETING HELD ON 3 MARCH 2021 AT 7.30 P.M.\n\nThe meeting closed at 12.15 am.";
  const ctx2 = new ParseContext({ file: "x.txt", format: "txt", text: text2, lines: splitLines(text2), contentHash: "", byteLength: text2.length });
  assert.equal(parseEndTime(ctx2, [])?.value, "00:15");
});

// real US closings: City of Alameda boards and commissions
test("US closings: an ADJOURNMENT heading with its time, 'Council adjourned at', 'approximately', 'the open session meeting'", () => {
  assert.deepEqual(vals("12. ADJOURNMENT: 11:37 p.m.\n"), ["23:37"]);
  assert.deepEqual(vals("12. ADJOURNMENT 9:40 p.m.\n"), ["21:40"]);
  assert.deepEqual(vals("Council adjourned at 10:31 a.m."), ["10:31"]);
  assert.deepEqual(vals("The meeting was adjourned at approximately 7:40 p.m."), ["19:40"]);
  assert.deepEqual(vals("Mayor Johnson adjourned the open session meeting at 7:51 p.m."), ["19:51"]);
  // a heading without a time is not a closing time
  assert.deepEqual(vals("9. ADJOURNMENT\n\n10. NEXT MEETING 7:00 p.m."), []);
});
