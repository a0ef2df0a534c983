// The shape of bench/results/bench.json: every figure with the reference it was measured beside, and
// whether it meets the target. Written by bench/run.ts, rendered by render.ts.
import type { Latency } from "./stats.ts";
import type { SlowStatement } from "./pg-plans.ts";
import type { RoundFigure } from "./rounds.ts";

export type Verdict = "met" | "missed" | null;
export type Dialect = "sqlite" | "postgres";

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  /** 1, 5 and 15 minute load averages at the start and at the end of the run */
  loadStart: number[];
  loadEnd: number[];
  commit: string;
  dirty: boolean;
  date: string;
}

export interface ParseFigure {
  format: string;
  documents: number;
  megabytes: number;
  /** read and parse, MB/s (median of repetitions) */
  parseMBs: number;
  /** reference: reading the same bytes from the file system and decoding them, MB/s */
  rawReadMBs: number;
}

export interface ImportFigure {
  db: Dialect;
  /** documents read and parsed */
  documents: number;
  /** of those, stored as meetings, and refused (no date, an agenda alone) */
  stored: number | null;
  notStored: number | null;
  seconds: number;
  docsPerSecond: number;
  /** reference: `quorum import` of an empty folder, the process's fixed cost, in seconds */
  startSeconds: number;
  target: string;
  verdict: Verdict;
}

export interface SearchFigure {
  size: string;
  db: Dialect;
  kind: string;
  query: string;
  matches: number | null;
  api: Latency;
  page: Latency;
  /** reference: the bare FTS5 / tsvector query for the same first page */
  bare: Latency;
  target: string;
  verdict: Verdict;
}

export interface PageFigure {
  size: string;
  db: Dialect;
  workers: number;
  page: string;
  path: string;
  requestsPerSecond: number;
  latency: Latency;
  errors: number;
  target: string;
  verdict: Verdict;
  /**
   * The static asset's req/s beside this page (absent from older runs and from the reference's own
   * row): the machine's speed in the same minute, which the reference measured once before every
   * page does not follow. With rounds, the median of the rounds' asset runs; before rounds, one
   * short run just after the page's.
   */
  besideRequestsPerSecond?: number;
  /** the median of the rounds' shares (each round's page req/s over its own asset's); absent before rounds */
  share?: number;
  rounds?: RoundFigure[];
}

export interface ServerFigure {
  size: string;
  db: Dialect;
  workers: number;
  /** VmHWM of each serve process, MB */
  peakMB: number[];
  target: string;
  verdict: Verdict;
}

export interface ArchiveFigure {
  size: string;
  db: Dialect;
  source: string;
  meetings: number;
  bytes: number;
  bytesPerMeeting: number;
  buildSeconds: number | null;
  target: string;
  verdict: Verdict;
}

export interface GrowthFigure {
  db: Dialect;
  workers: number;
  page: string;
  from: string;
  to: string;
  p95From: number | null;
  p95To: number | null;
  growth: number | null;
  target: string;
  verdict: Verdict;
}

export interface StepError {
  step: string;
  message: string;
}

/** PostgreSQL's slow statements during one step, with the plan of each one's slowest run (pg-plans.ts). */
export interface PlanFigure {
  size: string;
  db: Dialect;
  step: string;
  /** the threshold a statement passed to be logged */
  overMs: number;
  statements: SlowStatement[];
}

export interface BenchResults {
  schema: "quorum.bench/1";
  machine: Machine;
  /** runs whose figures were kept by --merge: what each measured, and on what */
  earlier?: { measured: string[]; machine: Machine }[];
  options: { sizes: string[]; databases?: Dialect[]; quick: boolean; seed: number; connections: number; seconds: number; rounds?: number; workersOption: boolean };
  parse: ParseFigure[];
  import: ImportFigure[];
  archives: ArchiveFigure[];
  search: SearchFigure[];
  pages: PageFigure[];
  servers: ServerFigure[];
  growth: GrowthFigure[];
  /** absent from runs made before plans were kept */
  plans?: PlanFigure[];
  errors: StepError[];
}

/**
 * `next` with the figures of `prev` that `next` did not measure again: sizes it left out, and the
 * steps it skipped (parse, import, search, pages). Failed steps are kept with the figures they
 * belong to; an earlier run's own failures (starting PostgreSQL, say) are not.
 */
export function mergeResults(prev: BenchResults, next: BenchResults, skipped: ReadonlySet<string>): BenchResults {
  const sizes = new Set(next.options.sizes);
  const dbs = new Set<string>(next.options.databases ?? ["sqlite", "postgres"]);
  const again = (size: string, db: string) => sizes.has(size) && dbs.has(db);
  const kept = (size: string, db: string, step: string) => !again(size, db) || skipped.has(step);
  const keep = <T extends { size: string; db: string }>(xs: T[], step: string) => xs.filter((x) => kept(x.size, x.db, step));
  const keepError = (e: StepError) => {
    const step = e.step.split(" ")[0];
    if (step === "parse" || step === "import") return skipped.has(step);
    const size = prev.options.sizes.find((s) => new RegExp(`(^| )${s}( |$|:|,)`).test(e.step));
    const db = /\b(sqlite|postgres)\b/.exec(e.step)?.[1] ?? "sqlite";
    return size != null && (step === "search" || step === "pages" ? kept(size, db, step) : !again(size, db));
  };
  const keptMeasured = [
    ...(["parse", "import"] as const).filter((k) => skipped.has(k) && prev[k].length),
    ...prev.options.sizes.filter((s) => !sizes.has(s)),
    ...prev.options.sizes.filter((s) => sizes.has(s)).flatMap((s) => [...(prev.options.databases ?? ["sqlite", "postgres"])].filter((d) => !dbs.has(d)).map((d) => `${s} on ${d}`)),
    ...prev.options.sizes.filter((s) => sizes.has(s)).flatMap((s) => ["search", "pages"].filter((k) => skipped.has(k)).map((k) => `${k} at ${s}`)),
  ];
  return {
    ...next,
    earlier: [...(prev.earlier ?? []), ...(keptMeasured.length ? [{ measured: keptMeasured, machine: prev.machine }] : [])],
    options: { ...next.options, sizes: [...new Set([...prev.options.sizes.filter((s) => !sizes.has(s)), ...next.options.sizes])], databases: [...new Set([...(prev.options.databases ?? ["sqlite", "postgres"]), ...dbs])] as Dialect[] },
    parse: skipped.has("parse") ? prev.parse : next.parse,
    import: skipped.has("import") ? prev.import : next.import,
    archives: [...prev.archives.filter((a) => !again(a.size, a.db)), ...next.archives],
    search: [...keep(prev.search, "search"), ...next.search],
    pages: [...keep(prev.pages, "pages"), ...next.pages],
    servers: [...keep(prev.servers, "pages"), ...next.servers],
    plans: [...(prev.plans ?? []).filter((p) => kept(p.size, p.db, p.step.startsWith("pages") ? "pages" : p.step)), ...(next.plans ?? [])],
    growth: [],
    errors: [...prev.errors.filter(keepError), ...next.errors],
  };
}
