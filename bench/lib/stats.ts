// Summaries of timings for the benchmarks: nearest-rank percentiles, so every figure reported is a
// time that was actually measured (no interpolation between two requests).

/** The p-th percentile (0 < p ≤ 100) of `xs` by nearest rank; null for no values. */
export function percentile(xs: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], not ${p}`);
  if (!xs.length) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1];
}

export function median(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

export interface Latency {
  n: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

export function latency(xs: readonly number[]): Latency {
  return { n: xs.length, p50: percentile(xs, 50), p95: percentile(xs, 95), p99: percentile(xs, 99) };
}

/** b / a, or null when either is missing or a is zero. */
export function ratio(b: number | null | undefined, a: number | null | undefined): number | null {
  return a == null || b == null || a === 0 ? null : b / a;
}
