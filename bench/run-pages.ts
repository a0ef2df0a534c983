// Latency and throughput of each page under load (autocannon here, `quorum serve` in its own
// process), the static asset first as the reference; then each page in rounds, each round a short
// run of the static asset and then of the page, so that each page is read against the machine's
// speed of its own minute (lib/rounds.ts); then the serve processes' peak memory.
import type { Archive } from "./run-archive.ts";
import type { PageTarget } from "./run-picks.ts";
import { get, load, settle } from "./lib/load.ts";
import type { PageFigure, ServerFigure, StepError } from "./lib/results.ts";
import { summariseRounds, type Round } from "./lib/rounds.ts";
import type { Server } from "./lib/server.ts";
import type { Latency } from "./lib/stats.ts";
import { oneLine } from "./lib/errors.ts";
import { REFERENCE_PAGE, pageTarget, serverTarget } from "./lib/targets.ts";

/** Seconds of the static asset's run in each round: enough for a rate, short beside the page's. */
const ASSET_SECONDS = 2;

const ms = (x: number | null) => (x == null ? "—" : x.toFixed(1));

export interface PageRunOptions {
  connections: number;
  /** seconds of each page's load in all, split evenly over its rounds */
  seconds: number;
  rounds: number;
  warmup: number;
}

export async function measurePages(
  archive: Archive,
  server: Server,
  workers: number,
  targets: PageTarget[],
  opts: PageRunOptions,
  errors: StepError[],
): Promise<{ pages: PageFigure[]; server: ServerFigure }> {
  const pages: PageFigure[] = [];
  const reference = targets.find((t) => t.page === REFERENCE_PAGE);
  const keep = (t: PageTarget, r: { requestsPerSecond: number; latency: Latency; errors: number }, beside: Partial<PageFigure>, said: string) => {
    pages.push({ size: archive.label, db: archive.db, workers, page: t.page, path: t.path, requestsPerSecond: r.requestsPerSecond, latency: r.latency, errors: r.errors, ...pageTarget(t.page, r.latency.p95, r.errors, r.requestsPerSecond), ...beside });
    console.log(`    ${t.page.padEnd(26)} ${r.requestsPerSecond.toFixed(0).padStart(7)} req/s  p50 ${ms(r.latency.p50)}  p95 ${ms(r.latency.p95)}  p99 ${ms(r.latency.p99)} ms  errors ${r.errors}${said}`);
  };
  for (const t of targets) {
    try {
      const probe = await get(server.url + t.path);
      if (probe.status !== 200) throw new Error(`${t.path} answered ${probe.status}`);
      if (opts.warmup) await load(server.url + t.path, opts.connections, opts.warmup);
      await settle(server.url);
      if (!reference || t === reference) {
        const r = await load(server.url + t.path, opts.connections, opts.seconds);
        await settle(server.url);
        keep(t, r, {}, "");
        continue;
      }
      const rounds: Round[] = [];
      for (let i = 0; i < opts.rounds; i++) {
        const asset = await load(server.url + reference.path, opts.connections, Math.min(ASSET_SECONDS, opts.seconds));
        await settle(server.url);
        const page = await load(server.url + t.path, opts.connections, opts.seconds / opts.rounds);
        await settle(server.url);
        rounds.push({ asset: asset.requestsPerSecond, page });
      }
      const r = summariseRounds(rounds);
      const shares = r.rounds.map((x) => x.share.toFixed(3)).join(" / ");
      keep(t, r, { besideRequestsPerSecond: r.besideRequestsPerSecond, share: r.share, rounds: r.rounds }, `  (share of the asset by round ${shares}; median ${r.share.toFixed(3)})`);
    } catch (err) {
      errors.push({ step: `pages ${archive.label} ${archive.db} workers ${workers}: ${t.page}`, message: oneLine(err) });
    }
  }
  const peakMB = server.peakMB();
  return { pages, server: { size: archive.label, db: archive.db, workers, peakMB, ...serverTarget(peakMB) } };
}
