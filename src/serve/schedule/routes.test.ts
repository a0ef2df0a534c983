// The schedule through the app, on SQLite and PostgreSQL: every write for every role (a refused
// write changes nothing), the forms' errors, the series preview, and the public showing of a
// meeting's state and history on its page, the lists, the calendar, search and the API.
import { before, it } from "node:test";
import assert from "node:assert/strict";
import type { Hono } from "hono";
import { sql } from "kysely";
import { createApp } from "../app.ts";
import type { Db } from "../../store/db.ts";
import { eachStore } from "../../store/scrutiny/test-stores.ts";
import { changeMeeting, scheduleMeeting } from "../../store/schedule/meetings.ts";
import { createSeries } from "../../store/schedule/series.ts";
import { addRoleUsers, roleClients, ROLES, type Client, type Who } from "../../../test/support/accounts.ts";
import { committeeWithMinutes } from "../../../test/support/schedule.ts";
import { scheduleUrls } from "./urls.ts";

const WHO: Who[] = [...ROLES, "signed out"];
const MAY = new Set<Who>(["admin", "clerk"]);
const NOW = new Date("2026-04-20T09:00:00Z");
const cli = { userId: null, label: "cli" };

async function counts(db: Db) {
  const n = async (table: string) => Number((await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db)).rows[0].n);
  return { meetings: await n("meetings"), events: await n("meeting_events"), series: await n("meeting_series"), audit: await n("audit_log") };
}

eachStore("schedule routes", (store) => {
  let db: Db;
  let app: Hono;
  let body: string;
  const as = new Map<Who, Client>();

  before(async () => {
    db = await store.open();
    ({ body } = await committeeWithMinutes(db));
    await addRoleUsers(db, NOW);
    app = createApp({ db, now: () => NOW });
    for (const [who, cl] of await roleClients(app)) as.set(who, cl);
  });

  async function post(who: Who, path: string, form: Record<string, string>) {
    const cl = as.get(who)!;
    const csrf = await cl.formToken(MAY.has(who) ? scheduleUrls.committee(body) : "/sign-in");
    return cl.post(path, { csrf, ...form });
  }

  async function page(path: string) {
    const res = await app.request(path);
    assert.equal(res.status, 200, path);
    return res.text();
  }

  it("the workspace pages: clerks and admins see them, not stored; officers and members are refused; the signed out sent to sign in", async () => {
    const m = await scheduleMeeting(db, { body, date: "2026-05-05", startTime: "18:00", venue: null }, cli, NOW);
    for (const path of [scheduleUrls.committee(body), scheduleUrls.meeting(m.slug)]) {
      for (const who of WHO) {
        const res = await as.get(who)!.get(path);
        const want = MAY.has(who) ? 200 : who === "signed out" ? 302 : 403;
        assert.equal(res.status, want, `${who} GET ${path}`);
        if (want === 200) assert.equal(res.headers.get("cache-control"), "no-store", path);
        if (want === 302) assert.match(res.headers.get("location") ?? "", /^\/sign-in\?next=/);
      }
    }
  });

  it("every write, every role: admins and clerks write; everyone else is refused and nothing changes", async () => {
    let day = 1;
    // each write's setup (a meeting to cancel, a series to change) runs first; then the post alone is measured
    const writes: { name: string; setup: () => Promise<(who: Who) => Promise<Response>> }[] = [
      {
        name: "schedule one",
        setup: async () => {
          const date = `2026-06-${String(day++).padStart(2, "0")}`;
          return (who) => post(who, scheduleUrls.committee(body), { date, startTime: "19:00", venue: "Council Chamber" });
        },
      },
      {
        name: "schedule a series",
        setup: async () => {
          const date = `2026-07-${String(day++).padStart(2, "0")}`;
          const weekday = String(new Date(`${date}T12:00:00Z`).getUTCDay());
          return (who) => post(who, scheduleUrls.series(body), { step: "create", kind: "weekly", nth: "2", every: "1", weekday, from: date, to: date, seriesTime: "19:00", seriesVenue: "", keep: date, offered: date });
        },
      },
      {
        name: "cancel a meeting",
        setup: async () => {
          const m = await scheduleMeeting(db, { body, date: `2026-08-${String(day++).padStart(2, "0")}`, startTime: "19:00", venue: null }, cli, NOW);
          return (who) => post(who, scheduleUrls.change(m.slug, "cancel"), { version: "1", reason: "No business" });
        },
      },
      {
        name: "change a series",
        setup: async () => {
          const date = `2026-09-${String(day++).padStart(2, "0")}`;
          const s = await createSeries(db, { body, rule: { kind: "weekly", weekday: new Date(`${date}T12:00:00Z`).getUTCDay() as 0, every: 1 }, from: date, to: date, startTime: "19:00", venue: null }, cli, NOW);
          return (who) => post(who, scheduleUrls.seriesChange(body, s.id), { [`change-${s.id}`]: "cancel", [`from-${s.id}`]: date, reason: "Dissolved" });
        },
      },
    ];
    for (const w of writes) {
      for (const who of WHO) {
        const send = await w.setup();
        const before = await counts(db);
        const res = await send(who);
        const after = await counts(db);
        const where = `${who}: ${w.name} → ${res.status}`;
        if (MAY.has(who)) {
          assert.equal(res.status, 303, where);
          assert.doesNotMatch(res.headers.get("location") ?? "", /sign-in/, where);
          assert.ok(after.events > before.events && after.audit > before.audit, `${where}: history and audit written`);
        } else {
          assert.equal(res.status, who === "signed out" ? 303 : 403, where);
          if (who === "signed out") assert.match(res.headers.get("location") ?? "", /^\/sign-in\?next=/, where);
          assert.deepEqual(after, before, `${where}: nothing changed`);
        }
      }
    }
  });

  it("a refused write changes nothing at all", async () => {
    const m = await scheduleMeeting(db, { body, date: "2026-10-06", startTime: "19:00", venue: null }, cli, NOW);
    for (const who of ["officer", "member", "signed out"] as Who[]) {
      const before = await counts(db);
      await post(who, scheduleUrls.committee(body), { date: "2026-10-20", startTime: "19:00", venue: "" });
      await post(who, scheduleUrls.change(m.slug, "cancel"), { version: "1", reason: "x" });
      assert.deepEqual(await counts(db), before, who);
    }
    assert.equal((await db.selectFrom("meetings").where("id", "=", m.id).select("status").executeTakeFirstOrThrow()).status, "scheduled");
  });

  it("form errors come back on the form: a missing date 400, a clash 409, a skipped clock time 422, a stale version 409, no reason 400", async () => {
    const missing = await post("clerk", scheduleUrls.committee(body), { date: "", startTime: "", venue: "" });
    assert.equal(missing.status, 400);
    const html = await missing.text();
    assert.match(html, /<title>Error: /);
    assert.match(html, /govuk-error-summary[\s\S]*href="#date"[^>]*>Enter the date of the meeting/);
    await scheduleMeeting(db, { body, date: "2026-11-03", startTime: "19:00", venue: null }, cli, NOW);
    const clash = await post("clerk", scheduleUrls.committee(body), { date: "2026-11-03", startTime: "19:00", venue: "" });
    assert.equal(clash.status, 409);
    assert.match(await clash.text(), /already has a meeting on 3 November 2026 at 19:00/);
    const gap = await post("clerk", scheduleUrls.committee(body), { date: "2027-03-28", startTime: "01:30", venue: "" });
    assert.equal(gap.status, 422);
    assert.match(await gap.text(), /href="#startTime"[^>]*>01:30 does not happen on 28 March 2027: the clocks go forward/);
    const m = await scheduleMeeting(db, { body, date: "2026-11-17", startTime: "19:00", venue: null }, cli, NOW);
    await changeMeeting(db, { slug: m.slug, version: 1, change: "postpone", reason: "Another clerk" }, cli, NOW);
    const stale = await post("clerk", scheduleUrls.change(m.slug, "cancel"), { version: "1", reason: "Mine" });
    assert.equal(stale.status, 409);
    assert.match(await stale.text(), /Someone else changed this meeting/);
    const noReason = await post("clerk", scheduleUrls.change(m.slug, "cancel"), { version: "2", reason: " " });
    assert.equal(noReason.status, 400);
    assert.match(await noReason.text(), /href="#cancel-reason"[^>]*>Give the reason/);
    assert.equal((await db.selectFrom("meetings").where("id", "=", m.id).select("status").executeTakeFirstOrThrow()).status, "postponed");
  });

  it("the clerk's minutes page of a scheduled meeting says it has no minutes yet, not that they are published", async () => {
    const m = await scheduleMeeting(db, { body, date: "2026-12-01", startTime: "19:00", venue: null }, cli, NOW);
    const html = await (await as.get("clerk")!.get(`/admin/meetings/${m.slug}/minutes`)).text();
    assert.match(html, /id="minutes-status">\s*No minutes yet: this meeting was scheduled here/);
    assert.doesNotMatch(html, /Published: the council's final record/);
  });

  it("a series is previewed with its dates to untick, then made without the dates left out", async () => {
    const form = { kind: "monthly", nth: "2", every: "1", weekday: "2", from: "2027-05", to: "2027-08", seriesTime: "19:00", seriesVenue: "Council Chamber" };
    const preview = await post("clerk", scheduleUrls.series(body), { step: "preview", ...form });
    assert.equal(preview.status, 200);
    const html = await preview.text();
    assert.match(html, /Second Tuesday of each month at 7pm/);
    for (const d of ["Tuesday 11 May 2027", "Tuesday 8 June 2027", "Tuesday 13 July 2027", "Tuesday 10 August 2027"]) assert.match(html, new RegExp(d));
    // no JavaScript: the form posts every offered date, and only the ticked ones as keep
    const cl = as.get("clerk")!;
    const csrf = await cl.formToken(scheduleUrls.committee(body));
    const params = new URLSearchParams({ csrf, step: "create", ...form });
    for (const d of ["2027-05-11", "2027-06-08", "2027-07-13", "2027-08-10"]) params.append("offered", d);
    for (const d of ["2027-05-11", "2027-06-08", "2027-07-13"]) params.append("keep", d);
    const res = await app.request(`http://localhost${scheduleUrls.series(body)}`, { method: "POST", body: params.toString(), headers: { cookie: [...cl.cookies].map(([k, v]) => `${k}=${v}`).join("; "), "content-type": "application/x-www-form-urlencoded", origin: "http://localhost" } });
    assert.equal(res.status, 303);
    const made = await db.selectFrom("meetings").where("date", "like", "2027-0%").where("slug", "like", `${body}-%`).where("start_time", "=", "19:00").select("date").orderBy("date").execute();
    assert.deepEqual(made.map((r) => r.date), ["2027-05-11", "2027-06-08", "2027-07-13"]);
    const schedulePage = await (await cl.get(scheduleUrls.committee(body))).text();
    assert.match(schedulePage, /Second Tuesday of each month at 7pm, 11 May 2027 to 13 July 2027/);
  });

  it("publicly: a scheduled meeting says what is planned and never that it was held, on every surface", async () => {
    const m = await scheduleMeeting(db, { body, date: "2026-04-28", startTime: "19:00", venue: "Council Chamber" }, cli, NOW);
    const meetingPage = await page(`/meetings/${m.slug}`);
    assert.match(meetingPage, /govuk-tag--blue">Scheduled</);
    assert.match(meetingPage, /Minutes are published after the meeting/);
    assert.doesNotMatch(meetingPage, />Held</);
    assert.doesNotMatch(meetingPage, /No items were recorded/);
    // it leads the home page, the committee page and the calendar, which opens on its month
    const home = await page("/");
    assert.ok(home.indexOf("Upcoming meetings") < home.indexOf("Recent meetings"));
    assert.match(home.slice(home.indexOf("Upcoming meetings"), home.indexOf("Recent meetings")), new RegExp(`href="/meetings/${m.slug}"[\\s\\S]*?Scheduled`));
    const committee = await page(`/committees/${body}`);
    const upcoming = committee.indexOf('id="upcoming"');
    assert.ok(upcoming > 0 && upcoming < committee.indexOf('id="meetings"') && upcoming < committee.indexOf('id="members"'), "upcoming meetings come first");
    assert.match(committee.slice(upcoming, committee.indexOf("</section>", upcoming)), new RegExp(`Tuesday 28 April 2026, 7pm</a>, Council Chamber`));
    const calendar = await page("/calendar");
    assert.match(calendar, /<h1 class="govuk-heading-xl">April 2026<\/h1>/);
    assert.match(calendar, new RegExp(`href="/meetings/${m.slug}"`));
    const search = await page("/search?q=Council+Chamber");
    assert.match(search, new RegExp(`href="/meetings/${m.slug}"[\\s\\S]*?Scheduled`));
    const api = (await (await app.request(`/api/v1/meetings/${m.slug}`)).json()) as { status: string; hasMinutes: boolean; source: unknown; history: { kind: string }[] };
    assert.deepEqual([api.status, api.hasMinutes, api.source, api.history.map((e) => e.kind)], ["scheduled", false, null, ["scheduled"]]);
    const list = (await (await app.request(`/api/v1/meetings?body=${body}&from=2026-04-20`)).json()) as { data: { id: string; hasMinutes: boolean }[] };
    assert.ok(list.data.some((x) => x.id === m.slug && x.hasMinutes === false));
  });

  it("publicly: a cancelled meeting says so with its reason; a moved one says from where; both in the API history", async () => {
    const c = await scheduleMeeting(db, { body, date: "2026-05-19", startTime: "19:00", venue: null }, cli, NOW);
    await post("clerk", scheduleUrls.change(c.slug, "cancel"), { version: "1", reason: "No business to transact" });
    const cancelled = await page(`/meetings/${c.slug}`);
    assert.match(cancelled, /This meeting has been cancelled\.[\s\S]*?Reason: No business to transact/);
    assert.match(cancelled, /govuk-tag--red">Cancelled</);
    const mv = await scheduleMeeting(db, { body, date: "2026-05-26", startTime: "19:00", venue: "Council Chamber" }, cli, NOW);
    const res = await post("clerk", scheduleUrls.change(mv.slug, "reschedule"), { version: "1", date: "2026-06-30", startTime: "18:30", venue: "Room 2", reason: "Clash with the count" });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), `${scheduleUrls.meeting(mv.slug)}?done=reschedule`);
    const moved = await page(`/meetings/${mv.slug}`);
    assert.match(moved, /This meeting has been moved from Tuesday 26 May 2026 at 7pm\./);
    assert.match(moved, /Moved from Tuesday 26 May 2026 at 7pm to Tuesday 30 June 2026 at 6:30pm, Room 2 \(recorded Monday 20 April 2026\)\. Reason: Clash with the count/);
    const api = (await (await app.request(`/api/v1/meetings/${mv.slug}`)).json()) as { date: string; history: unknown[] };
    assert.equal(api.date, "2026-06-30");
    assert.deepEqual(api.history.at(-1), { kind: "rescheduled", recordedAt: "2026-04-20T09:00:00.000Z", from: { date: "2026-05-26", startTime: "19:00", venue: "Council Chamber" }, to: { date: "2026-06-30", startTime: "18:30", venue: "Room 2" }, reason: "Clash with the count", series: false });
    // the workspace names who made each change; the public pages and API do not
    const clerkView = await (await as.get("clerk")!.get(scheduleUrls.meeting(mv.slug))).text();
    assert.match(clerkView, /clerk@council\.gov\.uk/);
    assert.doesNotMatch(moved, /clerk@council\.gov\.uk/);
    const openapi = (await (await app.request("/api/v1/openapi.json")).json()) as { components: { schemas: Record<string, unknown> } };
    assert.ok(openapi.components.schemas.MeetingEvent, "the OpenAPI document describes a meeting's history");
  });
});
