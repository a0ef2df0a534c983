import { test } from "node:test";
import assert from "node:assert/strict";
import { QuorumError } from "../domain/errors.ts";
import { responseCacheSettings } from "./serve-cache.ts";

test("the response cache is on by default, sized and aged by QUORUM_RESPONSE_CACHE_MB and _SECONDS, off at 0 MB", () => {
  assert.deepEqual(responseCacheSettings({}), { maxBytes: 32 * 1024 * 1024, maxAgeMs: 60_000 });
  assert.deepEqual(responseCacheSettings({ QUORUM_RESPONSE_CACHE_MB: "8", QUORUM_RESPONSE_CACHE_SECONDS: "5" }), { maxBytes: 8 * 1024 * 1024, maxAgeMs: 5_000 });
  assert.equal(responseCacheSettings({ QUORUM_RESPONSE_CACHE_MB: "0" }), undefined);
  for (const bad of [{ QUORUM_RESPONSE_CACHE_MB: "lots" }, { QUORUM_RESPONSE_CACHE_MB: "-1" }, { QUORUM_RESPONSE_CACHE_SECONDS: "0" }, { QUORUM_RESPONSE_CACHE_SECONDS: "1.5" }]) {
    assert.throws(() => responseCacheSettings(bad), (e) => e instanceof QuorumError && /QUORUM_RESPONSE_CACHE_/.test(e.message), JSON.stringify(bad));
  }
});
