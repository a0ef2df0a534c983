// /healthz answers 200 while the database answers a query and 503 once it cannot: a closed
// SQLite store, and a PostgreSQL cluster stopped while the portal is running.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openStore } from "../store/db.ts";
import { postgresUnavailable, startPostgres } from "../../test/support/postgres.ts";
import { createApp } from "./app.ts";

async function health(app: ReturnType<typeof createApp>) {
  const res = await app.request("/healthz");
  assert.match(res.headers.get("content-type") ?? "", /^application\/json/);
  assert.equal(res.headers.get("cache-control"), "no-store");
  return { status: res.status, body: await res.json() };
}

test("SQLite: ok while open, 503 with a short reason once closed; the reason goes to the log", async () => {
  const db = await openStore(":memory:");
  const lines: string[] = [];
  const app = createApp({ db, log: (l) => lines.push(l) });
  assert.deepEqual(await health(app), { status: 200, body: { status: "ok" } });
  await db.destroy();
  assert.deepEqual(await health(app), { status: 503, body: { status: "unavailable", reason: "the database is unreachable" } });
  const error = lines.map((l) => JSON.parse(l)).find((e) => e.level === "error");
  assert.equal(error?.path, "/healthz");
  assert.match(error?.error ?? "", /destroyed/);
});

test("PostgreSQL: ok while the cluster runs, 503 after it stops, and the portal keeps running", { skip: postgresUnavailable() ?? false }, async () => {
  const cluster = await startPostgres();
  let stopped = false;
  const db = await openStore(await cluster.createDatabase());
  try {
    const app = createApp({ db, log: () => {} });
    assert.deepEqual(await health(app), { status: 200, body: { status: "ok" } });
    await cluster.stop();
    stopped = true;
    assert.deepEqual(await health(app), { status: 503, body: { status: "unavailable", reason: "the database is unreachable" } });
    assert.equal((await health(app)).status, 503, "still answering");
  } finally {
    if (!stopped) await cluster.stop();
    await db.destroy().catch(() => {});
  }
});
