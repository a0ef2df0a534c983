// What the people and committee forms show: a person as stored (published or not: these pages are
// for clerks), where they were written in the minutes, their memberships, and the choices a form offers.
import { sql } from "kysely";
import type { Db } from "../db.ts";
import { personRow, type PersonRow } from "./edit.ts";

export interface PersonForEdit {
  person: PersonRow & { authority: string };
  attendance: { id: number; meeting: string; date: string; body: string; name: string; status: string }[];
  memberships: { id: number; body: string; bodyName: string; role: string | null; kind: string; from: string | null; to: string | null; source: string }[];
  bodies: { slug: string; name: string }[];
}

export async function personForEdit(db: Db, slug: string): Promise<PersonForEdit> {
  const person = await personRow(db, slug);
  const authority = await db.selectFrom("authorities").where("id", "=", person.authority_id).select("name").executeTakeFirstOrThrow();
  const attendance = await db
    .selectFrom("attendance")
    .innerJoin("meetings", "meetings.id", "attendance.meeting_id")
    .innerJoin("bodies", "bodies.id", "meetings.body_id")
    .where("attendance.person_id", "=", person.id)
    .select(["attendance.id", "meetings.slug as meeting", "meetings.date", "bodies.name as body", "attendance.raw_name as name", "attendance.status"])
    .orderBy("meetings.date")
    .orderBy("attendance.position")
    .execute();
  const memberships = await db
    .selectFrom("memberships")
    .innerJoin("bodies", "bodies.id", "memberships.body_id")
    .where("memberships.person_id", "=", person.id)
    .select(["memberships.id", "bodies.slug as body", "bodies.name as bodyName", "memberships.role", "memberships.kind", "memberships.from_date as from", "memberships.to_date as to", "memberships.source"])
    .orderBy("bodies.name")
    .orderBy("memberships.from_date")
    .orderBy("memberships.id")
    .execute();
  const bodies = await db.selectFrom("bodies").where("authority_id", "=", person.authority_id).select(["slug", "name"]).orderBy("name").execute();
  return { person: { ...person, authority: authority.name }, attendance, memberships, bodies };
}

/** People of the same council a person could be merged into, by surname then name. */
export async function mergeCandidates(db: Db, authorityId: number, except: number) {
  return db.selectFrom("people").where("authority_id", "=", authorityId).where("id", "!=", except).select(["slug", "display_name as name"]).orderBy("surname").orderBy("display_name").orderBy("slug").execute();
}

/** A page of people or committees for the workspace lists, filtered by a piece of the name. */
export async function findPeople(db: Db, q: string | undefined, limit: number, offset: number) {
  let query = db.selectFrom("people").innerJoin("authorities", "authorities.id", "people.authority_id");
  if (q) query = query.where(sql`lower(people.display_name)`, "like", `%${q.toLowerCase().replace(/[%_\\]/g, "")}%`);
  const total = Number((await query.select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
  const rows = await query.select(["people.slug", "people.display_name as name", "people.kind", "people.party", "authorities.name as authority"]).orderBy("people.surname").orderBy("people.display_name").orderBy("people.slug").limit(limit).offset(offset).execute();
  return { rows, total };
}

export async function listBodiesForEdit(db: Db) {
  return db.selectFrom("bodies").innerJoin("authorities", "authorities.id", "bodies.authority_id").select(["bodies.slug", "bodies.name", "bodies.kind", "authorities.name as authority"]).orderBy("authorities.name").orderBy("bodies.name").execute();
}
