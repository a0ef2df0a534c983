// Smoke test: starting from the home page, the API index and the OpenAPI document, every page,
// API route and internal link of a database made from the golden development minutes answers 200.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { GOLDEN_DEV, goldenDb, parsedDb, type TestDb } from "../../test/support/portal-db.ts";
import { calendarWithin, crawl } from "../../test/support/crawl.ts";
import { createApp } from "./app.ts";

// Each facet link is followed from an unfiltered result page; combining them would only multiply
// the same pages.
function oneFacetAtATime(url: string): boolean {
  if (!url.startsWith("/search?")) return true;
  const params = [...new URLSearchParams(url.slice(8)).keys()].filter((k) => k !== "q" && k !== "page");
  return params.length <= 1;
}

let t: TestDb;
before(async () => {
  t = await goldenDb();
});
after(() => t.close());

test("every page, API route and internal link answers 200", async () => {
  const app = createApp({ db: t.db, now: () => new Date("2019-06-01T09:00:00Z") });
  const visits = await crawl(app, ["/", "/api/v1", "/api/v1/openapi.json", "/search?q=council", "/api/v1/search?q=council", "/decisions?outcome=approved"], {
    follow: (url) => calendarWithin("2016-05", "2024-04")(url) && oneFacetAtATime(url),
  });
  const failures = [...visits.values()].filter((v) => v.status !== 200).map((v) => `${v.status} ${v.url} (linked from ${v.from})`);
  assert.deepEqual(failures, []);

  const paths = [...visits.keys()];
  const count = (re: RegExp) => paths.filter((p) => re.test(p)).length;
  assert.equal(count(/^\/meetings\/[^/?]+$/), 7, "every meeting page was reached");
  assert.equal(count(/^\/committees\/[^/?]+$/), 7, "every committee page was reached");
  assert.equal(count(/^\/meetings\/[^/?]+\/actions$/), 7, "every meeting's actions were reached");
  assert.equal(count(/^\/committees\/[^/?]+\/(actions|work-programme)$/), 14, "every committee's action log and work programme were reached");
  assert.equal(count(/^\/api\/v1\/meetings\/[^/?]+$/), 7, "every meeting was reached in the API");
  assert.equal(count(/^\/api\/v1\/meetings\/[^/?]+\/agenda$/), 7, "every meeting's agenda was reached from its API record");
  assert.ok(count(/^\/people\/[^?]+$/) > 50, "person pages were reached");
  assert.ok(count(/^\/api\/v1\/people\/[^?]+$/) > 50, "people were reached in the API");
  assert.equal(count(/^\/meetings\/[^/?]+\/minutes$/), 7, "every meeting's minutes text was reached");
  assert.equal(count(/^\/meetings\/[^/?]+\/minutes\/text$/), 7, "every meeting's minutes download was reached");
  assert.ok(count(/^\/calendar\/\d{4}-\d{2}$/) > 12, "calendar months were reached");
  assert.ok(count(/^\/search\?/) > 5, "search facets and pages were reached");
  assert.ok(count(/^\/assets\//) >= 4, "stylesheets and scripts were reached");
});

test("the same holds for the golden documents imported through the parser, as `quorum import` does", async () => {
  const parsed = await parsedDb([GOLDEN_DEV]);
  try {
    const app = createApp({ db: parsed.db });
    const meetings = (await (await app.request("/api/v1/meetings?limit=500")).json()) as { data: { date: string }[] };
    const dates = meetings.data.map((m) => m.date).sort();
    assert.ok(dates.length >= 5, `${dates.length} meetings imported`);
    const visits = await crawl(app, ["/", "/api/v1", "/api/v1/openapi.json", "/search?q=council", "/api/v1/search?q=council"], {
      follow: (url) => calendarWithin(dates[0].slice(0, 7), dates[dates.length - 1].slice(0, 7))(url) && oneFacetAtATime(url),
    });
    const failures = [...visits.values()].filter((v) => v.status !== 200).map((v) => `${v.status} ${v.url} (linked from ${v.from})`);
    assert.deepEqual(failures, []);
    assert.equal([...visits.keys()].filter((p) => /^\/meetings\/[^/?]+$/.test(p)).length, dates.length);
  } finally {
    await parsed.close();
  }
});
