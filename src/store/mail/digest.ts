// Daily digests: alerts for subscriptions set to "daily" wait in mail_alerts; once their day (in
// their council's time zone) is over, each address gets one message gathering them. Building a
// digest takes its alerts with a conditional update in the same transaction that queues it, so two
// senders building at once make one digest, not two.
import { isoDateInZone } from "../../domain/zone-format.ts";
import type { AlertEvent } from "../../domain/alerts.ts";
import { QuorumError } from "../../domain/errors.ts";
import { writeTransaction } from "../write.ts";
import type { Db } from "../db.ts";
import { enqueue } from "./outbox.ts";
import { mailDb, type AnyDb } from "./schema.ts";

/**
 * Queues one digest per address for the alerts of days now over; returns how many. An alert's day
 * is its council's: a committee's subscription belongs to the committee's council, so its alerts
 * wait until the day is over in that council's time zone; a search or a person, followed across
 * councils, keeps `defaultZone` (the site's).
 */
export async function buildDigests(db: AnyDb, now: Date, defaultZone: string): Promise<number> {
  const waiting = await mailDb(db)
    .selectFrom("mail_alerts")
    .innerJoin("mail_subscriptions", "mail_subscriptions.id", "mail_alerts.subscription_id")
    .leftJoin("bodies", (j) => j.onRef("bodies.id", "=", "mail_subscriptions.target_id").on("mail_subscriptions.target_kind", "=", "committee"))
    .leftJoin("authorities", "authorities.id", "bodies.authority_id")
    .where("mail_alerts.outbox_id", "is", null)
    .select(["mail_alerts.id", "mail_alerts.subscriber_id", "mail_alerts.payload_json", "mail_alerts.created_at", "authorities.time_zone"])
    .orderBy("mail_alerts.id")
    .execute();
  const bySubscriber = new Map<number, { ids: number[]; events: AlertEvent[]; day: string }>();
  for (const a of waiting) {
    const zone = a.time_zone ?? defaultZone;
    const day = isoDateInZone(new Date(a.created_at), zone);
    if (day >= isoDateInZone(now, zone)) continue;
    const d = bySubscriber.get(a.subscriber_id) ?? { ids: [], events: [], day };
    d.ids.push(a.id);
    d.events.push(JSON.parse(a.payload_json) as AlertEvent);
    if (day > d.day) d.day = day;
    bySubscriber.set(a.subscriber_id, d);
  }
  let made = 0;
  for (const [subscriberId, d] of bySubscriber) {
    const done = await writeTransaction(db as Db, async (trx) => {
      const mdb = mailDb(trx);
      const who = await mdb.selectFrom("mail_subscribers").where("id", "=", subscriberId).select("email").executeTakeFirst();
      if (!who) return false;
      const { id } = await enqueue(trx, { kind: "digest", to: who.email, subscriberId, subscriptionId: null, payload: { kind: "digest", day: d.day, events: d.events } }, now);
      const taken = await mdb.updateTable("mail_alerts").set({ outbox_id: id }).where("id", "in", d.ids).where("outbox_id", "is", null).executeTakeFirst();
      // another sender took some of them first: this digest is dropped with its transaction
      if (Number(taken.numUpdatedRows) !== d.ids.length) throw new QuorumError("conflict", "digest built elsewhere");
      return true;
    }).catch((err) => {
      if (err instanceof QuorumError && err.code === "conflict") return false;
      throw err;
    });
    if (done) made++;
  }
  return made;
}
