// Latency and throughput of each page under load (autocannon here, `quorum serve` in its own
// process), the static asset first as the reference; then the serve processes' peak memory.
import type { Archive } from "./run-archive.ts";
import type { PageTarget } from "./run-picks.ts";
import { get, load, settle } from "./lib/load.ts";
import type { PageFigure, ServerFigure, StepError } from "./lib/results.ts";
import type { Server } from "./lib/server.ts";
import { oneLine } from "./lib/errors.ts";
import { pageTarget, serverTarget } from "./lib/targets.ts";

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
  for (const t of targets) {
    try {
      const probe = await get(server.url + t.path);
      if (probe.status !== 200) throw new Error(`${t.path} answered ${probe.status}`);
      if (opts.warmup) await load(server.url + t.path, opts.connections, opts.warmup);
      await settle(server.url);
      const r = await load(server.url + t.path, opts.connections, opts.seconds);
      await settle(server.url);
      pages.push({ size: archive.label, db: archive.db, workers, page: t.page, path: t.path, requestsPerSecond: r.requestsPerSecond, latency: r.latency, errors: r.errors, ...pageTarget(t.page, r.latency.p95, r.errors, r.requestsPerSecond) });
      console.log(`    ${t.page.padEnd(26)} ${r.requestsPerSecond.toFixed(0).padStart(7)} req/s  p50 ${ms(r.latency.p50)}  p95 ${ms(r.latency.p95)}  p99 ${ms(r.latency.p99)} ms  errors ${r.errors}`);
    } catch (err) {
      errors.push({ step: `pages ${archive.label} ${archive.db} workers ${workers}: ${t.page}`, message: oneLine(err) });
    }
  }
  const peakMB = server.peakMB();
  return { pages, server: { size: archive.label, db: archive.db, workers, peakMB, ...serverTarget(peakMB) } };
}
