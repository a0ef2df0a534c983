// The schedule on SQLite and PostgreSQL: scheduling single meetings and series, every change kept
// in the meeting's history with who, when and why, stale versions refused, held meetings left
// alone, and minutes imported later attaching to the scheduled meeting.
import { before, it } from "node:test";
import assert from "node:assert/strict";
import { QuorumError } from "../../domain/errors.ts";
import type { Db } from "../db.ts";
import { eachStore } from "../scrutiny/test-stores.ts";
import { readAudit } from "../audit.ts";
import { getMeeting, listMeetings } from "../read/index.ts";
import { StaleVersion } from "../people/edit.ts";
import { changeMeeting, scheduleMeeting } from "./meetings.ts";
import { changeSeries, createSeries, listSeries, previewSeries } from "./series.ts";
import { bodySchedule, meetingForSchedule, publicHistory } from "./read.ts";
import { committeeWithMinutes, importDecemberMinutes, MINUTES_DATE } from "../../../test/support/schedule.ts";
import { importMinutes } from "../import.ts";
import { publishImport } from "../imports/decide.ts";
import { addUser } from "../accounts/users.ts";
import { parsedInput, STAFFS_V1 } from "../../../test/support/imports.ts";

const clerk = { userId: null, label: "clerk@council.gov.uk" };
const AT = new Date("2026-04-20T09:00:00Z");
const TUESDAY = 2;

const rejects = (p: Promise<unknown>, code: string, re: RegExp) => assert.rejects(p, (e: unknown) => e instanceof QuorumError && e.code === code && re.test(e.message));

async function meetingCount(db: Db): Promise<number> {
  return Number((await db.selectFrom("meetings").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
}

eachStore("the schedule", (store) => {
  let db: Db;
  let body: string;

  before(async () => {
    db = await store.open();
    ({ body } = await committeeWithMinutes(db));
  });

  it("a scheduled meeting is public at once, without minutes, in the upcoming list and the count of meetings but not the committee's record", async () => {
    const summaryBefore = await db.selectFrom("body_summaries").innerJoin("bodies", "bodies.id", "body_summaries.body_id").where("bodies.slug", "=", body).select("meeting_count").executeTakeFirstOrThrow();
    const m = await scheduleMeeting(db, { body, date: "2026-05-12", startTime: "19:00", venue: "Council Chamber" }, clerk, AT);
    assert.equal(m.slug, `${body}-2026-05-12-1900`);
    const row = await db.selectFrom("meetings").where("id", "=", m.id).select(["status", "source_document_id", "minutes_status", "venue"]).executeTakeFirstOrThrow();
    assert.deepEqual(row, { status: "scheduled", source_document_id: null, minutes_status: "published", venue: "Council Chamber" });
    const upcoming = await listMeetings(db, { from: "2026-04-20", oldestFirst: true });
    assert.deepEqual(upcoming.data.map((x) => [x.slug, x.status, x.hasMinutes]), [[m.slug, "scheduled", false]]);
    const detail = await getMeeting(db, m.slug);
    assert.equal(detail?.source, null);
    // the committee's record (meetings with minutes, and its first and last dates) is unchanged; the list of every meeting counts it
    const summaryAfter = await db.selectFrom("body_summaries").innerJoin("bodies", "bodies.id", "body_summaries.body_id").where("bodies.slug", "=", body).select(["meeting_count", "last_meeting"]).executeTakeFirstOrThrow();
    assert.deepEqual([Number(summaryAfter.meeting_count), summaryAfter.last_meeting], [Number(summaryBefore.meeting_count), "2016-11-14"]);
    assert.equal((await listMeetings(db, { body })).total, Number(summaryBefore.meeting_count) + 1);
    assert.equal((await listMeetings(db, {})).total, Number(summaryBefore.meeting_count) + 1);
    const history = await meetingForSchedule(db, m.slug);
    assert.deepEqual(history.history.map((e) => [e.kind, e.actor, e.to?.date, e.to?.startTime]), [["scheduled", "clerk@council.gov.uk", "2026-05-12", "19:00"]]);
    const audit = (await readAudit(db, { recordKind: "meeting", recordId: String(m.id) })).entries;
    assert.deepEqual(audit.map((e) => e.action), ["meeting.schedule"]);
  });

  it("a second meeting at the same date and time is refused; another time that day, or over a cancelled one, is not", async () => {
    await rejects(scheduleMeeting(db, { body, date: "2026-05-12", startTime: "19:00", venue: null }, clerk, AT), "conflict", /already has a meeting on 12 May 2026 at 19:00/);
    const morning = await scheduleMeeting(db, { body, date: "2026-05-12", startTime: "10:00", venue: null }, clerk, AT);
    assert.equal(morning.slug, `${body}-2026-05-12-1000`);
    await changeMeeting(db, { slug: morning.slug, version: 1, change: "cancel", reason: "Not needed" }, clerk, AT);
    const again = await scheduleMeeting(db, { body, date: "2026-05-12", startTime: "10:00", venue: null }, clerk, AT);
    assert.equal(again.slug, `${body}-2026-05-12-1000-2`, "the cancelled meeting keeps its slug and its page");
  });

  it("a time the clocks skip, a time that is not one, and an unknown committee are refused", async () => {
    await rejects(scheduleMeeting(db, { body, date: "2026-03-29", startTime: "01:30", venue: null }, clerk, AT), "invalid", /clocks go forward/);
    await rejects(scheduleMeeting(db, { body, date: "2026-03-29", startTime: "7pm", venue: null }, clerk, AT), "invalid", /24-hour clock/);
    await rejects(scheduleMeeting(db, { body, date: "2026-02-30", startTime: null, venue: null }, clerk, AT), "invalid", /not a real date/);
    await rejects(scheduleMeeting(db, { body: "no-such-committee", date: "2026-06-01", startTime: null, venue: null }, clerk, AT), "not_found", /Committee/);
  });

  it("rescheduling moves the meeting and keeps its slug; the history says from where to where, and why", async () => {
    const m = await scheduleMeeting(db, { body, date: "2026-06-09", startTime: "19:00", venue: "Council Chamber" }, clerk, AT);
    await changeMeeting(db, { slug: m.slug, version: 1, change: "reschedule", date: "2026-06-16", startTime: "18:30", venue: "Room 2", reason: "The chamber is being used for the count" }, { userId: null, label: "other.clerk@council.gov.uk" }, new Date("2026-05-01T10:00:00Z"));
    const after = await meetingForSchedule(db, m.slug);
    assert.deepEqual([after.date, after.startTime, after.venue, after.status, after.version], ["2026-06-16", "18:30", "Room 2", "scheduled", 2]);
    const moved = after.history.at(-1)!;
    assert.deepEqual(moved, {
      kind: "rescheduled",
      at: "2026-05-01T10:00:00.000Z",
      actor: "other.clerk@council.gov.uk",
      from: { date: "2026-06-09", startTime: "19:00", venue: "Council Chamber" },
      to: { date: "2026-06-16", startTime: "18:30", venue: "Room 2" },
      reason: "The chamber is being used for the count",
      seriesId: null,
    });
    const pub = await publicHistory(db, m.slug);
    assert.equal(pub?.length, 2);
    assert.ok(pub!.every((e) => !("actor" in e)), "the public history names no member of staff");
  });

  it("a stale version is refused and changes nothing; a change needs its reason", async () => {
    const m = await scheduleMeeting(db, { body, date: "2026-07-14", startTime: "19:00", venue: null }, clerk, AT);
    await changeMeeting(db, { slug: m.slug, version: 1, change: "postpone", reason: "Awaiting the budget" }, clerk, AT);
    await assert.rejects(changeMeeting(db, { slug: m.slug, version: 1, change: "cancel", reason: "Second clerk's view" }, clerk, AT), StaleVersion);
    await rejects(changeMeeting(db, { slug: m.slug, version: 2, change: "cancel", reason: "  " }, clerk, AT), "invalid", /reason/);
    const now = await meetingForSchedule(db, m.slug);
    assert.deepEqual([now.status, now.version, now.history.map((e) => e.kind)], ["postponed", 2, ["scheduled", "postponed"]]);
  });

  it("postponed, cancelled and restored, each step allowed only from where it may start", async () => {
    const m = await scheduleMeeting(db, { body, date: "2026-08-11", startTime: "19:00", venue: null }, clerk, AT);
    await changeMeeting(db, { slug: m.slug, version: 1, change: "postpone", reason: "Summer recess" }, clerk, AT);
    await rejects(changeMeeting(db, { slug: m.slug, version: 2, change: "postpone", reason: "Again" }, clerk, AT), "conflict", /postponed meeting cannot be postponed/);
    await changeMeeting(db, { slug: m.slug, version: 2, change: "cancel", reason: "No business" }, clerk, AT);
    await rejects(changeMeeting(db, { slug: m.slug, version: 3, change: "reschedule", date: "2026-08-18", startTime: "19:00", reason: "x" }, clerk, AT), "conflict", /cancelled meeting cannot be moved/);
    await changeMeeting(db, { slug: m.slug, version: 3, change: "restore", reason: "Urgent item on the budget" }, clerk, AT);
    const now = await meetingForSchedule(db, m.slug);
    assert.deepEqual([now.status, now.history.map((e) => `${e.kind}: ${e.reason ?? ""}`)], ["scheduled", ["scheduled: ", "postponed: Summer recess", "cancelled: No business", "restored: Urgent item on the budget"]]);
    const actions = (await readAudit(db, { recordKind: "meeting", recordId: String(m.id) })).entries.map((e) => e.action).reverse();
    assert.deepEqual(actions, ["meeting.schedule", "meeting.postpone", "meeting.cancel", "meeting.restore"]);
  });

  it("a meeting with minutes was held: its plan cannot change", async () => {
    const held = (await db.selectFrom("meetings").where("source_document_id", "is not", null).select(["slug", "version"]).executeTakeFirstOrThrow());
    await rejects(changeMeeting(db, { slug: held.slug, version: held.version, change: "cancel", reason: "Mistake" }, clerk, AT), "conflict", /has minutes/);
  });

  it("a series: second Tuesday from September to December, one date removed; all or none", async () => {
    const input = { body, rule: { kind: "monthly" as const, weekday: TUESDAY as 2, nth: 2 as const }, from: "2026-09", to: "2026-12", startTime: "19:00", venue: "Council Chamber" };
    // 8 September 2026 is the second Tuesday; a meeting already stands at 19:00 on 13 October
    await scheduleMeeting(db, { body, date: "2026-10-13", startTime: "19:00", venue: null }, clerk, AT);
    const preview = await previewSeries(db, { ...input, skip: ["2026-11-10"] });
    assert.deepEqual([preview.dates, preview.skipped, preview.clashes, preview.rule], [["2026-09-08", "2026-10-13", "2026-12-08"], ["2026-11-10"], ["2026-10-13"], "Second Tuesday of each month"]);
    const before = await meetingCount(db);
    await rejects(createSeries(db, { ...input, skip: ["2026-11-10"] }, clerk, AT), "conflict", /13 October 2026/);
    assert.equal(await meetingCount(db), before, "no meeting of a refused series is left behind");
    const s = await createSeries(db, { ...input, skip: ["2026-11-10", "2026-10-13"] }, clerk, AT);
    assert.deepEqual(s.meetings.map((m) => m.date), ["2026-09-08", "2026-12-08"]);
    const [view] = await listSeries(db, (await bodySchedule(db, body, "2026-04-20")).body.id);
    assert.deepEqual([view.rule, view.meetings.map((m) => [m.date, m.status])], ["Second Tuesday of each month", [["2026-09-08", "scheduled"], ["2026-12-08", "scheduled"]]]);
    const audit = (await readAudit(db, { recordKind: "meeting_series", recordId: String(s.id) })).entries;
    assert.deepEqual((audit[0].after as { dates: string[]; skipped: string[] }).skipped, ["2026-10-13", "2026-11-10"]);
  });

  it("a series changed from a date on: new time and venue for the rest; then the rest cancelled; one moved alone stays moved", async () => {
    const s = await createSeries(db, { body, rule: { kind: "weekly", weekday: 4, every: 2 }, from: "2027-01-07", to: "2027-02-18", startTime: "10:00", venue: "Room 1" }, clerk, AT);
    assert.deepEqual(s.meetings.map((m) => m.date), ["2027-01-07", "2027-01-21", "2027-02-04", "2027-02-18"]);
    await changeMeeting(db, { slug: s.meetings[2].slug, version: 1, change: "reschedule", date: "2027-02-05", startTime: "10:00", venue: "Room 1", reason: "Room unavailable on the Thursday" }, clerk, AT);
    const changed = await changeSeries(db, { body, seriesId: s.id, from: "2027-01-21", change: "change", startTime: "14:00", venue: "Room 3", reason: "Afternoon meetings from the new year" }, clerk, AT);
    assert.deepEqual(changed.changed, [s.meetings[1].slug, s.meetings[2].slug, s.meetings[3].slug]);
    const firstNow = await meetingForSchedule(db, s.meetings[0].slug);
    assert.equal(firstNow.startTime, "10:00", "the meeting before the date keeps its time");
    const movedNow = await meetingForSchedule(db, s.meetings[2].slug);
    assert.deepEqual([movedNow.date, movedNow.startTime, movedNow.venue], ["2027-02-05", "14:00", "Room 3"], "the meeting moved alone keeps its own date");
    assert.equal(movedNow.history.at(-1)!.seriesId, s.id);
    await changeSeries(db, { body, seriesId: s.id, from: "2027-02-01", change: "cancel", reason: "The committee is dissolved" }, clerk, AT);
    const [series] = (await listSeries(db, firstNow.id ? (await bodySchedule(db, body, "2026-01-01")).body.id : 0)).filter((v) => v.id === s.id);
    assert.deepEqual(series.meetings.map((m) => m.status), ["scheduled", "scheduled", "cancelled", "cancelled"]);
    await rejects(changeSeries(db, { body, seriesId: s.id, from: "2027-02-01", change: "cancel", reason: "Again" }, clerk, AT), "invalid", /No meeting of this series/);
  });

  it("minutes imported later attach to the scheduled meeting, even one moved to their date, and it is held", async () => {
    const m = await scheduleMeeting(db, { body, date: "2016-12-05", startTime: "10:00", venue: "County Buildings" }, clerk, AT);
    await changeMeeting(db, { slug: m.slug, version: 1, change: "reschedule", date: MINUTES_DATE, startTime: "10:00", venue: "County Buildings", reason: "Chair unavailable" }, clerk, AT);
    const before = await meetingCount(db);
    const r = await importDecemberMinutes(db);
    assert.equal(await meetingCount(db), before, "no second meeting was made");
    assert.deepEqual([r.meetingId, r.meetingSlug], [m.id, m.slug]);
    const row = await db.selectFrom("meetings").where("id", "=", m.id).select(["status", "source_document_id", "date"]).executeTakeFirstOrThrow();
    assert.equal(row.status, "held");
    assert.notEqual(row.source_document_id, null);
    assert.equal(row.date, MINUTES_DATE);
    const detail = await getMeeting(db, m.slug);
    assert.ok(detail!.items.length > 0, "the minutes' items are on the scheduled meeting");
    assert.deepEqual((await publicHistory(db, m.slug))!.map((e) => e.kind), ["scheduled", "rescheduled"], "its history stays");
    // importing the same minutes again finds the same meeting
    const again = await importDecemberMinutes(db);
    assert.equal(again.meetingId, m.id);
  });

  it("minutes imported for review wait in the queue while the scheduled meeting stays public; publishing attaches them", async () => {
    const fresh = await store.open();
    const { body: b } = await committeeWithMinutes(fresh);
    const m = await scheduleMeeting(fresh, { body: b, date: MINUTES_DATE, startTime: "10:00", venue: null }, clerk, AT);
    const queued = await importMinutes(fresh, await parsedInput(STAFFS_V1, { review: true }));
    assert.equal(queued.meetingSlug, m.slug);
    assert.ok(queued.queued, "held for review");
    const waiting = await getMeeting(fresh, m.slug);
    assert.deepEqual([waiting?.status, waiting?.hasMinutes], ["scheduled", false], "the public meeting is unchanged while the minutes wait");
    const u = await addUser(fresh, { email: "clerk@council.gov.uk", role: "clerk" }, AT);
    await publishImport(fresh, queued.queued!.reviewId, { userId: u.id, label: u.email }, AT);
    const held = await getMeeting(fresh, m.slug);
    assert.deepEqual([held?.status, held?.hasMinutes, held!.items.length > 0], ["held", true, true]);
    assert.equal(await meetingCount(fresh), 2, "the November copy and the one scheduled meeting, no third");
  });
});
