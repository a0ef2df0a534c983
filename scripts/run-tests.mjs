#!/usr/bin/env node
// Runs every *.test.ts under src/ and test/ on node's test runner. Node 20 does not expand
// globs for --test, so the files are listed here. Pass paths or name fragments to narrow the run.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";

const roots = ["src", "test"];
const filters = process.argv.slice(2);
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (name === "node_modules" || name.startsWith(".")) continue;
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith(".test.ts") || name.endsWith(".test.tsx")) files.push(path);
  }
};
for (const r of roots) walk(r);
// A file named outright runs even when it is not a *.test.ts file (e.g. a fixture of the runner's own test).
const named = filters.filter((x) => !files.includes(x) && existsSync(x) && statSync(x).isFile());
const chosen = filters.length ? files.filter((f) => filters.some((x) => f.includes(x))).concat(named) : files;
if (!chosen.length) {
  console.error("no test files matched");
  process.exit(1);
}
// A hung test must fail the run, not hang CI. On Node 20 the limit bounds each test file as a whole
// (the slowest, the import end-to-end tests, take about a minute on a busy machine).
const timeout = process.env.QUORUM_TEST_TIMEOUT ?? "300000";
if (!/^[1-9]\d*$/.test(timeout)) {
  console.error(`QUORUM_TEST_TIMEOUT must be a number of milliseconds, not "${timeout}"`);
  process.exit(1);
}
// Documents kept by processes the tests start against PostgreSQL or a database in memory would go
// to ./data/documents in the work tree: a folder of the run's own instead, removed after it.
const documents = process.env.QUORUM_DOCUMENTS_DIR ? null : mkdtempSync(join(tmpdir(), "quorum-test-documents-"));
// Tests start `bin/quorum` a few hundred times; each start through tsx costs about a second more
// CPU than the compiled code, and an import's parse workers pay it again. So the run compiles src/
// once, into a folder of its own, and the processes tests start run that (QUORUM_DIST, bin/quorum).
// A test about tsx itself clears QUORUM_DIST (test/cli/bin.test.ts). QUORUM_DIST given to this
// script (1 or a build folder) is used as it is.
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const build = process.env.QUORUM_DIST ? null : join(root, `dist-run-${process.pid}`);
if (build) {
  const built = spawnSync(process.execPath, [join(root, "scripts", "build.mjs"), "--out", build], { stdio: ["ignore", "ignore", "inherit"] });
  if (built.status !== 0) {
    console.error("the build for the tests' processes failed (npm run build shows why)");
    process.exit(1);
  }
}
const result = spawnSync(
  process.execPath,
  ["--import", "tsx", "--test", "--test-concurrency=2", `--test-timeout=${timeout}`, "--test-reporter=spec", ...chosen],
  // `quorum serve` started by tests answers from one worker unless a test asks for more
  // (test/cli/serve-workers.test.ts): one worker to start instead of one per core. Every prepared
  // read is checked against a fresh build of itself (src/store/prepared.ts).
  {
    stdio: "inherit",
    env: { ...process.env, QUORUM_WORKERS: process.env.QUORUM_WORKERS ?? "1", QUORUM_CHECK_PREPARED: "1", ...(documents ? { QUORUM_DOCUMENTS_DIR: documents } : {}), ...(build ? { QUORUM_DIST: build } : {}) },
  },
);
if (documents) rmSync(documents, { recursive: true, force: true });
if (build) rmSync(build, { recursive: true, force: true });
process.exit(result.status ?? 1);
