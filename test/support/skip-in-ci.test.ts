// Suites that need PostgreSQL or Chromium skip, saying why, on a machine without them; under CI
// (CI=true) the same absence fails the run, naming what is missing, so a green CI run has run them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const { NODE_TEST_CONTEXT: _, CI: __, ...ENV } = process.env;

function run(file: string, env: Record<string, string>) {
  const r = spawnSync(process.execPath, ["scripts/run-tests.mjs", file], { cwd: ROOT, encoding: "utf8", timeout: 300_000, env: { ...ENV, ...env } });
  return { code: r.status, out: r.stdout + r.stderr };
}

const NO_CHROMIUM = { CHROMIUM_PATH: "/nonexistent/chromium" };
const NO_POSTGRES = { POSTGRES_BIN_DIR: "/nonexistent/postgresql/bin" };

test("without Chromium the browser suites skip and say why, but fail under CI naming Chromium", () => {
  for (const file of ["src/serve/tracker/browser.test.ts", "test/browser/portal.test.ts"]) {
    const local = run(file, NO_CHROMIUM);
    assert.equal(local.code, 0, local.out);
    assert.match(local.out, /# no Chromium at \/nonexistent\/chromium/);
    const ci = run(file, { ...NO_CHROMIUM, CI: "true" });
    assert.equal(ci.code, 1, ci.out);
    assert.match(ci.out, /CI=true .*Chromium/);
  }
});

test("without PostgreSQL the PostgreSQL suites skip and say why, but fail under CI naming PostgreSQL", () => {
  const file = "src/store/scrutiny/forward-plan.test.ts";
  const local = run(file, NO_POSTGRES);
  assert.equal(local.code, 0, local.out);
  assert.match(local.out, /# PostgreSQL server binaries not found under \/nonexistent\/postgresql\/bin/);
  const ci = run(file, { ...NO_POSTGRES, CI: "true" });
  assert.equal(ci.code, 1, ci.out);
  assert.match(ci.out, /CI=true .*PostgreSQL/);
});
