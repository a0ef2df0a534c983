// Merging two people into one and splitting one wrongly merged. Both are kept as decisions the
// settle step obeys (`people-settle.ts`), then settled at once, in the same transaction, so the
// result is exactly what the next import will settle to. The audit entry lists the rows that moved.
import { QuorumError } from "../../domain/errors.ts";
import type { Db } from "../db.ts";
import { appendAudit } from "../audit.ts";
import { writeTransaction } from "../write.ts";
import { settlePeopleIn } from "../people-settle.ts";
import { displayName, parseName } from "../rules/names.ts";
import { personSlug } from "../rules/slugs.ts";
import { anchorsOf, checkVersion, personRow, recordDecision, type Actor, type Tx } from "./edit.ts";
import { decisionsDb } from "./schema.ts";
import { recordDeletedPeople } from "../opendata/deleted.ts";

/** Everything that names a person: what a merge or split moves. */
async function heldBy(trx: Tx, personId: number) {
  const attendance = await trx
    .selectFrom("attendance")
    .innerJoin("meetings", "meetings.id", "attendance.meeting_id")
    .where("attendance.person_id", "=", personId)
    .select(["attendance.id", "meetings.slug as meeting", "attendance.position", "attendance.raw_name as name"])
    .orderBy("meetings.date")
    .orderBy("attendance.position")
    .execute();
  const declarations = await trx
    .selectFrom("declarations")
    .innerJoin("meetings", "meetings.id", "declarations.meeting_id")
    .where("declarations.person_id", "=", personId)
    .select(["declarations.id", "meetings.slug as meeting", "declarations.position", "declarations.raw_name as name"])
    .execute();
  const resolutions = await trx
    .selectFrom("resolutions")
    .innerJoin("meetings", "meetings.id", "resolutions.meeting_id")
    .where((eb) => eb.or([eb("resolutions.moved_by_person_id", "=", personId), eb("resolutions.seconded_by_person_id", "=", personId)]))
    .select(["resolutions.id", "meetings.slug as meeting", "resolutions.slug"])
    .execute();
  const memberships = await trx
    .selectFrom("memberships")
    .innerJoin("bodies", "bodies.id", "memberships.body_id")
    .where("memberships.person_id", "=", personId)
    .select(["memberships.id", "bodies.slug as body", "memberships.role", "memberships.source"])
    .execute();
  return { attendance, declarations, resolutions, memberships };
}

type Held = Awaited<ReturnType<typeof heldBy>>;

/** What `before` held that `after` now holds, by anchor (row ids change when people are settled). */
function moved(before: Held, after: Held) {
  const key = (r: object) => JSON.stringify(Object.entries(r).filter(([k]) => k !== "id"));
  const inAfter = <T extends object>(list: T[], other: T[]) => {
    const keys = new Set(other.map(key));
    return list.filter((r) => keys.has(key(r))).map(({ id: _id, ...rest }: T & { id?: number }) => rest);
  };
  return {
    attendance: inAfter(before.attendance, after.attendance),
    declarations: inAfter(before.declarations, after.declarations),
    movedOrSeconded: inAfter(before.resolutions, after.resolutions),
    memberships: inAfter(
      before.memberships.filter((m) => m.source !== "attendance"),
      after.memberships.filter((m) => m.source !== "attendance"),
    ),
  };
}

export interface MergeInput {
  /** the person who goes */
  slug: string;
  version: number;
  /** the person kept */
  into: string;
  intoVersion?: number;
  actor: Actor;
  now: Date;
}

/** Merges one person into another; the removed person's slug redirects to the kept one's. */
export async function mergePeople(db: Db, input: MergeInput): Promise<{ slug: string }> {
  return writeTransaction(db, async (trx) => {
    const gone = await personRow(trx, input.slug);
    const kept = await personRow(trx, input.into);
    checkVersion("person", gone.id, gone.version, input.version);
    if (input.intoVersion !== undefined) checkVersion("person", kept.id, kept.version, input.intoVersion);
    if (gone.id === kept.id) throw new QuorumError("invalid", "A person cannot be merged into themselves");
    if (gone.authority_id !== kept.authority_id) throw new QuorumError("invalid", "Only people of the same council can be merged");
    const anchors = await anchorsOf(trx, gone.id);
    const target = await anchorsOf(trx, kept.id);
    if (anchors.length && !target.length) throw new QuorumError("invalid", "The person kept must be named in some minutes; merge the other way round");
    const before = await heldBy(trx, gone.id);
    // memberships entered by hand go with the person
    await trx.updateTable("memberships").set({ person_id: kept.id }).where("person_id", "=", gone.id).where("source", "!=", "attendance").execute();
    await recordDecision(trx, { authorityId: kept.authority_id, kind: "merge", anchors, target, slug: kept.slug }, input.now);
    await settlePeopleIn(trx, kept.authority_id);
    const after = await heldBy(trx, kept.id);
    const stillNamed = async () =>
      (await trx.selectFrom("attendance").where("person_id", "=", gone.id).select("id").executeTakeFirst()) ??
      (await trx.selectFrom("memberships").where("person_id", "=", gone.id).select("id").executeTakeFirst());
    if ((await trx.selectFrom("people").where("id", "=", gone.id).select("id").executeTakeFirst()) && !(await stillNamed())) {
      // nothing held the person but their minutes, which now point elsewhere
      await recordDeletedPeople(trx, [gone.id], input.now);
      await trx.deleteFrom("search_entries").where("kind", "=", "person").where("entity_id", "=", gone.id).execute();
      await trx.deleteFrom("people").where("id", "=", gone.id).execute();
    }
    const d = decisionsDb(trx);
    await d.updateTable("person_redirects").set({ to_slug: kept.slug }).where("to_slug", "=", gone.slug).execute();
    await d.deleteFrom("person_redirects").where("from_slug", "=", gone.slug).execute();
    await d.insertInto("person_redirects").values({ from_slug: gone.slug, to_slug: kept.slug, created_at: input.now.toISOString() }).execute();
    await trx.updateTable("people").set({ version: kept.version + 1 }).where("id", "=", kept.id).execute();
    await appendAudit(
      trx,
      {
        actorUserId: input.actor.userId,
        actorLabel: input.actor.label,
        action: "person.merge",
        recordKind: "person",
        recordId: String(kept.id),
        before: { removed: { slug: gone.slug, name: gone.display_name }, kept: { slug: kept.slug, name: kept.display_name } },
        after: { kept: kept.slug, moved: moved(before, after) },
      },
      input.now,
    );
    return { slug: kept.slug };
  });
}

export interface SplitInput {
  slug: string;
  version: number;
  /** attendance row ids, read from the split form, that belong to someone else */
  attendanceIds: number[];
  actor: Actor;
  now: Date;
}

/** Splits the chosen attendance rows off into a person of their own; returns the new slug. */
export async function splitPerson(db: Db, input: SplitInput): Promise<{ slug: string }> {
  return writeTransaction(db, async (trx) => {
    const p = await personRow(trx, input.slug);
    checkVersion("person", p.id, p.version, input.version);
    const before = await heldBy(trx, p.id);
    const chosen = before.attendance.filter((a) => input.attendanceIds.includes(a.id));
    if (chosen.length !== new Set(input.attendanceIds).size) throw new QuorumError("invalid", "Choose only meetings this person is recorded at");
    if (!chosen.length) throw new QuorumError("invalid", "Choose the meetings that belong to someone else");
    if (chosen.length === before.attendance.length) throw new QuorumError("invalid", "Leave at least one meeting with this person; to rename them, edit their details");
    const authority = await trx.selectFrom("authorities").where("id", "=", p.authority_id).select("name").executeTakeFirstOrThrow();
    const name = parseName(chosen[0].name);
    const base = personSlug(authority.name, name ? displayName(name) : p.display_name);
    const used = new Set([
      ...(await trx.selectFrom("people").select("slug").where("slug", "like", `${base}%`).execute()).map((r) => r.slug),
      ...(await decisionsDb(trx).selectFrom("person_redirects").select("from_slug as slug").where("from_slug", "like", `${base}%`).execute()).map((r) => r.slug),
    ]);
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    const anchors = chosen.map((a) => ({ meeting: a.meeting, position: a.position, name: a.name }));
    await recordDecision(trx, { authorityId: p.authority_id, kind: "split", anchors, slug }, input.now);
    await settlePeopleIn(trx, p.authority_id);
    const created = await trx.selectFrom("people").where("slug", "=", slug).select("id").executeTakeFirst();
    if (!created) throw new QuorumError("internal", "The split did not create a person");
    const after = await heldBy(trx, created.id);
    await trx.updateTable("people").set({ version: p.version + 1 }).where("id", "=", p.id).execute();
    await appendAudit(
      trx,
      {
        actorUserId: input.actor.userId,
        actorLabel: input.actor.label,
        action: "person.split",
        recordKind: "person",
        recordId: String(p.id),
        before: { person: { slug: p.slug, name: p.display_name } },
        after: { created: slug, moved: moved(before, after) },
      },
      input.now,
    );
    return { slug };
  });
}
