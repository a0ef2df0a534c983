import { test } from "node:test";
import assert from "node:assert/strict";
import { serveHeapFlags } from "./serve-memory.ts";
import { QuorumError } from "../domain/errors.ts";

test("a serving worker's heap is bounded by default: a 128 MB old generation, 8 MB semi-spaces", () => {
  assert.deepEqual(serveHeapFlags({}, []), ["--max-old-space-size=128", "--max-semi-space-size=8"]);
  assert.deepEqual(serveHeapFlags({ QUORUM_SERVE_HEAP_MB: "256" }, ["--import", "tsx"]), ["--max-old-space-size=256", "--max-semi-space-size=8"]);
});

test("what the operator gave node, in NODE_OPTIONS or on its command line, wins", () => {
  assert.deepEqual(serveHeapFlags({ NODE_OPTIONS: "--enable-source-maps --max-old-space-size=512" }, []), ["--max-semi-space-size=8"]);
  assert.deepEqual(serveHeapFlags({ NODE_OPTIONS: "--max_old_space_size=512" }, ["--max-semi-space-size=2"]), []);
  assert.deepEqual(serveHeapFlags({ QUORUM_SERVE_HEAP_MB: "256" }, ["--max-old-space-size=300"]), ["--max-semi-space-size=8"]);
});

test("QUORUM_SERVE_HEAP_MB must be a sensible whole number of megabytes", () => {
  for (const bad of ["12", "lots", "1.5", "-200", "100000"]) assert.throws(() => serveHeapFlags({ QUORUM_SERVE_HEAP_MB: bad }, []), (e) => e instanceof QuorumError && /QUORUM_SERVE_HEAP_MB/.test(e.message), bad);
});
