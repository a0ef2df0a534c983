import { test } from "node:test";
import assert from "node:assert/strict";
import { summariseRounds } from "../../bench/lib/rounds.ts";

const run = (seconds: number, times: number[], errors = 0) => ({ seconds, errors, times });

test("a page's share is the median of its rounds' shares, each against its own asset run", () => {
  // the machine slows in the second round: the page's rate halves with the asset's, its share holds
  const r = summariseRounds([
    { asset: 4000, page: run(2, Array(800).fill(5)) }, // 400 req/s, 0.1
    { asset: 2000, page: run(2, Array(400).fill(10)) }, // 200 req/s, 0.1
    { asset: 4000, page: run(2, Array(1000).fill(4)) }, // 500 req/s, 0.125
  ]);
  assert.deepEqual(r.rounds.map((x) => x.share), [0.1, 0.1, 0.125]);
  assert.equal(r.share, 0.1);
  assert.equal(r.besideRequestsPerSecond, 4000);
  assert.equal(r.requestsPerSecond, 2200 / 6);
});

test("latency is read over every response of every round, and errors are summed", () => {
  const r = summariseRounds([
    { asset: 1000, page: run(1, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 1) },
    { asset: 1000, page: run(1, [100, 200], 2) },
  ]);
  assert.equal(r.latency.n, 12);
  assert.equal(r.latency.p50, 6);
  assert.equal(r.latency.p95, 200);
  assert.equal(r.errors, 3);
});

test("with an even number of rounds the share is the mean of the middle two; none is refused", () => {
  const r = summariseRounds([
    { asset: 100, page: run(1, Array(10).fill(1)) },
    { asset: 100, page: run(1, Array(30).fill(1)) },
  ]);
  assert.equal(r.share, 0.2);
  assert.throws(() => summariseRounds([]), /no rounds/);
});

test("a round whose asset served nothing has a share of 0, not infinity", () => {
  const r = summariseRounds([{ asset: 0, page: run(1, [1]) }]);
  assert.equal(r.share, 0);
});
