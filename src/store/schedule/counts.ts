// Meetings scheduled here whose minutes have not come in. The committees' summaries count the
// record (meetings with minutes); a list of every meeting adds these, read along the
// meetings_planned index (migration 021), which holds only them.
import type { Db } from "../db.ts";
import { publicMeetingsOnly } from "../visibility.ts";
import { num } from "../read/util.ts";

export async function plannedMeetingCount(db: Db, scope: { authority?: string; body?: string }): Promise<number> {
  let q = db.selectFrom("meetings").where("meetings.source_document_id", "is", null).where(publicMeetingsOnly);
  if (scope.body) q = q.where("meetings.body_id", "=", (eb) => eb.selectFrom("bodies").where("bodies.slug", "=", scope.body!).select("bodies.id"));
  if (scope.authority) q = q.where("meetings.body_id", "in", (eb) => eb.selectFrom("bodies").innerJoin("authorities", "authorities.id", "bodies.authority_id").where("authorities.slug", "=", scope.authority!).select("bodies.id"));
  const r = await q.select((eb) => eb.fn.countAll().as("n")).executeTakeFirst();
  return num(r?.n);
}
