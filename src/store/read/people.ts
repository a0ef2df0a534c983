// People: the register and a person's page.
import { sql } from "kysely";
import type { Db } from "../db.ts";
import { publicMeetingsOnly, publicPeopleOnly, PUBLIC_VIEWER, type Viewer } from "../visibility.ts";
import type { Page, PersonDetail, PersonSummary } from "./types.ts";
import { num, pageArgs } from "./util.ts";
import { personMotions, personVotes } from "./person-records.ts";

export interface ListPeopleOptions {
  authority?: string;
  body?: string;
  limit?: number;
  offset?: number;
}

export async function listPeople(db: Db, opts: ListPeopleOptions = {}): Promise<Page<PersonSummary>> {
  const { limit, offset } = pageArgs(opts, 100);
  const base = () => {
    let q = db.selectFrom("people").innerJoin("authorities", "authorities.id", "people.authority_id").where(publicPeopleOnly);
    if (opts.authority) q = q.where("authorities.slug", "=", opts.authority);
    if (opts.body) {
      const body = opts.body;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom("memberships")
            .innerJoin("bodies", "bodies.id", "memberships.body_id")
            .whereRef("memberships.person_id", "=", "people.id")
            .where("bodies.slug", "=", body)
            .select("memberships.id"),
        ),
      );
    }
    return q;
  };
  const total = await base().select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
  const rows = await base()
    .select((eb) => [
      "people.id",
      "people.slug",
      "people.display_name",
      "people.kind",
      "authorities.slug as authority_slug",
      "authorities.name as authority_name",
      eb
        .selectFrom("attendance")
        .innerJoin("meetings", "meetings.id", "attendance.meeting_id")
        .whereRef("attendance.person_id", "=", "people.id")
        .where(publicMeetingsOnly)
        .select(sql<number>`count(distinct attendance.meeting_id)`.as("n"))
        .as("meeting_count"),
    ])
    .orderBy("people.surname")
    .orderBy("people.display_name")
    .orderBy("people.id")
    .limit(limit)
    .offset(offset)
    .execute();
  return {
    data: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      name: r.display_name,
      kind: r.kind,
      authority: { slug: r.authority_slug, name: r.authority_name },
      meetingCount: num(r.meeting_count),
    })),
    total: num(total.n),
    limit,
    offset,
  };
}

export async function getPerson(db: Db, slug: string, viewer: Viewer = PUBLIC_VIEWER): Promise<PersonDetail | null> {
  const p = await db
    .selectFrom("people")
    .innerJoin("authorities", "authorities.id", "people.authority_id")
    .where("people.slug", "=", slug)
    .where(publicPeopleOnly)
    .select(["people.id", "people.slug", "people.display_name", "people.kind", "people.honorific", "people.party", "people.ward", "authorities.slug as authority_slug", "authorities.name as authority_name"])
    .executeTakeFirst();
  if (!p) return null;
  const memberships = await db
    .selectFrom("memberships")
    .innerJoin("bodies", "bodies.id", "memberships.body_id")
    .where("memberships.person_id", "=", p.id)
    .select(["bodies.slug", "bodies.name", "memberships.role", "memberships.kind", "memberships.from_date", "memberships.to_date"])
    .orderBy("memberships.from_date")
    .orderBy("bodies.name")
    .execute();
  const rows = await db
    .selectFrom("attendance")
    .innerJoin("meetings", "meetings.id", "attendance.meeting_id")
    .innerJoin("bodies", "bodies.id", "meetings.body_id")
    .where("attendance.person_id", "=", p.id)
    .where(publicMeetingsOnly)
    .select(["meetings.slug", "meetings.date", "meetings.start_time", "bodies.slug as body_slug", "bodies.name as body_name", "attendance.status", "attendance.raw_name", "attendance.role", "attendance.kind"])
    .orderBy("meetings.date", "desc")
    .orderBy("meetings.start_time", "desc")
    .execute();
  const count = (s: string) => rows.filter((r) => r.status === s).length;
  const meetings = rows.map((r) => ({
    meeting: { slug: r.slug, date: r.date, startTime: r.start_time, body: { slug: r.body_slug, name: r.body_name } },
    status: r.status,
    rawName: r.raw_name,
    role: r.role,
    expected: r.status !== "in_attendance",
  }));
  return {
    id: p.id,
    slug: p.slug,
    name: p.display_name,
    kind: p.kind,
    honorific: p.honorific,
    party: p.party,
    ward: p.ward,
    authority: { slug: p.authority_slug, name: p.authority_name },
    meetingCount: new Set(rows.map((r) => r.slug)).size,
    memberships: memberships.map((m) => ({ body: { slug: m.slug, name: m.name }, role: m.role, kind: m.kind, from: m.from_date, to: m.to_date })),
    attendance: {
      expected: meetings.filter((m) => m.expected).length,
      present: count("present"),
      apologies: count("apologies"),
      absent: count("absent"),
      inAttendance: count("in_attendance"),
      meetings,
    },
    namesAsWritten: [...new Set(rows.map((r) => r.raw_name))].sort(),
    motions: await personMotions(db, p.id, viewer),
    votes: await personVotes(db, p.id, viewer),
  };
}
