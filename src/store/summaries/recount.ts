// The maintained summaries counted again from the rows they summarise, for `quorum check`: a write
// that forgot to keep a summary, a restore of a partial backup or an edit by hand shows up as a
// difference between what a page reads and the truth. The truth follows the visibility rule
// exactly as meetingTally does (meetings with public minutes only; decisions of exempt items apart). Each count
// reads the whole archive once, grouped by committee: fine for a check, never for a page. So does the
// check that attendance rows carry their meeting's date (migration 039).
import { sql } from "kysely";
import type { Db } from "../db.ts";
import { publicMinutesOnly } from "../visibility.ts";
import { bool, num } from "../read/util.ts";

interface BodyTruth {
  meetings: number;
  decisions: number;
  exemptDecisions: number;
  first: string | null;
  last: string | null;
}

const NONE: BodyTruth = { meetings: 0, decisions: 0, exemptDecisions: 0, first: null, last: null };

/** Each committee's summary as the rows say it should be. */
async function bodyTruth(db: Db): Promise<Map<number, BodyTruth>> {
  const truth = new Map<number, BodyTruth>();
  const of = (id: number) => truth.get(id) ?? (truth.set(id, { ...NONE }), truth.get(id)!);
  const meetings = await db
    .selectFrom("meetings")
    .where(publicMinutesOnly)
    // as meetingTally: a meeting scheduled here counts once its minutes come in
    .where("meetings.source_document_id", "is not", null)
    .select(["meetings.body_id", (eb) => eb.fn.countAll().as("n"), (eb) => eb.fn.min("meetings.date").as("first"), (eb) => eb.fn.max("meetings.date").as("last")])
    .groupBy("meetings.body_id")
    .execute();
  for (const m of meetings) Object.assign(of(num(m.body_id)), { meetings: num(m.n), first: m.first, last: m.last });
  const decisions = await db
    .selectFrom("resolutions")
    .innerJoin("items", "items.id", "resolutions.item_id")
    .innerJoin("meetings", "meetings.id", "resolutions.meeting_id")
    .where(publicMinutesOnly)
    .select(["meetings.body_id", "items.exempt", (eb) => eb.fn.countAll().as("n")])
    .groupBy(["meetings.body_id", "items.exempt"])
    .execute();
  for (const d of decisions) {
    const t = of(num(d.body_id));
    if (bool(d.exempt)) t.exemptDecisions += num(d.n);
    else t.decisions += num(d.n);
  }
  return truth;
}

/** One line per committee whose maintained summary differs from the recount; empty when all agree. */
export async function summaryDifferences(db: Db): Promise<string[]> {
  const truth = await bodyTruth(db);
  const kept = await db
    .selectFrom("body_summaries")
    .innerJoin("bodies", "bodies.id", "body_summaries.body_id")
    .select(["body_summaries.body_id", "bodies.slug", "meeting_count", "decision_count", "exempt_decision_count", "first_meeting", "last_meeting"])
    .execute();
  const slugs = new Map((await db.selectFrom("bodies").select(["id", "slug"]).execute()).map((b) => [num(b.id), b.slug]));
  const out: string[] = [];
  const seen = new Set<number>();
  const compare = (bodyId: number, held: BodyTruth) => {
    const want = truth.get(bodyId) ?? NONE;
    const diffs: string[] = [];
    if (held.meetings !== want.meetings) diffs.push(`meetings ${held.meetings}, counted ${want.meetings}`);
    if (held.decisions !== want.decisions) diffs.push(`decisions ${held.decisions}, counted ${want.decisions}`);
    if (held.exemptDecisions !== want.exemptDecisions) diffs.push(`exempt decisions ${held.exemptDecisions}, counted ${want.exemptDecisions}`);
    if (held.first !== want.first) diffs.push(`first meeting ${held.first ?? "none"}, counted ${want.first ?? "none"}`);
    if (held.last !== want.last) diffs.push(`last meeting ${held.last ?? "none"}, counted ${want.last ?? "none"}`);
    if (diffs.length) out.push(`body_summaries for ${slugs.get(bodyId) ?? `committee ${bodyId}`}: ${diffs.join(", ")}`);
  };
  for (const k of kept) {
    const id = num(k.body_id);
    seen.add(id);
    compare(id, { meetings: num(k.meeting_count), decisions: num(k.decision_count), exemptDecisions: num(k.exempt_decision_count), first: k.first_meeting, last: k.last_meeting });
  }
  // a committee with public meetings must have its row: without one its pages read nothing
  for (const id of truth.keys()) if (!seen.has(id)) compare(id, NONE);
  return [...out, ...(await personDifferences(db)), ...(await attendanceDateDifferences(db))];
}

/**
 * One line if attendance rows carry another date or time than their meeting's (migration 039's
 * triggers keep them; a restore with triggers off, or an edit by hand, can leave them stale, and a
 * person's meetings would then be listed out of order).
 */
export async function attendanceDateDifferences(db: Db): Promise<string[]> {
  const stale = await db
    .selectFrom("attendance")
    .innerJoin("meetings", "meetings.id", "attendance.meeting_id")
    .where((eb) => eb.or([eb("attendance.meeting_date", "<>", eb.ref("meetings.date")), eb("attendance.meeting_start", "<>", sql<string>`coalesce(meetings.start_time, '')`)]))
    .select(["meetings.slug", (eb) => eb.fn.countAll().as("n")])
    .groupBy("meetings.slug")
    .orderBy("meetings.slug")
    .execute();
  if (!stale.length) return [];
  const rows = stale.reduce((n, r) => n + num(r.n), 0);
  return [`attendance: ${rows} row(s) carry another date or time than their meeting's, at ${stale.length} meeting(s) (first: ${stale[0].slug})`];
}

type Counts = [meetings: number, present: number, apologies: number, absent: number, inAttendance: number];
const COUNT_NAMES = ["meetings", "present", "apologies", "absent", "in attendance"];

/** One line per person whose summary (person_summaries) differs from their attendance counted again. */
export async function personDifferences(db: Db): Promise<string[]> {
  const counted = await db
    .selectFrom("attendance")
    .innerJoin("meetings", "meetings.id", "attendance.meeting_id")
    .where("attendance.person_id", "is not", null)
    .where(publicMinutesOnly)
    .select([
      "attendance.person_id",
      sql<number>`count(DISTINCT attendance.meeting_id)`.as("meetings"),
      sql<number>`sum(CASE WHEN attendance.status = 'present' THEN 1 ELSE 0 END)`.as("present"),
      sql<number>`sum(CASE WHEN attendance.status = 'apologies' THEN 1 ELSE 0 END)`.as("apologies"),
      sql<number>`sum(CASE WHEN attendance.status = 'absent' THEN 1 ELSE 0 END)`.as("absent"),
      sql<number>`sum(CASE WHEN attendance.status = 'in_attendance' THEN 1 ELSE 0 END)`.as("in_attendance"),
    ])
    .groupBy("attendance.person_id")
    .execute();
  const truth = new Map<number, Counts>(counted.map((r) => [num(r.person_id), [num(r.meetings), num(r.present), num(r.apologies), num(r.absent), num(r.in_attendance)]]));
  const held = new Map<number, Counts>(
    (await db.selectFrom("person_summaries").selectAll().execute()).map((r) => [num(r.person_id), [num(r.meeting_count), num(r.present), num(r.apologies), num(r.absent), num(r.in_attendance)]]),
  );
  const slugs = new Map((await db.selectFrom("people").select(["id", "slug"]).execute()).map((p) => [num(p.id), p.slug]));
  const out: string[] = [];
  for (const id of [...new Set([...truth.keys(), ...held.keys()])].sort((a, b) => a - b)) {
    const want = truth.get(id) ?? [0, 0, 0, 0, 0];
    const have = held.get(id) ?? [0, 0, 0, 0, 0];
    const diffs = COUNT_NAMES.flatMap((name, i) => (have[i] !== want[i] ? [`${name} ${have[i]}, counted ${want[i]}`] : []));
    if (diffs.length) out.push(`person_summaries for ${slugs.get(id) ?? `person ${id}`}: ${diffs.join(", ")}`);
  }
  return [...out, ...(await nameDifferences(db, slugs))];
}

/** One line per person whose names as written (person_names) differ from their attendance counted again. */
async function nameDifferences(db: Db, slugs: Map<number, string>): Promise<string[]> {
  const byPerson = (rows: { person_id: number | null; raw_name: string; n: unknown }[]) => {
    const m = new Map<number, Map<string, number>>();
    for (const r of rows) {
      const names = m.get(num(r.person_id)) ?? (m.set(num(r.person_id), new Map()), m.get(num(r.person_id))!);
      if (num(r.n) !== 0) names.set(r.raw_name, num(r.n));
    }
    return m;
  };
  const truth = byPerson(
    await db
      .selectFrom("attendance")
      .innerJoin("meetings", "meetings.id", "attendance.meeting_id")
      .where("attendance.person_id", "is not", null)
      .where(publicMinutesOnly)
      .select(["attendance.person_id", "attendance.raw_name", (eb) => eb.fn.countAll().as("n")])
      .groupBy(["attendance.person_id", "attendance.raw_name"])
      .execute(),
  );
  const held = byPerson(await db.selectFrom("person_names").select(["person_id", "raw_name", "row_count as n"]).execute());
  const show = (names: Map<string, number> | undefined) => [...(names ?? [])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, n]) => `"${name}" ×${n}`).join(", ") || "none";
  const out: string[] = [];
  for (const id of [...new Set([...truth.keys(), ...held.keys()])].sort((a, b) => a - b)) {
    const have = show(held.get(id));
    const want = show(truth.get(id));
    if (have !== want) out.push(`person_names for ${slugs.get(id) ?? `person ${id}`}: ${have}, counted ${want}`);
  }
  return out;
}
