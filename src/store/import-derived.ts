// What storing meetings leaves to be derived again from everything stored (memberships from
// attendance, people's and meetings' search entries), collected per document or per batch and
// derived once before the commit.
import type { Transaction } from "kysely";
import type { Database } from "./schema.ts";
import { insertSearchEntries, reindexPeople, type EntryRow } from "./search.ts";
import { publicMinutesOnly } from "./visibility.ts";

type Tx = Transaction<Database>;

/**
 * What storing a meeting leaves to be derived again from everything stored: the attendance-derived
 * memberships of the bodies it touched, and the search entries of the people it touched. Each reads
 * all of a body's or a person's rows, so a batch of documents collects them and derives each once,
 * before its commit (`deriveTouched`), with the same result as deriving after every document.
 */
export class DerivedWork {
  readonly bodies = new Set<number>();
  readonly people = new Set<number>();
  /**
   * Meetings' search entries still to be written, by meeting (none: the meeting's entries were
   * removed). Written together at the end: on SQLite the full-text index flushes what it holds at
   * every savepoint, so entries written inside each document's savepoint cost a flush apiece.
   */
  readonly entries = new Map<number, EntryRow[]>();
  /** Takes over what another collected (a document of the batch that was stored whole). */
  add(other: DerivedWork): void {
    for (const b of other.bodies) this.bodies.add(b);
    for (const p of other.people) this.people.add(p);
    for (const [meetingId, rows] of other.entries) {
      this.entries.delete(meetingId);
      this.entries.set(meetingId, rows);
    }
  }
}

/** Derives what the work names again, then forgets it; run in the transaction that stored it. */
export async function deriveTouched(trx: Tx, work: DerivedWork): Promise<void> {
  await insertSearchEntries(trx, [...work.entries.values()].flat());
  work.entries.clear();
  for (const bodyId of [...work.bodies].sort((a, b) => a - b)) await deriveMemberships(trx, bodyId);
  await reindexPeople(trx, [...work.people].sort((a, b) => a - b));
  work.bodies.clear();
  work.people.clear();
}

/**
 * Memberships derived from attendance: who sat on the body, in which role, from when to when. Each
 * (person, role, kind) keeps its row, and so its id and when it was created, for as long as the
 * minutes name it: only a changed span is written, and only what no minutes name any more goes, so
 * storing the same minutes again changes nothing (OParl's clients key their copies on these ids).
 */
export async function deriveMemberships(trx: Tx, bodyId: number): Promise<void> {
  const wanted = await trx
    .selectFrom("attendance")
    .innerJoin("meetings", "meetings.id", "attendance.meeting_id")
    .where("meetings.body_id", "=", bodyId)
    // only public minutes say who sat on a body: a meeting waiting for review names nobody yet
    .where(publicMinutesOnly)
    .where("attendance.person_id", "is not", null)
    .where("attendance.status", "in", ["present", "apologies", "absent"])
    .select((s) => ["attendance.person_id", "attendance.role", "attendance.kind", s.fn.min("meetings.date").as("from_date"), s.fn.max("meetings.date").as("to_date")])
    .groupBy(["attendance.person_id", "attendance.role", "attendance.kind"])
    .execute();
  const have = await trx
    .selectFrom("memberships")
    .where("body_id", "=", bodyId)
    .where("source", "=", "attendance")
    .select(["id", "person_id", "role", "kind", "from_date", "to_date"])
    .orderBy("id")
    .execute();
  const key = (r: { person_id: number | null; role: string | null; kind: string }) => JSON.stringify([r.person_id, r.role, r.kind]);
  const existing = new Map<string, (typeof have)[number]>();
  const stale: number[] = [];
  for (const h of have) {
    if (existing.has(key(h))) stale.push(h.id);
    else existing.set(key(h), h);
  }
  const added: { person_id: number; body_id: number; role: string | null; kind: string; from_date: string | null; to_date: string | null; source: string }[] = [];
  for (const w of wanted) {
    const from = (w.from_date as string | null) ?? null;
    const to = (w.to_date as string | null) ?? null;
    const h = existing.get(key(w));
    existing.delete(key(w));
    if (!h) added.push({ person_id: w.person_id!, body_id: bodyId, role: w.role, kind: w.kind, from_date: from, to_date: to, source: "attendance" });
    else if (h.from_date !== from || h.to_date !== to) await trx.updateTable("memberships").set({ from_date: from, to_date: to }).where("id", "=", h.id).execute();
  }
  stale.push(...[...existing.values()].map((h) => h.id));
  for (let i = 0; i < stale.length; i += 1000) await trx.deleteFrom("memberships").where("id", "in", stale.slice(i, i + 1000)).execute();
  // in chunks: seven bound variables a row, and SQLite allows 32766 a statement
  for (let i = 0; i < added.length; i += 1000) await trx.insertInto("memberships").values(added.slice(i, i + 1000)).execute();
}
