// Who a written name in one document is: each name matched against the authority's people of the
// same surname, a new person made only where attendance names someone no one matches.
import type { Transaction } from "kysely";
import type { Votes } from "../domain/minutes.ts";
import { MEMBER_VOTES, type Database } from "./schema.ts";
import { choosePerson, displayName, mergeNames, parseName, type Candidate, type PersonName } from "./rules/names.ts";
import { bodyFamily } from "./rules/body-family.ts";
import { personSlug } from "./rules/slugs.ts";
import { chunks } from "./import-rows.ts";

type Tx = Transaction<Database>;

interface KnownPerson extends Candidate {
  kind: string;
  dirty: boolean;
}

export const KIND_RANK: Record<string, number> = { member: 3, officer: 2, other: 1 };

/** Resolves names for one document: loads the authority's people of the surnames involved once. */
export async function peopleResolver(trx: Tx, authorityId: number, authorityName: string, bodyId: number, names: string[]) {
  const keys = [...new Set(names.map((n) => parseName(n)?.surnameKey).filter((k): k is string => !!k))];
  const known = new Map<string, KnownPerson[]>();
  // a committee named for its parent body sits with it (rules/body-family.ts)
  const bodyRows = await trx.selectFrom("bodies").where("authority_id", "=", authorityId).select(["id", "name"]).execute();
  const family = bodyFamily(bodyId, bodyRows);
  // in chunks: one bound variable per surname, and SQLite allows 32766 variables a statement
  for (const someKeys of chunks(keys, 1000)) {
    const rows = await trx
      .selectFrom("people")
      .where("authority_id", "=", authorityId)
      .where("surname_key", "in", someKeys)
      .select((eb) => [
        "people.id",
        "people.honorific",
        "people.forenames",
        "people.initials",
        "people.surname",
        "people.surname_key",
        "people.kind",
        eb
          .exists(
            eb
              .selectFrom("attendance")
              .innerJoin("meetings", "meetings.id", "attendance.meeting_id")
              .whereRef("attendance.person_id", "=", "people.id")
              .where("meetings.body_id", "in", family)
              .select("attendance.id"),
          )
          .as("in_body"),
      ])
      .orderBy("people.id")
      .execute();
    for (const r of rows) {
      const name: PersonName = { honorific: r.honorific, forenames: r.forenames ? r.forenames.split(" ") : [], initials: r.initials ?? "", surname: r.surname, surnameKey: r.surname_key };
      const list = known.get(r.surname_key) ?? [];
      list.push({ id: r.id, name, inBody: Boolean(Number(r.in_body)) || r.in_body === true, kind: r.kind, dirty: false });
      known.set(r.surname_key, list);
    }
  }
  return {
    /** A person of the authority chosen by slug (a correction), or null when there is none. */
    async bySlug(slug: string): Promise<number | null> {
      return (await trx.selectFrom("people").where("authority_id", "=", authorityId).where("slug", "=", slug).select("id").executeTakeFirst())?.id ?? null;
    },
    async resolve(raw: string, kind: string, create: boolean): Promise<number | null> {
      const name = parseName(raw);
      if (!name || name.surname.length > 40) return null;
      const list = known.get(name.surnameKey) ?? [];
      const choice = choosePerson(name, list);
      if (choice.kind === "match") {
        const p = list.find((c) => c.id === choice.id)!;
        const merged = mergeNames(p.name, name);
        if (create) {
          if (displayName(merged) !== displayName(p.name) || (KIND_RANK[kind] ?? 0) > (KIND_RANK[p.kind] ?? 0)) p.dirty = true;
          p.name = merged;
          if ((KIND_RANK[kind] ?? 0) > (KIND_RANK[p.kind] ?? 0)) p.kind = kind;
          p.inBody = true;
        }
        return p.id;
      }
      if (choice.kind === "ambiguous" || !create) return null;
      const display = displayName(name);
      // A taken slug (another person of the same written name) gets the next free suffix.
      let row: { id: number } | undefined;
      for (let n = 1; !row; n++) {
        row = await trx
          .insertInto("people")
          .values({
            authority_id: authorityId,
            slug: n === 1 ? personSlug(authorityName, display) : `${personSlug(authorityName, display)}-${n}`,
            display_name: display,
            honorific: name.honorific,
            forenames: name.forenames.join(" ") || null,
            initials: name.initials || null,
            surname: name.surname,
            surname_key: name.surnameKey,
            kind,
          })
          .onConflict((oc) => oc.column("slug").doNothing())
          .returning("id")
          .executeTakeFirst();
      }
      list.push({ id: row.id, name, inBody: true, kind, dirty: false });
      known.set(name.surnameKey, list);
      return row.id;
    },
    async flush(): Promise<void> {
      for (const list of known.values()) {
        for (const p of list) {
          if (!p.dirty) continue;
          await trx
            .updateTable("people")
            .set({ display_name: displayName(p.name), honorific: p.name.honorific, forenames: p.name.forenames.join(" ") || null, initials: p.name.initials || null, kind: p.kind })
            .where("id", "=", p.id)
            .execute();
        }
      }
    },
  };
}

/** The names in a decision's recorded votes. */
export function voterNames(votes: Votes | null | undefined): string[] {
  const recorded = votes?.recorded;
  if (!recorded) return [];
  return MEMBER_VOTES.flatMap((v) => (Array.isArray(recorded[v]) ? recorded[v].filter((n): n is string => typeof n === "string") : []));
}

export type PeopleResolver = Awaited<ReturnType<typeof peopleResolver>>;
