// `quorum serve --settings FILE` / QUORUM_SETTINGS and --log-format as a real process: a bad
// settings file stops it with one line naming the file and the field; a good one names the site;
// request logs are JSON lines on stdout unless turned off.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { servingUrl } from "../../test/support/serving.ts";
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "quorum-serve-settings-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function runServe(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [join(root, "bin/quorum"), "serve", "--port", "0", "--host", "127.0.0.1", "--db", join(dir, "q.db"), ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
}

/** Starts serve, runs check against it, stops it; resolves with everything it printed on stdout. */
async function serving(args: string[], env: Record<string, string>, check: (url: string) => Promise<void>): Promise<string> {
  const child = spawn(process.execPath, [join(root, "bin/quorum"), "serve", "--port", "0", "--host", "127.0.0.1", "--db", join(dir, "q.db"), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr.on("data", (c: Buffer) => (err += c.toString()));
  try {
    const url = await servingUrl(child);
    await check(url);
  } finally {
    child.kill("SIGTERM");
    await new Promise((res) => child.once("exit", res));
  }
  return out;
}

test("a bad settings file stops serve with one line naming the file and the field", () => {
  const file = join(dir, "bad.json");
  writeFileSync(file, JSON.stringify({ name: "X Council", colours: { link: "#aaccee" } }));
  const r = runServe(["--settings", file]);
  assert.equal(r.status, 1);
  assert.equal(r.stdout, "", "nothing served, nothing logged");
  assert.match(r.stderr, new RegExp(`^quorum: settings file ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: colours\\.link: #aaccee on #ffffff has contrast [\\d.]+:1 against the white page; WCAG AA needs at least 4\\.5:1\\n$`));
});

test("QUORUM_SETTINGS is read the same way", () => {
  const file = join(dir, "bad-env.json");
  writeFileSync(file, JSON.stringify({ name: "X Council", footerLinks: [{ text: "Oops" }] }));
  const r = runServe([], { QUORUM_SETTINGS: file });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^quorum: settings file .*bad-env\.json: footerLinks\.0\.href: is required\n$/);
});

test("an unknown --log-format is refused", () => {
  const r = runServe(["--log-format", "xml"]);
  assert.equal(r.status, 1);
  assert.equal(r.stderr, 'quorum: --log-format must be json or off, not "xml"\n');
});

test("with good settings the site carries the council's name, and each request is a JSON line on stdout", async () => {
  copyFileSync(join(root, "examples/site-logo.svg"), join(dir, "logo.svg"));
  const file = join(dir, "good.json");
  writeFileSync(file, JSON.stringify({ name: "Stoke Ferry Parish Council", logo: { file: "logo.svg", alt: "" } }));
  const out = await serving(["--settings", file], {}, async (url) => {
    const home = await fetch(url + "/?q=private", { headers: { "x-request-id": "probe-1" } });
    assert.match(await home.text(), /<title>Stoke Ferry Parish Council<\/title>/);
    assert.equal(home.headers.get("x-request-id"), "probe-1");
    assert.match(home.headers.get("content-security-policy") ?? "", /style-src 'self'/, "logging keeps the security headers");
    assert.equal((await fetch(url + "/site-logo.svg")).status, 200);
    const health = await fetch(url + "/healthz");
    assert.deepEqual(await health.json(), { status: "ok" });
    // the line is written once the body is sent; give the process a moment to flush stdout
    await new Promise((r) => setTimeout(r, 200));
  });
  const lines = out.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l));
  const home = lines.find((l) => l.requestId === "probe-1");
  assert.ok(home, `a line for the home page in:\n${out}`);
  assert.equal(home.path, "/");
  assert.equal(home.status, 200);
  assert.ok(home.bytes > 0);
  assert.ok(lines.some((l) => l.path === "/healthz" && l.status === 200));
});

test("--log-format off writes no request lines", async () => {
  const out = await serving(["--log-format", "off"], {}, async (url) => {
    assert.equal((await fetch(url + "/healthz")).status, 200);
    await new Promise((r) => setTimeout(r, 200));
  });
  assert.match(out, /serving on/);
  assert.doesNotMatch(out, /^\{/m);
});
