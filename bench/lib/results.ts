// The shape of bench/results/bench.json: every figure with the reference it was measured beside, and
// whether it meets the target. Written by bench/run.ts, rendered by render.ts.
import type { Latency } from "./stats.ts";

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

export interface BenchResults {
  schema: "quorum.bench/1";
  machine: Machine;
  options: { sizes: string[]; quick: boolean; seed: number; connections: number; seconds: number; workersOption: boolean };
  parse: ParseFigure[];
  import: ImportFigure[];
  archives: ArchiveFigure[];
  search: SearchFigure[];
  pages: PageFigure[];
  servers: ServerFigure[];
  growth: GrowthFigure[];
  errors: StepError[];
}
