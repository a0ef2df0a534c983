// What the response cache keeps, on a small app whose routes count how often they run: a response
// that sets a cookie, holds a form's token (even with no cookie set, for a visitor who already has
// one), is marked private or no-store, or answers a request carrying a session cookie is made
// afresh every time; a write on the app's own connection is seen at once; the bytes kept stay
// under the bound, and a response larger than an entry may be (an eighth of the bound) is sent
// whole and not kept.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { Hono } from "hono";
import { setCookie } from "hono/cookie";
import { sql } from "kysely";
import { openStore, type Db } from "../store/db.ts";
import { ResponseStore, responseCache } from "./response-cache.ts";
import { formToken } from "./auth/csrf.ts";

let db: Db;
before(async () => {
  db = await openStore(":memory:", { migrate: false });
  await sql`CREATE TABLE t (n INTEGER)`.execute(db);
});
after(() => db.destroy());

function countingApp(maxBytes = 1 << 20) {
  const runs = new Map<string, number>();
  const app = new Hono();
  app.use("*", responseCache(db, { maxBytes }));
  const count = (path: string) => runs.set(path, (runs.get(path) ?? 0) + 1).get(path)!;
  app.get("/plain", (c) => c.text(`plain ${count("/plain")}`));
  app.get("/cookie", (c) => {
    setCookie(c, "seen", "1");
    return c.text(`cookie ${count("/cookie")}`);
  });
  app.get("/form", (c) => c.html(`<input name="csrf" value="${formToken(c, undefined)}"> ${count("/form")}`));
  app.get("/private", (c) => c.text(`private ${count("/private")}`, 200, { "cache-control": "private" }));
  app.get("/no-store", (c) => c.text(`no-store ${count("/no-store")}`, 200, { "cache-control": "no-store" }));
  app.get("/big", (c) => c.text("x".repeat(maxBytes / 4) + count("/big")));
  app.get("/missing", (c) => c.text(`missing ${count("/missing")}`, 404));
  return { app, runs, ask: (path: string, headers: Record<string, string> = {}) => app.request(`http://localhost${path}`, { headers }) };
}

test("a plain response is made once and served again; a different query is another entry", async () => {
  const { ask, runs } = countingApp();
  assert.equal(await (await ask("/plain")).text(), "plain 1");
  assert.equal(await (await ask("/plain")).text(), "plain 1");
  assert.equal(await (await ask("/plain?a=1")).text(), "plain 2");
  assert.equal(runs.get("/plain"), 2);
});

test("a write on the app's own connection is seen by the next request", async () => {
  const { ask } = countingApp();
  assert.equal(await (await ask("/plain")).text(), "plain 1");
  await sql`INSERT INTO t (n) VALUES (1)`.execute(db);
  assert.equal(await (await ask("/plain")).text(), "plain 2");
  await db.updateTable("t" as never).set({ n: 2 } as never).execute();
  assert.equal(await (await ask("/plain")).text(), "plain 3");
  // reads alone change nothing
  await sql`SELECT COUNT(*) FROM t`.execute(db);
  assert.equal(await (await ask("/plain")).text(), "plain 3");
});

test("responses that set a cookie, hold a form's token, are private or no-store, or are not 200 are made every time", async () => {
  const { ask, runs } = countingApp();
  for (const path of ["/cookie", "/form", "/private", "/no-store", "/missing"]) {
    await ask(path);
    await ask(path);
    assert.equal(runs.get(path), 2, path);
  }
  // a visitor who already holds the form cookie gets a token and no Set-Cookie: still not kept
  const cookie = { cookie: `quorum_form=${"a".repeat(43)}` };
  const first = await ask("/form", cookie);
  assert.equal(first.headers.get("set-cookie"), null);
  await ask("/form", cookie);
  assert.equal(runs.get("/form"), 4);
});

test("a request with a session cookie is neither answered from the cache nor stored in it", async () => {
  const { ask, runs } = countingApp();
  for (const name of ["quorum_session", "__Host-quorum_session"]) await ask("/plain?quorum_session", { cookie: `${name}=x` });
  assert.equal(runs.get("/plain"), 2);
  // the signed-out request after them is made afresh: they filled nothing
  await ask("/plain?quorum_session");
  assert.equal(runs.get("/plain"), 3);
  // and once kept, a signed-in request is still made afresh
  await ask("/plain?quorum_session", { cookie: "quorum_session=x" });
  assert.equal(runs.get("/plain"), 4);
});

test("a response larger than an entry may be is sent whole and not kept", async () => {
  const max = 64 * 1024;
  const { ask, runs } = countingApp(max);
  const body = await (await ask("/big")).text();
  assert.equal(body, "x".repeat(max / 4) + "1");
  await ask("/big");
  assert.equal(runs.get("/big"), 2);
});

test("the bytes kept stay under the bound, the least recently used dropped first", async () => {
  const store = new ResponseStore(1000);
  const entry = (n: number) => ({ version: "1", madeAt: 0, status: 200, headers: [], body: new Uint8Array(n), etag: '"e"', size: n });
  store.set("a", entry(400));
  store.set("b", entry(400));
  store.get("a");
  store.set("c", entry(400));
  assert.ok(store.bytes <= 1000);
  assert.ok(store.get("a") && store.get("c"));
  assert.equal(store.get("b"), undefined);
  store.set("huge", entry(2000));
  assert.equal(store.get("huge"), undefined);
});
