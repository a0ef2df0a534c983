// People: the register and a person's page.
import type { Db } from "../db.ts";
import { preparedRead } from "../prepared.ts";
import { publicPeopleOnly, PUBLIC_VIEWER, type Viewer } from "../visibility.ts";
import type { Page, PersonDetail, PersonSummary } from "./types.ts";
import { num, pageArgs } from "./util.ts";
import { attendanceTally, personAttendance, personMotions, personRoles, personVotes, PERSON_RECENT } from "./person-records.ts";
import { cappedCount } from "./counts.ts";
import { checkOffset, decodeCursor, encodeCursor } from "./keyset.ts";

export interface ListPeopleOptions {
  authority?: string;
  body?: string;
  limit?: number;
  offset?: number;
  /** a page's next or previous cursor */
  cursor?: string;
}

export async function listPeople(db: Db, opts: ListPeopleOptions = {}): Promise<Page<PersonSummary>> {
  const { limit, offset } = pageArgs(opts, 100);
  const cursor = opts.cursor ? decodeCursor(opts.cursor, ["s", "s", "n"]) : null;
  if (!cursor) checkOffset(offset);
  const back = cursor?.dir === "before";
  const dir = back ? "desc" : "asc";
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
  // who is public depends on every meeting a person attended, so no summary holds the total: it is counted up to COUNT_CAP
  const total = await cappedCount(db, base().select("people.id"));
  let page = base();
  if (cursor) {
    const [s, d, id] = cursor.key as [string, string, number];
    const cmp = back ? "<" : ">";
    page = page.where((eb) =>
      eb.and([
        eb("people.surname", back ? "<=" : ">=", s),
        eb.or([eb("people.surname", cmp, s), eb("people.display_name", cmp, d), eb.and([eb("people.display_name", "=", d), eb("people.id", cmp, id)])]),
      ]),
    );
  }
  let rows = await page
    .select((eb) => [
      "people.id",
      "people.slug",
      "people.display_name",
      "people.surname",
      "people.kind",
      "authorities.slug as authority_slug",
      "authorities.name as authority_name",
      // the person's summary (store/summaries/people.ts), not a count of their attendance
      eb.selectFrom("person_summaries").whereRef("person_summaries.person_id", "=", "people.id").select("person_summaries.meeting_count").as("meeting_count"),
    ])
    .orderBy("people.surname", dir)
    .orderBy("people.display_name", dir)
    .orderBy("people.id", dir)
    .limit(limit + 1)
    .$call((q) => (cursor ? q : q.offset(offset)))
    .execute();
  const more = rows.length > limit;
  rows = rows.slice(0, limit);
  if (back) rows.reverse();
  const keyOf = (r: (typeof rows)[number]) => [r.surname, r.display_name, r.id];
  const hasBefore = cursor ? cursor.dir === "after" || more : offset > 0;
  const hasAfter = back ? true : more;
  const first = rows[0];
  const last = rows.at(-1);
  return {
    data: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      name: r.display_name,
      kind: r.kind,
      authority: { slug: r.authority_slug, name: r.authority_name },
      meetingCount: num(r.meeting_count),
    })),
    total: total.n,
    ...(total.capped ? { totalCapped: true } : {}),
    limit,
    offset: cursor ? 0 : offset,
    next: hasAfter && last ? encodeCursor("after", keyOf(last)) : null,
    previous: hasBefore && first ? encodeCursor("before", keyOf(first)) : null,
  };
}

// kept as SQL once per database (prepared.ts)
const personBySlug = preparedRead((db: Db, p: { slug: string }) =>
  db
    .selectFrom("people")
    .innerJoin("authorities", "authorities.id", "people.authority_id")
    .where("people.slug", "=", p.slug)
    .where(publicPeopleOnly)
    .select(["people.id", "people.slug", "people.display_name", "people.kind", "people.honorific", "people.party", "people.ward", "authorities.slug as authority_slug", "authorities.name as authority_name"]),
  () => "",
  () => true,
);

export async function getPerson(db: Db, slug: string, viewer: Viewer = PUBLIC_VIEWER): Promise<PersonDetail | null> {
  const [p] = await personBySlug(db, { slug }, null);
  if (!p) return null;
  const recent = { limit: PERSON_RECENT };
  const [tally, meetings, motions, votes, roles] = await Promise.all([
    attendanceTally(db, p.id),
    personAttendance(db, p.id, recent),
    personMotions(db, p.id, viewer, recent),
    personVotes(db, p.id, viewer, recent),
    personRoles(db, p.id, recent),
  ]);
  const { meetingCount, namesAsWritten, ...counts } = tally;
  return {
    id: p.id,
    slug: p.slug,
    name: p.display_name,
    kind: p.kind,
    honorific: p.honorific,
    party: p.party,
    ward: p.ward,
    authority: { slug: p.authority_slug, name: p.authority_name },
    meetingCount,
    memberships: roles.data,
    attendance: { ...counts, meetings: meetings.data },
    namesAsWritten,
    motions: motions.data,
    votes: votes.data,
    older: { meetings: meetings.next, motions: motions.next, votes: votes.next, roles: roles.next },
  };
}

/** The public person with this slug's id, or null. */
export async function publicPersonId(db: Db, slug: string): Promise<{ id: number; name: string } | null> {
  const p = await db.selectFrom("people").where("people.slug", "=", slug).where(publicPeopleOnly).select(["people.id", "people.display_name"]).executeTakeFirst();
  return p ? { id: p.id, name: p.display_name } : null;
}
