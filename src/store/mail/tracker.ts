// Inquiries and recommendations of the scrutiny tracker followed by email. Followers hear when the
// executive's response is recorded, when a monitoring update is recorded, and when a response or
// an update becomes overdue. Everything is read through the tracker's own visibility rule
// (`listRecommendations` as the public sees it on the day, released exempt business included): a recommendation from exempt business, or from
// minutes that are not public, is never followed, never named and never makes an alert. A follower
// of an inquiry gets one alert naming each of its recommendations the event touched; a follower of
// one recommendation gets an alert about that one only (and nothing more if they follow its inquiry
// too). The overdue check runs with every pass of the sender; `mail_tracker_overdue` keeps each
// (subscription, recommendation, what, due date) told once, in the transaction that queues the alert.
import type { Kysely } from "kysely";
import type { AlertInquiry, AlertRecommendation, TrackerNews } from "../../domain/alerts.ts";
import type { Db } from "../db.ts";
import type { Database } from "../schema.ts";
import { getInquiry, listRecommendations, type RecommendationView } from "../scrutiny/recommendations.ts";
import { trackerDb } from "../scrutiny/schema.ts";
import { publicViewer } from "../visibility.ts";
import { writeTransaction } from "../write.ts";
import { deliver } from "./alerts.ts";
import { isoDateInZone } from "../../domain/zone-format.ts";
import { mailDb, type AnyDb } from "./schema.ts";

const TEXT_CUT = 300;
const cut = (s: string, n = TEXT_CUT) => (s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}\u2026`);
const tdb = (db: AnyDb) => trackerDb(db as Kysely<Database>);
const dayOf = (now: Date) => now.toISOString().slice(0, 10);

/** A followable inquiry (number null) or recommendation, as the public tracker shows it. */
export interface TrackerTarget {
  /** inquiries.id, or tracked_recommendations.id */
  id: number;
  inquiry: AlertInquiry;
  number: string | null;
}

async function publicInquiry(db: AnyDb, slug: string, now: Date) {
  // the public's view: no recommendation from exempt business or from minutes that are not public
  return getInquiry(db as Db, slug, dayOf(now), { viewer: publicViewer(dayOf(now)) });
}

const alertInquiry = (v: RecommendationView): AlertInquiry => ({ slug: v.inquiry.slug, title: v.inquiry.title, council: v.inquiry.authority.name });

/** An inquiry one may follow: one the public tracker shows. */
export async function inquiryForAlerts(db: AnyDb, slug: string, now: Date): Promise<TrackerTarget | undefined> {
  const d = await publicInquiry(db, slug, now);
  if (!d) return undefined;
  const row = await tdb(db).selectFrom("inquiries").where("slug", "=", slug).select("id").executeTakeFirst();
  return row ? { id: row.id, inquiry: alertInquiry(d.recommendations[0]), number: null } : undefined;
}

/** A recommendation one may follow: one the public tracker shows. */
export async function recommendationForAlerts(db: AnyDb, slug: string, number: string, now: Date): Promise<TrackerTarget | undefined> {
  const r = (await publicInquiry(db, slug, now))?.recommendations.find((v) => v.number === number);
  return r ? { id: r.id, inquiry: alertInquiry(r), number: r.number } : undefined;
}

/** What a tracker subscription follows while the public may see it; undefined once it is not public. */
export async function trackerTargetOf(db: AnyDb, kind: "recommendation" | "inquiry", id: number, now: Date): Promise<TrackerTarget | undefined> {
  if (kind === "inquiry") {
    const i = await tdb(db).selectFrom("inquiries").where("id", "=", id).select("slug").executeTakeFirst();
    return i ? inquiryForAlerts(db, i.slug, now) : undefined;
  }
  const r = await tdb(db).selectFrom("tracked_recommendations as r").innerJoin("inquiries as i", "i.id", "r.inquiry_id").where("r.id", "=", id).select(["r.number", "i.slug"]).executeTakeFirst();
  return r ? recommendationForAlerts(db, r.slug, r.number, now) : undefined;
}

interface TrackerSub {
  id: number;
  subscriber_id: number;
  frequency: "immediate" | "daily";
  email: string;
  target_kind: string;
  target_id: number;
}

/** Live subscriptions to these recommendations or inquiries (all of them when no ids are given). */
async function followers(db: AnyDb, ids?: { recommendations: number[]; inquiries: number[] }): Promise<TrackerSub[]> {
  let q = mailDb(db)
    .selectFrom("mail_subscriptions")
    .innerJoin("mail_subscribers", "mail_subscribers.id", "mail_subscriptions.subscriber_id")
    .where("mail_subscriptions.status", "=", "active")
    .select(["mail_subscriptions.id", "mail_subscriptions.subscriber_id", "mail_subscriptions.frequency", "mail_subscribers.email", "mail_subscriptions.target_kind", "mail_subscriptions.target_id"])
    .orderBy("mail_subscriptions.id");
  if (ids) {
    const recs = ids.recommendations.length ? ids.recommendations : [-1];
    const inqs = ids.inquiries.length ? ids.inquiries : [-1];
    q = q.where((eb) =>
      eb.or([
        eb.and([eb("mail_subscriptions.target_kind", "=", "recommendation"), eb("mail_subscriptions.target_id", "in", recs)]),
        eb.and([eb("mail_subscriptions.target_kind", "=", "inquiry"), eb("mail_subscriptions.target_id", "in", inqs)]),
      ]),
    );
  } else {
    q = q.where("mail_subscriptions.target_kind", "in", ["recommendation", "inquiry"]);
  }
  return q.execute();
}

/**
 * One alert per inquiry follower naming every recommendation in `news`; one per recommendation
 * follower naming theirs, unless the same address follows the inquiry (it hears of it there).
 */
async function fanOut(db: AnyDb, news: TrackerNews, inquiryId: number, inquiry: AlertInquiry, items: { id: number; rec: AlertRecommendation }[], subs: TrackerSub[], now: Date): Promise<number> {
  if (!items.length) return 0;
  const ofInquiry = subs.filter((s) => s.target_kind === "inquiry" && s.target_id === inquiryId);
  let n = await deliver(db, ofInquiry, { kind: "tracker", news, inquiry, recommendations: items.map((i) => i.rec) }, now);
  const told = new Set(ofInquiry.map((s) => s.subscriber_id));
  for (const item of items) {
    const ofRec = subs.filter((s) => s.target_kind === "recommendation" && s.target_id === item.id && !told.has(s.subscriber_id));
    n += await deliver(db, ofRec, { kind: "tracker", news, inquiry, recommendations: [item.rec] }, now);
  }
  return n;
}

function headOf(v: RecommendationView): AlertRecommendation {
  return { number: v.number, text: cut(v.text, 120) };
}

function newsOf(v: RecommendationView, news: "response" | "update"): AlertRecommendation | null {
  if (news === "response") return v.response ? { ...headOf(v), response: { answer: v.response, text: v.responseText ? cut(v.responseText) : null, actionBy: v.actionBy } } : null;
  const u = v.latestUpdate;
  return u ? { ...headOf(v), update: { date: u.date, rag: u.rag, text: cut(u.text) } } : null;
}

/** The public recommendations among `ids`, by inquiry, with the inquiry's id. */
async function byInquiry(db: AnyDb, ids: number[], day: string): Promise<{ inquiryId: number; views: RecommendationView[] }[]> {
  const rows = await tdb(db).selectFrom("tracked_recommendations as r").innerJoin("inquiries as i", "i.id", "r.inquiry_id").where("r.id", "in", ids).select(["i.id", "i.slug"]).distinct().execute();
  const out: { inquiryId: number; views: RecommendationView[] }[] = [];
  for (const i of rows) {
    const views = (await listRecommendations(db as Db, day, { inquiry: i.slug, viewer: publicViewer(day) })).filter((v) => ids.includes(v.id));
    if (views.length) out.push({ inquiryId: i.id, views });
  }
  return out;
}

/**
 * The executive's response, or a monitoring update, recorded for these recommendations: alerts to
 * their followers and their inquiries', written in the caller's transaction.
 */
export async function alertTracker(db: AnyDb, news: "response" | "update", recommendationIds: number[], now: Date): Promise<number> {
  if (!recommendationIds.length) return 0;
  const inquiries = await tdb(db).selectFrom("tracked_recommendations").where("id", "in", recommendationIds).select("inquiry_id").distinct().execute();
  const subs = await followers(db, { recommendations: recommendationIds, inquiries: inquiries.map((i) => i.inquiry_id) });
  if (!subs.length) return 0;
  let n = 0;
  for (const g of await byInquiry(db, recommendationIds, dayOf(now))) {
    const items = g.views.flatMap((v) => {
      const rec = newsOf(v, news);
      return rec ? [{ id: v.id, rec }] : [];
    });
    n += await fanOut(db, news, g.inquiryId, alertInquiry(g.views[0]), items, subs, now);
  }
  return n;
}

/**
 * The daily check: each follower of a recommendation (or of its inquiry) whose response or
 * monitoring update is overdue today (in `timeZone`) is told once per due date, in one alert per
 * inquiry naming each. Returns how many alerts were queued.
 */
export async function queueTrackerOverdue(db: AnyDb, now: Date, timeZone: string): Promise<number> {
  const subs = await followers(db);
  if (!subs.length) return 0;
  const recIds = subs.filter((s) => s.target_kind === "recommendation").map((s) => s.target_id);
  const inquiryIds = new Set(subs.filter((s) => s.target_kind === "inquiry").map((s) => s.target_id));
  if (recIds.length) for (const r of await tdb(db).selectFrom("tracked_recommendations").where("id", "in", recIds).select("inquiry_id").execute()) inquiryIds.add(r.inquiry_id);
  const today = isoDateInZone(now, timeZone);
  const inquiries = inquiryIds.size ? await tdb(db).selectFrom("inquiries").where("id", "in", [...inquiryIds]).select(["id", "slug"]).orderBy("id").execute() : [];
  let n = 0;
  for (const i of inquiries) {
    const due: { id: number; what: "response" | "update"; due: string; rec: AlertRecommendation }[] = [];
    const views = await listRecommendations(db as Db, today, { inquiry: i.slug, viewer: publicViewer(today) });
    for (const v of views) {
      if (v.closure) continue;
      if (v.overdue.includes("response") && v.inquiry.responseDue) due.push({ id: v.id, what: "response", due: v.inquiry.responseDue, rec: { ...headOf(v), overdue: { what: "response", due: v.inquiry.responseDue } } });
      if (v.overdue.includes("update") && v.nextUpdateDue) due.push({ id: v.id, what: "update", due: v.nextUpdateDue, rec: { ...headOf(v), overdue: { what: "update", due: v.nextUpdateDue } } });
    }
    if (!due.length) continue;
    const inquiry = alertInquiry(views[0]);
    n += await writeTransaction(db as Db, async (trx) => {
      const live = await followers(trx, { recommendations: due.map((d) => d.id), inquiries: [i.id] });
      const followsInquiry = new Set(live.filter((s) => s.target_kind === "inquiry").map((s) => s.subscriber_id));
      let queued = 0;
      for (const s of live) {
        // an address following the inquiry hears of each of its recommendations there
        if (s.target_kind === "recommendation" && followsInquiry.has(s.subscriber_id)) continue;
        const fresh: AlertRecommendation[] = [];
        for (const d of due) {
          if (s.target_kind === "recommendation" && s.target_id !== d.id) continue;
          const r = await mailDb(trx)
            .insertInto("mail_tracker_overdue")
            .values({ subscription_id: s.id, recommendation_id: d.id, what: d.what, due: d.due, created_at: now.toISOString() })
            .onConflict((oc) => oc.columns(["subscription_id", "recommendation_id", "what", "due"]).doNothing())
            .executeTakeFirst();
          if (Number(r.numInsertedOrUpdatedRows ?? 0) === 1) fresh.push(d.rec);
        }
        if (fresh.length) queued += await deliver(trx, [s], { kind: "tracker", news: "overdue", inquiry, recommendations: fresh }, now);
      }
      return queued;
    });
  }
  return n;
}
