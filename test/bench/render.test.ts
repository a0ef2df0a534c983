import { test } from "node:test";
import assert from "node:assert/strict";
import { num, renderResults, table } from "../../bench/lib/render.ts";
import type { BenchResults } from "../../bench/lib/results.ts";
import { growthTarget, pageTarget, searchTarget } from "../../bench/lib/targets.ts";
import { generatorReport } from "../../bench/run-archive.ts";
import { importFinished, importSummary } from "../../bench/lib/import-summary.ts";

const lat = (p50: number | null, p95: number | null, p99: number | null) => ({ n: 10, p50, p95, p99 });

function results(): BenchResults {
  return {
    schema: "quorum.bench/1",
    machine: { cpu: "Test CPU", cores: 2, memoryGiB: 4, os: "linux 6", node: "v20.0.0", loadStart: [1.5, 1, 0.5], loadEnd: [2, 1.25, 0.75], commit: "0123456789abcdef", dirty: false, date: "2026-01-02T03:04:05.000Z" },
    options: { sizes: ["1k", "100k"], quick: false, seed: 1, connections: 50, seconds: 10, workersOption: true },
    parse: [{ format: "md", documents: 40, megabytes: 0.5, parseMBs: 1.234, rawReadMBs: 456 }],
    import: [],
    archives: [],
    search: [{ size: "1k", db: "sqlite", kind: "phrase", query: 'q=%22a+b%22', matches: 1234, api: lat(10, 31, 40), page: lat(12, 35, 50), bare: lat(3, 10, 12), target: "API p95 ≤ 3× bare", verdict: "missed" }],
    pages: [
      { size: "1k", db: "sqlite", workers: 1, page: "meeting", path: "/meetings/x", requestsPerSecond: 1500.4, latency: lat(5, 20, 30), errors: 0, target: "p95 ≤ 50 ms", verdict: "met", besideRequestsPerSecond: 6001.6 },
      { size: "10k", db: "sqlite", workers: 2, page: "person", path: "/people/x", requestsPerSecond: 700, latency: lat(50, 90, 120), errors: 0, target: "p95 ≤ 50 ms", verdict: "missed", besideRequestsPerSecond: 5000, share: 0.15, rounds: [{ requestsPerSecond: 600, besideRequestsPerSecond: 5000, share: 0.12 }, { requestsPerSecond: 700, besideRequestsPerSecond: 4000, share: 0.175 }, { requestsPerSecond: 750, besideRequestsPerSecond: 5000, share: 0.15 }] },
      { size: "100k", db: "postgres", workers: 2, page: "home", path: "/", requestsPerSecond: 0, latency: lat(null, null, null), errors: 7, target: "p95 ≤ 50 ms", verdict: "missed" },
    ],
    servers: [],
    growth: [{ db: "sqlite", workers: 1, page: "meeting", from: "1k", to: "100k", p95From: 20, p95To: 50, growth: 2.5, target: "p95 × < 2 from 1k to 100k", verdict: "missed" }],
    errors: [{ step: "archive 100k on sqlite", message: "bench:generate exited with 1: out of | space" }],
  };
}

const rowWith = (md: string, ...cells: string[]) => md.split("\n").find((l) => l.startsWith("|") && cells.every((c) => l.includes(`| ${c} |`)));

test("a table escapes pipes and line breaks in cells and shows a missing value as a dash", () => {
  const t = table(["a", "b"], [["x|y", null], ["two\nlines", 3]]);
  assert.deepEqual(t.split("\n"), ["| a | b |", "|---|---|", "| x\\|y | — |", "| two lines | 3 |"]);
});

test("numbers are grouped and rounded; missing and infinite ones are null", () => {
  assert.equal(num(1500.4), "1,500");
  assert.equal(num(1.234, 2), "1.23");
  assert.equal(num(null), null);
  assert.equal(num(Infinity), null);
});

test("the report names the machine, load, commit and date", () => {
  const md = renderResults(results());
  assert.match(md, /2026-01-02T03:04:05\.000Z · commit 0123456789ab · Test CPU × 2/);
  assert.match(md, /Load average at start 1\.50 \/ 1\.00 \/ 0\.50, at end 2\.00 \/ 1\.25 \/ 0\.75/);
  assert.doesNotMatch(md, /uncommitted/);
  assert.match(md, /\[misses\.md\]\(misses\.md\)/);
  assert.match(renderResults(results(), "../misses.md"), /\[misses\.md\]\(\.\.\/misses\.md\)/);
  assert.match(md, /for 10 s each; /, "a run before rounds says none");
  const rounds = results();
  rounds.options = { ...rounds.options, seconds: 12, rounds: 3 };
  assert.match(renderResults(rounds), /for 12 s each, in 3 rounds; /);
});

test("each figure sits in its row beside its reference and its verdict", () => {
  const md = renderResults(results());
  assert.ok(rowWith(md, "md", "40", "1.23", "456"), "parse row with raw read beside it");
  assert.ok(rowWith(md, "1k", "sqlite", "phrase", "1,234", "10.0", "31.0", "3.0", "10.0", "3.10×", "**missed**"), "search row with the bare query beside it");
  assert.ok(rowWith(md, "1k", "sqlite", "1", "meeting", "1,500", "5.0", "20.0", "30.0", "0", "met"), "meeting row, met");
  assert.ok(rowWith(md, "meeting", "1,500", "6,002", "0.250"), "the static asset's req/s just after the page, and the page's share of it");
  assert.ok(rowWith(md, "home", "0", "—", "—"), "no share where no asset was measured beside the page");
  assert.ok(rowWith(md, "person", "700", "5,000", "0.150", "0.120 / 0.175 / 0.150"), "with rounds: the median share, not req/s over the median asset, and each round's");
  assert.ok(rowWith(md, "100k", "postgres", "2", "home", "0", "—", "7", "**missed**"), "home row with no latency, missed");
  assert.ok(rowWith(md, "sqlite", "meeting", "1k", "100k", "20.0", "50.0", "2.50×", "**missed**"), "growth row");
});

test("failed steps are listed, and sections with no figures are left out", () => {
  const md = renderResults(results());
  assert.ok(rowWith(md, "archive 100k on sqlite", "bench:generate exited with 1: out of \\| space"));
  assert.doesNotMatch(md, /## Import/);
  assert.doesNotMatch(md, /## Serve memory/);
  const clean = renderResults({ ...results(), errors: [] });
  assert.doesNotMatch(clean, /Steps that failed/);
});

test("targets: page p95, errors and throughput floors; search against the bare query; growth only from 1k to 100k", () => {
  assert.equal(pageTarget("meeting", 20, 0, 1200).verdict, "met");
  assert.equal(pageTarget("meeting", 20, 0, 900).verdict, "missed");
  assert.equal(pageTarget("home", 20, 1, 5000).verdict, "missed");
  assert.equal(pageTarget("home", 51, 0, 5000).verdict, "missed");
  assert.equal(pageTarget("home", null, 0, 0).verdict, "missed");
  assert.equal(pageTarget("search", 40, 0, 199).verdict, "missed");
  assert.equal(pageTarget("static asset (reference)", 900, 3, 1).verdict, null);
  assert.equal(searchTarget(30, 10).verdict, "met");
  assert.equal(searchTarget(31, 10).verdict, "missed");
  assert.equal(searchTarget(2.9, 0.1).verdict, "met", "a bare query under 1 ms counts as 1 ms");
  assert.equal(searchTarget(null, 10).verdict, null);
  assert.equal(growthTarget(1_000, 100_000, 1.9).verdict, "met");
  assert.equal(growthTarget(1_000, 100_000, 2).verdict, "missed");
  assert.equal(growthTarget(1_000, 10_000, 5).verdict, null);
});

test("the generator's summary is its last stdout line", () => {
  assert.deepEqual(generatorReport('progress 10%\n{"meetings":1000,"items":9000,"dbBytes":5}\n'), { meetings: 1000, items: 9000, dbBytes: 5 });
  assert.throws(() => generatorReport("done\n"), /did not end with its JSON summary \(last line: done\)/);
  assert.throws(() => generatorReport('{"items":3}'), /did not end with its JSON summary/);
});

test("quorum import's summary line is read, and an import with unstorable documents still counts as finished", () => {
  const out = "reading …\n12 documents: ok 10 (9 new, 1 updated in place), unchanged 0, failed 2\n  failed: a.md: no meeting date found\n";
  assert.deepEqual(importSummary(out), { documents: 12, ok: 10, unchanged: 0, failed: 2 });
  assert.equal(importFinished(1, out), true);
  assert.equal(importFinished(0, ""), true);
  assert.equal(importFinished(1, "quorum: cannot open the database"), false);
  assert.equal(importFinished(1, out + "  failed: matching names to people: deadlock\n"), false);
  assert.equal(importFinished(null, out), false);
  assert.equal(importSummary("nothing"), null);
});

test("PostgreSQL's slow statements are listed by step, the query cut short; steps with none add nothing", () => {
  const long = `select "resolutions"."id" from "resolutions" where ${"x = 1 and ".repeat(20)}y = 2`;
  const plans: BenchResults["plans"] = [
    { size: "100k", db: "postgres", step: "pages, 1 process", overMs: 200, statements: [{ query: long, count: 12, totalMs: 4321, maxMs: 987.6, plan: "Limit\n  ->  Sort" }] },
    { size: "1k", db: "postgres", step: "search", overMs: 200, statements: [] },
  ];
  const md = renderResults({ ...results(), plans });
  assert.match(md, /## PostgreSQL's slow statements/);
  const row = rowWith(md, "100k", "pages, 1 process", "200 ms", "12", "4.3", "988");
  assert.ok(row, "the statement's row");
  assert.ok(row!.includes(`\`${long.slice(0, 100)}…\``), "the query, cut at 100 characters");
  assert.doesNotMatch(md, /\| 1k \| search \|/);
  assert.doesNotMatch(renderResults({ ...results(), plans: [plans[1]] }), /slow statements/);
});
