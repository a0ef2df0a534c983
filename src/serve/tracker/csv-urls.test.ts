// The CSV download's links are absolute only from the configured public URL, never from the
// request's Host header (which any client sets); without one they are site-relative.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { openStore, type Db } from "../../store/db.ts";
import { BUCKS, importFromCorpus, migrateAll } from "../../store/scrutiny/test-stores.ts";
import { createApp } from "../app.ts";
import { parsePublicUrl } from "../urls.ts";

const BIN = new URL("../../../bin/quorum", import.meta.url).pathname;
const now = () => new Date("2018-11-01T12:00:00Z");
let db: Db;
before(async () => {
  db = await openStore(":memory:", { migrate: false });
  await migrateAll(db);
  await importFromCorpus(db, BUCKS);
});
after(() => db.destroy());

async function csvUrls(app: ReturnType<typeof createApp>): Promise<string[]> {
  const res = await app.request("http://evil.example/recommendations.csv", { headers: { host: "evil.example", "x-forwarded-host": "evil.example" } });
  assert.equal(res.status, 200);
  const text = await res.text();
  assert.doesNotMatch(text, /evil\.example/);
  const rows = text.replace(/^\uFEFF/, "").trimEnd().split("\r\n").slice(1);
  assert.ok(rows.length > 0);
  return rows.map((r) => r.slice(r.lastIndexOf(",") + 1));
}

test("without a public URL the CSV's links are site-relative, whatever Host the request names", async () => {
  for (const url of await csvUrls(createApp({ db, now }))) assert.match(url, /^\/recommendations\/[^/]+#/);
});

test("with a public URL the CSV's links start with it", async () => {
  const app = createApp({ db, now, publicUrl: parsePublicUrl("https://minutes.example.org/") });
  for (const url of await csvUrls(app)) assert.match(url, /^https:\/\/minutes\.example\.org\/recommendations\/[^/]+#/);
  const under = createApp({ db, now, publicUrl: parsePublicUrl("https://example.org/quorum") });
  for (const url of await csvUrls(under)) assert.match(url, /^https:\/\/example\.org\/quorum\/recommendations\//);
});

test("a public URL must be an http(s) URL with no query or fragment; serve refuses anything else in one line", () => {
  for (const bad of ["minutes.example.org", "ftp://example.org", "https://example.org/?a=1", "https://example.org/#x", "https://user:pw@example.org"]) {
    assert.throws(() => parsePublicUrl(bad), /public URL/, bad);
  }
  const r = spawnSync(process.execPath, [BIN, "serve", "--port", "0", "--host", "127.0.0.1", "--db", ":memory:", "--public-url", "example.org"], { encoding: "utf8", timeout: 60_000 });
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stderr, /--public-url/);
  assert.equal(r.stderr.trim().split("\n").length, 1);
  const env = spawnSync(process.execPath, [BIN, "serve", "--port", "0", "--host", "127.0.0.1", "--db", ":memory:"], { encoding: "utf8", timeout: 60_000, env: { ...process.env, PUBLIC_URL: "not a url" } });
  assert.equal(env.status, 1, env.stdout + env.stderr);
  assert.match(env.stderr, /PUBLIC_URL/);
});
