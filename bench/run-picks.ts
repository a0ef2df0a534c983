// The concrete pages to measure, chosen from the archive itself: the meeting in the middle of the
// public meetings by date, its committee, council and year, and the first person named at it.
import { openStore } from "../src/store/db.ts";
import { REFERENCE_PAGE } from "./lib/targets.ts";

export interface Picks {
  meeting: string;
  committee: string;
  council: string;
  year: number;
  person: { slug: string; name: string };
}

export async function pick(url: string): Promise<Picks> {
  const db = await openStore(url);
  try {
    const base = db.selectFrom("meetings").where("minutes_status", "!=", "draft");
    const { n } = await base.select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
    if (!Number(n)) throw new Error("the archive holds no public meetings");
    // the middle meeting that names at least one person, looking forward from the middle
    for (let offset = Math.floor(Number(n) / 2); offset < Number(n); offset += 1 + Math.floor(offset / 100)) {
      const m = await base
        .innerJoin("bodies", "bodies.id", "meetings.body_id")
        .innerJoin("authorities", "authorities.id", "bodies.authority_id")
        .select(["meetings.id", "meetings.slug", "meetings.date", "bodies.slug as body", "authorities.slug as council"])
        .orderBy("meetings.date")
        .orderBy("meetings.id")
        .limit(1)
        .offset(offset)
        .executeTakeFirstOrThrow();
      const p = await db
        .selectFrom("attendance")
        .innerJoin("people", "people.id", "attendance.person_id")
        .where("attendance.meeting_id", "=", m.id)
        .select(["people.slug", "people.display_name"])
        .orderBy("attendance.position")
        .limit(1)
        .executeTakeFirst();
      if (p) return { meeting: m.slug, committee: m.body, council: m.council, year: Number(m.date.slice(0, 4)), person: { slug: p.slug, name: p.display_name } };
    }
    throw new Error("no public meeting from the middle onwards names a person");
  } finally {
    await db.destroy();
  }
}

export interface PageTarget {
  page: string;
  path: string;
}

export const COMMON_WORD = "council";

export function pageTargets(p: Picks): PageTarget[] {
  return [
    { page: REFERENCE_PAGE, path: "/assets/quorum.css" },
    { page: "home", path: "/" },
    { page: "meeting", path: `/meetings/${p.meeting}` },
    { page: "committee", path: `/committees/${p.committee}` },
    { page: "person", path: `/people/${p.person.slug}` },
    { page: "decisions", path: "/decisions" },
    { page: "search", path: `/search?q=${COMMON_WORD}` },
    { page: "API meetings list", path: "/api/v1/meetings?limit=20" },
  ];
}
