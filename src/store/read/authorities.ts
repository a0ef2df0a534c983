// The councils, with how many committees and public meetings each has (from the committees' summaries).
import type { Db } from "../db.ts";
import type { AuthoritySummary } from "./types.ts";
import { num } from "./util.ts";
import { planOnce } from "../pg-statements.ts";

export async function listAuthorities(db: Db): Promise<AuthoritySummary[]> {
  // no values: PostgreSQL plans it once (pg-statements.ts)
  const rows = await planOnce(db)
    .selectFrom("authorities")
    .select((eb) => [
      "authorities.id",
      "authorities.slug",
      "authorities.name",
      "authorities.time_zone",
      eb.selectFrom("bodies").whereRef("bodies.authority_id", "=", "authorities.id").select(eb.fn.countAll().as("n")).as("body_count"),
      eb
        .selectFrom("body_summaries")
        .innerJoin("bodies", "bodies.id", "body_summaries.body_id")
        .whereRef("bodies.authority_id", "=", "authorities.id")
        .select((s) => s.fn.sum<number>("body_summaries.meeting_count").as("n"))
        .as("meeting_count"),
    ])
    .orderBy("authorities.name")
    .execute();
  return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, timeZone: r.time_zone, bodyCount: num(r.body_count), meetingCount: num(r.meeting_count) }));
}

/** The councils by name, without their counts: what a filter's list of councils needs. */
export async function listAuthorityNames(db: Db): Promise<{ slug: string; name: string }[]> {
  return planOnce(db).selectFrom("authorities").select(["slug", "name"]).orderBy("name").execute();
}
