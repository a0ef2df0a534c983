// Committees: the register (a row each, with counts from its summary) and a committee's page.
import type { Db } from "../db.ts";
import { PUBLIC_VIEWER, type Viewer } from "../visibility.ts";
import type { BodyDetail, BodySummary, MeetingSummary } from "./types.ts";
import { num, yearOf } from "./util.ts";
import { meetingTime, selectMeetingSummaries } from "./meetings.ts";
import { listDecisions } from "./decisions.ts";

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

export async function getBody(db: Db, slug: string, viewer: Viewer = PUBLIC_VIEWER): Promise<BodyDetail | null> {
  const row = await bodySummaries(db).where("bodies.slug", "=", slug).executeTakeFirst();
  if (!row) return null;
  const members = await db
    .selectFrom("memberships")
    .innerJoin("people", "people.id", "memberships.person_id")
    .where("memberships.body_id", "=", row.id)
    .select(["people.slug", "people.display_name", "memberships.kind", "memberships.role", "memberships.from_date", "memberships.to_date"])
    .orderBy("memberships.to_date", "desc")
    .orderBy("people.surname")
    .orderBy("people.display_name")
    .execute();
  const meetings = await selectMeetingSummaries(
    db,
    (q) => q.where("meetings.body_id", "=", row.id).orderBy("meetings.date", "desc").orderBy(meetingTime, "desc").orderBy("meetings.id", "desc"),
    viewer,
  );
  const byYear = new Map<number, MeetingSummary[]>();
  for (const { summary: m } of meetings) {
    const y = yearOf(m.date);
    if (!byYear.has(y)) byYear.set(y, []);
    byYear.get(y)!.push(m);
  }
  const decisions = await listDecisions(db, { body: slug, limit: 20, count: false }, viewer);
  return {
    ...toBodySummary(row),
    members: members.map((m) => ({ person: { slug: m.slug, name: m.display_name }, kind: m.kind, role: m.role, from: m.from_date, to: m.to_date })),
    meetingsByYear: [...byYear.entries()].sort((a, b) => b[0] - a[0]).map(([year, ms]) => ({ year, meetings: ms })),
    decisions: decisions.data,
  };
}
