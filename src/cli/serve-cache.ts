// The response cache's settings for `quorum serve` (src/serve/response-cache.ts): how many MB of
// signed-out responses each serving process keeps (0: none), and for how many seconds at most.
import { QuorumError } from "../domain/errors.ts";
import type { ResponseCacheSettings } from "../serve/response-cache.ts";

const DEFAULT_MB = 32;
const DEFAULT_SECONDS = 60;

function whole(value: string, name: string, min: number, max: number): number {
  const n = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || n < min || n > max) throw new QuorumError("invalid", `${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}

export function responseCacheSettings(env: NodeJS.ProcessEnv): ResponseCacheSettings | undefined {
  const mb = env.QUORUM_RESPONSE_CACHE_MB ? whole(env.QUORUM_RESPONSE_CACHE_MB, "QUORUM_RESPONSE_CACHE_MB", 0, 65536) : DEFAULT_MB;
  const seconds = env.QUORUM_RESPONSE_CACHE_SECONDS ? whole(env.QUORUM_RESPONSE_CACHE_SECONDS, "QUORUM_RESPONSE_CACHE_SECONDS", 1, 3600) : DEFAULT_SECONDS;
  return mb === 0 ? undefined : { maxBytes: mb * 1024 * 1024, maxAgeMs: seconds * 1000 };
}
