#!/usr/bin/env node
// Mutation testing of the rules that decide what the public record says: plants one small change
// at a time in those files and reruns the fast tests that cover them. A surviving change is a wrong
// record the tests would not notice. Not part of `npm test`: it takes minutes, like a benchmark.
//
//   npm run mutate                      every area, one after another
//   npm run mutate -- outcomes names    some areas
//   npm run mutate -- --mutate src/store/rules/names.ts   one file (its area's tests)
//   npm run mutate -- --concurrency 2   more test processes (default 1)
//
// Each run updates the rows of the files it mutated in bench/results/mutation.{json,md}.
import { mkdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** area → the files it mutates and the fast tests that judge them */
export const AREAS = {
  outcomes: { mutate: ["src/store/rules/outcomes.ts"], tests: ["src/store/rules/outcomes.test.ts"] },
  names: { mutate: ["src/store/rules/names.ts"], tests: ["src/store/rules/names.test.ts"] },
  rules: { mutate: ["src/store/rules/body-kinds.ts", "src/store/rules/body-family.ts", "src/store/rules/minutes-approval.ts", "src/store/rules/slugs.ts"], tests: ["src/store/rules/*.test.ts"] },
  visibility: { mutate: ["src/store/visibility.ts"], tests: ["src/store/visibility-rule.test.ts", "src/store/visibility-viewer.test.ts"] },
  search: { mutate: ["src/store/search-query.ts"], tests: ["src/store/query.test.ts", "src/store/search-query.test.ts"] },
  monitoring: { mutate: ["src/domain/monitoring.ts"], tests: ["src/domain/monitoring.test.ts"] },
  domain: {
    // minutes.ts holds only types and the lists the schema is built from
    mutate: ["src/domain/*.ts", "!src/domain/*.test.ts", "!src/domain/minutes.ts", "!src/domain/monitoring.ts"],
    tests: ["src/domain/*.test.ts"],
  },
  // the words that open and close a decision in minutes
  decisions: { mutate: ["src/parse/decisions/keywords.ts"], tests: ["src/parse/decisions/keywords.test.ts", "src/parse/decisions/find.test.ts", "src/parse/decisions/golden.test.ts"] },
};

function parseArgs(argv) {
  const out = { areas: [], mutate: [], concurrency: 1 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--mutate" || a === "-m") out.mutate.push(...argv[++i].split(","));
    else if (a === "--concurrency" || a === "-c") out.concurrency = Number(argv[++i]);
    else if (a in AREAS) out.areas.push(a);
    else {
      console.error(`unknown area or option: ${a} (areas: ${Object.keys(AREAS).join(", ")})`);
      process.exit(2);
    }
  }
  return out;
}

/** The area whose globs name this file (a plain path or a "*.ts" in the same folder). */
function areaOf(file) {
  const f = file.replace(/^\.\//, "").replace(/:.*$/, "");
  const dir = f.slice(0, f.lastIndexOf("/") + 1);
  for (const [name, area] of Object.entries(AREAS)) if (area.mutate.includes(f)) return name;
  for (const [name, area] of Object.entries(AREAS)) if (area.mutate.some((g) => !g.startsWith("!") && g.startsWith(dir) && g.slice(dir.length) === "*.ts")) return name;
  return null;
}

async function runArea(name, mutate, tests, concurrency) {
  const { Stryker } = await import("@stryker-mutator/core");
  const report = join(root, "reports", "mutation", `${name}.json`);
  mkdirSync(join(root, "reports", "mutation"), { recursive: true });
  console.log(`\n== ${name}: ${mutate.filter((g) => !g.startsWith("!")).join(", ")}`);
  const stryker = new Stryker({
    configFile: join(root, "stryker.config.json"),
    mutate,
    tap: { testFiles: tests, nodeArgs: ["--import", "tsx", "--test-reporter=tap", "-r", "{{hookFile}}", "{{testFile}}"] },
    concurrency,
    jsonReporter: { fileName: report },
  });
  await stryker.runMutationTest();
  const table = spawnSync(process.execPath, [join(root, "scripts", "mutation-table.mjs"), report], { stdio: "inherit" });
  if (table.status !== 0) process.exitCode = 1;
}

const args = parseArgs(process.argv.slice(2));
if (args.mutate.length) {
  const byArea = new Map();
  for (const file of args.mutate) {
    const area = areaOf(file);
    if (!area) {
      console.error(`${file} is in no mutation area; add it to AREAS in scripts/mutate.mjs`);
      process.exit(2);
    }
    byArea.set(area, [...(byArea.get(area) ?? []), file]);
  }
  for (const [area, files] of byArea) await runArea(area, files, AREAS[area].tests, args.concurrency);
} else {
  for (const name of args.areas.length ? args.areas : Object.keys(AREAS)) await runArea(name, AREAS[name].mutate, AREAS[name].tests, args.concurrency);
}
