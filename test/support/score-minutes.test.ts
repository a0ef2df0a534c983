import { test } from "node:test";
import assert from "node:assert/strict";
import { nameSetF1, scoreMinutes, tokenF1 } from "./score-minutes.ts";

test("names match on surname and initial, ignoring honorifics", () => {
  assert.equal(nameSetF1(["Mr M Tett", "Cllr J Smith"], ["Martin Tett", "John Smith"]), 1);
  assert.equal(nameSetF1(["Mr M Tett"], ["Mr P Tett"]), 0);
  assert.ok(Math.abs(nameSetF1(["A Bee", "C Dee"], ["A Bee"]) - 2 / 3) < 1e-9);
});

test("token F1 counts repeated words once each", () => {
  assert.equal(tokenF1("the report was noted", "the report was noted"), 1);
  assert.equal(tokenF1("noted", "agreed"), 0);
});

test("a record scores 1 against itself and less with a wrong date and a missing item", () => {
  const gold = {
    date: "2018-04-23", body: "Cabinet", attendance: [{ name: "Mr M Tett", status: "present" as const, kind: "member" as const, role: null, substituteFor: null }],
    items: [{ number: "1", title: "Apologies", exempt: false, resolutions: [] }, { number: "2", title: "Minutes", exempt: false, resolutions: [{ text: "Agreed." }] }],
  };
  assert.equal(scoreMinutes(gold, gold).overall, 1);
  const worse = scoreMinutes(gold, { ...gold, date: "2018-04-24", items: gold.items.slice(0, 1) });
  assert.equal(worse.date, 0);
  assert.ok(worse.items! < 1 && worse.overall < 1);
});
