// Approval links to offer a clerk: a later meeting's item on the minutes ("Adoption of Minutes",
// "Minutes of the previous meeting") whose decision agreed them as a correct record, matched to the
// earlier meeting it names by date, or else to the same committee's previous meeting. Offered, never
// applied: the clerk confirms each one on the meeting's minutes page.
import { sql } from "kysely";
import type { Db } from "../db.ts";
import { datesNamed, isMinutesItemTitle, saysMinutesAgreed } from "../rules/minutes-approval.ts";
import { itemTextsOf } from "../item-body.ts";

export interface ApprovalSuggestion {
  /** the meeting whose minutes were agreed */
  meeting: { id: number; slug: string; date: string; bodyName: string; minutesStatus: string };
  /** the later meeting that agreed them, and its item */
  approvedAt: { slug: string; date: string; bodyName: string };
  item: { number: string; title: string };
  /** how the earlier meeting was found: a date written in the item, or the committee's previous meeting */
  basis: "date" | "previous";
}

interface Options {
  /** only suggestions for this (earlier) meeting */
  meetingId?: number;
  /** only for minutes not yet approved and public (the dashboard's list) */
  awaitingOnly?: boolean;
  limit?: number;
}

export async function approvalSuggestions(db: Db, opts: Options = {}): Promise<ApprovalSuggestion[]> {
  let earlier: { id: number; date: string; authority_id: number; body_id: number } | undefined;
  if (opts.meetingId !== undefined) {
    earlier = await db
      .selectFrom("meetings")
      .innerJoin("bodies", "bodies.id", "meetings.body_id")
      .where("meetings.id", "=", opts.meetingId)
      .select(["meetings.id", "meetings.date", "meetings.body_id", "bodies.authority_id"])
      .executeTakeFirst();
    if (!earlier) return [];
  }
  let q = db
    .selectFrom("items")
    .innerJoin("meetings", "meetings.id", "items.meeting_id")
    .innerJoin("bodies", "bodies.id", "meetings.body_id")
    .where(sql<boolean>`lower(items.title) LIKE '%minutes%'`)
    .select(["items.id", "items.number", "items.title", "items.text_start", "items.text_end", "items.text_uncut", "meetings.id as meeting_id", "meetings.slug", "meetings.date", "meetings.body_id", "bodies.name as body_name", "bodies.authority_id"]);
  if (earlier) q = q.where("meetings.date", ">", earlier.date).where("bodies.authority_id", "=", earlier.authority_id);
  const items = await itemTextsOf(db, (await q.orderBy("meetings.date", "desc").orderBy("items.position").execute()).filter((i) => isMinutesItemTitle(i.title)));
  if (!items.length) return [];
  const resolutions = await db.selectFrom("resolutions").where("item_id", "in", items.map((i) => i.id)).select(["item_id", "text"]).execute();

  const out: ApprovalSuggestion[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const texts = resolutions.filter((r) => r.item_id === item.id).map((r) => r.text);
    const agreed = texts.length ? texts.some(saysMinutesAgreed) : saysMinutesAgreed(item.text ?? "");
    if (!agreed) continue;
    const dates = datesNamed(`${item.title}\n${item.text ?? texts.join("\n")}`).filter((d) => d < item.date);
    // for one meeting, an item that cannot point at it needs no look-up
    if (earlier && (dates.length ? !dates.includes(earlier.date) : item.body_id !== earlier.body_id)) continue;
    const targets = dates.length ? await meetingsOn(db, item.authority_id, item.body_id, dates) : await previousMeeting(db, item.body_id, item.date);
    for (const t of targets) {
      if (earlier && t.id !== earlier.id) continue;
      if (opts.awaitingOnly && t.minutes_status !== "published") continue;
      const key = `${t.id}/${item.slug}/${item.number}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        meeting: { id: t.id, slug: t.slug, date: t.date, bodyName: t.body_name, minutesStatus: t.minutes_status },
        approvedAt: { slug: item.slug, date: item.date, bodyName: item.body_name },
        item: { number: item.number, title: item.title },
        basis: dates.length ? "date" : "previous",
      });
    }
    if (opts.limit && out.length >= opts.limit) break;
  }
  return out;
}

/** Meetings with minutes to approve: one scheduled here whose minutes have not come in has none. */
function meetingColumns(db: Db) {
  return db
    .selectFrom("meetings")
    .innerJoin("bodies", "bodies.id", "meetings.body_id")
    .where("meetings.source_document_id", "is not", null)
    .select(["meetings.id", "meetings.slug", "meetings.date", "meetings.minutes_status", "meetings.body_id", "bodies.name as body_name"]);
}

/** The meetings held on the dates named: the same committee's when it met that day, else the council's only meeting that day. */
async function meetingsOn(db: Db, authorityId: number, bodyId: number, dates: string[]) {
  const rows = await meetingColumns(db).where("meetings.date", "in", dates).where("bodies.authority_id", "=", authorityId).execute();
  return dates.flatMap((d) => {
    const that = rows.filter((r) => r.date === d);
    const own = that.filter((r) => r.body_id === bodyId);
    return own.length ? own : that.length === 1 ? that : [];
  });
}

async function previousMeeting(db: Db, bodyId: number, before: string) {
  const row = await meetingColumns(db).where("meetings.body_id", "=", bodyId).where("meetings.date", "<", before).orderBy("meetings.date", "desc").orderBy("meetings.start_time", "desc").limit(1).executeTakeFirst();
  return row ? [row] : [];
}
