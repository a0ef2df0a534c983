// The targets of issue 13 (2 cores, 100k meetings), one function each, so a figure carries the
// target it was marked against.
import type { Verdict } from "./results.ts";

const mark = (ok: boolean | null): Verdict => (ok == null ? null : ok ? "met" : "missed");

export const PAGE_P95_MS = 50;
export const MEETING_RPS = 1_000;
export const SEARCH_RPS = 200;
export const SEARCH_OVER_BARE = 3;
export const GROWTH = 2;
export const IMPORT_DOCS_PER_S = 100;
export const SERVE_MB = 300;
export const BYTES_PER_MEETING = 40 * 1024;

/** The page every other is measured against: a static asset served by the same server. */
export const REFERENCE_PAGE = "static asset (reference)";

export function pageTarget(page: string, p95: number | null, errors: number, rps: number): { target: string; verdict: Verdict } {
  const floor = page.startsWith("meeting") ? MEETING_RPS : page.startsWith("search") ? SEARCH_RPS : 0;
  const target = `p95 ≤ ${PAGE_P95_MS} ms, 0 errors${floor ? `, ≥ ${floor} req/s` : ""}`;
  if (page === REFERENCE_PAGE) return { target: "reference", verdict: null };
  return { target, verdict: mark(p95 != null && p95 <= PAGE_P95_MS && errors === 0 && rps >= floor) };
}

export function searchTarget(p95: number | null, bareP95: number | null): { target: string; verdict: Verdict } {
  // a bare query under a millisecond would make any overhead a miss; 1 ms is the floor of the comparison
  const ok = p95 == null || bareP95 == null ? null : p95 <= SEARCH_OVER_BARE * Math.max(bareP95, 1);
  return { target: `API p95 ≤ ${SEARCH_OVER_BARE}× bare`, verdict: mark(ok) };
}

export function growthTarget(from: number, to: number, growth: number | null): { target: string; verdict: Verdict } {
  // the target is 1k → 100k; a shorter span is shown but not marked
  const full = from <= 1_000 && to >= 100_000;
  return { target: `p95 × < ${GROWTH} from 1k to 100k`, verdict: full ? mark(growth == null ? null : growth < GROWTH) : null };
}

export function importTarget(docsPerSecond: number): { target: string; verdict: Verdict } {
  return { target: `≥ ${IMPORT_DOCS_PER_S} documents/s`, verdict: mark(docsPerSecond >= IMPORT_DOCS_PER_S) };
}

export function serverTarget(peakMB: number[]): { target: string; verdict: Verdict } {
  return { target: `< ${SERVE_MB} MB per process`, verdict: mark(peakMB.length ? Math.max(...peakMB) < SERVE_MB : null) };
}

export function archiveTarget(bytesPerMeeting: number): { target: string; verdict: Verdict } {
  return { target: `≤ ${BYTES_PER_MEETING / 1024} KB/meeting`, verdict: mark(bytesPerMeeting <= BYTES_PER_MEETING) };
}
