// Listed meetings the committees' summaries do not count. The summaries count the record (meetings
// with public minutes); a list of every meeting adds the meetings scheduled here whose minutes have
// not come in, read along the meetings_planned index (migration 021), which holds only them, and
// the announced meetings whose minutes are a draft (listed, but their minutes are not public), read
// along meetings_draft_minutes (migration 025).
import type { Db } from "../db.ts";
import { planOnce } from "../pg-statements.ts";
import { draftMinutesOnly, listedMeetingsOnly } from "../visibility.ts";
import { num } from "../read/util.ts";

export async function plannedMeetingCount(db: Db, scope: { authority?: string; body?: string }): Promise<number> {
  const scoped = (q: ReturnType<typeof meetings>) => {
    if (scope.body) q = q.where("meetings.body_id", "=", (eb) => eb.selectFrom("bodies").where("bodies.slug", "=", scope.body!).select("bodies.id"));
    if (scope.authority) q = q.where("meetings.body_id", "in", (eb) => eb.selectFrom("bodies").innerJoin("authorities", "authorities.id", "bodies.authority_id").where("authorities.slug", "=", scope.authority!).select("bodies.id"));
    return q;
  };
  // read along partial indexes of the few meetings they count: one plan suits any scope (pg-statements.ts)
  const meetings = () => planOnce(db).selectFrom("meetings");
  const [planned, drafts] = await Promise.all([
    scoped(meetings().where("meetings.source_document_id", "is", null).where(listedMeetingsOnly)).select((eb) => eb.fn.countAll().as("n")).executeTakeFirst(),
    scoped(meetings().where("meetings.source_document_id", "is not", null).where(draftMinutesOnly()).where(listedMeetingsOnly)).select((eb) => eb.fn.countAll().as("n")).executeTakeFirst(),
  ]);
  return num(planned?.n) + num(drafts?.n);
}
