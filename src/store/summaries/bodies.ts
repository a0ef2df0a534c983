// Each committee's counts (body_summaries, migration 015_pages_summaries), kept in the transaction of
// every write that changes them, so that the home page and the registers read a row per committee
// instead of counting the archive. What a meeting adds is its tally: one meeting with public minutes
// (the minutes rule: a listed meeting whose minutes are a draft adds nothing) and its decisions,
// apart from those of exempt items. A write takes the tally of each meeting it touches before and
// after, and the difference is applied.
import { sql } from "kysely";
import type { Db } from "../db.ts";
import { areMinutesPublic, publicMinutesOnly } from "../visibility.ts";
import { bool, num } from "../read/util.ts";
import { applyPeopleTally, peopleTally, type PeopleTally } from "./people.ts";

export interface MeetingTally {
  bodyId: number;
  meetings: number;
  decisions: number;
  exemptDecisions: number;
  /** what the meeting adds to the people named at it (people.ts) */
  people: PeopleTally;
}

/** What one meeting adds to its committee's summary; null when there is no such meeting. */
export async function meetingTally(db: Db, meetingId: number): Promise<MeetingTally | null> {
  const m = await db.selectFrom("meetings").where("id", "=", meetingId).select(["body_id", "minutes_status", "source_document_id"]).executeTakeFirst();
  if (!m) return null;
  const people = await peopleTally(db, [meetingId]);
  // a meeting scheduled here counts once its minutes come in: the summary is of the record
  if (!areMinutesPublic({ minutesStatus: m.minutes_status }) || m.source_document_id === null) return { bodyId: m.body_id, meetings: 0, decisions: 0, exemptDecisions: 0, people };
  const rows = await db
    .selectFrom("resolutions")
    .innerJoin("items", "items.id", "resolutions.item_id")
    .where("resolutions.meeting_id", "=", meetingId)
    .select(["items.exempt", (eb) => eb.fn.countAll().as("n")])
    .groupBy("items.exempt")
    .execute();
  let decisions = 0;
  let exemptDecisions = 0;
  for (const r of rows) {
    if (bool(r.exempt)) exemptDecisions += num(r.n);
    else decisions += num(r.n);
  }
  return { bodyId: m.body_id, meetings: 1, decisions, exemptDecisions, people };
}

/** Adds (sign 1) or takes away (-1) a meeting's tally, then reads the committee's first and last public dates from its index. */
export async function applyTally(db: Db, tally: MeetingTally | null, sign: 1 | -1): Promise<void> {
  if (!tally) return;
  await applyPeopleTally(db, tally.people, sign);
  await db.insertInto("body_summaries").values({ body_id: tally.bodyId }).onConflict((oc) => oc.column("body_id").doNothing()).execute();
  const edge = (dir: "asc" | "desc") =>
    db
      .selectFrom("meetings")
      .where("meetings.body_id", "=", tally.bodyId)
      .where(publicMinutesOnly)
      .where("meetings.source_document_id", "is not", null)
      .select("meetings.date")
      .orderBy("meetings.date", dir)
      .limit(1);
  await db
    .updateTable("body_summaries")
    .set({
      meeting_count: sql`meeting_count + ${sign * tally.meetings}`,
      decision_count: sql`decision_count + ${sign * tally.decisions}`,
      exempt_decision_count: sql`exempt_decision_count + ${sign * tally.exemptDecisions}`,
      first_meeting: edge("asc"),
      last_meeting: edge("desc"),
    })
    .where("body_id", "=", tally.bodyId)
    .execute();
}

/**
 * Runs a write that changes the given meetings (their minutes status, or deletes them) and keeps
 * their committees' summaries: the tallies before are taken away and the tallies after added.
 */
export async function keepingSummaries<T>(db: Db, meetingIds: number[], work: () => Promise<T>): Promise<T> {
  const before = await Promise.all(meetingIds.map((id) => meetingTally(db, id)));
  const result = await work();
  for (const t of before) await applyTally(db, t, -1);
  for (const id of meetingIds) await applyTally(db, await meetingTally(db, id), 1);
  return result;
}
