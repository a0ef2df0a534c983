import { test } from "node:test";
import assert from "node:assert/strict";
import { latency, median, percentile, ratio } from "../../bench/lib/stats.ts";

test("percentile by nearest rank over 1..100 is the rank itself", () => {
  const xs = Array.from({ length: 100 }, (_, i) => 100 - i); // unsorted on purpose
  assert.equal(percentile(xs, 50), 50);
  assert.equal(percentile(xs, 95), 95);
  assert.equal(percentile(xs, 99), 99);
  assert.equal(percentile(xs, 100), 100);
});

test("percentile of a short sample is a value that was measured, rounding the rank up", () => {
  assert.equal(percentile([4, 1, 3, 2], 50), 2);
  assert.equal(percentile([4, 1, 3, 2], 95), 4);
  assert.equal(percentile([10, 20, 30], 1), 10);
  assert.equal(percentile([7], 99), 7);
});

test("percentile of nothing is null, and p outside (0, 100] is refused", () => {
  assert.equal(percentile([], 50), null);
  assert.throws(() => percentile([1], 0), RangeError);
  assert.throws(() => percentile([1], 101), RangeError);
});

test("percentile leaves its input in the order it was given", () => {
  const xs = [3, 1, 2];
  percentile(xs, 50);
  assert.deepEqual(xs, [3, 1, 2]);
});

test("latency gathers count, p50, p95 and p99", () => {
  const xs = Array.from({ length: 200 }, (_, i) => i + 1);
  assert.deepEqual(latency(xs), { n: 200, p50: 100, p95: 190, p99: 198 });
  assert.deepEqual(latency([]), { n: 0, p50: null, p95: null, p99: null });
});

test("median averages the two middle values of an even count", () => {
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([]), null);
});

test("ratio is null when either side is missing or the base is zero", () => {
  assert.equal(ratio(30, 10), 3);
  assert.equal(ratio(null, 10), null);
  assert.equal(ratio(10, null), null);
  assert.equal(ratio(10, 0), null);
});
