// A person's record, a page at a time, newest first: the meetings the minutes name them at, the
// decisions they moved or seconded, how they voted, and their roles on committees. The person's
// page shows the first page of each and pages on by cursor (keyset.ts), so it costs the same for
// someone named at thousands of meetings as for a newcomer; the attendance figures are read from the
// person's summaries (person_summaries, person_names), never counted from their rows.
import { sql } from "kysely";
import { dialectOf, type Db } from "../db.ts";
import { publicMinutesOnly, publicResolutionsOnly, viewerOn, viewerShape, type Viewer } from "../visibility.ts";
import type { AttendanceRecordRow, MotionRecordRow, PersonDetail, VoteRecordRow } from "./types.ts";
import { DECISION_PLACE_COLUMNS, EXEMPT_COLUMNS, decisionPlace, markedExempt } from "./decisions.ts";
import { preparedKeysetPage, type KeyPart, type Slice } from "./keyset.ts";
import { num } from "./util.ts";

export interface RecordPaging {
  limit: number;
  cursor?: string;
}

/** Rows on a person's page before "older" links take over. */
export const PERSON_RECENT = 20;

/** A role with no end date is current: it sorts as the latest. */
export const OPEN = "9999-12-31";

/** Memberships, the most recently recorded first (memberships_person_recent / memberships_body_recent). */
export const ROLE_ORDER = (t: "memberships"): KeyPart[] => [
  // a literal, not a parameter, so that the expression is the index's
  { ref: sql`coalesce(${sql.ref(`${t}.to_date`)}, ${sql.lit(OPEN)})`, desc: true },
  { ref: sql`coalesce(${sql.ref(`${t}.from_date`)}, '')`, desc: true },
  { ref: sql`${sql.ref(`${t}.id`)}`, desc: true },
];

const rolesPage = preparedKeysetPage(
  (db: Db, p: { personId: number }) =>
    db
      .selectFrom("memberships")
      .innerJoin("bodies", "bodies.id", "memberships.body_id")
      .where("memberships.person_id", "=", p.personId)
      .select(["memberships.id", "bodies.slug", "bodies.name", "memberships.role", "memberships.kind", "memberships.from_date", "memberships.to_date"]),
  ROLE_ORDER("memberships"),
  (r) => [r.to_date ?? OPEN, r.from_date ?? "", r.id],
  ["s", "s", "n"],
  () => "",
  () => true,
);

// the same order read from the person's attendance rows, which carry their meeting's date and time
// (migration 039), so that a page walks attendance_person_recent and stops
const ATTENDANCE_ORDER: KeyPart[] = [
  { ref: sql`attendance.meeting_date`, desc: true },
  { ref: sql`attendance.meeting_start`, desc: true },
  { ref: sql`attendance.meeting_id`, desc: true },
  { ref: sql`attendance.id`, desc: true },
];

const attendancePage = preparedKeysetPage(
  (db: Db, p: { personId: number }) =>
    db
      .selectFrom("attendance")
      .innerJoin("meetings", "meetings.id", "attendance.meeting_id")
      .innerJoin("bodies", "bodies.id", "meetings.body_id")
      .where("attendance.person_id", "=", p.personId)
      .where(publicMinutesOnly)
      .select(["attendance.id", "attendance.meeting_id", "attendance.meeting_date", "attendance.meeting_start", "meetings.slug", "meetings.date", "meetings.start_time", "bodies.slug as body_slug", "bodies.name as body_name", "attendance.status", "attendance.raw_name", "attendance.role"]),
  ATTENDANCE_ORDER,
  (r) => [r.meeting_date, r.meeting_start, r.meeting_id, r.id],
  ["s", "s", "n", "n"],
  // planned for the person: for any person, on a small archive, PostgreSQL's plan hashed every
  // meeting (its estimate is the average person's rows), and at 10,000 meetings it never chose it
);

/** The public meetings the minutes name the person at, newest first. */
export async function personAttendance(db: Db, personId: number, paging: RecordPaging): Promise<Slice<AttendanceRecordRow>> {
  const page = await attendancePage(db, { personId }, undefined, paging);
  return {
    data: page.rows.map((r) => ({
      meeting: { slug: r.slug, date: r.date, startTime: r.start_time, body: { slug: r.body_slug, name: r.body_name } },
      status: r.status,
      rawName: r.raw_name,
      role: r.role,
      expected: r.status !== "in_attendance",
    })),
    next: page.next,
    previous: page.previous,
  };
}

/**
 * How often the minutes name the person at public meetings, by status, and the names they were
 * written as (their summaries, kept by store/summaries/people.ts).
 */
export async function attendanceTally(db: Db, personId: number): Promise<Omit<PersonDetail["attendance"], "meetings"> & { meetingCount: number; namesAsWritten: string[] }> {
  const [summary, names] = await Promise.all([
    db.selectFrom("person_summaries").where("person_id", "=", personId).select(["meeting_count", "present", "apologies", "absent", "in_attendance"]).executeTakeFirst(),
    db.selectFrom("person_names").where("person_id", "=", personId).where("row_count", ">", 0).select("raw_name").execute(),
  ]);
  const present = num(summary?.present ?? 0);
  const apologies = num(summary?.apologies ?? 0);
  const absent = num(summary?.absent ?? 0);
  return {
    expected: present + apologies + absent,
    present,
    apologies,
    absent,
    inAttendance: num(summary?.in_attendance ?? 0),
    meetingCount: num(summary?.meeting_count ?? 0),
    namesAsWritten: names.map((r) => r.raw_name).sort(),
  };
}

// A person's votes and motions are read whole first (a materialised CTE), then ordered and paged.
// Ordered by the CTE's columns, which no index holds, no plan can walk every meeting newest first
// looking for the person's rows: PostgreSQL chose that walk when its guess of the person's rows ran
// high, 60 times the work at 100,000 meetings (test/store/generic-plans.test.ts prices sorting out
// to find it). A page costs the person's rows, never the archive's. They are planned for the
// person too: their number is skewed (a chair moves hundreds of decisions, most members a few).
// Newest meeting first; within a meeting, in the order of the minutes.
const MINE_ORDER: KeyPart[] = [
  { ref: sql`mine.date`, desc: true },
  { ref: sql`mine.meeting_start`, desc: true },
  { ref: sql`mine.meeting_id`, desc: true },
  { ref: sql`mine.item_position`, desc: false },
  { ref: sql`mine.position`, desc: false },
  { ref: sql`mine.id`, desc: false },
];

/**
 * Whether the CTE is kept whole: on PostgreSQL. SQLite folds it into the query, reads the person's
 * rows by their indexes (query-plans.test.ts) and sorts them; kept whole, it would cost SQLite a
 * copy of each row, a third more time for a chair's motions.
 */
const keptWhole = (db: Db) => dialectOf(db) === "postgres";

/** What a decision's row carries beyond DECISION_PLACE_COLUMNS for its place in MINE_ORDER. */
const MINE_KEYS = [sql<string>`coalesce(meetings.start_time, '')`.as("meeting_start"), "meetings.id as meeting_id", "items.position as item_position", "resolutions.position"] as const;

const votesPage = preparedKeysetPage(
  (db: Db, p: { personId: number; today: string }, viewer: Viewer) =>
    db
      .with(
        (cte) => (keptWhole(db) ? cte("mine").materialized() : cte("mine")),
        (q) =>
          q
            .selectFrom("decision_votes")
            .innerJoin("resolutions", "resolutions.id", "decision_votes.resolution_id")
            .innerJoin("items", "items.id", "resolutions.item_id")
            .innerJoin("meetings", "meetings.id", "resolutions.meeting_id")
            .innerJoin("bodies", "bodies.id", "meetings.body_id")
            .where("decision_votes.person_id", "=", p.personId)
            .where(publicResolutionsOnly(viewerOn(viewer, p.today)))
            .select([
              ...EXEMPT_COLUMNS,
              ...MINE_KEYS,
              "decision_votes.id as vote_id",
              "decision_votes.vote",
              "decision_votes.raw_name",
              "resolutions.id",
              "resolutions.slug",
              "resolutions.text",
              ...DECISION_PLACE_COLUMNS,
            ]),
      )
      .selectFrom("mine")
      .selectAll(),
  [...MINE_ORDER, { ref: sql`mine.vote_id`, desc: false }],
  (r) => [r.date, r.meeting_start, r.meeting_id, r.item_position, r.position, r.id, r.vote_id],
  ["s", "s", "n", "n", "n", "n", "n"],
  viewerShape,
);

/** How the person voted where the minutes name them, newest first; an exempt item's or a draft meeting's votes never appear. */
export async function personVotes(db: Db, personId: number, viewer: Viewer, paging: RecordPaging): Promise<Slice<VoteRecordRow>> {
  const page = await votesPage(db, { personId, today: viewer.today ?? "" }, viewer, paging);
  return {
    data: page.rows.map((r) => ({
      vote: r.vote,
      nameAsWritten: r.raw_name,
      decision: { id: r.id, slug: r.slug, text: r.text },
      ...decisionPlace(r),
      ...markedExempt(r, viewer),
    })),
    next: page.next,
    previous: page.previous,
  };
}

const motionsPage = preparedKeysetPage(
  (db: Db, p: { personId: number; today: string }, viewer: Viewer) =>
    db
      .with(
        (cte) => (keptWhole(db) ? cte("mine").materialized() : cte("mine")),
        (q) =>
          q
            .selectFrom("resolutions")
            .innerJoin("items", "items.id", "resolutions.item_id")
            .innerJoin("meetings", "meetings.id", "resolutions.meeting_id")
            .innerJoin("bodies", "bodies.id", "meetings.body_id")
            .where((eb) => eb.or([eb("resolutions.moved_by_person_id", "=", p.personId), eb("resolutions.seconded_by_person_id", "=", p.personId)]))
            .where(publicResolutionsOnly(viewerOn(viewer, p.today)))
            .select([
              ...EXEMPT_COLUMNS,
              ...MINE_KEYS,
              "resolutions.id",
              "resolutions.slug",
              "resolutions.text",
              "resolutions.moved_by_person_id",
              "resolutions.moved_by_name",
              "resolutions.seconded_by_name",
              ...DECISION_PLACE_COLUMNS,
            ]),
      )
      .selectFrom("mine")
      .selectAll(),
  MINE_ORDER,
  (r) => [r.date, r.meeting_start, r.meeting_id, r.item_position, r.position, r.id],
  ["s", "s", "n", "n", "n", "n"],
  viewerShape,
);

/** Decisions the person moved or seconded, newest first; an exempt item's or a draft meeting's never appear. */
export async function personMotions(db: Db, personId: number, viewer: Viewer, paging: RecordPaging): Promise<Slice<MotionRecordRow>> {
  const page = await motionsPage(db, { personId, today: viewer.today ?? "" }, viewer, paging);
  return {
    data: page.rows.map((r) => {
      const moved = r.moved_by_person_id === personId;
      return {
        role: moved ? ("moved" as const) : ("seconded" as const),
        nameAsWritten: (moved ? r.moved_by_name : r.seconded_by_name) ?? "",
        decision: { id: r.id, slug: r.slug, text: r.text },
        ...decisionPlace(r),
        ...markedExempt(r, viewer),
      };
    }),
    next: page.next,
    previous: page.previous,
  };
}

/** The person's roles on committees, the most recently recorded first. */
export async function personRoles(db: Db, personId: number, paging: RecordPaging): Promise<Slice<PersonDetail["memberships"][number]>> {
  const page = await rolesPage(db, { personId }, undefined, paging);
  return {
    data: page.rows.map((m) => ({ body: { slug: m.slug, name: m.name }, role: m.role, kind: m.kind, from: m.from_date, to: m.to_date })),
    next: page.next,
    previous: page.previous,
  };
}


