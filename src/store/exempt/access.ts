// Who may read which committee's exempt business. Clerks and administrators are entitled to every
// committee; an officer or member only to the committees a clerk or administrator granted them
// (committee_access). Memberships are not used: they are read from minutes by matching written
// names, and a wrong match must never open exempt business to someone.
import type { AnyDb } from "../accounts/schema.ts";
import type { User } from "../accounts/users.ts";
import { appendAudit, type AuditActor } from "../audit.ts";
import { publicViewer, type Viewer } from "../visibility.ts";
import { exemptDb } from "./schema.ts";
import { isoDateInZone } from "../../domain/zone-format.ts";

/** The ISO date in a time zone. */
export function dateIn(now: Date, timeZone: string): string {
  return isoDateInZone(now, timeZone);
}

/**
 * The council's date, on which release dates are judged: in its authorities' zone. With several
 * authorities in different zones, the earliest of their dates, so no release comes early anywhere.
 */
export async function councilToday(db: AnyDb, now: Date): Promise<string> {
  return todayIn(await authorityZones(db), now);
}

export async function authorityZones(db: AnyDb): Promise<string[]> {
  return (await exemptDb(db).selectFrom("authorities").select("time_zone").distinct().execute()).map((z) => z.time_zone);
}

/** The earliest date in these zones (UTC's when there are none, or for a zone Intl does not know). */
export function todayIn(zones: string[], now: Date): string {
  const dates = zones.map((zone) => {
    try {
      return dateIn(now, zone);
    } catch {
      return dateIn(now, "UTC");
    }
  });
  return dates.length ? dates.sort()[0] : dateIn(now, "UTC");
}

export async function grantedBodies(db: AnyDb, userId: number): Promise<Set<number>> {
  const rows = await exemptDb(db).selectFrom("committee_access").where("user_id", "=", userId).select("body_id").execute();
  return new Set(rows.map((r) => r.body_id));
}

/** The viewer a signed-in person is (the public when nobody, or a disabled account). */
export async function viewerFor(db: AnyDb, user: User | undefined, today: string): Promise<Viewer> {
  if (!user || user.disabled) return publicViewer(today);
  const all = user.role === "admin" || user.role === "clerk";
  return { kind: "staff", userId: user.id, role: user.role, bodies: all ? "all" : await grantedBodies(db, user.id), today };
}

export interface CommitteeChoice {
  id: number;
  slug: string;
  name: string;
  authority: string;
  granted: boolean;
}

/** Every committee, with whether the person is granted its exempt business. */
export async function committeeAccessOf(db: AnyDb, userId: number): Promise<CommitteeChoice[]> {
  const granted = await grantedBodies(db, userId);
  const bodies = await exemptDb(db)
    .selectFrom("bodies")
    .innerJoin("authorities", "authorities.id", "bodies.authority_id")
    .select(["bodies.id", "bodies.slug", "bodies.name", "authorities.name as authority"])
    .orderBy("authorities.name")
    .orderBy("bodies.name")
    .execute();
  return bodies.map((b) => ({ ...b, granted: granted.has(b.id) }));
}

export type Actor = AuditActor;

/**
 * Sets the committees whose exempt business a person may read, and writes the change (committee
 * slugs before and after) to the audit log in the same transaction. Unknown committee ids are
 * refused by the caller; nothing is written when nothing changes.
 */
export async function setCommitteeAccess(trx: AnyDb, userId: number, bodyIds: number[], actor: Actor, now: Date): Promise<{ changed: boolean }> {
  const db = exemptDb(trx);
  const before = await grantedBodies(trx, userId);
  const after = new Set(bodyIds);
  const add = [...after].filter((b) => !before.has(b));
  const remove = [...before].filter((b) => !after.has(b));
  if (!add.length && !remove.length) return { changed: false };
  if (remove.length) await db.deleteFrom("committee_access").where("user_id", "=", userId).where("body_id", "in", remove).execute();
  if (add.length) await db.insertInto("committee_access").values(add.map((body_id) => ({ user_id: userId, body_id, granted_at: now.toISOString() }))).execute();
  const slugs = async (ids: Set<number>) =>
    ids.size ? (await db.selectFrom("bodies").where("id", "in", [...ids]).select("slug").orderBy("slug").execute()).map((b) => b.slug) : [];
  await appendAudit(
    trx,
    { actorUserId: actor.userId, actorLabel: actor.label, action: "committee_access.set", recordKind: "user", recordId: String(userId), before: { committees: await slugs(before) }, after: { committees: await slugs(after) } },
    now,
  );
  return { changed: true };
}
