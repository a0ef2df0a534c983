// The exempt crawl with the response cache on, on SQLite and PostgreSQL: item 35's text, public in
// version 1 of the minutes and kept in the cache by a first crawl, is on no page once version 2
// marks it exempt; an entitled clerk's crawl (item 35 shown, marked) leaves nothing in the cache
// that the public's next crawl could read.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { join, resolve } from "node:path";
import type { Hono } from "hono";
import { createApp } from "./app.ts";
import { importInto, parsedDb, stopPostgres } from "../../test/support/portal-db.ts";
import { postgresUnavailable } from "../../test/support/postgres.ts";
import { calendarWithin, crawl, type Visit } from "../../test/support/crawl.ts";
import { addUser } from "../store/accounts/users.ts";
import { createSession } from "../store/accounts/sessions.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const V1_PUBLIC = join(ROOT, "test/fixtures/exempt/staffs-2016-12-12-v1-item-35-public.txt");
const V2_EXEMPT = join(ROOT, "test/fixtures/exempt/staffs-2016-12-12-v2-item-35-exempt.txt");
const BUCKS = join(ROOT, "test/golden/dev/bucks-cabinet-2018-04-23.txt");
const ITEM_35 = ["briefing note outlining a recent confidential HR matter", "Members accepted the details shared", "review future communication timings for such issues"];
const MARK = "Exempt — not for publication";
const NOW = new Date("2026-12-05T12:00:00Z");

const words = (s: string): string => s.toLowerCase().replace(/&[a-z]+;|&#\d+;/g, " ").replace(/<[^>]+>/g, " ").replace(/[^a-z0-9]+/g, " ").trim();

function leaksIn(pages: Visit[]): string[] {
  return pages.flatMap((v) => ITEM_35.filter((p) => words(v.body).includes(words(p))).map((p) => `${v.url}: "${p}"`));
}

async function crawlAll(app: Hono, cookie?: string): Promise<Visit[]> {
  const starts = ["/", "/api/v1", "/search?q=briefing", "/api/v1/search?q=briefing", "/decisions?q=briefing", "/api/v1/decisions?q=briefing", "/feed.atom", "/calendar.ics", "/sitemap.xml", "/recommendations", "/work-programme"];
  const calendar = calendarWithin("2016-12", "2016-12");
  const follow = (url: string) => calendar(url) && !/^\/(sign-out|sign-in|admin|account)\b/.test(url) && !/\/alerts(\/|$)/.test(url);
  return [...(await crawl(app, starts, { follow, origin: "http://localhost", headers: cookie ? { cookie } : undefined })).values()];
}

for (const dialect of ["sqlite", "postgres"] as const) {
  const skip = dialect === "postgres" ? (postgresUnavailable() ?? false) : false;
  describe(`the exempt crawl with the response cache on, on ${dialect}`, { skip }, () => {
    after(() => stopPostgres());

    test("item 35, public in version 1 and kept, is on no page after its re-import as exempt; a clerk's crawl leaves nothing for the public", async () => {
      const t = await parsedDb([V1_PUBLIC, BUCKS], dialect);
      try {
        const app = createApp({ db: t.db, now: () => NOW, documents: t.documents, responseCache: { maxBytes: 64 * 1024 * 1024 } });
        const first = await crawlAll(app);
        assert.ok(leaksIn(first).length > 0, "version 1 shows item 35");
        const meeting = first.find((v) => /^\/meetings\/safe-and-strong[^/?#]*$/.test(v.url));
        assert.ok(meeting, "the meeting page was reached");
        assert.equal((await app.request(meeting.url)).headers.get("x-quorum-cache"), "hit", "the crawl filled the cache");

        await importInto(t.db, [V2_EXEMPT]);
        const after = await crawlAll(app);
        assert.ok(after.some((v) => v.url === meeting.url && v.status === 200), "the meeting page was read again");
        assert.deepEqual(leaksIn(after), []);

        // an entitled clerk reads every surface, item 35 marked; then the public crawls again
        const user = await addUser(t.db, { email: "clerk@council.gov.uk", role: "clerk" }, NOW);
        const cookie = `quorum_session=${await createSession(t.db, user.id, NOW)}`;
        await crawlAll(app); // the public's pages kept again, after the clerk's account was written
        const clerk = await crawlAll(app, cookie);
        assert.ok(leaksIn(clerk).length > 0, "the clerk sees item 35");
        const again = await crawlAll(app);
        assert.equal((await app.request(meeting.url)).headers.get("x-quorum-cache"), "hit", "the public's pages were still kept");
        assert.deepEqual(leaksIn(again), []);
        assert.ok(again.every((v) => !v.body.includes(MARK)), "the public sees no marking");
      } finally {
        await t.close();
      }
    });
  });
}
