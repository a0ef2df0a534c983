// Exempt business must appear nowhere public. After importing the Staffordshire minutes through
// the parser, a crawl of every public page and API route reachable by links (plus searches for
// the exempt item's own words) finds none of item 35's minutes text or resolution.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { parsedDb, STAFFS, type TestDb } from "../../test/support/portal-db.ts";
import { calendarWithin, crawl } from "../../test/support/crawl.ts";
import { createApp } from "./app.ts";

const ITEM_35 = [
  "briefing note outlining a recent confidential HR matter",
  "Members accepted the details shared",
  "review the appropriate timing of communication with the Chairman",
  "That the briefing note be received",
  "review future communication timings for such issues",
];

const words = (s: string) => s.toLowerCase().replace(/&[a-z]+;|&#\d+;/g, " ").replace(/<[^>]+>/g, " ").replace(/[^a-z0-9]+/g, " ").trim();

let t: TestDb;
before(async () => {
  t = await parsedDb([STAFFS]);
});
after(() => t.close());

test("no public page, API route or search result holds the text of exempt item 35", async () => {
  const app = createApp({ db: t.db });
  const starts = [
    "/",
    "/api/v1",
    "/api/v1/openapi.json",
    "/search?q=briefing+note",
    "/search?q=confidential+HR",
    "/search?q=communication+timings",
    "/api/v1/search?q=briefing",
    "/api/v1/search?q=%22HR+matter%22",
    "/decisions?q=briefing",
    "/api/v1/decisions?q=briefing",
  ];
  const visits = await crawl(app, starts, { follow: calendarWithin("2016-12", "2016-12") });
  const pages = [...visits.values()];
  assert.deepEqual(pages.filter((v) => v.status !== 200).map((v) => `${v.status} ${v.url}`), []);

  const leaks: string[] = [];
  for (const v of pages) {
    const body = words(v.body);
    for (const phrase of ITEM_35) if (body.includes(words(phrase))) leaks.push(`${v.url}: "${phrase}"`);
  }
  assert.deepEqual(leaks, []);

  // The crawl did read the meeting, its source text and its API record, including the item next to
  // the exempt one and the exempt item's public title.
  const meeting = pages.find((v) => /^\/meetings\/[^?#]+$/.test(v.url));
  assert.ok(meeting, "the meeting page was reached");
  assert.ok(pages.some((v) => /^\/documents\/\d+$/.test(v.url)), "the source document was reached");
  assert.ok(pages.some((v) => /^\/api\/v1\/meetings\/[^?]+$/.test(v.url)), "the API meeting was reached");
  const all = pages.map((v) => words(v.body)).join(" ");
  assert.ok(all.includes(words("the public be excluded from the meeting for the following items")), "item 34's text is public");
  assert.ok(words(meeting.body).includes("confidential hr matter"), "item 35's title is public");
  assert.ok(words(meeting.body).includes(words("Exempt under paragraphs 1 & 7")), "item 35's ground for exemption is shown");
});

test("with a single authority the council filter never shows", async () => {
  const app = createApp({ db: t.db });
  for (const path of ["/committees", "/calendar/2016-12", "/decisions", "/people", "/search?q=slavery"]) {
    const html = await (await app.request(path)).text();
    assert.ok(!/name="authority"/.test(html), `${path} offers a council filter`);
    assert.ok(!/<h3 class="govuk-heading-s govuk-!-margin-bottom-2">Council<\/h3>/.test(html), `${path} offers a council facet`);
  }
});

test("draft minutes are on no public surface: the meeting is a 404 and its text is nowhere", async () => {
  const app = createApp({ db: t.db });
  const slug = (await t.db.selectFrom("meetings").select("slug").executeTakeFirstOrThrow()).slug;
  const phrase = "multi agency task and finish group";
  await t.db.updateTable("meetings").set({ minutes_status: "draft" }).where("slug", "=", slug).execute();
  try {
    assert.equal((await app.request(`/meetings/${slug}`)).status, 404);
    assert.equal((await app.request(`/api/v1/meetings/${slug}`)).status, 404);
    const visits = await crawl(app, ["/", "/api/v1", "/search?q=modern+slavery", "/api/v1/search?q=slavery", "/decisions", "/api/v1/decisions", "/people", "/api/v1/people"], {
      follow: calendarWithin("2016-12", "2016-12"),
    });
    const leaks = [...visits.values()].filter((v) => words(v.body).includes(phrase) || v.body.includes(`/meetings/${slug}`)).map((v) => v.url);
    assert.deepEqual(leaks, []);
    assert.ok(visits.size > 10, `crawled ${visits.size} pages`);
  } finally {
    await t.db.updateTable("meetings").set({ minutes_status: "published" }).where("slug", "=", slug).execute();
  }
  const published = await (await app.request(`/meetings/${slug}`)).text();
  assert.ok(words(published).includes(phrase), "the phrase is on the page once the minutes are published");
});
