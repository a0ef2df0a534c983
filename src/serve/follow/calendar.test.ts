// The iCalendar files read back by ical.js, an independent parser: UIDs, the council's zone with its
// VTIMEZONE, a meeting in GMT and one in BST, a cancellation with SEQUENCE raised, the window, the
// committee's and the council's scope, no meeting known only from draft minutes, and cheap polling.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import ICAL from "ical.js";
import { createApp } from "../app.ts";
import { postgresUnavailable } from "../../../test/support/postgres.ts";
import { importInto, stopPostgres } from "../../../test/support/portal-db.ts";
import { BASE, CLERK, followFixture, NOW, versionOf, type FollowFixture } from "../../../test/support/follow.ts";
import { STAFFS_V1, STAFFS_V2 } from "../../../test/support/imports.ts";
import { parsedDb } from "../../../test/support/portal-db.ts";
import { changeMeeting } from "../../store/schedule/meetings.ts";
import { editBody } from "../../store/people/bodies.ts";

interface ReadEvent {
  uid: string;
  sequence: number;
  status: string | null;
  tzid: string | null;
  start: Date;
  end: Date | null;
  location: string | null;
  url: string | null;
  description: string;
  summary: string;
}

/** Parses a calendar with ical.js, its time zones taken from the file's own VTIMEZONEs. */
function readCalendar(text: string): { zones: string[]; events: ReadEvent[]; name: string | null } {
  const cal = new ICAL.Component(ICAL.parse(text));
  const zones = cal.getAllSubcomponents("vtimezone").map((z) => {
    const tz = new ICAL.Timezone(z);
    ICAL.TimezoneService.register(tz, tz.tzid);
    return tz.tzid;
  });
  const events = cal.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    const dtstart = v.getFirstProperty("dtstart")!;
    return {
      uid: e.uid,
      sequence: e.sequence,
      status: (v.getFirstPropertyValue("status") as string | null) ?? null,
      tzid: (dtstart.getParameter("tzid") as string | undefined) ?? null,
      start: e.startDate.toJSDate(),
      end: e.endDate ? e.endDate.toJSDate() : null,
      location: e.location ?? null,
      url: (v.getFirstPropertyValue("url") as string | null) ?? null,
      description: e.description ?? "",
      summary: e.summary ?? "",
    };
  });
  return { zones, events, name: (cal.getFirstPropertyValue("x-wr-calname") as string | null) ?? null };
}

const uidOf = (slug: string) => `meeting-${slug}@minutes.example.org`;

for (const dialect of ["sqlite", "postgres"] as const) {
  const skip = dialect === "postgres" ? (postgresUnavailable() ?? false) : false;
  describe(`calendars on ${dialect}`, { skip }, () => {
    let f: FollowFixture;
    before(async () => {
      f = await followFixture(dialect);
    });
    after(async () => {
      await f?.close();
      await stopPostgres();
    });
    const app = () => createApp({ db: f.db, now: () => NOW, publicUrl: BASE });
    const get = async (path: string, headers: Record<string, string> = {}) => app().request(path, { headers });

    test("all meetings: stable UIDs, Europe/London with its VTIMEZONE, GMT and BST converted right, no draft-only meeting, twelve months back", async () => {
      const res = await get("/calendar.ics");
      assert.equal(res.status, 200);
      assert.match(res.headers.get("content-type") ?? "", /^text\/calendar/);
      const text = await res.text();
      assert.equal(await (await get("/calendar.ics")).text(), text, "the same file on a second request");
      const cal = readCalendar(text);
      assert.deepEqual(cal.zones, ["Europe/London"]);
      const bySlug = new Map(cal.events.map((e) => [e.uid, e]));
      assert.deepEqual([...bySlug.keys()].sort(), [uidOf(f.gmt), uidOf(f.bst), uidOf(f.bucksPlanned)].sort(), "the planned meetings; the 2016 and 2018 meetings are older than twelve months; the draft one never");

      const gmt = bySlug.get(uidOf(f.gmt))!;
      assert.equal(gmt.tzid, "Europe/London");
      assert.equal(gmt.start.toISOString(), "2027-01-12T14:00:00.000Z", "14:00 in January is 14:00 UTC");
      assert.equal(gmt.end?.toISOString(), "2027-01-12T16:00:00.000Z", "no end time written: two hours");
      assert.equal(gmt.location, "Council Chamber, County Buildings");
      assert.equal(gmt.url, `${BASE}/meetings/${f.gmt}`);
      assert.ok(gmt.description.includes(`${BASE}/meetings/${f.gmt}`));
      assert.equal(gmt.sequence, 0);
      assert.equal(gmt.status, "CONFIRMED");
      const bst = bySlug.get(uidOf(f.bst))!;
      assert.equal(bst.tzid, "Europe/London");
      assert.equal(bst.start.toISOString(), "2027-07-06T09:00:00.000Z", "10:00 in July is 09:00 UTC");
      assert.ok(!text.includes(f.draft), "the meeting known only from draft minutes is not there");
    });

    test("the window: twelve months back by default; ?from= a day, or ?past=all for the whole archive, as /feeds says", async () => {
      const uids = async (path: string) => {
        const res = await get(path);
        assert.equal(res.status, 200, path);
        return readCalendar(await res.text()).events.map((e) => e.uid).sort();
      };
      const recent = await uids("/calendar.ics");
      const all = await uids("/calendar.ics?past=all");
      const old = (await f.db.selectFrom("meetings").where("minutes_status", "!=", "draft").where("date", "<", "2025-12-01").select(["slug", "date"]).orderBy("date").execute()).map((m) => ({ uid: uidOf(m.slug), date: m.date }));
      assert.ok(old.length >= 2, "the 2016 and 2018 meetings");
      for (const m of old) {
        assert.ok(!recent.includes(m.uid), `${m.date} is older than twelve months`);
        assert.ok(all.includes(m.uid), `${m.date} is in the whole archive`);
      }
      assert.deepEqual(all, [...recent, ...old.map((m) => m.uid)].sort());
      // from a day: the meetings on or after it, and every one planned
      const last = old.at(-1)!;
      assert.deepEqual(await uids(`/calendar.ics?from=${last.date}`), [...recent, last.uid].sort());
      // the same on a committee's and a council's calendar
      const staffsOld = (await f.db.selectFrom("meetings").innerJoin("bodies", "bodies.id", "meetings.body_id").where("bodies.slug", "=", f.staffs).where("meetings.date", "<", "2025-12-01").where("meetings.minutes_status", "!=", "draft").select("meetings.slug").execute()).map((m) => uidOf(m.slug));
      assert.ok(staffsOld.length > 0);
      const staffsAll = await uids(`/committees/${f.staffs}/calendar.ics?past=all`);
      for (const u of staffsOld) assert.ok(staffsAll.includes(u), u);
      assert.ok(!(await uids(`/committees/${f.staffs}/calendar.ics`)).some((u) => staffsOld.includes(u)));
      for (const bad of ["/calendar.ics?from=yesterday", "/calendar.ics?from=2026-02-30", "/calendar.ics?past=some"]) assert.equal((await get(bad)).status, 400, bad);
      // /feeds says how
      const feeds = await (await get("/feeds")).text();
      assert.ok(feeds.includes("?past=all") && feeds.includes("?from="), "the feeds page documents the window's parameters");
    });

    test("a committee's calendar holds its own meetings; a council's its own", async () => {
      const committee = readCalendar(await (await get(`/committees/${f.staffs}/calendar.ics`)).text());
      assert.deepEqual(committee.events.map((e) => e.uid).sort(), [uidOf(f.gmt), uidOf(f.bst)].sort());
      const authority = (await f.db.selectFrom("authorities").innerJoin("bodies", "bodies.authority_id", "authorities.id").where("bodies.slug", "=", f.bucks).select("authorities.slug").executeTakeFirstOrThrow()).slug;
      const council = readCalendar(await (await get(`/calendar.ics?authority=${authority}`)).text());
      assert.deepEqual(council.events.map((e) => e.uid), [uidOf(f.bucksPlanned)]);
      assert.equal((await get("/committees/no-such-committee/calendar.ics")).status, 404);
      assert.equal((await get("/calendar.ics?authority=no-such-council")).status, 404);
    });

    test("a calendar made once is made again when its committee is renamed", async () => {
      // the site's calendar: its own name does not change with the committee's
      const before = await (await get("/calendar.ics")).text();
      assert.equal(await (await get("/calendar.ics")).text(), before);
      const b = await f.db.selectFrom("bodies").where("slug", "=", f.staffs).select(["version", "kind"]).executeTakeFirstOrThrow();
      await editBody(f.db, { slug: f.staffs, version: b.version, name: "Safer Communities Select Committee", kind: b.kind, actor: CLERK, now: NOW });
      const events = readCalendar(await (await get("/calendar.ics")).text()).events.filter((e) => e.uid !== uidOf(f.bucksPlanned));
      assert.deepEqual([...new Set(events.map((e) => e.summary))], ["Safer Communities Select Committee"]);
    });

    test("cancelled: STATUS:CANCELLED with SEQUENCE raised, the same UID; moved: SEQUENCE raised, the new time; clients polling see the change", async () => {
      const first = await get("/calendar.ics");
      const etag = first.headers.get("etag");
      assert.ok(etag, "an ETag");
      assert.ok(first.headers.get("last-modified"), "a Last-Modified");
      assert.equal((await get("/calendar.ics", { "if-none-match": etag })).status, 304, "unchanged: 304");

      await changeMeeting(f.db, { slug: f.gmt, version: await versionOf(f, f.gmt), change: "cancel", reason: "No business to transact" }, CLERK, NOW);
      await changeMeeting(f.db, { slug: f.bst, version: await versionOf(f, f.bst), change: "reschedule", reason: "Room unavailable", date: "2027-07-13", startTime: "18:30", venue: "Oak Room" }, CLERK, NOW);
      const again = await get("/calendar.ics", { "if-none-match": etag });
      assert.equal(again.status, 200, "changed: the new file");
      const events = new Map(readCalendar(await again.text()).events.map((e) => [e.uid, e]));
      const gmt = events.get(uidOf(f.gmt));
      assert.ok(gmt, "the cancelled meeting keeps its UID");
      assert.equal(gmt.status, "CANCELLED");
      assert.ok(gmt.sequence > 0, `SEQUENCE ${gmt.sequence}`);
      const bst = events.get(uidOf(f.bst));
      assert.ok(bst, "the moved meeting keeps its UID");
      assert.ok(bst.sequence > 0);
      assert.equal(bst.start.toISOString(), "2027-07-13T17:30:00.000Z");
    });

    test("one meeting's calendar: linked from its page, one VEVENT with the committee calendar's UID and SEQUENCE, before and after a change", async () => {
      const path = `/meetings/${f.bucksPlanned}/calendar.ics`;
      const page = await (await get(`/meetings/${f.bucksPlanned}`)).text();
      assert.ok(page.includes(`href="${path}"`), "the meeting page links to its calendar file");
      assert.match(page, /Add to calendar/);
      const same = async () => {
        const res = await get(path);
        assert.equal(res.status, 200);
        assert.match(res.headers.get("content-type") ?? "", /^text\/calendar/);
        const one = readCalendar(await res.text());
        assert.equal(one.events.length, 1);
        const committee = readCalendar(await (await get(`/committees/${f.bucks}/calendar.ics`)).text()).events.find((e) => e.uid === uidOf(f.bucksPlanned));
        assert.ok(committee, "the meeting is in its committee's calendar");
        assert.deepEqual(
          [one.events[0].uid, one.events[0].sequence, one.events[0].start.toISOString(), one.events[0].status],
          [committee.uid, committee.sequence, committee.start.toISOString(), committee.status],
        );
        assert.deepEqual(one.zones, ["Europe/London"]);
        return one.events[0];
      };
      const first = await same();
      assert.deepEqual([first.uid, first.sequence, first.start.toISOString()], [uidOf(f.bucksPlanned), 0, "2027-03-01T10:30:00.000Z"]);
      await changeMeeting(f.db, { slug: f.bucksPlanned, version: await versionOf(f, f.bucksPlanned), change: "reschedule", reason: "Room unavailable", date: "2027-03-08", startTime: "11:00", venue: "The Oculus" }, CLERK, NOW);
      const moved = await same();
      assert.ok(moved.sequence > 0, `SEQUENCE ${moved.sequence}`);
      assert.equal(moved.start.toISOString(), "2027-03-08T11:00:00.000Z");
      assert.equal((await get(`/meetings/${f.draft}/calendar.ics`)).status, 404, "a meeting known only from draft minutes has none");
      assert.equal((await get("/meetings/no-such-meeting/calendar.ics")).status, 404);
    });
  });
}

describe("a correction keeps a meeting's UID", () => {
  test("re-imported minutes with item 35 marked exempt: the same UID and SEQUENCE", async () => {
    const t = await parsedDb([STAFFS_V1]);
    try {
      const app = createApp({ db: t.db, now: () => new Date("2017-01-10T12:00:00Z"), publicUrl: BASE });
      const slug = (await t.db.selectFrom("meetings").select("slug").executeTakeFirstOrThrow()).slug;
      const before = readCalendar(await (await app.request("/calendar.ics")).text()).events;
      assert.deepEqual(before.map((e) => e.uid), [uidOf(slug)]);
      await importInto(t.db, [STAFFS_V2]);
      const afterwards = readCalendar(await (await app.request("/calendar.ics")).text()).events;
      assert.deepEqual(afterwards.map((e) => [e.uid, e.sequence, e.start.toISOString()]), before.map((e) => [e.uid, e.sequence, e.start.toISOString()]));
      assert.ok(afterwards[0].description.includes(`${BASE}/meetings/${slug}/minutes`), "the minutes are linked");
    } finally {
      await t.close();
    }
  });
});
