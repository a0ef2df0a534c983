// Alerts for a committee, written in the transaction of the event that causes them: a meeting
// scheduled or changed, an agenda published, minutes published. What an alert says is read here
// through the visibility rule, as the public sees it (a meeting the public cannot see makes no
// alert; an exempt agenda item is named by its title and ground only, its papers left out), and
// kept with the alert: the sender writes the message from it and reads nothing else.
import type { Kysely } from "kysely";
import { alertPaths, type AlertCommittee, type AlertEvent, type AlertItem, type AlertMeeting, type MeetingChangeKind } from "../../domain/alerts.ts";
import type { Db } from "../db.ts";
import type { Database } from "../schema.ts";
import { listedMeetingsOnly, publicMinutesOnly } from "../visibility.ts";
import { readAgenda } from "../agenda/read.ts";
import { enqueue } from "./outbox.ts";
import { followedSearches, matchInMeeting } from "./searches.ts";
import { followedPeopleAt } from "./people.ts";
import { followedWards, isWard } from "./wards.ts";
import { wardsIn } from "../../domain/wards.ts";
import { getKeyDecision } from "../forward-plan/read.ts";
import { mailDb, type AnyDb } from "./schema.ts";

/**
 * The meeting and its committee as the public sees them; null when the meeting is not listed, or,
 * for news of its minutes (`minutes`), when they are not public.
 */
async function publicMeeting(db: AnyDb, meetingId: number, opts: { minutes?: boolean } = {}): Promise<{ bodyId: number; committee: AlertCommittee; meeting: AlertMeeting } | null> {
  let q = (db as Kysely<Database>)
    .selectFrom("meetings")
    .innerJoin("bodies", "bodies.id", "meetings.body_id")
    .innerJoin("authorities", "authorities.id", "bodies.authority_id")
    .where("meetings.id", "=", meetingId)
    .where(listedMeetingsOnly);
  if (opts.minutes) q = q.where(publicMinutesOnly);
  const m = await q
    .select(["meetings.slug", "meetings.date", "meetings.start_time", "meetings.venue", "bodies.id as body_id", "bodies.slug as body_slug", "bodies.name as body_name", "authorities.name as council"])
    .executeTakeFirst();
  if (!m) return null;
  return { bodyId: m.body_id, committee: { slug: m.body_slug, name: m.body_name, council: m.council }, meeting: { slug: m.slug, date: m.date, startTime: m.start_time, venue: m.venue } };
}

type Sub = { id: number; subscriber_id: number; frequency: "immediate" | "daily"; email: string };

/** Queues the event for every live subscription to the committee: a message now, or a line for the day's digest. */
async function fanOut(db: AnyDb, bodyId: number, event: AlertEvent, now: Date): Promise<number> {
  const subs = await mailDb(db)
    .selectFrom("mail_subscriptions")
    .innerJoin("mail_subscribers", "mail_subscribers.id", "mail_subscriptions.subscriber_id")
    .where("mail_subscriptions.target_kind", "=", "committee")
    .where("mail_subscriptions.target_id", "=", bodyId)
    .where("mail_subscriptions.status", "=", "active")
    .select(["mail_subscriptions.id", "mail_subscriptions.subscriber_id", "mail_subscriptions.frequency", "mail_subscribers.email"])
    .orderBy("mail_subscriptions.id")
    .execute();
  return deliver(db, subs, event, now);
}

/** Queues one event for these subscriptions: a message now, or a line for the day's digest. */
export async function deliver(db: AnyDb, subs: Sub[], event: AlertEvent, now: Date): Promise<number> {
  const mdb = mailDb(db);
  for (const s of subs) {
    if (s.frequency === "daily") {
      await mdb.insertInto("mail_alerts").values({ subscription_id: s.id, subscriber_id: s.subscriber_id, payload_json: JSON.stringify(event), created_at: now.toISOString(), outbox_id: null }).execute();
    } else {
      await enqueue(db, { kind: "alert", to: s.email, subscriberId: s.subscriber_id, subscriptionId: s.id, payload: { kind: "alert", event } }, now);
    }
  }
  return subs.length;
}

/** A meeting newly scheduled, or its plan changed. */
export async function alertMeetingEvent(db: AnyDb, meetingId: number, kind: "scheduled" | MeetingChangeKind, reason: string | null, now: Date): Promise<number> {
  const m = await publicMeeting(db, meetingId);
  if (!m) return 0;
  const event: AlertEvent = kind === "scheduled" ? { kind: "meeting_scheduled", committee: m.committee, meeting: m.meeting } : { kind: "meeting_changed", change: kind, committee: m.committee, meeting: m.meeting, reason };
  return fanOut(db, m.bodyId, event, now);
}

/** Minutes made public: published from draft, or a review import published. */
export async function alertMinutesPublished(db: AnyDb, meetingId: number, now: Date): Promise<number> {
  const m = await publicMeeting(db, meetingId, { minutes: true });
  if (!m) return 0;
  const n = await fanOut(db, m.bodyId, { kind: "minutes_published", committee: m.committee, meeting: m.meeting }, now);
  return n + (await alertSearches(db, meetingId, m, "minutes", now)) + (await alertPeople(db, meetingId, m, now));
}

/** Followed people whom the newly public minutes name at the meeting or as mover or seconder. */
async function alertPeople(db: AnyDb, meetingId: number, m: { committee: AlertCommittee; meeting: AlertMeeting }, now: Date): Promise<number> {
  let n = 0;
  for (const f of await followedPeopleAt(db, meetingId, m.meeting.slug)) {
    n += await deliver(db, f.subscriptions, { kind: "person_at_meeting", person: { slug: f.person.slug, name: f.person.name }, committee: m.committee, meeting: m.meeting, attended: f.attended, motions: f.motions }, now);
  }
  return n;
}

/**
 * Saved searches that find something in what the meeting just made public: each gets an alert
 * naming the matches. Only an agenda's or the minutes' own entries are searched, so a search is
 * not told again about the agenda when the minutes come out.
 */
async function alertSearches(db: AnyDb, meetingId: number, m: { committee: AlertCommittee; meeting: AlertMeeting }, source: "minutes" | "agenda", now: Date): Promise<number> {
  let n = 0;
  for (const f of await followedSearches(db)) {
    const hits = await matchInMeeting(db, f.search, meetingId, m.meeting.slug, source);
    if (!hits.length) continue;
    n += await deliver(db, f.subscriptions, { kind: "search_matched", source, search: f.search, committee: m.committee, meeting: m.meeting, hits }, now);
  }
  return n;
}

/** An agenda (sequence 0) or a supplement published: the items it put out, as the public sees them. */
export async function alertAgendaPublished(db: AnyDb, meetingId: number, sequence: number, now: Date): Promise<number> {
  const m = await publicMeeting(db, meetingId);
  if (!m) return 0;
  const agenda = await readAgenda(db as Db, m.meeting.slug);
  if (!agenda) return 0;
  const items: AlertItem[] = [];
  /** each item put out, with the wards the public may read of it (none for an exempt item: withheld) */
  const placed: { item: AlertItem; wards: string | null }[] = [];
  for (const i of agenda.items) {
    const newPapers = i.papers.filter((p) => p.publicationSequence === sequence);
    if (i.publicationSequence !== sequence && !newPapers.length) continue;
    const item: AlertItem = {
      number: i.number,
      title: i.title,
      exempt: i.exempt,
      exemptParagraph: i.exempt ? i.exemptParagraph : null,
      // a paper the public may not download is not named either
      papers: i.withheld ? [] : newPapers.filter((p) => p.downloadable && !p.exempt).map((p) => ({ title: p.title, path: alertPaths.paper(m.meeting.slug, p.id) })),
    };
    items.push(item);
    placed.push({ item, wards: i.withheld ? null : i.wards });
  }
  const n = await fanOut(db, m.bodyId, { kind: "agenda_published", committee: m.committee, meeting: m.meeting, supplement: sequence > 0, items }, now);
  return n + (await alertSearches(db, meetingId, m, "agenda", now)) + (await alertWardsOfAgenda(db, m, sequence, placed, now));
}

/** Followed wards named by the items just published: one alert per ward, listing its items. */
async function alertWardsOfAgenda(db: AnyDb, m: { bodyId: number; committee: AlertCommittee; meeting: AlertMeeting }, sequence: number, placed: { item: AlertItem; wards: string | null }[], now: Date): Promise<number> {
  if (!placed.some((p) => p.wards)) return 0;
  const body = await (db as Kysely<Database>).selectFrom("bodies").where("id", "=", m.bodyId).select("authority_id").executeTakeFirstOrThrow();
  let n = 0;
  for (const f of await followedWards(db, body.authority_id)) {
    const items = placed.filter((p) => wardsIn(p.wards).some((w) => isWard(w.name, f))).map((p) => p.item);
    if (!items.length) continue;
    n += await deliver(db, f.subscriptions, { kind: "ward_agenda", ward: f.ward, committee: m.committee, meeting: m.meeting, supplement: sequence > 0, items }, now);
  }
  return n;
}

/**
 * A key decision added to the forward plan: its wards' followers are told what the public plan
 * shows of it (of one to be taken in private, its title, maker, date, paragraph and reason).
 */
export async function alertKeyDecisionAdded(db: AnyDb, slug: string, now: Date): Promise<number> {
  const d = await getKeyDecision(db as Db, slug);
  if (!d || d.withdrawn || !d.wards.length) return 0;
  const authority = await (db as Kysely<Database>).selectFrom("authorities").where("slug", "=", d.authority.slug).select("id").executeTakeFirstOrThrow();
  let n = 0;
  for (const f of await followedWards(db, authority.id)) {
    if (!d.wards.some((w) => isWard(w, f))) continue;
    const decision = { slug: d.slug, title: d.decision, decisionMaker: d.decisionMaker, plannedDate: d.plannedDate, private: d.exempt ? { paragraphs: d.exempt.paragraphs, reason: d.exempt.reason } : null };
    n += await deliver(db, f.subscriptions, { kind: "ward_key_decision", ward: f.ward, decision }, now);
  }
  return n;
}
