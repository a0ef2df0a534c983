// A date in a query must be a day on the calendar: 2016-02-30 is refused (400), not read as
// 1 March, on every route that takes one.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { openStore, type Db } from "../store/db.ts";
import { isoDate } from "./validate.ts";
import { createApp } from "./app.ts";

const DATED = [
  "/decisions?from=",
  "/decisions?to=",
  "/api/v1/decisions?from=",
  "/api/v1/decisions?to=",
  "/api/v1/meetings?from=",
  "/api/v1/meetings?to=",
  "/recommendations?asOf=",
  "/recommendations.csv?asOf=",
  "/recommendations/some-inquiry?asOf=",
  "/api/v1/recommendations?asOf=",
  "/api/v1/inquiries/some-inquiry?asOf=",
  "/actions?asOf=",
  "/api/v1/actions?asOf=",
  "/forward-plan?from=",
  "/api/v1/forward-plan?from=",
];
const NOT_DAYS = ["2016-02-30", "2015-02-29", "2016-04-31", "2016-13-01", "2016-00-10", "2016-01-00", "2016-01-32"];

let db: Db;
let app: ReturnType<typeof createApp>;
before(async () => {
  db = await openStore(":memory:");
  app = createApp({ db, now: () => new Date("2018-11-01T12:00:00Z") });
});
after(() => db.destroy());

test("isoDate takes calendar days only", () => {
  for (const bad of NOT_DAYS) assert.equal(isoDate.safeParse(bad).success, false, bad);
  for (const good of ["2016-02-29", "2000-02-29", "2019-12-31", "2018-04-30"]) assert.equal(isoDate.safeParse(good).success, true, good);
});

test("every route that takes a date answers 400 for a day that does not exist, and accepts a leap day", async () => {
  for (const prefix of DATED) {
    for (const bad of NOT_DAYS) {
      const res = await app.request(prefix + bad);
      assert.equal(res.status, 400, `${prefix}${bad} answered ${res.status}`);
    }
    const res = await app.request(prefix + "2016-02-29");
    assert.notEqual(res.status, 400, `${prefix}2016-02-29 answered 400`);
  }
});
