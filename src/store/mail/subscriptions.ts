// Subscriptions by email with double opt-in and no account: a request makes a pending
// subscription and queues a confirmation holding a one-time link (only its SHA-256 is kept,
// valid for 48 hours); using the link makes it active. Every later message carries its own link
// token (stored hashed on its outbox row) that unsubscribes in one click or opens the page where
// the address manages its alerts. Requests are counted per address and per IP, in the database,
// so that every process serving the site agrees on the limits.
import { QuorumError } from "../../domain/errors.ts";
import type { Db } from "../db.ts";
import { writeTransaction } from "../write.ts";
import { hashToken, newToken } from "../accounts/secrets.ts";
import { enqueue } from "./outbox.ts";
import { mailDb, type AnyDb, type Frequency, type TargetKind } from "./schema.ts";
import { savedSearchId, searchOf } from "./searches.ts";
import { personForAlerts } from "./people.ts";
import { wardFollowId, wardForAlerts } from "./wards.ts";
import { inquiryForAlerts, recommendationForAlerts, trackerTargetOf } from "./tracker.ts";
import { alertPaths, searchLabel, trackerLabel, type AlertCommittee, type AlertInquiry, type AlertSearch, type AlertWard } from "../../domain/alerts.ts";

export const CONFIRM_MS = 48 * 60 * 60 * 1000;
export const REQUEST_WINDOW_MS = 60 * 60 * 1000;
export const MAX_REQUESTS_PER_EMAIL = 3;
export const MAX_REQUESTS_PER_IP = 20;
export const MAX_EMAIL = 254;

const EMAIL_RE = /^[^\s@<>(),;:"\\[\]]+@[^\s@<>(),;:"\\[\]]+\.[^\s@<>(),;:"\\[\]]+$/;

/** The address as stored (trimmed, lower case), or the one-line reason it cannot be used. */
export function checkEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (!email) throw new QuorumError("invalid", "Enter your email address");
  if (email.length > MAX_EMAIL || !EMAIL_RE.test(email)) throw new QuorumError("invalid", "Enter an email address in the correct format, like name@example.com");
  return email;
}

export interface SubscribeInput {
  email: string;
  committee: string;
  frequency: Frequency;
  ip: string;
}

/** Whether requests for this address or from this IP are held back for now. */
export async function isRequestThrottled(db: AnyDb, email: string, ip: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - REQUEST_WINDOW_MS).toISOString();
  const mdb = mailDb(db);
  const byEmail = await mdb.selectFrom("mail_requests").select((eb) => eb.fn.countAll<number>().as("n")).where("email", "=", email).where("at", ">", since).executeTakeFirstOrThrow();
  if (Number(byEmail.n) >= MAX_REQUESTS_PER_EMAIL) return true;
  const byIp = await mdb.selectFrom("mail_requests").select((eb) => eb.fn.countAll<number>().as("n")).where("ip", "=", ip).where("at", ">", since).executeTakeFirstOrThrow();
  return Number(byIp.n) >= MAX_REQUESTS_PER_IP;
}

/**
 * Asks for alerts about a committee. The answer never says whether the address already
 * follows it: the caller shows "check your email" either way. An active subscription is left as
 * it is (no mail); otherwise a confirmation is queued.
 */
export async function requestSubscription(db: Db, input: SubscribeInput, now: Date): Promise<"queued" | "already" | "throttled"> {
  const email = checkEmail(input.email);
  const mdbOut = mailDb(db);
  const body = await db.selectFrom("bodies").innerJoin("authorities", "authorities.id", "bodies.authority_id").where("bodies.slug", "=", input.committee).select(["bodies.id", "bodies.slug", "bodies.name", "authorities.name as council"]).executeTakeFirst();
  if (!body) throw new QuorumError("not_found", "Committee not found");
  return subscribe(db, email, input.ip, input.frequency, { kind: "committee", id: body.id }, { kind: "confirm", committee: { slug: body.slug, name: body.name, council: body.council }, frequency: input.frequency }, now);
}

export interface SearchSubscribeInput {
  email: string;
  search: AlertSearch;
  frequency: Frequency;
  ip: string;
}

/** Asks for alerts when newly public business matches a search: as for a committee, confirmed by email. */
export async function requestSearchSubscription(db: Db, input: SearchSubscribeInput, now: Date): Promise<"queued" | "already" | "throttled"> {
  const email = checkEmail(input.email);
  if (await isRequestThrottled(db, email, input.ip, now)) return "throttled";
  const id = await writeTransaction(db, (trx) => savedSearchId(trx, input.search, now));
  return subscribe(db, email, input.ip, input.frequency, { kind: "search", id }, { kind: "confirm_search", search: input.search, frequency: input.frequency }, now, true);
}

export interface PersonSubscribeInput {
  email: string;
  person: string;
  frequency: Frequency;
  ip: string;
}

/** Asks for alerts when minutes name a person at a meeting or as mover or seconder: as for a committee, confirmed by email. */
export async function requestPersonSubscription(db: Db, input: PersonSubscribeInput, now: Date): Promise<"queued" | "already" | "throttled"> {
  const email = checkEmail(input.email);
  const person = await personForAlerts(db, input.person);
  if (!person) throw new QuorumError("not_found", "Person not found");
  return subscribe(db, email, input.ip, input.frequency, { kind: "person", id: person.id }, { kind: "confirm_person", person: { slug: person.slug, name: person.name }, frequency: input.frequency }, now);
}

export interface WardSubscribeInput {
  email: string;
  /** the ward's address slug */
  ward: string;
  frequency: Frequency;
  ip: string;
}

export interface TrackerSubscribeInput {
  email: string;
  /** the inquiry's slug */
  inquiry: string;
  /** a recommendation's number, or null to follow the whole inquiry */
  number: string | null;
  frequency: Frequency;
  ip: string;
}

/** Asks for alerts when an agenda item or a key decision names a ward: as for a committee, confirmed by email. */
export async function requestWardSubscription(db: Db, input: WardSubscribeInput, now: Date): Promise<"queued" | "already" | "throttled"> {
  const email = checkEmail(input.email);
  const ward = await wardForAlerts(db, input.ward);
  if (!ward) throw new QuorumError("not_found", "Ward not found");
  if (await isRequestThrottled(db, email, input.ip, now)) return "throttled";
  const id = await writeTransaction(db, (trx) => wardFollowId(trx, ward, now));
  return subscribe(db, email, input.ip, input.frequency, { kind: "ward", id }, { kind: "confirm_ward", ward: { slug: ward.slug, name: ward.name, council: ward.authority.name }, frequency: input.frequency }, now, true);
}

/**
 * Asks for alerts about a recommendation or an inquiry of the scrutiny tracker (its response,
 * monitoring updates, anything overdue): as for a committee, confirmed by email. Only what the
 * public tracker shows may be followed.
 */
export async function requestTrackerSubscription(db: Db, input: TrackerSubscribeInput, now: Date): Promise<"queued" | "already" | "throttled"> {
  const email = checkEmail(input.email);
  const t = input.number === null ? await inquiryForAlerts(db, input.inquiry, now) : await recommendationForAlerts(db, input.inquiry, input.number, now);
  if (!t) throw new QuorumError("not_found", input.number === null ? "Inquiry not found" : "Recommendation not found");
  return subscribe(db, email, input.ip, input.frequency, { kind: input.number === null ? "inquiry" : "recommendation", id: t.id }, { kind: "confirm_tracker", inquiry: t.inquiry, number: t.number, frequency: input.frequency }, now);
}

type ConfirmPayload =
  | { kind: "confirm_ward"; ward: AlertWard; frequency: Frequency }
  | { kind: "confirm"; committee: AlertCommittee; frequency: Frequency }
  | { kind: "confirm_person"; person: { slug: string; name: string }; frequency: Frequency }
  | { kind: "confirm_search"; search: AlertSearch; frequency: Frequency }
  | { kind: "confirm_tracker"; inquiry: AlertInquiry; number: string | null; frequency: Frequency };

/** A pending subscription and its confirmation, or nothing new for an active one. */
async function subscribe(db: Db, email: string, ip: string, frequency: Frequency, target: { kind: TargetKind; id: number }, payload: ConfirmPayload, now: Date, checked = false): Promise<"queued" | "already" | "throttled"> {
  if (!checked && (await isRequestThrottled(db, email, ip, now))) return "throttled";
  const mdbOut = mailDb(db);
  await mdbOut.insertInto("mail_requests").values({ email, ip, at: now.toISOString() }).execute();
  await mdbOut.deleteFrom("mail_requests").where("at", "<", new Date(now.getTime() - REQUEST_WINDOW_MS).toISOString()).execute();
  return writeTransaction(db, async (trx) => {
    const mdb = mailDb(trx);
    let subscriber = await mdb.selectFrom("mail_subscribers").where("email", "=", email).select("id").executeTakeFirst();
    subscriber ??= await mdb.insertInto("mail_subscribers").values({ email, created_at: now.toISOString() }).returning("id").executeTakeFirstOrThrow();
    const existing = await mdb.selectFrom("mail_subscriptions").where("subscriber_id", "=", subscriber.id).where("target_kind", "=", target.kind).where("target_id", "=", target.id).select(["id", "status"]).executeTakeFirst();
    if (existing?.status === "active") return "already" as const;
    const token = newToken();
    const fields = { frequency, status: "pending" as const, confirm_token_hash: hashToken(token), confirm_expires_at: new Date(now.getTime() + CONFIRM_MS).toISOString(), removed_at: null };
    let subscriptionId: number;
    if (existing) {
      await mdb.updateTable("mail_subscriptions").set(fields).where("id", "=", existing.id).execute();
      subscriptionId = existing.id;
      // an earlier confirmation still waiting is replaced by this one
      await mdb.updateTable("mail_outbox").set({ state: "cancelled", payload_json: null }).where("subscription_id", "=", existing.id).where("kind", "=", "confirm").where("state", "=", "queued").execute();
    } else {
      const row = await mdb.insertInto("mail_subscriptions").values({ subscriber_id: subscriber.id, target_kind: target.kind, target_id: target.id, created_at: now.toISOString(), confirmed_at: null, ...fields }).returning("id").executeTakeFirstOrThrow();
      subscriptionId = row.id;
    }
    await enqueue(trx, { kind: "confirm", to: email, subscriberId: subscriber.id, subscriptionId, token, payload }, now);
    return "queued" as const;
  });
}

/** What a subscription follows, as pages name it: "the Planning Committee", "the search “housing”". */
export interface Followed {
  kind: TargetKind;
  /** with its article, for a sentence: "the Planning Committee" */
  name: string;
  /** for a heading: "Planning Committee", "Search “housing”" */
  title: string;
  /** the page of what is followed */
  href: string;
}

export interface PendingConfirmation {
  email: string;
  target: Followed;
  frequency: Frequency;
}

/** Subscriptions with what each follows, named (committee or saved search). */
function withTargets(db: AnyDb) {
  return mailDb(db)
    .selectFrom("mail_subscriptions")
    .leftJoin("bodies", (j) => j.onRef("bodies.id", "=", "mail_subscriptions.target_id").on("mail_subscriptions.target_kind", "=", "committee"))
    .leftJoin("mail_searches", (j) => j.onRef("mail_searches.id", "=", "mail_subscriptions.target_id").on("mail_subscriptions.target_kind", "=", "search"))
    .leftJoin("people", (j) => j.onRef("people.id", "=", "mail_subscriptions.target_id").on("mail_subscriptions.target_kind", "=", "person"))
    .leftJoin("mail_wards", (j) => j.onRef("mail_wards.id", "=", "mail_subscriptions.target_id").on("mail_subscriptions.target_kind", "=", "ward"))
    .leftJoin("authorities as ward_authorities", "ward_authorities.id", "mail_wards.authority_id")
    .select(["mail_subscriptions.target_kind", "mail_subscriptions.target_id", "bodies.slug as body_slug", "bodies.name as body_name", "mail_searches.query", "mail_searches.filters_json", "people.slug as person_slug", "people.display_name as person_name", "mail_wards.slug as ward_slug", "mail_wards.name as ward_name", "ward_authorities.slug as ward_authority_slug", "ward_authorities.name as ward_council"]);
}

type TargetRow = { target_kind: TargetKind; target_id: number; body_slug: string | null; body_name: string | null; query: string | null; filters_json: string | null; person_slug: string | null; person_name: string | null; ward_slug: string | null; ward_name: string | null; ward_authority_slug: string | null; ward_council: string | null };

/** A followed recommendation or inquiry the public tracker no longer shows: named without a word of it. */
const NOT_PUBLIC = { recommendation: "a tracked recommendation that is not public", inquiry: "a scrutiny inquiry that is not public" } as const;

/**
 * What a subscription follows, named. A recommendation or inquiry is named only while the public
 * tracker shows it (`publicOnly`: otherwise undefined; else a neutral name, so it can be removed).
 */
async function followed(db: AnyDb, r: TargetRow, now: Date, publicOnly: boolean): Promise<Followed | undefined> {
  if (r.target_kind === "recommendation" || r.target_kind === "inquiry") {
    const t = await trackerTargetOf(db, r.target_kind, r.target_id, now);
    const hidden = NOT_PUBLIC[r.target_kind];
    if (!t) return publicOnly ? undefined : { kind: r.target_kind, name: hidden, title: hidden[0].toUpperCase() + hidden.slice(1), href: alertPaths.tracker() };
    const name = trackerLabel(t.inquiry, t.number);
    return { kind: r.target_kind, name, title: name[0].toUpperCase() + name.slice(1), href: t.number === null ? alertPaths.inquiry(t.inquiry.slug) : alertPaths.recommendation(t.inquiry.slug, t.number) };
  }
  if (r.target_kind === "committee" && r.body_slug !== null) return { kind: "committee", name: `the ${r.body_name}`, title: r.body_name!, href: alertPaths.committee(r.body_slug) };
  if (r.target_kind === "person" && r.person_slug !== null) return { kind: "person", name: r.person_name!, title: r.person_name!, href: alertPaths.person(r.person_slug) };
  if (r.target_kind === "ward" && r.ward_slug !== null && r.ward_authority_slug !== null) {
    return { kind: "ward", name: `${r.ward_name} ward (${r.ward_council})`, title: `${r.ward_name} ward`, href: alertPaths.ward(`${r.ward_authority_slug}-${r.ward_slug}`) };
  }
  if (r.target_kind === "search" && r.query !== null && r.filters_json !== null) {
    const search = searchOf({ query: r.query, filters_json: r.filters_json });
    const name = searchLabel(search);
    return { kind: "search", name, title: name.replace(/^the search/, "Search"), href: alertPaths.search(search) };
  }
  return undefined;
}

/** What a confirmation link would confirm, without using it; undefined when unknown, used or expired. */
export async function peekConfirmation(db: AnyDb, token: string, now: Date): Promise<PendingConfirmation | undefined> {
  const r = await withTargets(db)
    .innerJoin("mail_subscribers", "mail_subscribers.id", "mail_subscriptions.subscriber_id")
    .where("mail_subscriptions.confirm_token_hash", "=", hashToken(token))
    .where("mail_subscriptions.status", "=", "pending")
    .select(["mail_subscribers.email", "mail_subscriptions.frequency", "mail_subscriptions.confirm_expires_at"])
    .executeTakeFirst();
  if (!r || !r.confirm_expires_at || now.getTime() >= Date.parse(r.confirm_expires_at)) return undefined;
  const target = await followed(db, r, now, true);
  if (!target) return undefined;
  return { email: r.email, target, frequency: r.frequency };
}

/** Uses a confirmation link: the subscription becomes active once, and the link never works again. */
export async function confirmSubscription(db: AnyDb, token: string, now: Date): Promise<PendingConfirmation | undefined> {
  const pending = await peekConfirmation(db, token, now);
  if (!pending) return undefined;
  const r = await mailDb(db)
    .updateTable("mail_subscriptions")
    .set({ status: "active", confirmed_at: now.toISOString(), confirm_token_hash: null, confirm_expires_at: null })
    .where("confirm_token_hash", "=", hashToken(token))
    .where("status", "=", "pending")
    .where("confirm_expires_at", ">", now.toISOString())
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1 ? pending : undefined;
}

interface LinkHolder {
  subscriberId: number;
  subscriptionId: number | null;
  email: string;
}

/** The address (and, for an alert, the subscription) a message's link token belongs to. */
async function linkHolder(db: AnyDb, token: string): Promise<LinkHolder | undefined> {
  if (!token || token.length > 100) return undefined;
  const r = await mailDb(db)
    .selectFrom("mail_outbox")
    .innerJoin("mail_subscribers", "mail_subscribers.id", "mail_outbox.subscriber_id")
    .where("mail_outbox.link_token_hash", "=", hashToken(token))
    .select(["mail_outbox.subscriber_id", "mail_outbox.subscription_id", "mail_subscribers.email"])
    .executeTakeFirst();
  if (!r || r.subscriber_id === null) return undefined;
  return { subscriberId: r.subscriber_id, subscriptionId: r.subscription_id, email: r.email };
}

export interface ManagedSubscription {
  id: number;
  target: Followed;
  frequency: Frequency;
  status: "pending" | "active";
}

export interface Managed {
  email: string;
  /** what the one-click unsubscribe of this link removes */
  unsubscribes: "one" | "all";
  subscriptions: ManagedSubscription[];
}

async function subscriptionsOf(db: AnyDb, subscriberId: number, now: Date): Promise<ManagedSubscription[]> {
  const rows = await withTargets(db)
    .where("mail_subscriptions.subscriber_id", "=", subscriberId)
    .where("mail_subscriptions.status", "!=", "removed")
    .select(["mail_subscriptions.id", "mail_subscriptions.frequency", "mail_subscriptions.status"])
    .orderBy("mail_subscriptions.target_kind")
    .orderBy("bodies.name")
    .orderBy("mail_searches.query")
    .orderBy("people.display_name")
    .orderBy("mail_wards.name")
    .execute();
  const out: ManagedSubscription[] = [];
  for (const r of rows) {
    const target = await followed(db, r, now, false);
    if (target) out.push({ id: r.id, frequency: r.frequency, status: r.status as "pending" | "active", target });
  }
  return out;
}

/** The manage page's view for a message's link; undefined for a token no message carried. */
export async function managedBy(db: AnyDb, token: string, now: Date = new Date()): Promise<Managed | undefined> {
  const h = await linkHolder(db, token);
  if (!h) return undefined;
  return { email: h.email, unsubscribes: h.subscriptionId === null ? "all" : "one", subscriptions: await subscriptionsOf(db, h.subscriberId, now) };
}

/** Removes subscriptions, and drops what was waiting to be sent for them. */
async function remove(db: Db, subscriberId: number, subscriptionIds: number[] | "all", now: Date): Promise<number> {
  return writeTransaction(db, async (trx) => {
    const mdb = mailDb(trx);
    let q = mdb.selectFrom("mail_subscriptions").where("subscriber_id", "=", subscriberId).where("status", "!=", "removed").select("id");
    if (subscriptionIds !== "all") q = q.where("id", "in", subscriptionIds.length ? subscriptionIds : [-1]);
    const ids = (await q.execute()).map((r) => r.id);
    if (!ids.length) return 0;
    await mdb.updateTable("mail_subscriptions").set({ status: "removed", removed_at: now.toISOString(), confirm_token_hash: null, confirm_expires_at: null }).where("id", "in", ids).execute();
    await mdb.updateTable("mail_outbox").set({ state: "cancelled", payload_json: null }).where("subscription_id", "in", ids).where("state", "=", "queued").execute();
    await mdb.deleteFrom("mail_alerts").where("subscription_id", "in", ids).where("outbox_id", "is", null).execute();
    return ids.length;
  });
}

/**
 * One-click unsubscribe (RFC 8058) from a message's link: an alert's subscription, or every
 * alert of the address from a digest. Using it again changes nothing and is not an error.
 */
export async function unsubscribeByLink(db: Db, token: string, now: Date): Promise<{ email: string; removed: number } | undefined> {
  const h = await linkHolder(db, token);
  if (!h) return undefined;
  const removed = await remove(db, h.subscriberId, h.subscriptionId === null ? "all" : [h.subscriptionId], now);
  return { email: h.email, removed };
}

/** From the manage page: one subscription removed, or its frequency changed. */
export async function changeByLink(db: Db, token: string, subscriptionId: number, change: { remove: true } | { frequency: Frequency }, now: Date): Promise<boolean> {
  const h = await linkHolder(db, token);
  if (!h) throw new QuorumError("not_found", "This link is not one we sent");
  if ("remove" in change) return (await remove(db, h.subscriberId, [subscriptionId], now)) === 1;
  const r = await mailDb(db).updateTable("mail_subscriptions").set({ frequency: change.frequency }).where("id", "=", subscriptionId).where("subscriber_id", "=", h.subscriberId).where("status", "=", "active").executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A committee one may follow: any committee on the site. */
export async function committeeForAlerts(db: AnyDb, slug: string): Promise<{ slug: string; name: string } | undefined> {
  return (db as Db).selectFrom("bodies").where("slug", "=", slug).select(["slug", "name"]).executeTakeFirst();
}
