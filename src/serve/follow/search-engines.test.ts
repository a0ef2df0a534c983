// What search engines read: robots.txt, the sitemap index and its pages (parsed as XML, every URL
// fetched signed out), and schema.org Event markup on meeting pages.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { XMLParser } from "fast-xml-parser";
import { createApp } from "../app.ts";
import { postgresUnavailable } from "../../../test/support/postgres.ts";
import { stopPostgres } from "../../../test/support/portal-db.ts";
import { BASE, CLERK, followFixture, NOW, versionOf, type FollowFixture } from "../../../test/support/follow.ts";
import { changeMeeting, scheduleMeeting } from "../../store/schedule/meetings.ts";

const xml = new XMLParser();
const asList = <T,>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

for (const dialect of ["sqlite", "postgres"] as const) {
  const skip = dialect === "postgres" ? (postgresUnavailable() ?? false) : false;
  describe(`search engines on ${dialect}`, { skip }, () => {
    let f: FollowFixture;
    before(async () => {
      f = await followFixture(dialect);
    });
    after(async () => {
      await f?.close();
      await stopPostgres();
    });
    const app = () => createApp({ db: f.db, now: () => NOW, publicUrl: BASE });

    test("robots.txt allows the public site, keeps crawlers out of the workspace and accounts, and names the sitemap", async () => {
      const res = await app().request("/robots.txt");
      assert.equal(res.status, 200);
      assert.match(res.headers.get("content-type") ?? "", /^text\/plain/);
      const lines = (await res.text()).split("\n").map((l) => l.trim());
      assert.equal(lines[0], "User-agent: *");
      for (const rule of ["Allow: /", "Disallow: /admin", "Disallow: /account", "Disallow: /sign-in", "Disallow: /api/v1/admin", `Sitemap: ${BASE}/sitemap.xml`]) assert.ok(lines.includes(rule), rule);
      assert.ok(!lines.some((l) => /^Disallow: \/\s*$/.test(l)), "nothing public is disallowed");
    });

    test("the sitemap index lists pages; every URL in them is a public page that answers 200 signed out; no draft-only meeting", async () => {
      const index = xml.parse(await (await app().request("/sitemap.xml")).text());
      const pages = asList(index.sitemapindex.sitemap).map((s: { loc: string }) => s.loc);
      assert.ok(pages.length >= 4, pages.join(" "));
      const locs: { loc: string; lastmod?: string }[] = [];
      for (const page of pages) {
        assert.ok(page.startsWith(`${BASE}/sitemaps/`), page);
        const res = await app().request(page.slice(BASE.length));
        assert.equal(res.status, 200, page);
        const set = xml.parse(await res.text());
        const urls = asList(set.urlset.url) as { loc: string; lastmod?: string }[];
        assert.ok(urls.length <= 50_000);
        locs.push(...urls);
      }
      const paths = locs.map((u) => u.loc.slice(BASE.length));
      for (const path of [`/meetings/${f.gmt}`, `/meetings/safe-and-strong-communities-select-committee-2016-12-12`, `/committees/${f.staffs}`, `/committees/${f.bucks}`, "/", "/feeds"]) assert.ok(paths.includes(path), path);
      assert.ok(paths.some((p) => p.startsWith("/people/")), "people");
      assert.ok(!paths.some((p) => p.includes(f.draft)), "the meeting known only from draft minutes");
      assert.ok(locs.filter((u) => u.loc.includes("/meetings/")).every((u) => u.lastmod && !Number.isNaN(Date.parse(u.lastmod))), "meetings have lastmod");
      const failed: string[] = [];
      for (const path of paths) {
        const res = await app().request(path);
        if (res.status !== 200) failed.push(`${res.status} ${path}`);
      }
      assert.deepEqual(failed, []);
      assert.equal((await app().request("/sitemaps/meetings-2.xml")).status, 404, "no page past the last");
      assert.equal((await app().request("/sitemaps/users-1.xml")).status, 404);
    });

    test("a sitemap page polled again is a 304 until a meeting is added to it", async () => {
      const first = await app().request("/sitemaps/meetings-1.xml");
      const tag = first.headers.get("etag");
      assert.ok(tag, "an ETag");
      assert.equal((await app().request("/sitemaps/meetings-1.xml", { headers: { "if-none-match": tag } })).status, 304);
      const added = await scheduleMeeting(f.db, { body: f.staffs, date: "2027-09-14", startTime: "14:00", venue: null }, CLERK, NOW);
      const again = await app().request("/sitemaps/meetings-1.xml", { headers: { "if-none-match": tag } });
      assert.equal(again.status, 200);
      assert.notEqual(again.headers.get("etag"), tag);
      assert.ok((await again.text()).includes(`${BASE}/meetings/${added.slug}<`));
    });

    test("a meeting page carries schema.org Event markup: offset start, place, state and the council", async () => {
      const read = async (slug: string) => {
        const html = await (await app().request(`/meetings/${slug}`)).text();
        const m = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html);
        assert.ok(m, `markup on ${slug}`);
        return JSON.parse(m[1]);
      };
      const council = (await f.db.selectFrom("authorities").innerJoin("bodies", "bodies.authority_id", "authorities.id").where("bodies.slug", "=", f.staffs).select("authorities.name").executeTakeFirstOrThrow()).name;
      const bst = await read(f.bst);
      assert.equal(bst["@type"], "Event");
      assert.equal(bst.startDate, "2027-07-06T10:00:00+01:00");
      assert.equal(bst.eventStatus, "https://schema.org/EventScheduled");
      assert.equal(bst.location.name, "Oak Room");
      assert.equal(bst.url, `${BASE}/meetings/${f.bst}`);
      assert.equal(bst.organizer.name, council);
      assert.equal((await read(f.gmt)).startDate, "2027-01-12T14:00:00+00:00");

      await changeMeeting(f.db, { slug: f.gmt, version: await versionOf(f, f.gmt), change: "cancel", reason: "No business" }, CLERK, NOW);
      assert.equal((await read(f.gmt)).eventStatus, "https://schema.org/EventCancelled");
      await changeMeeting(f.db, { slug: f.bst, version: await versionOf(f, f.bst), change: "postpone", reason: "Awaiting a report" }, CLERK, NOW);
      assert.equal((await read(f.bst)).eventStatus, "https://schema.org/EventPostponed");
      await changeMeeting(f.db, { slug: f.bst, version: await versionOf(f, f.bst), change: "reschedule", reason: "New date", date: "2027-09-07", startTime: "10:00", venue: "Oak Room" }, CLERK, NOW);
      const moved = await read(f.bst);
      assert.equal(moved.eventStatus, "https://schema.org/EventRescheduled");
      assert.equal(moved.startDate, "2027-09-07T10:00:00+01:00");
    });
  });
}
