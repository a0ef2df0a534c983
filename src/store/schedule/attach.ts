// Minutes imported for a meeting that was scheduled here belong to that meeting, not to a second
// one: the import finds its meeting through `meetingSlugFor`. A scheduled meeting's slug was made
// from its first planned date and time, and stays when it is moved, so the slug alone is not
// enough: minutes find a scheduled meeting without minutes by committee and date, preferring the
// one at the same start time.
import type { Transaction } from "kysely";
import type { Database } from "../schema.ts";

/** The slug of the meeting that minutes of this committee, date and time belong to. */
export async function meetingSlugFor(trx: Transaction<Database>, bodyId: number, naturalSlug: string, date: string, startTime: string | null): Promise<string> {
  const bySlug = await trx.selectFrom("meetings").where("slug", "=", naturalSlug).select(["date", "source_document_id"]).executeTakeFirst();
  // a meeting with minutes keeps its slug whatever its date was corrected to; one moved before it was held does not
  if (bySlug && (bySlug.source_document_id !== null || bySlug.date === date)) return naturalSlug;
  const planned = await trx
    .selectFrom("meetings")
    .where("body_id", "=", bodyId)
    .where("date", "=", date)
    .where("status", "=", "scheduled")
    .where("source_document_id", "is", null)
    .select(["slug", "start_time"])
    .orderBy("id")
    .execute();
  const sameTime = planned.find((m) => m.start_time === startTime);
  if (sameTime) return sameTime.slug;
  // a meeting without a stated time (or minutes without one) is the committee's one meeting that day
  if (planned.length === 1 && (startTime === null || planned[0].start_time === null)) return planned[0].slug;
  return bySlug ? freeAfter(trx, naturalSlug) : naturalSlug;
}

/** The natural slug is held by a meeting moved to another date: these minutes' own meeting takes the next free one. */
async function freeAfter(trx: Transaction<Database>, base: string): Promise<string> {
  for (let n = 2; ; n++) {
    const slug = `${base}-${n}`;
    const m = await trx.selectFrom("meetings").where("slug", "=", slug).select("id").executeTakeFirst();
    if (!m) return slug;
  }
}
