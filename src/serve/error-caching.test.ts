// An error must not be cached: a 404 or a 500 kept by a browser or proxy for a minute hides the
// page once it is fixed. Successful public responses keep their caching.
import { after, before, test } from "node:test";
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

const ERRORS: [string, RequestInit | undefined, number][] = [
  ["/no/such/page", undefined, 404],
  ["/api/v1/no-such-thing", undefined, 404],
  ["/api/v1/meetings/no-such-meeting", undefined, 404],
  ["/committees/no-such-committee", undefined, 404],
  ["/api/v1/decisions?from=yesterday", undefined, 400],
  ["/decisions?from=yesterday", undefined, 400],
  ["/api/v1/meetings?limit=0", undefined, 400],
  ["/api/v1/meetings", { method: "POST" }, 405],
  ["/", { method: "DELETE" }, 405],
];

test("4xx pages and API errors send cache-control: no-store", async () => {
  for (const [path, init, status] of ERRORS) {
    const res = await app.request(path, init);
    assert.equal(res.status, status, `${init?.method ?? "GET"} ${path}`);
    assert.equal(res.headers.get("cache-control"), "no-store", `${init?.method ?? "GET"} ${path} answered ${status}`);
  }
});

test("a 500 page and API error send cache-control: no-store", async () => {
  const broken = await openStore(":memory:");
  await broken.destroy();
  const failing = createApp({ db: broken });
  const log = console.error;
  console.error = () => {};
  try {
    for (const path of ["/api/v1/meetings", "/committees"]) {
      const res = await failing.request(path);
      assert.equal(res.status, 500, path);
      assert.equal(res.headers.get("cache-control"), "no-store", path);
    }
  } finally {
    console.error = log;
  }
});

test("successful public responses keep their caching", async () => {
  assert.equal((await app.request("/api/v1/authorities")).headers.get("cache-control"), "public, max-age=60");
  assert.equal((await app.request("/assets/govuk-frontend.min.css")).headers.get("cache-control"), "public, max-age=3600");
});
