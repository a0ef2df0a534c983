// Text typed into a query parameter reaches SQL; a NUL byte there made PostgreSQL fail (500).
// Control characters are refused at validation, the same on both stores, with the usual 400.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { eachStore, importFromCorpus, BUCKS } from "../store/scrutiny/test-stores.ts";
import { createApp } from "./app.ts";

const TEXT_QUERIES = [
  "/decisions?q=",
  "/api/v1/decisions?q=",
  "/search?q=",
  "/api/v1/search?q=",
  "/recommendations?owner=",
  "/recommendations.csv?owner=",
  "/api/v1/recommendations?owner=",
  "/actions?owner=",
  "/api/v1/actions?owner=",
];

eachStore("control characters in query text", (store) => {
  let app: ReturnType<typeof createApp>;
  before(async () => {
    const db = await store.open();
    await importFromCorpus(db, BUCKS);
    app = createApp({ db, now: () => new Date("2018-06-01T12:00:00Z") });
  });

  test("a NUL or other control character in a text parameter answers 400 on every route", async () => {
    for (const prefix of TEXT_QUERIES) {
      for (const bad of ["%00", "cabinet%00", "a%01b", "%7F"]) {
        const path = prefix + bad;
        const res = await app.request(path);
        assert.equal(res.status, 400, `${path} answered ${res.status}`);
        const body = await res.text();
        if (path.startsWith("/api/")) assert.equal(JSON.parse(body).error.id, "invalid", path);
        else assert.match(body, /control character/, path);
      }
    }
  });

  test("ordinary text, accents and punctuation still answer 200", async () => {
    for (const prefix of TEXT_QUERIES) {
      const res = await app.request(prefix + encodeURIComponent("Cabinet’s réponse & co"));
      assert.equal(res.status, 200, `${prefix} answered ${res.status}`);
    }
  });
});
