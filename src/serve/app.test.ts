import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openStore, type Db } from "../store/db.ts";
import { createApp } from "./app.ts";

let db: Db;
let app: ReturnType<typeof createApp>;
before(async () => {
  db = await openStore(":memory:");
  app = createApp({ db });
});
after(() => db.destroy());

test("an unknown page answers a 404 HTML page in the layout, with no stack trace", async () => {
  const res = await app.request("/no/such/page");
  assert.equal(res.status, 404);
  assert.match(res.headers.get("content-type") ?? "", /text\/html/);
  const html = await res.text();
  assert.match(html, /^<!DOCTYPE html>/);
  assert.match(html, /<h1 class="govuk-heading-l">Page not found<\/h1>/);
  assert.match(html, /Skip to main content/);
  assert.doesNotMatch(html, /at .*\.ts:\d+/);
});

test("an unknown API route answers the one JSON error shape with a stable id", async () => {
  const res = await app.request("/api/v1/no-such-thing");
  assert.equal(res.status, 404);
  const body = (await res.json()) as { error: { id: string; status: number; message: string } };
  assert.deepEqual(Object.keys(body), ["error"]);
  assert.equal(body.error.id, "not_found");
  assert.equal(body.error.status, 404);
  assert.equal(typeof body.error.message, "string");
});

test("GOV.UK Frontend's stylesheet is served without the GOV.UK-only typeface, with ETag revalidation", async () => {
  const res = await app.request("/assets/govuk-frontend.min.css");
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type") ?? "", /text\/css/);
  const css = await res.text();
  assert.ok(css.length > 50_000);
  assert.doesNotMatch(css, /GDS Transport/);
  const etag = res.headers.get("etag");
  assert.ok(etag);
  const again = await app.request("/assets/govuk-frontend.min.css", { headers: { "if-none-match": etag } });
  assert.equal(again.status, 304);
  assert.equal((await app.request("/assets/nothing.css")).status, 404);
});

test("pages carry a Content-Security-Policy that allows no inline script", async () => {
  const res = await app.request("/");
  assert.equal(res.status, 200);
  const csp = res.headers.get("content-security-policy") ?? "";
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.doesNotMatch(await res.text(), /<script>(?!<\/script>)/);
});

test("a trailing slash redirects to the page without it", async () => {
  const res = await app.request("/committees/");
  assert.equal(res.status, 301);
  assert.equal(new URL(res.headers.get("location") ?? "", "http://x").pathname, "/committees");
});

test("an internal failure answers a generic 500 with a stable id, never the cause or a stack", async () => {
  const broken = await openStore(":memory:");
  await broken.destroy();
  const failing = createApp({ db: broken });
  const errors: unknown[] = [];
  const log = console.error;
  console.error = (...args: unknown[]) => void errors.push(args);
  try {
    const api = await failing.request("/api/v1/meetings");
    assert.equal(api.status, 500);
    const body = (await api.json()) as { error: { id: string; status: number; message: string } };
    assert.deepEqual(body, { error: { id: "internal", status: 500, message: "Something went wrong on our side." } });
    const page = await failing.request("/committees");
    assert.equal(page.status, 500);
    const html = await page.text();
    assert.match(html, /Sorry, there is a problem with the service/);
    assert.doesNotMatch(html, /destroyed|sqlite|kysely|\.ts:\d+/i);
  } finally {
    console.error = log;
  }
  assert.equal(errors.length, 2, "each failure is logged once, for the operator");
});

test("the site and API only read: other methods answer 405 with Allow", async () => {
  const api = await app.request("/api/v1/meetings", { method: "POST" });
  assert.equal(api.status, 405);
  assert.equal(api.headers.get("allow"), "GET, HEAD");
  assert.equal(((await api.json()) as { error: { status: number } }).error.status, 405);
  const page = await app.request("/committees", { method: "DELETE" });
  assert.equal(page.status, 405);
  assert.match(page.headers.get("content-type") ?? "", /text\/html/);
  assert.equal((await app.request("/committees", { method: "HEAD" })).status, 200);
});
