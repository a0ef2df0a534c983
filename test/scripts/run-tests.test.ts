// The test runner as CI uses it: a test that never settles is cancelled at the per-test timeout
// and fails the run, instead of hanging it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const RUNNER = fileURLToPath(new URL("../../scripts/run-tests.mjs", import.meta.url));
const HANGS = fileURLToPath(new URL("../fixtures/runner/hangs.fixture.ts", import.meta.url));
// Without this the inner run takes itself for a test file of this run and runs nothing.
const { NODE_TEST_CONTEXT: _, ...ENV } = process.env;

test("a hung test is cancelled at the runner's timeout and fails the run", () => {
  // The spawn's own limit only stops this test from hanging too if the runner has no timeout.
  const r = spawnSync(process.execPath, [RUNNER, HANGS], { encoding: "utf8", timeout: 90_000, env: { ...ENV, QUORUM_TEST_TIMEOUT: "1000" } });
  assert.equal(r.signal, null, `the runner hung and was killed:\n${r.stdout}${r.stderr}`);
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /timed out after 1000ms/);
});

test("the timeout must be a positive number of milliseconds", () => {
  const r = spawnSync(process.execPath, [RUNNER, HANGS], { encoding: "utf8", timeout: 90_000, env: { ...ENV, QUORUM_TEST_TIMEOUT: "soon" } });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /QUORUM_TEST_TIMEOUT/);
});
