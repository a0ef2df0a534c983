// A meeting that has not happened yet (no minutes), in a committee with members entered by hand:
// what the minute-taking screen starts from. Inserted as rows until scheduling meetings has its own
// store function.
import type { Db } from "../../src/store/db.ts";
import { bodyKind } from "../../src/store/rules/body-kinds.ts";
import { authoritySlug, bodySlug, meetingSlug, nameKey, personSlug } from "../../src/store/rules/slugs.ts";

export interface ScheduledInput {
  authority: string;
  body: string;
  date: string;
  startTime: string | null;
  venue?: string | null;
  /** display name, surname, role */
  members?: { name: string; surname: string; role?: string | null }[];
}

export async function scheduledMeeting(db: Db, input: ScheduledInput): Promise<{ id: number; slug: string; bodyId: number }> {
  const aSlug = authoritySlug(input.authority);
  const authority =
    (await db.selectFrom("authorities").where("slug", "=", aSlug).select("id").executeTakeFirst()) ??
    (await db.insertInto("authorities").values({ slug: aSlug, name: input.authority }).returning("id").executeTakeFirstOrThrow());
  const bSlug = bodySlug(input.authority, input.body);
  const body =
    (await db.selectFrom("bodies").where("slug", "=", bSlug).select("id").executeTakeFirst()) ??
    (await db.insertInto("bodies").values({ authority_id: authority.id, slug: bSlug, name: input.body, name_key: nameKey(input.body), kind: bodyKind(input.body) }).returning("id").executeTakeFirstOrThrow());
  const slug = meetingSlug(bSlug, input.date, input.startTime);
  const meeting = await db
    .insertInto("meetings")
    .values({ body_id: body.id, slug, date: input.date, start_time: input.startTime, end_time: null, venue: input.venue ?? null, status: "scheduled", minutes_status: "published", source_document_id: null, announced_at: "2026-01-01T09:00:00.000Z", next_meeting_date: null, next_meeting_time: null, next_meeting_venue: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const m of input.members ?? []) {
    const person = await db
      .insertInto("people")
      .values({ authority_id: authority.id, slug: personSlug(input.authority, m.name), display_name: m.name, honorific: null, forenames: null, initials: null, surname: m.surname, surname_key: nameKey(m.surname), kind: "member" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db.insertInto("memberships").values({ person_id: person.id, body_id: body.id, role: m.role ?? null, kind: "member", from_date: null, to_date: null, source: "manual" }).execute();
  }
  return { id: meeting.id, slug, bodyId: body.id };
}

export const NORTHSHIRE = {
  authority: "Northshire County Council",
  body: "Growth and Communities Cabinet Committee",
  date: "2026-03-10",
  startTime: "10:00",
  venue: "Council Chamber, Shire Hall",
  members: [
    { name: "Cllr Tom Carrow", surname: "Carrow", role: "Chairman" },
    { name: "Cllr Lucy Eden", surname: "Eden", role: "Vice-Chairman" },
    { name: "Cllr Mark Abel", surname: "Abel" },
    { name: "Cllr Dan Brook", surname: "Brook" },
    { name: "Cllr Kay Quill", surname: "Quill" },
  ],
};
