// Each person's attendance counts (person_summaries, migration 038_people_summaries) and the names
// they were written as (person_names, migration 040), kept in the transaction of every write that
// changes them, so that the people register and a person's page read a row or two instead of walking
// everything the minutes name them at. What a meeting adds is its people tally: for each person
// named at it, one meeting, their rows by status and by name as written, and only when
// its minutes are public (the minutes rule, as publicMinutesOnly). A write takes the tallies of the
// meetings it touches before and after, and the difference is applied: meetingTally/applyTally
// (bodies.ts) carry it for every write that keeps the committees' summaries, and settling people
// (people-settle.ts), which moves rows from one person to another, keeps it itself.
import { sql } from "kysely";
import type { Db } from "../db.ts";
import { publicMinutesOnly } from "../visibility.ts";
import { num } from "../read/util.ts";
import { nameKey } from "./name-key.ts";

export interface PersonCounts {
  meetings: number;
  present: number;
  apologies: number;
  absent: number;
  inAttendance: number;
  /** attendance rows by the name they give */
  names: Map<string, number>;
}

export type PeopleTally = Map<number, PersonCounts>;

const STATUS_FIELD: Record<string, Exclude<keyof PersonCounts, "names">> = { present: "present", apologies: "apologies", absent: "absent", in_attendance: "inAttendance" };
// SQLite's bound on a statement's parameters is far above this; PostgreSQL's is 65,535
const CHUNK = 500;

const none = (): PersonCounts => ({ meetings: 0, present: 0, apologies: 0, absent: 0, inAttendance: 0, names: new Map() });

/** What these meetings add to the people named at them (meetings whose minutes are a draft add nothing). */
export async function peopleTally(db: Db, meetingIds: number[]): Promise<PeopleTally> {
  const tally: PeopleTally = new Map();
  const ids = [...new Set(meetingIds)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom("attendance")
      .innerJoin("meetings", "meetings.id", "attendance.meeting_id")
      .where("attendance.meeting_id", "in", ids.slice(i, i + CHUNK))
      .where("attendance.person_id", "is not", null)
      .where(publicMinutesOnly)
      .select(["attendance.meeting_id", "attendance.person_id", "attendance.status", "attendance.raw_name", (eb) => eb.fn.countAll().as("n")])
      .groupBy(["attendance.meeting_id", "attendance.person_id", "attendance.status", "attendance.raw_name"])
      .execute();
    const seen = new Set<string>();
    for (const r of rows) {
      const person = r.person_id!;
      const counts = tally.get(person) ?? (tally.set(person, none()), tally.get(person)!);
      // a person named twice at one meeting is at one more meeting, not two
      const key = `${r.meeting_id}:${person}`;
      if (!seen.has(key)) {
        seen.add(key);
        counts.meetings++;
      }
      const field = STATUS_FIELD[r.status];
      if (field) counts[field] += num(r.n);
      counts.names.set(r.raw_name, (counts.names.get(r.raw_name) ?? 0) + num(r.n));
    }
  }
  return tally;
}

/** Adds (sign 1) or takes away (-1) a people tally: one statement however many people it names. */
export async function applyPeopleTally(db: Db, tally: PeopleTally, sign: 1 | -1): Promise<void> {
  if (!tally.size) return;
  // A tally taken away may name a person settled away since it was taken: gone, with their summary.
  // A tally added was just read from attendance rows, whose people exist.
  let existing: Set<number> | null = null;
  if (sign === -1) {
    const ids = [...tally.keys()];
    existing = new Set();
    for (let i = 0; i < ids.length; i += CHUNK) for (const p of await db.selectFrom("people").where("id", "in", ids.slice(i, i + CHUNK)).select("id").execute()) existing.add(p.id);
  }
  const people = [...tally.entries()].filter(([person]) => !existing || existing.has(person)).sort(([a], [b]) => a - b);
  const rows = people.map(([person, c]) => ({
      person_id: person,
      meeting_count: sign * c.meetings,
      present: sign * c.present,
      apologies: sign * c.apologies,
      absent: sign * c.absent,
      in_attendance: sign * c.inAttendance,
    }));
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto("person_summaries")
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc.column("person_id").doUpdateSet({
          meeting_count: sql`person_summaries.meeting_count + excluded.meeting_count`,
          present: sql`person_summaries.present + excluded.present`,
          apologies: sql`person_summaries.apologies + excluded.apologies`,
          absent: sql`person_summaries.absent + excluded.absent`,
          in_attendance: sql`person_summaries.in_attendance + excluded.in_attendance`,
        }),
      )
      .execute();
  }
  const names = people.flatMap(([person, c]) => [...c.names].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([raw, n]) => ({ person_id: person, name_key: nameKey(raw), raw_name: raw, row_count: sign * n })));
  for (let i = 0; i < names.length; i += CHUNK) {
    await db
      .insertInto("person_names")
      .values(names.slice(i, i + CHUNK))
      .onConflict((oc) => oc.columns(["person_id", "name_key"]).doUpdateSet({ row_count: sql`person_names.row_count + excluded.row_count` }))
      .execute();
  }
  // a write takes its meetings' tallies away, then adds them again: a name none of the rows gives
  // any more is at 0 once added, and goes
  if (sign === 1) {
    const ids = people.map(([person]) => person);
    for (let i = 0; i < ids.length; i += CHUNK) await db.deleteFrom("person_names").where("person_id", "in", ids.slice(i, i + CHUNK)).where("row_count", "<=", 0).execute();
  }
}

/** Runs a write that moves attendance rows of these meetings between people, keeping their summaries. */
export async function keepingPeopleSummaries<T>(db: Db, meetingIds: number[], work: () => Promise<T>): Promise<T> {
  if (!meetingIds.length) return work();
  const before = await peopleTally(db, meetingIds);
  const result = await work();
  await applyPeopleTally(db, before, -1);
  await applyPeopleTally(db, await peopleTally(db, meetingIds), 1);
  return result;
}
