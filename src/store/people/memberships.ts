// Memberships entered by hand: a role on a committee from one date to another. Memberships derived
// from attendance are rebuilt on every import and are not edited here; these (source 'manual')
// are kept through re-derivation. A membership belongs to a person, so edits check and advance the
// person's version.
import { QuorumError } from "../../domain/errors.ts";
import type { Db } from "../db.ts";
import { appendAudit } from "../audit.ts";
import { writeTransaction } from "../write.ts";
import { changed, checkVersion, personRow, type Actor, type Tx } from "./edit.ts";

export const MEMBERSHIP_ROLES = ["chair", "vice-chair", "member", "substitute", "co-opted member", "observer"] as const;

export interface MembershipFields {
  role: string;
  from: string | null;
  to: string | null;
}

function checkDates(f: MembershipFields): void {
  if (f.from && f.to && f.to < f.from) throw new QuorumError("invalid", "The end date must be the same as or after the start date");
}

async function bodyOf(trx: Tx, slug: string, authorityId: number) {
  const b = await trx.selectFrom("bodies").where("slug", "=", slug).where("authority_id", "=", authorityId).select(["id", "slug", "name"]).executeTakeFirst();
  if (!b) throw new QuorumError("invalid", "Choose a committee of this person's council");
  return b;
}

async function manualMembership(trx: Tx, id: number, personId: number) {
  const m = await trx
    .selectFrom("memberships")
    .innerJoin("bodies", "bodies.id", "memberships.body_id")
    .where("memberships.id", "=", id)
    .where("memberships.person_id", "=", personId)
    .select(["memberships.id", "memberships.role", "memberships.from_date", "memberships.to_date", "memberships.source", "bodies.slug as body"])
    .executeTakeFirst();
  if (!m) throw new QuorumError("not_found", "Membership not found");
  if (m.source === "attendance") throw new QuorumError("invalid", "This membership is read from the minutes; add one by hand to record a role or dates");
  return m;
}

interface Common {
  person: string;
  version: number;
  actor: Actor;
  now: Date;
}

export async function addMembership(db: Db, input: Common & { body: string; fields: MembershipFields }): Promise<{ id: number }> {
  checkDates(input.fields);
  return writeTransaction(db, async (trx) => {
    const p = await personRow(trx, input.person);
    checkVersion("person", p.id, p.version, input.version);
    const body = await bodyOf(trx, input.body, p.authority_id);
    const f = input.fields;
    const row = await trx
      .insertInto("memberships")
      .values({ person_id: p.id, body_id: body.id, role: f.role, kind: p.kind, from_date: f.from, to_date: f.to, source: "manual" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx.updateTable("people").set({ version: p.version + 1 }).where("id", "=", p.id).execute();
    await appendAudit(trx, { actorUserId: input.actor.userId, actorLabel: input.actor.label, action: "membership.add", recordKind: "person", recordId: String(p.id), before: null, after: { membership: row.id, body: body.slug, ...f } }, input.now);
    return { id: row.id };
  });
}

export async function editMembership(db: Db, input: Common & { id: number; fields: MembershipFields }): Promise<void> {
  checkDates(input.fields);
  await writeTransaction(db, async (trx) => {
    const p = await personRow(trx, input.person);
    checkVersion("person", p.id, p.version, input.version);
    const m = await manualMembership(trx, input.id, p.id);
    const f = input.fields;
    await trx.updateTable("memberships").set({ role: f.role, from_date: f.from, to_date: f.to }).where("id", "=", m.id).execute();
    await trx.updateTable("people").set({ version: p.version + 1 }).where("id", "=", p.id).execute();
    const diff = changed({ role: m.role, from: m.from_date, to: m.to_date }, { role: f.role, from: f.from, to: f.to });
    await appendAudit(trx, { actorUserId: input.actor.userId, actorLabel: input.actor.label, action: "membership.edit", recordKind: "person", recordId: String(p.id), before: { membership: m.id, body: m.body, ...diff.before }, after: { membership: m.id, body: m.body, ...diff.after } }, input.now);
  });
}

/** Ends a membership on a date (today when not given). */
export async function endMembership(db: Db, input: Common & { id: number; on: string }): Promise<void> {
  await writeTransaction(db, async (trx) => {
    const p = await personRow(trx, input.person);
    checkVersion("person", p.id, p.version, input.version);
    const m = await manualMembership(trx, input.id, p.id);
    if (m.from_date && input.on < m.from_date) throw new QuorumError("invalid", "The end date must be the same as or after the start date");
    await trx.updateTable("memberships").set({ to_date: input.on }).where("id", "=", m.id).execute();
    await trx.updateTable("people").set({ version: p.version + 1 }).where("id", "=", p.id).execute();
    await appendAudit(trx, { actorUserId: input.actor.userId, actorLabel: input.actor.label, action: "membership.end", recordKind: "person", recordId: String(p.id), before: { membership: m.id, body: m.body, to: m.to_date }, after: { membership: m.id, body: m.body, to: input.on } }, input.now);
  });
}
