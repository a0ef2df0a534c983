import { test } from "node:test";
import assert from "node:assert/strict";
import { addItem, describeEvent, markConsidered, moveItem, removeItem, upcoming } from "./work-programme.ts";

const committee = "Safe and Strong Communities Select Committee";

// The changes reported to the Staffordshire committee on 12 December 2016 (item 33).
const neglect = addItem(committee, "Cabinet Response: Preventing Low Level Neglect of Children in Staffordshire", "2017-01", "2016-11-09");
const wood = addItem(committee, "Wood report legislation", "2017-03", "2016-11-09");

test("moving an item keeps where it was planned before", () => {
  const moved = moveItem(neglect, "2017-03-06", "2016-12-12");
  assert.equal(moved.plannedFor, "2017-03-06");
  assert.equal(moved.history.length, 2);
  assert.deepEqual(moved.history.map(describeEvent), ["added for January 2017", "moved from January to 6 March"]);
  // The original is untouched.
  assert.equal(neglect.plannedFor, "2017-01");
  assert.equal(neglect.history.length, 1);
});

test("a move across the new year names both years", () => {
  const early = addItem(committee, "Budget", "2016-12-12", "2016-10-01");
  assert.equal(describeEvent(moveItem(early, "2017-01-16", "2016-11-01").history[1]), "moved from 12 December 2016 to 16 January 2017");
});

test("moving to the same meeting changes nothing", () => {
  assert.equal(moveItem(neglect, "2017-01", "2016-12-12"), neglect);
});

test("removed items keep their history and cannot be moved", () => {
  const removed = removeItem(wood, "2016-12-12", "legislation not now expected until Autumn 2017");
  assert.equal(removed.status, "removed");
  assert.equal(describeEvent(removed.history.at(-1)!), "removed from March 2017");
  assert.equal(removed.history.at(-1)?.note, "legislation not now expected until Autumn 2017");
  assert.throws(() => moveItem(removed, "2017-06", "2017-01-01"), RangeError);
  assert.throws(() => markConsidered(removed, "2017-03-06"), RangeError);
});

test("items added with no fixed date come last in the programme", () => {
  const reviews = addItem(committee, "Serious Case Reviews (rolling)", null, "2016-12-12");
  const slavery = addItem(committee, "Modern slavery action plan", "2017-03-06", "2016-12-12");
  const moved = moveItem(neglect, "2017-03-06", "2016-12-12");
  const removed = removeItem(wood, "2016-12-12");
  const list = upcoming([reviews, removed, moved, slavery], "2016-12-13");
  assert.deepEqual(list.map((i) => i.title), [moved.title, slavery.title, reviews.title]);
  assert.equal(describeEvent(reviews.history[0]), "added with no fixed date");
});

test("past meetings drop off, a month slot stays until the month ends", () => {
  assert.equal(upcoming([neglect], "2017-01-31").length, 1);
  assert.equal(upcoming([neglect], "2017-02-01").length, 0);
  const done = markConsidered(moveItem(neglect, "2017-03-06", "2016-12-12"), "2017-03-06");
  assert.equal(done.status, "considered");
  assert.equal(upcoming([done], "2017-03-01").length, 0);
  assert.equal(describeEvent(done.history.at(-1)!), "considered on 6 March 2017");
});

test("a slot must be a date, a month or nothing", () => {
  assert.throws(() => addItem(committee, "x", "March", "2016-12-12"), RangeError);
  assert.throws(() => moveItem(neglect, "2017-02-30", "2016-12-12"), RangeError);
});
