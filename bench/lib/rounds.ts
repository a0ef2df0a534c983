// A page measured in rounds, each a short run of the static asset and then of the page. The
// machine's speed moves by a quarter within minutes (misses.md), so one long run beside one
// reference cannot show a change of 10–20 %; the median of the rounds' shares follows the machine.
import { latency, median, type Latency } from "./stats.ts";

export interface RoundRun {
  seconds: number;
  errors: number;
  /** every 2xx response's time, ms */
  times: number[];
}

export interface Round {
  /** the static asset's req/s just before the page's run */
  asset: number;
  page: RoundRun;
}

export interface RoundFigure {
  requestsPerSecond: number;
  besideRequestsPerSecond: number;
  share: number;
}

export interface RoundsSummary {
  /** every round's responses over every round's seconds */
  requestsPerSecond: number;
  /** over every response of every round */
  latency: Latency;
  errors: number;
  /** the median of the rounds' static asset rates */
  besideRequestsPerSecond: number;
  /** the median of the rounds' shares: each round's page req/s over its own asset's */
  share: number;
  rounds: RoundFigure[];
}

export function summariseRounds(rounds: readonly Round[]): RoundsSummary {
  if (!rounds.length) throw new Error("no rounds to summarise");
  const figures = rounds.map((r) => {
    const requestsPerSecond = r.page.times.length / r.page.seconds;
    return { requestsPerSecond, besideRequestsPerSecond: r.asset, share: r.asset > 0 ? requestsPerSecond / r.asset : 0 };
  });
  const seconds = rounds.reduce((n, r) => n + r.page.seconds, 0);
  return {
    requestsPerSecond: rounds.reduce((n, r) => n + r.page.times.length, 0) / seconds,
    latency: latency(rounds.flatMap((r) => r.page.times)),
    errors: rounds.reduce((n, r) => n + r.page.errors, 0),
    besideRequestsPerSecond: median(figures.map((f) => f.besideRequestsPerSecond))!,
    share: median(figures.map((f) => f.share))!,
    rounds: figures,
  };
}
