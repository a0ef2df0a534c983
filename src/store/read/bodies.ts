// Committees: the register (a row each, with counts from its summary) and a committee's page.
import type { Db } from "../db.ts";
import { PUBLIC_VIEWER, type Viewer } from "../visibility.ts";
import { preparedRead } from "../prepared.ts";
import { sql, type SqlBool } from "kysely";
import type { BodyDetail, BodySummary, MeetingSummary, MemberView } from "./types.ts";
import { num, yearOf } from "./util.ts";
import { listMeetings } from "./meetings.ts";
import { listDecisions } from "./decisions.ts";
import { preparedKeysetPage, type Slice } from "./keyset.ts";
import { OPEN, ROLE_ORDER } from "./person-records.ts";

function bodySummaries(db: Db) {
  return db
    .selectFrom("bodies")
    .innerJoin("authorities", "authorities.id", "bodies.authority_id")
    .leftJoin("body_summaries", "body_summaries.body_id", "bodies.id")
    .select([
      "bodies.id",
      "bodies.slug",
      "bodies.name",
      "bodies.kind",
      "authorities.slug as authority_slug",
      "authorities.name as authority_name",
      "body_summaries.meeting_count",
      "body_summaries.first_meeting",
      "body_summaries.last_meeting",
    ]);
}

type BodyRow = Awaited<ReturnType<ReturnType<typeof bodySummaries>["execute"]>>[number];

function toBodySummary(r: BodyRow): BodySummary {
  return {
    id: r.id,
    slug: r.slug,
    name: r.name,
    kind: r.kind,
    authority: { slug: r.authority_slug, name: r.authority_name },
    meetingCount: num(r.meeting_count),
    firstMeeting: (r.first_meeting as string | null) ?? null,
    lastMeeting: (r.last_meeting as string | null) ?? null,
  };
}

export async function listBodies(db: Db, opts: { authority?: string } = {}): Promise<BodySummary[]> {
  let q = bodySummaries(db);
  if (opts.authority) q = q.where("authorities.slug", "=", opts.authority);
  const rows = await q.orderBy("authorities.name").orderBy("bodies.name").execute();
  return rows.map(toBodySummary);
}

/** Meetings on a committee's page before the "older meetings" link takes over. */
export const BODY_RECENT_MEETINGS = 20;
/** Former members and officers shown under those at the latest meeting. */
export const BODY_RECENT_FORMER = 20;
/** Roles at the latest meeting: a committee's size, bounded in case minutes ever listed a crowd. */
const CURRENT_CAP = 200;

// The committee page's own reads, kept as SQL once per database (prepared.ts).
const bodyBySlug = preparedRead(
  (db: Db, p: { slug: string }) => bodySummaries(db).where("bodies.slug", "=", p.slug),
  () => "",
  () => true,
);

// those recorded at the latest meeting (`last`; with none, everyone), along memberships_body_recent
const currentRoles = preparedRead(
  (db: Db, p: { bodyId: number; last: string }, since: boolean) => {
    const q = bodyRoles(db, p.bodyId);
    return (since ? q.where(sql<SqlBool>`coalesce(memberships.to_date, ${sql.lit(OPEN)}) >= ${p.last}`) : q)
      .orderBy(sql`coalesce(memberships.to_date, ${sql.lit(OPEN)})`, "desc")
      .orderBy(sql`coalesce(memberships.from_date, '')`, "desc")
      .orderBy("memberships.id", "desc")
      .limit(sql.lit(CURRENT_CAP));
  },
  (since) => (since ? "since" : "all"),
  // those recorded since a date: planned for its date, as the members before one are (below)
  (since) => !since,
);

export async function getBody(db: Db, slug: string, viewer: Viewer = PUBLIC_VIEWER): Promise<BodyDetail | null> {
  const [row] = await bodyBySlug(db, { slug }, null);
  if (!row) return null;
  const last = (row.last_meeting as string | null) ?? null;
  // those recorded at the latest meeting, then a page of those recorded before it
  const [current, former, meetings, decisions] = await Promise.all([
    currentRoles(db, { bodyId: row.id, last: last ?? "" }, !!last),
    last ? bodyMembers(db, row.id, { limit: BODY_RECENT_FORMER, before: last }) : Promise.resolve({ data: [], next: null, previous: null }),
    listMeetings(db, { body: slug, limit: BODY_RECENT_MEETINGS, count: false }, viewer),
    listDecisions(db, { body: slug, limit: 20, count: false }, viewer),
  ]);
  // those at the latest meeting by name, as a committee lists its members
  current.sort((a, b) => a.surname.localeCompare(b.surname) || a.display_name.localeCompare(b.display_name));
  const byYear = new Map<number, MeetingSummary[]>();
  for (const m of meetings.data) {
    const y = yearOf(m.date);
    if (!byYear.has(y)) byYear.set(y, []);
    byYear.get(y)!.push(m);
  }
  return {
    ...toBodySummary(row),
    members: [...current.map(memberView), ...former.data],
    meetingsByYear: [...byYear.entries()].sort((a, b) => b[0] - a[0]).map(([year, ms]) => ({ year, meetings: ms })),
    decisions: decisions.data,
    older: { meetings: meetings.next ?? null, members: former.next },
  };
}

function bodyRoles(db: Db, bodyId: number) {
  return db
    .selectFrom("memberships")
    .innerJoin("people", "people.id", "memberships.person_id")
    .where("memberships.body_id", "=", bodyId)
    .select(["memberships.id", "people.slug", "people.display_name", "people.surname", "memberships.kind", "memberships.role", "memberships.from_date", "memberships.to_date"]);
}

function memberView(m: { slug: string; display_name: string; kind: string; role: string | null; from_date: string | null; to_date: string | null }): MemberView {
  return { person: { slug: m.slug, name: m.display_name }, kind: m.kind, role: m.role, from: m.from_date, to: m.to_date };
}

const membersPage = preparedKeysetPage(
  (db: Db, p: { bodyId: number; before: string }, before: boolean) => {
    const q = bodyRoles(db, p.bodyId);
    return before ? q.where(sql<SqlBool>`coalesce(memberships.to_date, ${sql.lit(OPEN)}) < ${p.before}`) : q;
  },
  ROLE_ORDER("memberships"),
  (r) => [r.to_date ?? OPEN, r.from_date ?? "", r.id],
  ["s", "s", "n"],
  (before) => (before ? "before" : "all"),
  // those recorded before a date: planned for its date (for any date the plan read every role of the committee)
  (before) => !before,
);

/**
 * A committee's members and officers, the most recently recorded first, a page at a time; `before`
 * (a date) leaves out those recorded on or after it.
 */
export async function bodyMembers(db: Db, bodyId: number, paging: { limit: number; cursor?: string; before?: string }): Promise<Slice<MemberView>> {
  const page = await membersPage(db, { bodyId, before: paging.before ?? "" }, !!paging.before, paging);
  return { data: page.rows.map(memberView), next: page.next, previous: page.previous };
}

/** The public committee with this slug, without its lists (for the pages that page through them). */
export async function getBodySummary(db: Db, slug: string): Promise<BodySummary | null> {
  const row = await bodySummaries(db).where("bodies.slug", "=", slug).executeTakeFirst();
  return row ? toBodySummary(row) : null;
}
