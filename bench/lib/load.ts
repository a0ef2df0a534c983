// Load from autocannon with every response's time kept, so p95 is a measured percentile (autocannon's
// own histogram reports p97.5 and p99 but not p95).
import autocannon from "autocannon";
import { latency, type Latency } from "./stats.ts";

export interface LoadResult {
  requestsPerSecond: number;
  latency: Latency;
  /** connection errors, timeouts and answers other than 2xx */
  errors: number;
  seconds: number;
  /** every 2xx response's time, ms, in the order they came */
  times: number[];
}

export function load(url: string, connections: number, seconds: number): Promise<LoadResult> {
  const times: number[] = [];
  return new Promise((res, rej) => {
    const instance = autocannon({ url, connections, duration: seconds, timeout: 10 }, (err, r) => {
      if (err) return rej(err);
      res({ requestsPerSecond: times.length / seconds, latency: latency(times), errors: r.errors + r.non2xx, seconds, times });
    });
    instance.on("response", (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) times.push(ms);
    });
  });
}

/**
 * GET `url` and read the whole answer. A kept-alive connection the server closed while idle fails
 * once; the request is then made again on a new one, and a second failure is real.
 */
export async function get(url: string): Promise<Response & { bytes: ArrayBuffer }> {
  try {
    const r = await fetch(url);
    return Object.assign(r, { bytes: await r.arrayBuffer() });
  } catch {
    try {
      const r = await fetch(url);
      return Object.assign(r, { bytes: await r.arrayBuffer() });
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      throw new Error(`${new URL(url).pathname}${new URL(url).search}: ${cause?.code ?? cause?.message ?? (err as Error).message}`);
    }
  }
}

/** `n` requests one after another; the time of each, in ms. A non-2xx answer is an error. */
export async function sequential(url: string, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    // after a retry the time still covers both tries: a reset connection is part of what a client sees
    const t0 = performance.now();
    const r = await get(url);
    if (!r.ok) throw new Error(`${new URL(url).pathname}${new URL(url).search} answered ${r.status}`);
    times.push(performance.now() - t0);
  }
  return times;
}

/**
 * Waits until the server answers /healthz quickly again: a load run's last requests go on being
 * served after autocannon stops, and the next run must not start behind them.
 */
export async function settle(base: string, quickMs = 100, maxSeconds = 60): Promise<void> {
  const deadline = performance.now() + maxSeconds * 1000;
  while (performance.now() < deadline) {
    const t0 = performance.now();
    try {
      const r = await fetch(`${base}/healthz`);
      await r.arrayBuffer();
      if (performance.now() - t0 < quickMs) return;
    } catch {
      /* busy or restarting: try again */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
