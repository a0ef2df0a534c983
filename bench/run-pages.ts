// Latency and throughput of each page under load (autocannon here, `quorum serve` in its own
// process), the static asset first as the reference, and again briefly after each page, so that each
// page has the machine's speed of its own minute beside it; then the serve processes' peak memory.
import type { Archive } from "./run-archive.ts";
import type { PageTarget } from "./run-picks.ts";
import { get, load, settle } from "./lib/load.ts";
import type { PageFigure, ServerFigure, StepError } from "./lib/results.ts";
import type { Server } from "./lib/server.ts";
import { oneLine } from "./lib/errors.ts";
import { REFERENCE_PAGE, pageTarget, serverTarget } from "./lib/targets.ts";

/** Seconds of the static asset's run after each page: enough for a rate, short beside the page's. */
const BESIDE_SECONDS = 3;

const ms = (x: number | null) => (x == null ? "—" : x.toFixed(1));

export async function measurePages(
  archive: Archive,
  server: Server,
  workers: number,
  targets: PageTarget[],
  opts: { connections: number; seconds: number; warmup: number },
  errors: StepError[],
): Promise<{ pages: PageFigure[]; server: ServerFigure }> {
  const pages: PageFigure[] = [];
  const reference = targets.find((t) => t.page === REFERENCE_PAGE);
  for (const t of targets) {
    try {
      const probe = await get(server.url + t.path);
      if (probe.status !== 200) throw new Error(`${t.path} answered ${probe.status}`);
      if (opts.warmup) await load(server.url + t.path, opts.connections, opts.warmup);
      await settle(server.url);
      const r = await load(server.url + t.path, opts.connections, opts.seconds);
      await settle(server.url);
      let beside: number | undefined;
      if (reference && t !== reference) {
        beside = (await load(server.url + reference.path, opts.connections, Math.min(BESIDE_SECONDS, opts.seconds))).requestsPerSecond;
        await settle(server.url);
      }
      pages.push({ size: archive.label, db: archive.db, workers, page: t.page, path: t.path, requestsPerSecond: r.requestsPerSecond, latency: r.latency, errors: r.errors, ...pageTarget(t.page, r.latency.p95, r.errors, r.requestsPerSecond), ...(beside == null ? {} : { besideRequestsPerSecond: beside }) });
      console.log(`    ${t.page.padEnd(26)} ${r.requestsPerSecond.toFixed(0).padStart(7)} req/s  p50 ${ms(r.latency.p50)}  p95 ${ms(r.latency.p95)}  p99 ${ms(r.latency.p99)} ms  errors ${r.errors}${beside == null ? "" : `  (static asset after it: ${beside.toFixed(0)} req/s)`}`);
    } catch (err) {
      errors.push({ step: `pages ${archive.label} ${archive.db} workers ${workers}: ${t.page}`, message: oneLine(err) });
    }
  }
  const peakMB = server.peakMB();
  return { pages, server: { size: archive.label, db: archive.db, workers, peakMB, ...serverTarget(peakMB) } };
}
