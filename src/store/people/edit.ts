// Editing a person by hand: name, kind, party and ward. The edit is written to the person and kept
// as a decision (`person_decisions`) so that settling people after the next import keeps it.
// Each edit names the version it was made from; a person changed since is a conflict, never
// overwritten.
import type { Transaction } from "kysely";
import { QuorumError } from "../../domain/errors.ts";
import type { Db } from "../db.ts";
import type { Database } from "../schema.ts";
import { writeTransaction } from "../write.ts";
import { appendAudit, type AuditActor } from "../audit.ts";
import { reindexPeople } from "../search.ts";
import type { Anchor, PersonFields } from "./decisions.ts";
import { decisionsDb } from "./schema.ts";

export type Actor = AuditActor;

export type Tx = Transaction<Database>;

export interface PersonRow {
  id: number;
  authority_id: number;
  slug: string;
  display_name: string;
  honorific: string | null;
  forenames: string | null;
  initials: string | null;
  surname: string;
  kind: string;
  party: string | null;
  ward: string | null;
  version: number;
}

export async function personRow(db: Db | Tx, slug: string): Promise<PersonRow> {
  const row = await db
    .selectFrom("people")
    .where("slug", "=", slug)
    .select(["id", "authority_id", "slug", "display_name", "honorific", "forenames", "initials", "surname", "kind", "party", "ward", "version"])
    .executeTakeFirst();
  if (!row) throw new QuorumError("not_found", "Person not found");
  return row;
}

/** The error a stale form gets: the record changed after the form was read. */
export class StaleVersion extends QuorumError {
  constructor(
    readonly recordKind: string,
    readonly recordId: string,
  ) {
    super("conflict", "Someone else changed this record after you opened the form. Their change is shown below; check it, then make your change again.");
  }
}

export function checkVersion(kind: string, id: number, current: number, read: number): void {
  if (current !== read) throw new StaleVersion(kind, String(id));
}

/** Where a person was written in the minutes, as anchors that survive a re-import. */
export async function anchorsOf(db: Db | Tx, personId: number): Promise<Anchor[]> {
  const rows = await db
    .selectFrom("attendance")
    .innerJoin("meetings", "meetings.id", "attendance.meeting_id")
    .where("attendance.person_id", "=", personId)
    .select(["meetings.slug", "attendance.position", "attendance.raw_name"])
    .orderBy("meetings.date")
    .orderBy("meetings.slug")
    .orderBy("attendance.position")
    .execute();
  return rows.map((r) => ({ meeting: r.slug, position: r.position, name: r.raw_name }));
}

export function fieldsOf(p: PersonRow): PersonFields {
  return { displayName: p.display_name, honorific: p.honorific, forenames: p.forenames, initials: p.initials, surname: p.surname, kind: p.kind, party: p.party, ward: p.ward };
}

/** The fields that differ, as [before, after]. */
export function changed<T extends object>(before: T, after: T): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const k of Object.keys(after) as (keyof T)[]) {
    if (before[k] !== after[k]) {
      b[k] = before[k];
      a[k] = after[k];
    }
  }
  return { before: b, after: a };
}

export async function recordDecision(
  trx: Tx,
  d: { authorityId: number; kind: "merge" | "split" | "details"; anchors: Anchor[]; target?: Anchor[]; slug: string; fields?: PersonFields },
  now: Date,
): Promise<void> {
  await decisionsDb(trx)
    .insertInto("person_decisions")
    .values({
      authority_id: d.authorityId,
      kind: d.kind,
      anchors: JSON.stringify(d.anchors),
      target: d.target ? JSON.stringify(d.target) : null,
      slug: d.slug,
      fields: d.fields ? JSON.stringify(d.fields) : null,
      created_at: now.toISOString(),
    })
    .execute();
}

export interface EditPersonInput {
  slug: string;
  version: number;
  fields: PersonFields;
  actor: Actor;
  now: Date;
}

/** Renames a person or sets their kind, party or ward; returns the changed fields. */
export async function editPerson(db: Db, input: EditPersonInput): Promise<{ changed: boolean }> {
  return writeTransaction(db, async (trx) => {
    const p = await personRow(trx, input.slug);
    checkVersion("person", p.id, p.version, input.version);
    const diff = changed(fieldsOf(p), input.fields);
    if (Object.keys(diff.after).length === 0) return { changed: false };
    const f = input.fields;
    await trx
      .updateTable("people")
      .set({ display_name: f.displayName, honorific: f.honorific, forenames: f.forenames, initials: f.initials, surname: f.surname, kind: f.kind, party: f.party, ward: f.ward, version: p.version + 1 })
      .where("id", "=", p.id)
      .execute();
    await recordDecision(trx, { authorityId: p.authority_id, kind: "details", anchors: await anchorsOf(trx, p.id), slug: p.slug, fields: f }, input.now);
    await reindexPeople(trx, [p.id]);
    await appendAudit(trx, { actorUserId: input.actor.userId, actorLabel: input.actor.label, action: "person.edit", recordKind: "person", recordId: String(p.id), before: diff.before, after: diff.after }, input.now);
    return { changed: true };
  });
}
