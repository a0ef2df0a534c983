// People followed by email. When a meeting's minutes become public, each followed person the
// public minutes name at the meeting, or as mover or seconder of a public decision, gets an
// alert. Both are read through the visibility rule as a signed-out visitor sees them: an
// exempt decision's mover is not told of, and a person the public cannot see is not followed.
import type { AlertMotion } from "../../domain/alerts.ts";
import { alertPaths } from "../../domain/alerts.ts";
import type { Db } from "../db.ts";
import { publicMinutesOnly, publicPeopleOnly, publicResolutionsOnly } from "../visibility.ts";
import { mailDb, type AnyDb } from "./schema.ts";

export interface PersonFollowers {
  person: { id: number; slug: string; name: string };
  subscriptions: { id: number; subscriber_id: number; frequency: "immediate" | "daily"; email: string }[];
}

/** A person one may follow: anyone the public may see. */
export async function personForAlerts(db: AnyDb, slug: string): Promise<{ id: number; slug: string; name: string } | undefined> {
  const p = await (db as Db).selectFrom("people").where("people.slug", "=", slug).where(publicPeopleOnly).select(["people.id", "people.slug", "people.display_name"]).executeTakeFirst();
  return p ? { id: p.id, slug: p.slug, name: p.display_name } : undefined;
}

/** The followed people the public minutes of this meeting name, with their live subscriptions. */
export async function followedPeopleAt(db: AnyDb, meetingId: number, meetingSlug: string): Promise<(PersonFollowers & { attended: boolean; motions: AlertMotion[] })[]> {
  const rows = await mailDb(db)
    .selectFrom("mail_subscriptions")
    .innerJoin("people", "people.id", "mail_subscriptions.target_id")
    .innerJoin("mail_subscribers", "mail_subscribers.id", "mail_subscriptions.subscriber_id")
    .where("mail_subscriptions.target_kind", "=", "person")
    .where("mail_subscriptions.status", "=", "active")
    .where(publicPeopleOnly)
    .select(["people.id as person_id", "people.slug", "people.display_name", "mail_subscriptions.id", "mail_subscriptions.subscriber_id", "mail_subscriptions.frequency", "mail_subscribers.email"])
    .orderBy("people.id")
    .orderBy("mail_subscriptions.id")
    .execute();
  if (!rows.length) return [];
  const ids = [...new Set(rows.map((r) => r.person_id))];
  const d = db as Db;
  const present = await d
    .selectFrom("attendance")
    .innerJoin("meetings", "meetings.id", "attendance.meeting_id")
    .where("attendance.meeting_id", "=", meetingId)
    .where("attendance.person_id", "in", ids)
    // sent apologies or absent: not at the meeting
    .where("attendance.status", "in", ["present", "in_attendance"])
    .where(publicMinutesOnly)
    .select("attendance.person_id")
    .execute();
  const motions = await d
    .selectFrom("resolutions")
    .innerJoin("items", "items.id", "resolutions.item_id")
    .innerJoin("meetings", "meetings.id", "resolutions.meeting_id")
    .where("resolutions.meeting_id", "=", meetingId)
    .where((eb) => eb.or([eb("resolutions.moved_by_person_id", "in", ids), eb("resolutions.seconded_by_person_id", "in", ids)]))
    .where(publicResolutionsOnly())
    .select(["resolutions.slug", "resolutions.moved_by_person_id", "resolutions.seconded_by_person_id", "items.title"])
    .orderBy("items.position")
    .orderBy("resolutions.position")
    .execute();
  const attended = new Set(present.map((p) => p.person_id));
  const out = new Map<number, PersonFollowers & { attended: boolean; motions: AlertMotion[] }>();
  for (const r of rows) {
    let f = out.get(r.person_id);
    if (!f) {
      const own: AlertMotion[] = motions.flatMap((mo) => [
        ...(mo.moved_by_person_id === r.person_id ? [{ role: "moved" as const, title: mo.title, path: alertPaths.decision(meetingSlug, mo.slug) }] : []),
        ...(mo.seconded_by_person_id === r.person_id ? [{ role: "seconded" as const, title: mo.title, path: alertPaths.decision(meetingSlug, mo.slug) }] : []),
      ]);
      out.set(r.person_id, (f = { person: { id: r.person_id, slug: r.slug, name: r.display_name }, subscriptions: [], attended: attended.has(r.person_id), motions: own }));
    }
    f.subscriptions.push({ id: r.id, subscriber_id: r.subscriber_id, frequency: r.frequency, email: r.email });
  }
  return [...out.values()].filter((f) => f.attended || f.motions.length);
}
