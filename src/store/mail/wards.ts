// Wards followed by email. A ward has no row of its own in the archive (store/wards/read.ts reads
// it from what clerks write), so the first request to follow one makes a row in mail_wards (its
// council and the part of its address its name makes) for subscriptions to point at. When an
// agenda is published or a key decision enters the forward plan, the followers of each ward its
// public record names are found here; what the public may not read of an item (an exempt item's
// wards) never names a ward.
import { wardKey, wardKeySlug } from "../../domain/wards.ts";
import type { AlertWard } from "../../domain/alerts.ts";
import type { Db } from "../db.ts";
import { getWard, type WardSummary } from "../wards/read.ts";
import { mailDb, type AnyDb } from "./schema.ts";

/** A ward one may follow: any ward a public record names. */
export async function wardForAlerts(db: AnyDb, slug: string): Promise<WardSummary | null> {
  return getWard(db as Db, slug);
}

/** The ward's row in mail_wards, made on first asking (its name kept as then shown). */
export async function wardFollowId(db: AnyDb, ward: WardSummary, now: Date): Promise<number> {
  const mdb = mailDb(db);
  const slug = wardKeySlug(ward.key);
  const found = await mdb.selectFrom("mail_wards").where("authority_id", "=", ward.authority.id).where("slug", "=", slug).select("id").executeTakeFirst();
  if (found) return found.id;
  return (await mdb.insertInto("mail_wards").values({ authority_id: ward.authority.id, slug, name: ward.name, created_at: now.toISOString() }).returning("id").executeTakeFirstOrThrow()).id;
}

export interface WardFollowers {
  ward: AlertWard;
  /** what every spelling of the ward shares, as an address part */
  slug: string;
  subscriptions: { id: number; subscriber_id: number; frequency: "immediate" | "daily"; email: string }[];
}

/** The followed wards of a council, with their live subscriptions. */
export async function followedWards(db: AnyDb, authorityId: number): Promise<WardFollowers[]> {
  const rows = await mailDb(db)
    .selectFrom("mail_subscriptions")
    .innerJoin("mail_wards", "mail_wards.id", "mail_subscriptions.target_id")
    .innerJoin("authorities", "authorities.id", "mail_wards.authority_id")
    .innerJoin("mail_subscribers", "mail_subscribers.id", "mail_subscriptions.subscriber_id")
    .where("mail_subscriptions.target_kind", "=", "ward")
    .where("mail_subscriptions.status", "=", "active")
    .where("mail_wards.authority_id", "=", authorityId)
    .select(["mail_wards.id as ward_id", "mail_wards.slug", "mail_wards.name", "authorities.slug as authority_slug", "authorities.name as council", "mail_subscriptions.id", "mail_subscriptions.subscriber_id", "mail_subscriptions.frequency", "mail_subscribers.email"])
    .orderBy("mail_wards.id")
    .orderBy("mail_subscriptions.id")
    .execute();
  const out = new Map<number, WardFollowers>();
  for (const r of rows) {
    let f = out.get(r.ward_id);
    if (!f) out.set(r.ward_id, (f = { ward: { slug: `${r.authority_slug}-${r.slug}`, name: r.name, council: r.council }, slug: r.slug, subscriptions: [] }));
    f.subscriptions.push({ id: r.id, subscriber_id: r.subscriber_id, frequency: r.frequency, email: r.email });
  }
  return [...out.values()];
}

/** Whether a ward as written (a key decision's, or one of an agenda item's) is this followed ward. */
export function isWard(written: string, followed: WardFollowers): boolean {
  return wardKeySlug(wardKey(written)) === followed.slug;
}
