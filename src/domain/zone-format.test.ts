import { test } from "node:test";
import assert from "node:assert/strict";
import { isoDateInZone, localDateAndTime, zoneFormatter } from "./zone-format.ts";

test("the ISO date is the zone's own, either side of its midnight", () => {
  const late = new Date("2026-06-30T23:30:00Z"); // 00:30 on 1 July in London (BST)
  assert.equal(isoDateInZone(late, "Europe/London"), "2026-07-01");
  assert.equal(isoDateInZone(late, "America/Los_Angeles"), "2026-06-30");
});

test("a formatter is kept per zone and shape, and an unknown zone is refused", () => {
  assert.equal(zoneFormatter("Europe/London", "date"), zoneFormatter("Europe/London", "date"));
  assert.notEqual(zoneFormatter("Europe/London", "date"), zoneFormatter("Europe/London", "instant"));
  assert.notEqual(zoneFormatter("Europe/London", "date"), zoneFormatter("Europe/Dublin", "date"));
  assert.throws(() => zoneFormatter("Mars/Olympus_Mons", "date"), RangeError);
});

test("the local time is 24-hour hours and minutes in the zone", () => {
  const at = new Date("2026-07-01T14:05:00Z");
  assert.equal(zoneFormatter("Europe/London", "time").format(at), "15:05");
  assert.equal(zoneFormatter("America/Los_Angeles", "time").format(at), "07:05");
});

test("a moment's local date and time come together, on the zone's side of midnight", () => {
  const late = new Date("2026-06-30T23:30:00Z");
  assert.deepEqual(localDateAndTime(late, "Europe/London"), { date: "2026-07-01", time: "00:30" });
  assert.deepEqual(localDateAndTime(late, "America/New_York"), { date: "2026-06-30", time: "19:30" });
  assert.throws(() => localDateAndTime(late, "Mars/Olympus_Mons"), RangeError);
});
