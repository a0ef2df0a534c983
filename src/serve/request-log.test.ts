// Request ids and the JSON request log: one line per request with the agreed fields, the id
// echoed in x-request-id and shown on error pages, the query string never logged, server errors
// logged with their stack but never shown.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { openStore, type Db } from "../store/db.ts";
import { createApp } from "./app.ts";

let db: Db;
before(async () => {
  db = await openStore(":memory:");
});
after(() => db.destroy());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function logged() {
  const lines: string[] = [];
  const app = createApp({ db, log: (l) => lines.push(l) });
  return { app, lines, entries: () => lines.map((l) => JSON.parse(l)) };
}

describe("request log", () => {
  test("one JSON line per request with time, id, method, path, status, duration and bytes", async () => {
    const { app, lines, entries } = logged();
    const res = await app.request("/committees?authority=limerick&page=1", { headers: { "x-request-id": "lb-7f3a.2" } });
    const body = Buffer.from(await res.arrayBuffer());
    assert.equal(lines.length, 1);
    assert.ok(!lines[0].includes("\n"));
    const [e] = entries();
    assert.deepEqual(Object.keys(e), ["time", "level", "requestId", "method", "path", "status", "durationMs", "bytes"]);
    assert.ok(Math.abs(Date.parse(e.time) - Date.now()) < 60_000, "time is now, as ISO 8601");
    assert.equal(e.level, "info");
    assert.equal(e.requestId, "lb-7f3a.2");
    assert.equal(e.method, "GET");
    assert.equal(e.path, "/committees", "no query string");
    assert.equal(e.status, 200);
    assert.equal(typeof e.durationMs, "number");
    assert.ok(e.durationMs >= 0);
    assert.equal(e.bytes, body.length, "bytes of the body as sent");
    assert.ok(e.bytes > 1000);
  });

  test("pages and JSON carry their length in bytes, and a streamed body is counted as it is sent", async () => {
    const { app, entries } = logged();
    app.get("/t/html", (c) => c.html("<p>Café — déclaration</p>"));
    app.get("/t/json", (c) => c.json({ name: "Siobhán Ó Súilleabháin" }, 201, { "x-extra": "1" }));
    app.get("/t/problem", (c) => c.json({ title: "É" }, 400, { "Content-Type": "application/problem+json" }));
    app.get("/t/stream", (c) => c.body(new Blob(["flüchtig ".repeat(1000)]).stream(), 200, { "content-type": "text/plain" }));
    const sent: Record<string, number> = {};
    for (const path of ["/t/html", "/t/json", "/t/problem", "/t/stream"]) {
      const res = await app.request(path);
      const body = Buffer.from(await res.arrayBuffer());
      sent[path] = body.length;
      if (path === "/t/stream") assert.equal(res.headers.get("content-length"), null);
      else assert.equal(res.headers.get("content-length"), String(body.length), `${path}: Content-Length in bytes, not characters`);
      if (path === "/t/json") {
        assert.equal(res.status, 201);
        assert.equal(res.headers.get("x-extra"), "1");
        assert.match(res.headers.get("content-type") ?? "", /^application\/json/);
        assert.deepEqual(JSON.parse(body.toString()), { name: "Siobhán Ó Súilleabháin" });
      }
      if (path === "/t/problem") assert.equal(res.headers.get("content-type"), "application/problem+json");
    }
    assert.deepEqual(
      entries().map((e) => [e.path, e.bytes]),
      Object.entries(sent),
    );
    assert.ok(sent["/t/html"] > "<p>Café — déclaration</p>".length, "the sample has characters of more than one byte");
  });

  test("search words are not logged", async () => {
    const { app, lines } = logged();
    await (await app.request("/search?q=Councillor+Jane+Murphy+complaint")).text();
    assert.equal(lines.length, 1);
    assert.doesNotMatch(lines[0], /Murphy|complaint|q=/);
  });

  test("a 404 and a 405 are logged with their status", async () => {
    const { app, entries } = logged();
    await (await app.request("/no-such-page")).text();
    await (await app.request("/", { method: "POST" })).text();
    assert.deepEqual(
      entries().map((e) => [e.method, e.path, e.status]),
      [
        ["GET", "/no-such-page", 404],
        ["POST", "/", 405],
      ],
    );
  });

  test("a server error is logged with its stack; the visitor sees only the request reference", async () => {
    const { app, entries } = logged();
    app.get("/boom", () => {
      throw new Error("secret detail from deep inside");
    });
    const res = await app.request("/boom", { headers: { "x-request-id": "req-500" } });
    const html = await res.text();
    assert.equal(res.status, 500);
    assert.doesNotMatch(html, /secret detail|at .*\.ts:\d+/);
    assert.match(html, /quote the request reference <code>req-500<\/code>/);
    const [error, request] = entries();
    assert.equal(error.level, "error");
    assert.equal(error.requestId, "req-500");
    assert.equal(error.error, "secret detail from deep inside");
    assert.match(error.stack, /request-log\.test\.ts:\d+/);
    assert.equal(request.status, 500);
  });

  test("without a log writer the id is still made and echoed", async () => {
    const app = createApp({ db });
    const res = await app.request("/healthz");
    assert.match(res.headers.get("x-request-id") ?? "", UUID);
  });
});

describe("request id", () => {
  test("a valid incoming x-request-id is echoed in the response header and on error pages", async () => {
    const { app } = logged();
    const res = await app.request("/no-such-page", { headers: { "x-request-id": "a1b2c3d4" } });
    assert.equal(res.headers.get("x-request-id"), "a1b2c3d4");
    assert.match(await res.text(), /<code>a1b2c3d4<\/code>/);
    const api = await app.request("/api/v1/nothing", { headers: { "x-request-id": "a1b2c3d4" } });
    assert.equal(api.headers.get("x-request-id"), "a1b2c3d4");
  });

  test("an id that is too long or carries unsafe characters is replaced by a new UUID", async () => {
    const { app, entries } = logged();
    for (const bad of ["x".repeat(129), "abc<script>", "two words", "id\"quoted", "-leading-dash"]) {
      const res = await app.request("/healthz", { headers: { "x-request-id": bad } });
      await res.text();
      assert.match(res.headers.get("x-request-id") ?? "", UUID, JSON.stringify(bad));
    }
    const ids = entries().map((e) => e.requestId);
    assert.equal(new Set(ids).size, ids.length, "each request its own id");
    const ok = await app.request("/healthz", { headers: { "x-request-id": "x".repeat(128) } });
    assert.equal(ok.headers.get("x-request-id"), "x".repeat(128), "128 characters is the limit");
  });

  test("requests without an id get distinct UUIDs", async () => {
    const { app } = logged();
    const a = (await app.request("/healthz")).headers.get("x-request-id");
    const b = (await app.request("/healthz")).headers.get("x-request-id");
    assert.match(a ?? "", UUID);
    assert.notEqual(a, b);
  });
});
