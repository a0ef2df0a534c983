// Lists of meetings (the calendar, the home page, a committee's meetings, the API list), newest
// first by date, time and id, walked along meetings_date_order (or meetings_body_order for one
// committee) from a cursor; totals come from the committees' summaries.
import { sql, type ExpressionBuilder } from "kysely";
import type { Db } from "../db.ts";
import type { Database } from "../schema.ts";
import { areMinutesPublic, listedMeetingsOnly, publicResolutionsOnly, viewerOn, PUBLIC_VIEWER, type Viewer } from "../visibility.ts";
import { preparedRead, shapeOf } from "../prepared.ts";
import { standingColumns, standingOf } from "../lifecycle/standing.ts";
import type { MeetingSummary, Page } from "./types.ts";
import { num, pageArgs } from "./util.ts";
import { cappedCount, meetingTotal } from "./counts.ts";
import { checkOffset, decodeCursor, encodeCursor, pageSize } from "./keyset.ts";
import { plannedMeetingCount } from "../schedule/counts.ts";

export interface ListMeetingsOptions {
  authority?: string;
  body?: string;
  /** inclusive ISO dates */
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
  /** a page's next or previous cursor */
  cursor?: string;
  /** soonest first (upcoming meetings) instead of newest first */
  oldestFirst?: boolean;
  /** false: no total is read (a list that shows none) */
  count?: boolean;
  /** only meetings that take or took place: no cancelled ones */
  takingPlace?: boolean;
}

export function meetingSummaries(db: Db) {
  return db
    .selectFrom("meetings")
    .innerJoin("bodies", "bodies.id", "meetings.body_id")
    .innerJoin("authorities", "authorities.id", "bodies.authority_id")
    .where(listedMeetingsOnly);
}

const MEETING_COLUMNS = [
  "meetings.id",
  "meetings.slug",
  "meetings.date",
  "meetings.start_time",
  "meetings.end_time",
  "meetings.venue",
  "meetings.status",
  "meetings.minutes_status",
  "meetings.minutes_draft",
  "meetings.source_document_id",
  "meetings.announced_at",
  "meetings.next_meeting_date",
  "meetings.next_meeting_time",
  "meetings.next_meeting_venue",
  "meetings.body_id",
  "bodies.slug as body_slug",
  "bodies.name as body_name",
  "authorities.slug as authority_slug",
  "authorities.name as authority_name",
  "authorities.time_zone",
] as const;

/** The listed meetings `build` picks, with the columns and counts a summary shows. */
export function meetingSummaryQuery(db: Db, build: (q: ReturnType<typeof meetingSummaries>) => ReturnType<typeof meetingSummaries>, viewer: Viewer = PUBLIC_VIEWER) {
  return build(meetingSummaries(db))
    .select(MEETING_COLUMNS)
    .select((eb) => [
      eb.selectFrom("items").whereRef("items.meeting_id", "=", "meetings.id").select(eb.fn.countAll().as("n")).as("item_count"),
      eb
        .selectFrom("resolutions")
        .innerJoin("items", "items.id", "resolutions.item_id")
        .whereRef("resolutions.meeting_id", "=", "meetings.id")
        .where(publicResolutionsOnly(viewer))
        .select(eb.fn.countAll().as("n"))
        .as("decision_count"),
      ...standingColumns(),
    ]);
}

export type MeetingSummaryRow = Awaited<ReturnType<ReturnType<typeof meetingSummaryQuery>["execute"]>>[number];

export async function selectMeetingSummaries(db: Db, build: (q: ReturnType<typeof meetingSummaries>) => ReturnType<typeof meetingSummaries>, viewer: Viewer = PUBLIC_VIEWER) {
  return summariesOf(await meetingSummaryQuery(db, build, viewer).execute());
}

export function summariesOf(rows: MeetingSummaryRow[]) {
  return rows.map((r) => ({
    row: r,
    // a listed meeting whose minutes are a draft shows none of them: no minutes, items or decisions
    summary: {
      id: r.id,
      slug: r.slug,
      body: { slug: r.body_slug, name: r.body_name },
      authority: { slug: r.authority_slug, name: r.authority_name, timeZone: r.time_zone },
      date: r.date,
      startTime: r.start_time,
      endTime: r.end_time,
      venue: r.venue,
      status: r.status,
      ...standingOf(r),
      hasMinutes: r.source_document_id !== null && areMinutesPublic({ minutesStatus: r.minutes_status }),
      itemCount: areMinutesPublic({ minutesStatus: r.minutes_status }) ? num(r.item_count) : 0,
      decisionCount: num(r.decision_count),
    } satisfies MeetingSummary,
  }));
}

/** The meetings' order, newest first; a missing time sorts as the empty string on both databases. */
export const meetingTime = sql<string>`coalesce(meetings.start_time, '')`;

type MeetingKey = [string, string, number];

/** Rows after (in `desc` order) the key: on its date only those earlier in the day, so the index range starts at that date. */
export function beyond(eb: ExpressionBuilder<Database, "meetings">, key: MeetingKey, desc: boolean) {
  const [d, t, id] = key;
  const cmp = desc ? "<" : ">";
  return eb.and([
    eb("meetings.date", desc ? "<=" : ">=", d),
    eb.or([eb("meetings.date", cmp, d), eb(meetingTime, cmp, t), eb.and([eb(meetingTime, "=", t), eb("meetings.id", cmp, id)])]),
  ]);
}

function listFilter(q: ReturnType<typeof meetingSummaries>, f: Pick<ListMeetingsOptions, "authority" | "body" | "from" | "to" | "takingPlace">) {
  if (f.authority) q = q.where("authorities.slug", "=", f.authority);
  // by id, so that one committee's rows are read along meetings_body_order
  if (f.body) q = q.where("meetings.body_id", "=", (eb) => eb.selectFrom("bodies").where("bodies.slug", "=", f.body!).select("bodies.id"));
  if (f.from) q = q.where("meetings.date", ">=", f.from);
  if (f.to) q = q.where("meetings.date", "<=", f.to);
  if (f.takingPlace) q = q.where("meetings.status", "!=", sql.lit("cancelled"));
  return q;
}

// A page of listed meetings, kept as SQL once for each combination of filters, direction and viewer (prepared.ts).
const meetingList = preparedRead(
  (db: Db, p: { authority: string; body: string; from: string; to: string; date: string; time: string; id: number; offset: number; today: string }, s: { opts: ListMeetingsOptions; desc: boolean; cursor: boolean; viewer: Viewer; take: number; skip: boolean }) =>
    meetingSummaryQuery(
      db,
      (q) => {
        const present = (k: "authority" | "body" | "from" | "to") => (s.opts[k] ? p[k] : undefined);
        q = listFilter(q, { authority: present("authority"), body: present("body"), from: present("from"), to: present("to"), takingPlace: s.opts.takingPlace });
        if (s.cursor) q = q.where((eb) => beyond(eb, [p.date, p.time, p.id], s.desc));
        const dir = s.desc ? "desc" : "asc";
        q = q.orderBy("meetings.date", dir).orderBy(meetingTime, dir).orderBy("meetings.id", dir).limit(sql.lit(s.take));
        return s.skip ? q.offset(p.offset) : q;
      },
      viewerOn(s.viewer, p.today),
    ),
  ({ opts, desc, cursor, viewer, take, skip }) => shapeOf([opts.authority, opts.body, opts.from, opts.to, opts.takingPlace, desc, cursor, skip], viewer, take),
  () => true,
);

export async function listMeetings(db: Db, opts: ListMeetingsOptions = {}, viewer: Viewer = PUBLIC_VIEWER): Promise<Page<MeetingSummary>> {
  const { limit, offset } = pageArgs(opts);
  const cursor = opts.cursor ? decodeCursor(opts.cursor, ["s", "s", "n"]) : null;
  if (!cursor) checkOffset(offset);
  // "before" a cursor walks the other way and turns the page round
  const newestFirst = !opts.oldestFirst;
  const desc = cursor?.dir === "before" ? !newestFirst : newestFirst;
  const [date, time, id] = (cursor?.key ?? ["", "", 0]) as MeetingKey;
  const rows = summariesOf(
    await meetingList(
      db,
      { authority: opts.authority ?? "", body: opts.body ?? "", from: opts.from ?? "", to: opts.to ?? "", date, time, id, offset, today: viewer.today ?? "" },
      { opts, desc, cursor: !!cursor, viewer, take: pageSize(limit) + 1, skip: !cursor && offset > 0 },
    ),
  );
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  if (cursor?.dir === "before") page.reverse();
  const keyOf = (r: (typeof page)[number]["row"]) => [r.date, r.start_time ?? "", r.id];
  const first = page[0]?.row;
  const last = page.at(-1)?.row;
  // a page reached by a cursor always has a way back; the first page by offset has none
  const hasBefore = cursor ? cursor.dir === "after" || more : offset > 0;
  const hasAfter = cursor?.dir === "before" ? true : more;
  const scoped = !opts.from && !opts.to;
  const total = opts.count === false ? { n: 0, capped: false } : scoped ? { n: (await meetingTotal(db, opts)) + (await plannedMeetingCount(db, opts)), capped: false } : await cappedCount(db, listFilter(meetingSummaries(db), opts).select("meetings.id"));
  return {
    data: page.map((r) => r.summary),
    total: total.n,
    ...(total.capped ? { totalCapped: true } : {}),
    limit,
    offset: cursor ? 0 : offset,
    next: hasAfter && last ? encodeCursor("after", keyOf(last)) : null,
    previous: hasBefore && first ? encodeCursor("before", keyOf(first)) : null,
  };
}
