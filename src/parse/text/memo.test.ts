import { test } from "node:test";
import assert from "node:assert/strict";
import { memoByString } from "./memo.ts";

test("a remembered function gives what the function gives, computing each string once", () => {
  const calls: string[] = [];
  const upper = memoByString((s: string) => {
    calls.push(s);
    return { text: s.toUpperCase() };
  });
  assert.deepEqual(upper("minutes"), { text: "MINUTES" });
  assert.deepEqual(upper("apologies"), { text: "APOLOGIES" });
  const again = upper("minutes");
  assert.deepEqual(again, { text: "MINUTES" });
  assert.equal(upper("minutes"), again, "the same object is handed out again");
  assert.deepEqual(calls, ["minutes", "apologies"]);
});

test("an answer of null or undefined is remembered too, and the empty string is a string like any other", () => {
  let calls = 0;
  const none = memoByString((s: string) => {
    calls++;
    return s ? undefined : null;
  });
  assert.equal(none("x"), undefined);
  assert.equal(none("x"), undefined);
  assert.equal(none(""), null);
  assert.equal(none(""), null);
  assert.equal(calls, 2);
});

test("past its budget of characters the store starts again, so memory stays bounded", () => {
  let calls = 0;
  const len = memoByString((s: string) => {
    calls++;
    return s.length;
  }, 10);
  len("abcd");
  len("efgh");
  assert.equal(len.size, 2);
  len("ijkl"); // 12 characters would be over 10: the store is dropped, then holds this one
  assert.equal(len.size, 1);
  assert.equal(len("ijkl"), 4);
  assert.equal(calls, 3);
  assert.equal(len("abcd"), 4);
  assert.equal(calls, 4, "a dropped string is computed again");
  // a string longer than the whole budget is answered but never kept
  assert.equal(len("x".repeat(11)), 11);
  assert.equal(len("x".repeat(11)), 11);
  assert.equal(calls, 6);
  assert.equal(len.size, 2);
});
