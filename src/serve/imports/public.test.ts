// A meeting waiting in the review queue is on no public page or API route, signed out, on SQLite and
// PostgreSQL: not its page, its text, its decisions, nor its search entries. Once published it is.
// A held replacement leaves the public meeting as it was until it too is published.
import { it } from "node:test";
import assert from "node:assert/strict";
import { importMinutes } from "../../store/import.ts";
import { publishImport } from "../../store/imports/decide.ts";
import { eachStore } from "../../store/scrutiny/test-stores.ts";
import { calendarWithin, crawl } from "../../../test/support/crawl.ts";
import { parsedInput, STAFFS_V1, STAFFS_V2 } from "../../../test/support/imports.ts";
import { createApp } from "../app.ts";
import { addUser } from "../../store/accounts/users.ts";
import type { Db } from "../../store/db.ts";

async function clerk(db: Db) {
  const u = await addUser(db, { email: "clerk@council.gov.uk", role: "clerk" }, new Date());
  return { userId: u.id, label: u.email };
}
import type { Hono } from "hono";

const words = (s: string) => s.toLowerCase().replace(/&[a-z]+;|&#\d+;/g, " ").replace(/<[^>]+>/g, " ").replace(/[^a-z0-9]+/g, " ").trim();
// words of the minutes' public business, and one that only the second version holds
const PHRASES = ["multi agency task and finish group", "Modern Slavery"];
// people the queued minutes name, and no other minutes do
const NAMES = ["Maureen Compton", "Olszewski"];
const V2_ONLY = "the public be excluded from the meeting for the following items";

async function crawlPublic(app: Hono) {
  const starts = ["/", "/api/v1", "/search?q=modern+slavery", "/api/v1/search?q=slavery", "/decisions", "/api/v1/decisions", "/people", "/api/v1/people", "/api/v1/meetings", "/committees"];
  return [...(await crawl(app, starts, { follow: calendarWithin("2016-12", "2016-12") })).values()];
}

eachStore("queued imports on public surfaces", (store) => {
  it("a queued new meeting is on no public page or API route until it is published", async () => {
    const db = await store.open();
    const app = createApp({ db });
    const r = await importMinutes(db, await parsedInput(STAFFS_V2, { review: true }));
    const slug = r.meetingSlug;
    assert.equal((await app.request(`/meetings/${slug}`)).status, 404);
    assert.equal((await app.request(`/meetings/${slug}/minutes`)).status, 404);
    assert.equal((await app.request(`/api/v1/meetings/${slug}`)).status, 404);
    const pages = await crawlPublic(app);
    const leaks = pages.filter((v) => v.body.includes(slug) || NAMES.some((n) => v.body.includes(n)) || PHRASES.some((p) => words(v.body).includes(words(p)) && !words(decodeURIComponent(v.url.replace(/\+/g, " "))).includes(words(p)))).map((v) => v.url);
    assert.deepEqual(leaks, []);
    assert.ok(pages.length > 10, `crawled ${pages.length} pages`);

    await publishImport(db, r.queued!.reviewId, await clerk(db));
    const after = await crawlPublic(app);
    assert.ok(after.some((v) => v.url === `/meetings/${slug}` && v.status === 200), "the meeting page is reached");
    assert.ok(after.some((v) => v.url.startsWith("/search") && v.body.includes(`/meetings/${slug}`)), "search finds it");
    assert.ok(after.some((v) => v.url.startsWith("/api/v1/meetings/") && v.body.includes(slug)), "the API gives it");
    for (const name of NAMES) assert.ok(after.some((v) => v.url.startsWith("/people/") && v.body.includes(name)), `${name} has a page`);
  });

  it("a held replacement changes no public page until it is published", async () => {
    const db = await store.open();
    const app = createApp({ db });
    const v1 = await importMinutes(db, await parsedInput(STAFFS_V1));
    const pagesBefore = new Map((await crawlPublic(app)).map((v) => [v.url, v.body]));
    const held = await importMinutes(db, await parsedInput(STAFFS_V2, { review: true }));
    const pagesHeld = await crawlPublic(app);
    // the same pages, with the same content (request ids aside)
    // request ids, and the form token each visitor's forms carry (the alerts form), differ per visit
    const strip = (s: string) => s.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "").replace(/name="csrf" value="[^"]*"/g, "");
    assert.deepEqual(
      pagesHeld.filter((v) => v.url !== "/sign-in" && strip(v.body) !== strip(pagesBefore.get(v.url) ?? "")).map((v) => v.url),
      [],
    );
    assert.ok(!pagesHeld.some((v) => words(v.body).includes(words(V2_ONLY))), "the held version's text is nowhere");
    await publishImport(db, held.queued!.reviewId, await clerk(db));
    const page = await (await app.request(`/meetings/${v1.meetingSlug}`)).text();
    assert.ok(words(page).includes(words(V2_ONLY)), "the published replacement is public");
  });
});
