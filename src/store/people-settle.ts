// Settling who is who after an import: every name written in an authority's minutes is matched to
// people again, from nothing, in one order (meeting date, start time, meeting, position), with
// the rules an import applies document by document (`rules/names.ts`). Documents are matched as
// they are stored, against whatever was stored before them, so that result depends on the order
// documents arrive in — across runs, and between importers running at once. The settled result is
// a function of what is stored only: the same minutes give the same people, the same display
// names and the same person slugs however, and in how many runs, they were imported. A person's
// slug comes from their name as first written in that order; people already stored keep their id
// when their slug is kept. What clerks decided (merges, splits, names, party and ward:
// `people/decisions.ts`) is applied over the rules, in the order it was decided, so no import undoes it.
import { keepingPeopleSummaries } from "./summaries/people.ts";
import { sql } from "kysely";
import { dialectOf, type Db } from "./db.ts";
import { IMPORT_LOCK } from "./import.ts";
import { deriveMemberships } from "./import-derived.ts";
import { KIND_RANK } from "./import-people.ts";
import { choosePerson, displayName, mergeNames, parseName, type PersonName } from "./rules/names.ts";
import { personSlug } from "./rules/slugs.ts";
import { bodyFamily } from "./rules/body-family.ts";
import { reindexPeople } from "./search.ts";
import { recordDeletedPeople } from "./opendata/deleted.ts";
import { writeTransaction } from "./write.ts";
import { anchorResolver, loadDecisions, type PersonFields } from "./people/decisions.ts";
import type { Transaction } from "kysely";
import type { Database } from "./schema.ts";

interface Settled {
  key: number;
  first: PersonName;
  name: PersonName;
  kind: string;
  bodies: Set<number>;
  /** merged into this person by a clerk */
  into?: Settled;
  /** a slug a clerk's decision keeps */
  pin?: string;
  fields?: PersonFields;
}

export interface SettleResult {
  people: number;
  /** rows whose person changed: attendance, substitutes, movers, seconders, declarations */
  relinked: number;
}

/** Settles the people of every authority; see the file comment. */
export async function settleAllPeople(db: Db): Promise<SettleResult> {
  const total: SettleResult = { people: 0, relinked: 0 };
  for (const a of await db.selectFrom("authorities").select("id").orderBy("id").execute()) {
    const r = await settlePeople(db, a.id);
    total.people += r.people;
    total.relinked += r.relinked;
  }
  return total;
}

export async function settlePeople(db: Db, authorityId: number): Promise<SettleResult> {
  return writeTransaction(db, (trx) => settlePeopleIn(trx, authorityId));
}

/** Settles one authority's people inside a transaction the caller holds. */
export async function settlePeopleIn(trx: Transaction<Database>, authorityId: number): Promise<SettleResult> {
  {
    const authority = await trx.selectFrom("authorities").where("id", "=", authorityId).select(["name", "slug"]).executeTakeFirstOrThrow();
    if (dialectOf(trx) === "postgres") await sql`SELECT pg_advisory_xact_lock(${IMPORT_LOCK}, hashtext(${authority.slug}))`.execute(trx);
    const meetings = await trx
      .selectFrom("meetings")
      .innerJoin("bodies", "bodies.id", "meetings.body_id")
      .where("bodies.authority_id", "=", authorityId)
      .select(["meetings.id", "meetings.slug", "meetings.date", "meetings.start_time", "meetings.body_id"])
      .execute();
    const meetingOf = new Map(meetings.map((m) => [m.id, m]));
    const order = new Map(
      [...meetings]
        .sort((a, b) => cmp(a.date, b.date) || cmp(a.start_time ?? "", b.start_time ?? "") || cmp(a.slug, b.slug))
        .map((m, i) => [m.id, i]),
    );
    const ids = meetings.map((m) => m.id);
    // a committee named for its parent body sits with it: "in the body" means in its family
    const bodyRows = await trx.selectFrom("bodies").where("authority_id", "=", authorityId).select(["id", "name"]).execute();
    const family = new Map(bodyRows.map((b) => [b.id, bodyFamily(b.id, bodyRows)]));
    const inFamily = (p: Settled, body: number) => (family.get(body) ?? [body]).some((b) => p.bodies.has(b));
    const inMeetings = <T>(rows: (T & { meeting_id: number })[]) =>
      rows.sort((a, b) => order.get(a.meeting_id)! - order.get(b.meeting_id)! || (a as { position?: number }).position! - (b as { position?: number }).position!);
    const attendance = ids.length
      ? inMeetings(await trx.selectFrom("attendance").where("meeting_id", "in", ids).select(["id", "meeting_id", "position", "raw_name", "kind", "person_id", "substitute_for", "substitute_for_person_id"]).execute())
      : [];

    // Rows a clerk split off form people of their own, whatever the rules would match them to.
    const decisions = await loadDecisions(trx, authorityId);
    const resolve = anchorResolver(attendance.map((a) => ({ id: a.id, meeting: meetingOf.get(a.meeting_id)!.slug, position: a.position, name: a.raw_name })));
    const splitOf = new Map<number, number>();
    for (const d of decisions) if (d.kind === "split") for (const r of d.anchors.map(resolve)) if (r !== null) splitOf.set(r, d.id);
    const splitGroups = new Map<number, Settled>();

    // Names that may create people, in order.
    const groups = new Map<string, Settled[]>();
    const settled: Settled[] = [];
    const personFor = new Map<number, Settled | null>();
    for (const a of attendance) {
      const body = meetingOf.get(a.meeting_id)!.body_id;
      const name = parseName(a.raw_name);
      if (!name || name.surname.length > 40) {
        personFor.set(a.id, null);
        continue;
      }
      const split = splitOf.get(a.id);
      if (split !== undefined) {
        let p = splitGroups.get(split);
        if (p) {
          p.name = mergeNames(p.name, name);
          if ((KIND_RANK[a.kind] ?? 0) > (KIND_RANK[p.kind] ?? 0)) p.kind = a.kind;
          p.bodies.add(body);
        } else {
          p = { key: settled.length, first: name, name, kind: a.kind, bodies: new Set([body]), pin: decisions.find((d) => d.id === split)?.slug ?? undefined };
          settled.push(p);
          splitGroups.set(split, p);
        }
        personFor.set(a.id, p);
        continue;
      }
      const list = groups.get(name.surnameKey) ?? [];
      const choice = choosePerson(name, list.map((p) => ({ id: p.key, name: p.name, inBody: inFamily(p, body) })));
      if (choice.kind === "match") {
        const p = list.find((c) => c.key === choice.id)!;
        p.name = mergeNames(p.name, name);
        if ((KIND_RANK[a.kind] ?? 0) > (KIND_RANK[p.kind] ?? 0)) p.kind = a.kind;
        p.bodies.add(body);
        personFor.set(a.id, p);
      } else if (choice.kind === "ambiguous") {
        personFor.set(a.id, null);
      } else {
        const p: Settled = { key: settled.length, first: name, name, kind: a.kind, bodies: new Set([body]) };
        settled.push(p);
        list.push(p);
        groups.set(name.surnameKey, list);
        personFor.set(a.id, p);
      }
    }
    // Merges and fixed details, in the order decided. A decision's rows are those the person had
    // when it was made: rows split off by a later decision are not among them.
    const find = (p: Settled): Settled => (p.into ? find(p.into) : p);
    const groupsAt = (anchors: { meeting: string; position: number; name: string }[], at: number) =>
      anchors.map(resolve).filter((r): r is number => r !== null && !((splitOf.get(r) ?? 0) > at));
    for (const d of decisions) {
      if (d.kind === "merge") {
        const keep = groupsAt(d.target, d.id).map((r) => personFor.get(r)).find((p): p is Settled => !!p);
        if (!keep) continue;
        const root = find(keep);
        for (const r of groupsAt(d.anchors, d.id)) {
          const p = personFor.get(r);
          if (!p) {
            personFor.set(r, root);
            continue;
          }
          const g = find(p);
          if (g === root) continue;
          g.into = root;
          for (const b of g.bodies) root.bodies.add(b);
          if ((KIND_RANK[g.kind] ?? 0) > (KIND_RANK[root.kind] ?? 0)) root.kind = g.kind;
        }
        if (d.slug) root.pin = d.slug;
      } else if (d.kind === "details" && d.fields) {
        const p = groupsAt(d.anchors, d.id).map((r) => personFor.get(r)).find((x): x is Settled => !!x);
        if (!p) continue;
        const g = find(p);
        g.fields = d.fields;
        if (d.slug) g.pin = d.slug;
      }
    }

    // Names that only ever refer to someone already known: against everyone, once all are known.
    const refer = (raw: string | null, meetingId: number): Settled | null => {
      const name = raw ? parseName(raw) : null;
      if (!name || name.surname.length > 40) return null;
      const body = meetingOf.get(meetingId)!.body_id;
      const list = groups.get(name.surnameKey) ?? [];
      const choice = choosePerson(name, list.map((p) => ({ id: p.key, name: p.name, inBody: inFamily(p, body) })));
      return choice.kind === "match" ? find(settled[choice.id]) : null;
    };

    // Slugs from the name as first written; a repeat takes the next free suffix, in order.
    // Slugs a clerk's decision keeps are taken first.
    const existing = await trx.selectFrom("people").where("authority_id", "=", authorityId).select(["id", "slug", "display_name", "honorific", "forenames", "initials", "surname", "kind", "party", "ward"]).execute();
    const bySlug = new Map(existing.map((p) => [p.slug, p]));
    const taken = new Set<string>();
    const idOf = new Map<number, number>();
    const touched: number[] = [];
    const roots = settled.filter((p) => !p.into);
    const slugOf = new Map<Settled, string>();
    for (const p of roots) if (p.pin && !taken.has(p.pin)) (taken.add(p.pin), slugOf.set(p, p.pin));
    for (const p of roots) {
      let slug = slugOf.get(p);
      if (!slug) {
        const base = personSlug(authority.name, displayName(p.first));
        slug = base;
        for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
        taken.add(slug);
      }
      const f = p.fields;
      const values = {
        display_name: f ? f.displayName : displayName(p.name),
        honorific: f ? f.honorific : p.name.honorific,
        forenames: f ? f.forenames : p.name.forenames.join(" ") || null,
        initials: f ? f.initials : p.name.initials || null,
        surname: f ? f.surname : p.name.surname,
        surname_key: p.name.surnameKey,
        kind: f ? f.kind : p.kind,
        party: f?.party ?? null,
        ward: f?.ward ?? null,
      };
      const row = bySlug.get(slug);
      if (row) {
        idOf.set(p.key, row.id);
        if (row.display_name !== values.display_name || row.honorific !== values.honorific || row.forenames !== values.forenames || row.initials !== values.initials || row.surname !== values.surname || row.kind !== values.kind || row.party !== values.party || row.ward !== values.ward) {
          await trx.updateTable("people").set(values).where("id", "=", row.id).execute();
          touched.push(row.id);
        }
      } else {
        const created = await trx.insertInto("people").values({ authority_id: authorityId, slug, ...values }).returning("id").executeTakeFirstOrThrow();
        idOf.set(p.key, created.id);
        touched.push(created.id);
      }
    }
    const id = (p: Settled | null | undefined) => (p ? idOf.get(find(p).key)! : null);

    let relinked = 0;
    const moves = attendance.flatMap((a) => {
      const person = id(personFor.get(a.id));
      const sub = a.substitute_for ? id(refer(a.substitute_for, a.meeting_id)) : null;
      return person !== a.person_id || sub !== a.substitute_for_person_id ? [{ a, person, sub }] : [];
    });
    // the people summaries follow the rows that move (summaries/people.ts)
    await keepingPeopleSummaries(trx, [...new Set(moves.filter((m) => m.person !== m.a.person_id).map((m) => m.a.meeting_id))], async () => {
      for (const { a, person, sub } of moves) {
        await trx.updateTable("attendance").set({ person_id: person, substitute_for_person_id: sub }).where("id", "=", a.id).execute();
        for (const x of [a.person_id, person]) if (x) touched.push(x);
        relinked++;
      }
    });
    if (ids.length) {
      const resolutions = await trx.selectFrom("resolutions").where("meeting_id", "in", ids).select(["id", "meeting_id", "moved_by_name", "moved_by_person_id", "seconded_by_name", "seconded_by_person_id"]).execute();
      for (const r of resolutions) {
        const moved = id(refer(r.moved_by_name, r.meeting_id));
        const seconded = id(refer(r.seconded_by_name, r.meeting_id));
        if (moved !== r.moved_by_person_id || seconded !== r.seconded_by_person_id) {
          await trx.updateTable("resolutions").set({ moved_by_person_id: moved, seconded_by_person_id: seconded }).where("id", "=", r.id).execute();
          relinked++;
        }
      }
      const voters = await trx.selectFrom("decision_votes").where("meeting_id", "in", ids).select(["id", "meeting_id", "raw_name", "person_id"]).execute();
      for (const v of voters) {
        const person = id(refer(v.raw_name, v.meeting_id));
        if (person !== v.person_id) {
          await trx.updateTable("decision_votes").set({ person_id: person }).where("id", "=", v.id).execute();
          relinked++;
        }
      }
      const declarations = await trx.selectFrom("declarations").where("meeting_id", "in", ids).select(["id", "meeting_id", "raw_name", "person_id"]).execute();
      for (const d of declarations) {
        const person = id(refer(d.raw_name, d.meeting_id));
        if (person !== d.person_id) {
          await trx.updateTable("declarations").set({ person_id: person }).where("id", "=", d.id).execute();
          relinked++;
        }
      }
    }

    // People no longer named anywhere go, unless a membership entered by hand still holds them.
    const kept = new Set(idOf.values());
    const gone = existing.filter((p) => !kept.has(p.id)).map((p) => p.id);
    const bodies = await trx.selectFrom("bodies").where("authority_id", "=", authorityId).select("id").execute();
    if (gone.length || relinked) {
      // derived again first: what attendance no longer names goes, and what it still names keeps its id
      for (const b of bodies) await deriveMemberships(trx, b.id);
      if (gone.length) {
        const held = new Set((await trx.selectFrom("memberships").where("person_id", "in", gone).select("person_id").execute()).map((m) => m.person_id));
        const drop = gone.filter((g) => !held.has(g));
        if (drop.length) {
          await recordDeletedPeople(trx, drop);
          await trx.deleteFrom("search_entries").where("kind", "=", "person").where("entity_id", "in", drop).execute();
          await trx.deleteFrom("people").where("id", "in", drop).execute();
        }
      }
    }
    await reindexPeople(trx, touched.filter((t) => !gone.includes(t)));
    return { people: roots.length, relinked };
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
