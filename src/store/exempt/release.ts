// Release dates of exempt items. From its date (in the council's zone) an exempt item, and what is
// sealed with it, is public: the visibility rule reads the date, so no copy of the item's text is
// made. Only the search index holds copies, and it is written only through publicSearchContent,
// so a released item's text reaches it when its meeting is indexed again on or after the date:
// at once when the date set is today or earlier, and otherwise by `indexReleased`, which
// `quorum serve` runs when it starts and every hour, and `quorum check` runs too.
import { sql } from "kysely";
import type { Db } from "../db.ts";
import { appendAudit } from "../audit.ts";
import { reindexMeeting } from "../search.ts";
import { bool } from "../read/util.ts";
import { publicMinutesOnly } from "../visibility.ts";
import type { Actor } from "./access.ts";

export interface ExemptItem {
  id: number;
  slug: string;
  number: string;
  title: string;
  exemptParagraphs: string | null;
  releaseOn: string | null;
  meeting: { id: number; slug: string; date: string; bodyName: string };
}

const COLUMNS = [
  "items.id",
  "items.slug",
  "items.number",
  "items.title",
  "items.exempt",
  "items.exempt_paragraphs",
  "items.exempt_release_on",
  "meetings.id as meeting_id",
  "meetings.slug as meeting_slug",
  "meetings.date",
  "bodies.name as body_name",
] as const;

type Row = { id: number; slug: string; number: string; title: string; exempt: number | boolean; exempt_paragraphs: string | null; exempt_release_on: string | null; meeting_id: number; meeting_slug: string; date: string; body_name: string };

function toItem(r: Row): ExemptItem {
  return {
    id: r.id,
    slug: r.slug,
    number: r.number,
    title: r.title,
    exemptParagraphs: r.exempt_paragraphs,
    releaseOn: r.exempt_release_on,
    meeting: { id: r.meeting_id, slug: r.meeting_slug, date: r.date, bodyName: r.body_name },
  };
}

function base(db: Db) {
  return db.selectFrom("items").innerJoin("meetings", "meetings.id", "items.meeting_id").innerJoin("bodies", "bodies.id", "meetings.body_id");
}

/** An exempt item by its meeting's and its own slug; undefined when there is none or it is not exempt. */
export async function findExemptItem(db: Db, meetingSlug: string, itemSlug: string): Promise<ExemptItem | undefined> {
  const r = await base(db).where("meetings.slug", "=", meetingSlug).where("items.slug", "=", itemSlug).select(COLUMNS).executeTakeFirst();
  return r && bool(r.exempt) ? toItem(r) : undefined;
}

/** Every exempt item, newest meeting first. */
export async function listExemptItems(db: Db): Promise<ExemptItem[]> {
  const rows = await base(db).where(sql<boolean>`items.exempt`).select(COLUMNS).orderBy("meetings.date", "desc").orderBy("items.position").execute();
  return rows.map(toItem);
}

/**
 * Sets (or clears, with null) an exempt item's release date, with an audit entry of the date before
 * and after, and indexes its meeting again so a date already come puts the text in search.
 * Run inside writeTransaction.
 */
export async function setExemptRelease(trx: Db, item: ExemptItem, releaseOn: string | null, actor: Actor, now: Date, today: string): Promise<{ changed: boolean }> {
  if (item.releaseOn === releaseOn) return { changed: false };
  await trx.updateTable("items").set({ exempt_release_on: releaseOn }).where("id", "=", item.id).execute();
  await appendAudit(
    trx,
    { actorUserId: actor.userId, actorLabel: actor.label, action: "item.release_date", recordKind: "item", recordId: `${item.meeting.slug}/${item.slug}`, before: { exemptReleaseOn: item.releaseOn }, after: { exemptReleaseOn: releaseOn } },
    now,
  );
  await reindexMeeting(trx, item.meeting.id, today);
  return { changed: true };
}

/**
 * Indexes again every meeting with an exempt item released by `today` whose text search does not
 * hold yet; answers how many meetings were indexed. Cheap when there is nothing to do.
 */
export async function indexReleased(db: Db, today: string): Promise<number> {
  const due = await db
    .selectFrom("items")
    .innerJoin("meetings", "meetings.id", "items.meeting_id")
    .where(publicMinutesOnly)
    .where(sql<boolean>`items.exempt`)
    // an item without text has nothing more to index once released
    .where((eb) => eb.or([eb("items.text_start", "is not", null), eb("items.text_uncut", "is not", null)]))
    .where("items.exempt_release_on", "is not", null)
    .where("items.exempt_release_on", "<=", today)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("search_entries")
            .where("search_entries.kind", "=", "item")
            .whereRef("search_entries.entity_id", "=", "items.id")
            // a cut (text NULL, migration 019) is text too
            .where(sql<boolean>`(search_entries.text IS NULL OR search_entries.text != '')`)
            .select("search_entries.id"),
        ),
      ),
    )
    .select("items.meeting_id")
    .distinct()
    .execute();
  for (const { meeting_id } of due) await reindexMeeting(db, meeting_id, today);
  return due.length;
}
