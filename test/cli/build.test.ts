// `npm run build` output run by plain node, without tsx, as production runs it: the version,
// a parse, and a served page with its stylesheets (static files and govuk-frontend from node_modules).
import { test } from "node:test";
import assert from "node:assert/strict";
import { servingUrl } from "../support/serving.ts";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GOLDEN_DIR } from "../support/golden.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
// Beside dist/, at the top of the project, as the build requires; removed afterwards.
const OUT = join(ROOT, `dist-test-${process.pid}`);
const tmp = mkdtempSync(join(tmpdir(), "quorum-build-"));
test.after(() => {
  rmSync(OUT, { recursive: true, force: true });
  rmSync(tmp, { recursive: true, force: true });
});

// QUORUM_DIST cleared: bin/quorum below is the tsx path this build is compared with
const env = { ...process.env, DATABASE_URL: "", NODE_OPTIONS: "", QUORUM_DIST: "" };
const compiled = (...args: string[]) => spawnSync(process.execPath, [join(OUT, "cli", "main.js"), ...args], { encoding: "utf8", env });
const DOC = join(GOLDEN_DIR, "bucks-cabinet-2018-04-23.txt");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
}

test("the build compiles every module to JavaScript with .js imports and copies the static files", () => {
  const r = spawnSync(process.execPath, [join(ROOT, "scripts", "build.mjs"), "--out", OUT], { encoding: "utf8", env });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const out = files(OUT);
  assert.equal(out.filter((f) => /\.tsx?$/.test(f)).length, 0, "no TypeScript in the output");
  for (const f of out.filter((f) => f.endsWith(".js") && !f.includes("/static/"))) {
    assert.doesNotMatch(readFileSync(f, "utf8"), /(from\s*|import\()\s*["']\.{1,2}\/[^"']*\.tsx?["']/, `${f} imports a .ts file`);
  }
  for (const asset of readdirSync(join(ROOT, "src", "serve", "static"))) {
    assert.deepEqual(readFileSync(join(OUT, "serve", "static", asset)), readFileSync(join(ROOT, "src", "serve", "static", asset)), asset);
  }
});

test("the compiled CLI prints the version and parses like the TypeScript one, without tsx", () => {
  const version = compiled("--version");
  assert.equal(version.status, 0, version.stderr);
  assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);

  const parsed = compiled("parse", "--json", DOC);
  assert.equal(parsed.status, 0, parsed.stderr);
  const record = JSON.parse(parsed.stdout);
  assert.equal(record.schema, "quorum.minutes/1");
  assert.ok(record.items.length > 0);
  const viaTsx = spawnSync(process.execPath, [join(ROOT, "bin", "quorum"), "parse", "--json", DOC], { encoding: "utf8", env });
  assert.equal(viaTsx.status, 0, viaTsx.stderr);
  assert.deepEqual(record, JSON.parse(viaTsx.stdout));
});

test("the compiled server serves the committees page and its stylesheets", async () => {
  const db = join(tmp, "served.db");
  const imported = compiled("import", "--db", db, DOC);
  assert.equal(imported.status, 0, imported.stdout + imported.stderr);
  const child = spawn(process.execPath, [join(OUT, "cli", "main.js"), "serve", "--host", "127.0.0.1", "--port", "0", "--db", db], { env });
  try {
    const base = await servingUrl(child);
    const page = await fetch(`${base}/committees`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Cabinet/);
    for (const path of ["/assets/quorum.css", "/assets/govuk-frontend.min.css"]) {
      const r = await fetch(`${base}${path}`);
      assert.equal(r.status, 200, path);
      assert.ok((await r.text()).length > 100, path);
    }
  } finally {
    child.kill("SIGTERM");
  }
});

