// The Atom feeds read back by @rowanmanning/feed-parser, a parser independent of the `feed` package
// that writes them: entries, ids, links and updated times; the committee's, the council's and the
// person's scope; a search feed with the search page's filters; nothing from draft minutes or
// exempt business.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { parseFeed } from "@rowanmanning/feed-parser";
import { createApp } from "../app.ts";
import { postgresUnavailable } from "../../../test/support/postgres.ts";
import { stopPostgres } from "../../../test/support/portal-db.ts";
import { BASE, CLERK, followFixture, NOW, versionOf, type FollowFixture } from "../../../test/support/follow.ts";
import { changeMeeting } from "../../store/schedule/meetings.ts";

const STAFFS_MEETING = "safe-and-strong-communities-select-committee-2016-12-12";
const ITEM_35 = ["briefing note outlining a recent confidential HR matter", "Wolstanton", "settlement figure be renegotiated"];

for (const dialect of ["sqlite", "postgres"] as const) {
  const skip = dialect === "postgres" ? (postgresUnavailable() ?? false) : false;
  describe(`Atom feeds on ${dialect}`, { skip }, () => {
    let f: FollowFixture;
    before(async () => {
      f = await followFixture(dialect);
    });
    after(async () => {
      await f?.close();
      await stopPostgres();
    });
    const app = () => createApp({ db: f.db, now: () => NOW, publicUrl: BASE });
    const read = async (path: string) => {
      const res = await app().request(path);
      assert.equal(res.status, 200, path);
      assert.match(res.headers.get("content-type") ?? "", /^application\/atom\+xml/, path);
      const text = await res.text();
      return { text, feed: parseFeed(text), etag: res.headers.get("etag") };
    };

    test("the site's feed: new meetings, new minutes and decisions, each with a permanent id, a link and an updated time", async () => {
      const { feed, text } = await read("/feed.atom");
      assert.equal(feed.self, `${BASE}/feed.atom`);
      assert.equal(feed.url, `${BASE}/`);
      const ids = feed.items.map((i) => i.id);
      assert.equal(new Set(ids).size, ids.length, "ids are unique");
      assert.ok(feed.items.length > 3 && feed.items.length <= 50, `${feed.items.length} entries`);
      for (const i of feed.items) {
        assert.ok(i.id?.startsWith(`${BASE}/`), `id ${i.id}`);
        assert.ok(i.url?.startsWith(`${BASE}/`), `link ${i.url}`);
        assert.ok(i.updated instanceof Date && !Number.isNaN(i.updated.getTime()), `updated of ${i.id}`);
        assert.ok(i.title);
      }
      assert.ok(ids.includes(`${BASE}/meetings/${f.gmt}`), "a new meeting");
      assert.ok(ids.includes(`${BASE}/meetings/${STAFFS_MEETING}/minutes`), "new minutes");
      assert.ok(ids.some((id) => id?.startsWith(`${BASE}/meetings/${STAFFS_MEETING}#decision-`)), "a decision");
      const newest = feed.items.map((i) => i.updated!.getTime());
      assert.deepEqual(newest, [...newest].sort((a, b) => b - a), "newest first");
      assert.ok(!text.includes(f.draft), "nothing of a meeting known only from draft minutes");
      for (const phrase of ITEM_35) assert.ok(!text.includes(phrase), `exempt text: ${phrase}`);
      assert.ok(!ids.some((id) => id?.includes(`#decision-${STAFFS_MEETING}-35-`)), "no decision of exempt item 35");
      assert.ok(ids.some((id) => id?.includes(`#decision-${STAFFS_MEETING}-34-`)), "item 34's decision is public");
    });

    test("ids stay the same across requests and after a meeting is cancelled; its entry's updated time moves", async () => {
      const first = await read("/feed.atom");
      assert.deepEqual((await read("/feed.atom")).text, first.text, "the same feed on a second request");
      const before = first.feed.items.find((i) => i.id === `${BASE}/meetings/${f.bst}`)!;
      await changeMeeting(f.db, { slug: f.bst, version: await versionOf(f, f.bst), change: "cancel", reason: "No business" }, CLERK, new Date(NOW.getTime() + 3_600_000));
      const again = await read("/feed.atom");
      assert.deepEqual(new Set(again.feed.items.map((i) => i.id)), new Set(first.feed.items.map((i) => i.id)));
      const entry = again.feed.items.find((i) => i.id === before.id)!;
      assert.ok(entry.updated! > before.updated!, "updated moved");
      assert.match(entry.title ?? "", /cancelled/);
      assert.notEqual(again.etag, first.etag);
    });

    test("a committee's feed holds only its committee; a council's only its council", async () => {
      const { feed } = await read(`/committees/${f.staffs}/feed.atom`);
      assert.equal(feed.self, `${BASE}/committees/${f.staffs}/feed.atom`);
      assert.equal(feed.url, `${BASE}/committees/${f.staffs}`);
      assert.ok(feed.items.length > 2);
      const meetingOf = (url: string | null) => /\/meetings\/([^/#]+)/.exec(url ?? "")?.[1];
      const staffsMeetings = new Set([STAFFS_MEETING, f.gmt, f.bst]);
      assert.deepEqual(feed.items.filter((i) => !staffsMeetings.has(meetingOf(i.url)!)).map((i) => i.url), []);
      const authority = (await f.db.selectFrom("authorities").innerJoin("bodies", "bodies.authority_id", "authorities.id").where("bodies.slug", "=", f.bucks).select("authorities.slug").executeTakeFirstOrThrow()).slug;
      const council = await read(`/feed.atom?authority=${authority}`);
      assert.ok(council.feed.items.length > 2);
      assert.deepEqual(council.feed.items.filter((i) => !meetingOf(i.url)?.startsWith("buckinghamshire") && meetingOf(i.url) !== f.bucksPlanned).map((i) => i.url), []);
      assert.equal((await app().request("/committees/nobody/feed.atom")).status, 404);
    });

    test("a person's feed: the minutes of meetings they attended and decisions they moved or seconded", async () => {
      const person = await f.db
        .selectFrom("attendance")
        .innerJoin("meetings", "meetings.id", "attendance.meeting_id")
        .innerJoin("people", "people.id", "attendance.person_id")
        .where("meetings.slug", "=", STAFFS_MEETING)
        .select("people.slug")
        .executeTakeFirstOrThrow();
      const { feed } = await read(`/people/${person.slug}/feed.atom`);
      assert.ok(feed.items.length >= 1);
      assert.ok(feed.items.some((i) => i.id === `${BASE}/meetings/${STAFFS_MEETING}/minutes`));
      assert.deepEqual(feed.items.filter((i) => !i.url?.includes(STAFFS_MEETING)).map((i) => i.url), [], "only meetings they attended");
      assert.equal((await app().request("/people/nobody-at-all/feed.atom")).status, 404);
    });

    test("a search feed honours the search page's filters", async () => {
      const all = await read("/search.atom?q=slavery");
      const meetings = all.feed.items.map((i) => i.url ?? "");
      assert.ok(meetings.some((u) => u.includes("buckinghamshire")) && meetings.some((u) => u.includes(STAFFS_MEETING)), "both councils match");
      const authority = (await f.db.selectFrom("authorities").innerJoin("bodies", "bodies.authority_id", "authorities.id").where("bodies.slug", "=", f.bucks).select("authorities.slug").executeTakeFirstOrThrow()).slug;
      const one = await read(`/search.atom?q=slavery&authority=${authority}`);
      assert.ok(one.feed.items.length > 0);
      assert.deepEqual(one.feed.items.filter((i) => !i.url?.includes("buckinghamshire")).map((i) => i.url), []);
      const decisions = await read("/search.atom?q=slavery&type=decision");
      assert.ok(decisions.feed.items.length > 0);
      assert.deepEqual(decisions.feed.items.filter((i) => !i.url?.includes("#decision-")).map((i) => i.url), []);
      const year = await read("/search.atom?q=slavery&year=2016");
      assert.deepEqual(year.feed.items.filter((i) => !i.url?.includes("2016-12-12")).map((i) => i.url), []);
      assert.ok(year.feed.items.length > 0);
      const sealed = (await read("/search.atom?q=Wolstanton")).text;
      for (const phrase of ITEM_35.slice(0, 1).concat("settlement figure")) assert.ok(!sealed.includes(phrase), phrase);
      assert.equal((await app().request("/search.atom")).status, 400, "words are needed");
      // the search page advertises its feed with the same filters
      const page = await (await app().request(`/search?q=slavery&authority=${authority}`)).text();
      assert.ok(page.includes(`<link rel="alternate" type="application/atom+xml" title="Atom feed" href="/search.atom?q=slavery&amp;authority=${authority}"/>`), "the page's alternate link");
    });
  });
}
