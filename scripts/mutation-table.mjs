#!/usr/bin/env node
// Turns Stryker JSON reports into the per-file table kept beside the benchmarks:
// bench/results/mutation.json and bench/results/mutation.md. Rows of files not in the given
// reports are kept, so one area can be rerun on its own.
//   node scripts/mutation-table.mjs reports/mutation/outcomes.json [...]
// Mutation score = (killed + timeout) / (killed + timeout + survived + no coverage).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join, relative, isAbsolute } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const outDir = join(root, "bench", "results");
const jsonOut = join(outDir, "mutation.json");
const mdOut = join(outDir, "mutation.md");

const reports = process.argv.slice(2);
if (!reports.length) {
  console.error("usage: mutation-table.mjs REPORT.json [...]");
  process.exit(2);
}

const COUNTED = { Killed: "killed", Timeout: "timeout", Survived: "survived", NoCoverage: "noCoverage", Ignored: "ignored", CompileError: "errors", RuntimeError: "errors" };

export function score(r) {
  const detected = r.killed + r.timeout;
  const valid = detected + r.survived + r.noCoverage;
  return valid ? Math.round((1000 * detected) / valid) / 10 : null;
}

let commit = null;
try {
  commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
} catch {}

const previous = existsSync(jsonOut) ? JSON.parse(readFileSync(jsonOut, "utf8")) : { files: {} };
const files = { ...previous.files };
const measuredOn = new Date().toISOString().slice(0, 10);
for (const path of reports) {
  const report = JSON.parse(readFileSync(path, "utf8"));
  for (const [name, file] of Object.entries(report.files)) {
    const key = isAbsolute(name) ? relative(root, name) : name;
    const row = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0 };
    const survivors = [];
    for (const m of file.mutants) {
      const k = COUNTED[m.status];
      if (k) row[k]++;
      if (m.status === "Survived" || m.status === "NoCoverage") {
        survivors.push({ line: m.location.start.line, mutator: m.mutatorName, replacement: m.replacement ?? null, status: m.status });
      }
    }
    files[key] = { ...row, total: file.mutants.length, score: score(row), survivors, measuredOn, commit };
  }
}

const names = Object.keys(files).sort();
const totals = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0, total: 0 };
for (const n of names) for (const k of Object.keys(totals)) totals[k] += files[n][k];
const overall = score(totals);

mkdirSync(outDir, { recursive: true });
writeFileSync(jsonOut, JSON.stringify({ formula: "(killed + timeout) / (killed + timeout + survived + noCoverage)", overall, totals, files }, null, 2) + "\n");

const pct = (s) => (s === null ? "–" : `${s.toFixed(1)}%`);
const lines = [
  "# Mutation testing",
  "",
  "Made by `npm run mutate` (StrykerJS, one area at a time; see scripts/mutate.mjs). Each mutant is one small",
  "change planted in a rule; a survivor is a wrong record that no test noticed.",
  "Score = (killed + timeout) / (killed + timeout + survived + no coverage).",
  "",
  "| File | Score | Killed | Timeout | Survived | No coverage | Ignored | Measured |",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
  ...names.map((n) => {
    const r = files[n];
    return `| ${n} | ${pct(r.score)} | ${r.killed} | ${r.timeout} | ${r.survived} | ${r.noCoverage} | ${r.ignored} | ${r.measuredOn}${r.commit ? ` (${r.commit})` : ""} |`;
  }),
  `| **All** | **${pct(overall)}** | ${totals.killed} | ${totals.timeout} | ${totals.survived} | ${totals.noCoverage} | ${totals.ignored} | |`,
  "",
];
// sections written by hand below the table ("## …") are kept
const previousMd = existsSync(mdOut) ? readFileSync(mdOut, "utf8") : "";
const handWritten = previousMd.indexOf("\n## ");
writeFileSync(mdOut, lines.join("\n") + (handWritten >= 0 ? previousMd.slice(handWritten) : ""));
console.log(lines.slice(6).join("\n"));
