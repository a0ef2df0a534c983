import { test } from "node:test";
import assert from "node:assert/strict";
import { mergeResults, type BenchResults, type PageFigure } from "../../bench/lib/results.ts";

const machine = (date: string) => ({ cpu: "c", cores: 2, memoryGiB: 1, os: "linux", node: "v20", loadStart: [1, 1, 1], loadEnd: [1, 1, 1], commit: date.replace(/\D/g, ""), dirty: false, date });
const page = (size: string, p95: number): PageFigure => ({ size, db: "sqlite", workers: 1, page: "home", path: "/", requestsPerSecond: 1, latency: { n: 1, p50: p95, p95, p99: p95 }, errors: 0, target: "", verdict: null });

function run(date: string, sizes: string[], p95: number, withParse: boolean): BenchResults {
  return {
    schema: "quorum.bench/1",
    machine: machine(date),
    options: { sizes, quick: false, seed: 1, connections: 50, seconds: 10, workersOption: false },
    parse: withParse ? [{ format: "md", documents: 1, megabytes: 1, parseMBs: p95, rawReadMBs: 1 }] : [],
    import: [],
    archives: [],
    search: [],
    pages: sizes.map((s) => page(s, p95)),
    servers: [],
    growth: [],
    errors: sizes.map((s) => ({ step: `archive ${s} on postgres`, message: date })),
  };
}

test("a merged run keeps the earlier figures of sizes and steps it left out, and replaces the rest", () => {
  const prev = run("2026-01-01", ["1k", "10k"], 5, true);
  const next = run("2026-01-02", ["10k"], 9, false);
  const m = mergeResults(prev, next, new Set(["parse", "import"]));
  assert.deepEqual(m.options.sizes, ["1k", "10k"]);
  assert.deepEqual(m.pages.map((p) => [p.size, p.latency.p95]), [["1k", 5], ["10k", 9]]);
  assert.deepEqual(m.parse.map((p) => p.parseMBs), [5], "parse skipped now: the earlier figure stays");
  assert.deepEqual(m.errors.map((e) => [e.step, e.message]), [["archive 1k on postgres", "2026-01-01"], ["archive 10k on postgres", "2026-01-02"]]);
  assert.equal(m.machine.date, "2026-01-02");
  assert.deepEqual(m.earlier?.map((e) => [e.measured, e.machine.date]), [[["parse", "1k"], "2026-01-01"]]);
});

test("a run that measures parse again replaces the earlier parse figures, even with none", () => {
  const m = mergeResults(run("2026-01-01", ["1k"], 5, true), run("2026-01-02", ["1k"], 9, false), new Set());
  assert.deepEqual(m.parse, []);
  assert.deepEqual(m.earlier, []);
  assert.deepEqual(m.pages.map((p) => p.latency.p95), [9]);
});

test("a run of one step at a size keeps the other steps' figures and failures at that size", () => {
  const prev = run("2026-01-01", ["10k"], 5, false);
  prev.errors.push({ step: "search 10k on sqlite", message: "fetch failed" }, { step: "start PostgreSQL", message: "no initdb" });
  const next = { ...run("2026-01-02", ["10k"], 9, false), pages: [], errors: [] };
  next.search = [{ size: "10k", db: "sqlite", kind: "phrase", query: "q=x", matches: 1, api: page("10k", 1).latency, page: page("10k", 1).latency, bare: page("10k", 1).latency, target: "", verdict: null }];
  const m = mergeResults(prev, next, new Set(["pages"]));
  assert.deepEqual(m.pages.map((p) => [p.size, p.latency.p95]), [["10k", 5]], "pages skipped now: kept");
  assert.equal(m.search.length, 1);
  assert.deepEqual(m.errors.map((e) => e.step), [], "the archive and search were measured again; the old run's own failure goes");
  assert.deepEqual(m.earlier?.map((e) => e.measured), [["pages at 10k"]]);
});

test("a run on SQLite alone keeps PostgreSQL's figures and failures at the same size", () => {
  const prev = run("2026-01-01", ["10k"], 5, false);
  prev.pages.push({ ...page("10k", 7), db: "postgres" });
  const next = { ...run("2026-01-02", ["10k"], 9, false), errors: [] };
  next.options = { ...next.options, databases: ["sqlite"] };
  const m = mergeResults(prev, next, new Set());
  assert.deepEqual(m.pages.map((p) => [p.db, p.latency.p95]).sort(), [["postgres", 7], ["sqlite", 9]]);
  assert.deepEqual(m.errors.map((e) => e.step), ["archive 10k on postgres"]);
  assert.deepEqual(m.earlier?.map((e) => e.measured), [["10k on postgres"]]);
});

test("PostgreSQL's slow statements are kept with the step they belong to", () => {
  const plan = (step: string) => ({ size: "10k", db: "postgres" as const, step, overMs: 200, statements: [] });
  const prev = { ...run("2026-01-01", ["10k"], 5, false), plans: [plan("search"), plan("pages, 1 process"), plan("pages, 2 processes")] };
  const next = { ...run("2026-01-02", ["10k"], 9, false), plans: [plan("search")] };
  const m = mergeResults(prev, next, new Set(["pages"]));
  assert.deepEqual(m.plans?.map((p) => p.step), ["pages, 1 process", "pages, 2 processes", "search"], "pages skipped now: their plans kept; search measured again: replaced");
});
