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
