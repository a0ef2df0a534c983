// Owners keep the tracker current: a clerk assigns an owner; the owner posts an update, which waits
// until a clerk accepts it (it becomes a monitoring update) or rejects it with a reason; a clerk
// closes an item or extends its deadline. Every write appends an audit entry with the changed
// fields before and after; the caller runs each in one write transaction. Writes that change a
// tracked item say which version of it they were made against and fail with a conflict when
// someone else changed it first.
import { ACTION_STATUSES, type ActionStatus } from "../../domain/actions.ts";
import { isCalendarDate, type CalendarDate } from "../../domain/calendar.ts";
import { checkExtension, deadlineInForce } from "../../domain/deadlines.ts";
import { QuorumError } from "../../domain/errors.ts";
import { CLOSURE_OUTCOMES, type ClosureOutcome, type RagStatus } from "../../domain/scrutiny.ts";
import { appendAudit } from "../audit.ts";
import { requireItem, type ItemKind, type ItemRef, type OwnersAnyDb, type TrackedItem } from "./items.ts";
import { ownersDb, type UpdateState } from "./schema.ts";
import { alertTracker } from "../mail/tracker.ts";

/** Who is acting, as the audit log and the tracker show them. */
export interface Actor {
  userId: number;
  email: string;
  name: string;
}

/** What an owner may report, in the tracker's own words: RAG ratings for recommendations, progress for actions. */
export const UPDATE_STATUSES: Record<ItemKind, readonly string[]> = {
  recommendation: ["on_track", "at_risk", "off_track"],
  action: ["open", "done"],
};
const RAG_OF: Record<string, RagStatus> = { on_track: "green", at_risk: "amber", off_track: "red" };

export const ACTION_CLOSURES = ["done", "dropped"] as const;

export const MAX_UPDATE_TEXT = 5000;

/** Thrown when the item changed since the form was shown: the caller shows the other change. */
export class VersionConflict extends QuorumError {
  constructor(
    readonly ref: ItemRef,
    readonly expected: number,
    readonly current: number,
  ) {
    super("conflict", "Someone else changed this item after you opened the page.");
  }
}

const table = (kind: ItemKind) => (kind === "recommendation" ? "tracked_recommendations" : "actions");
const recordId = (ref: ItemRef) => String(ref.id);

/** Moves an item to its next version, or fails if it is no longer at `expected`. */
async function bump(db: OwnersAnyDb, ref: ItemRef, expected: number, now: Date): Promise<number> {
  const t = ownersDb(db);
  const res = await t
    .updateTable(table(ref.kind))
    .set((eb) => ({ version: eb("version", "+", 1), updated_at: now.toISOString() }))
    .where("id", "=", ref.id)
    .where("version", "=", expected)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 1) return expected + 1;
  const row = await t.selectFrom(table(ref.kind)).select("version").where("id", "=", ref.id).executeTakeFirst();
  if (!row) throw new QuorumError("not_found", `No ${ref.kind} ${ref.id}`);
  throw new VersionConflict(ref, expected, Number(row.version));
}

async function audit(db: OwnersAnyDb, actor: Actor, action: string, kind: string, id: string, before: unknown, after: unknown, now: Date) {
  await appendAudit(db, { actorUserId: actor.userId, actorLabel: actor.email, action, recordKind: kind, recordId: id, before, after }, now);
}

/** Sets (or, with null, removes) the person who owns an item: an officer or member who can sign in. */
export async function assignOwner(db: OwnersAnyDb, ref: ItemRef, ownerUserId: number | null, expectedVersion: number, actor: Actor, now: Date): Promise<void> {
  const t = ownersDb(db);
  const item = await requireItem(db, ref);
  if (ownerUserId !== null) {
    const user = await t.selectFrom("users").select(["id", "role", "disabled"]).where("id", "=", ownerUserId).executeTakeFirst();
    if (!user || Number(user.disabled) !== 0) throw new QuorumError("invalid", "Choose a person who can sign in");
    if (user.role !== "officer" && user.role !== "member") throw new QuorumError("invalid", "An owner must be an officer or a member");
  }
  const version = await bump(db, ref, expectedVersion, now);
  await t.updateTable(table(ref.kind)).set({ owner_user_id: ownerUserId }).where("id", "=", ref.id).execute();
  await audit(db, actor, "tracker.assign_owner", ref.kind, recordId(ref), { owner: item.owner?.email ?? null, version: item.version }, { owner: ownerUserId === null ? null : ((await t.selectFrom("users").select("email").where("id", "=", ownerUserId).executeTakeFirst())?.email ?? null), version }, now);
}

export interface UpdateInput {
  status: string;
  text: string;
  evidenceUrl: string | null;
}

/** What is wrong with an owner's update, field by field (status, text, evidence); empty when nothing. */
export function updateErrors(kind: ItemKind, u: UpdateInput): { field: "status" | "text" | "evidence"; message: string }[] {
  const out: { field: "status" | "text" | "evidence"; message: string }[] = [];
  if (!UPDATE_STATUSES[kind].includes(u.status)) out.push({ field: "status", message: "Choose how it is going" });
  if (!u.text.trim()) out.push({ field: "text", message: "Enter what has happened since the last update" });
  else if (u.text.length > MAX_UPDATE_TEXT) out.push({ field: "text", message: `The update must be ${MAX_UPDATE_TEXT} characters or fewer` });
  if (u.evidenceUrl !== null && !isWebAddress(u.evidenceUrl)) out.push({ field: "evidence", message: "Enter the evidence link as a web address starting https:// or http://" });
  return out;
}

/** Checks an owner's update; throws an invalid-request error with the first thing wrong. */
export function checkUpdate(kind: ItemKind, u: UpdateInput): void {
  const [first] = updateErrors(kind, u);
  if (first) throw new QuorumError("invalid", first.message);
}

export function isWebAddress(s: string): boolean {
  if (s.length > 2000) return false;
  try {
    const u = new URL(s);
    return (u.protocol === "https:" || u.protocol === "http:") && u.hostname !== "";
  } catch {
    return false;
  }
}

/** The owner's update, waiting for a clerk. Only the item's owner may post one (the policy checks it too). */
export async function submitUpdate(db: OwnersAnyDb, ref: ItemRef, input: UpdateInput, actor: Actor, today: CalendarDate, now: Date): Promise<number> {
  checkUpdate(ref.kind, input);
  const item = await requireItem(db, ref);
  if (item.owner?.id !== actor.userId) throw new QuorumError("forbidden", "Only the owner of this item can post an update on it");
  if (item.closed) throw new QuorumError("invalid", "This item is closed: it takes no more updates");
  const { id } = await ownersDb(db)
    .insertInto("owner_updates")
    .values({
      recommendation_id: ref.kind === "recommendation" ? ref.id : null,
      action_id: ref.kind === "action" ? ref.id : null,
      author_user_id: actor.userId,
      status: input.status,
      text: input.text.trim(),
      evidence_url: input.evidenceUrl,
      update_date: today,
      submitted_at: now.toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await audit(db, actor, "tracker.update_submitted", "monitoring_update", String(id), null, { item: `${ref.kind}:${ref.id}`, status: input.status, text: input.text.trim(), evidenceUrl: input.evidenceUrl, state: "pending" }, now);
  return id;
}

export interface OwnerUpdateView {
  id: number;
  ref: ItemRef;
  author: { id: number; name: string; email: string };
  status: string;
  text: string;
  evidenceUrl: string | null;
  date: CalendarDate;
  submittedAt: string;
  state: UpdateState;
  rejectReason: string | null;
  item: TrackedItem;
}

async function updatesWhere(db: OwnersAnyDb, filter: { state?: UpdateState; authorUserId?: number; id?: number }): Promise<OwnerUpdateView[]> {
  let q = ownersDb(db)
    .selectFrom("owner_updates as o")
    .innerJoin("users as u", "u.id", "o.author_user_id")
    .select(["o.id", "o.recommendation_id", "o.action_id", "o.status", "o.text", "o.evidence_url", "o.update_date", "o.submitted_at", "o.state", "o.reject_reason", "u.id as author_id", "u.display_name", "u.email"]);
  if (filter.state) q = q.where("o.state", "=", filter.state);
  if (filter.authorUserId !== undefined) q = q.where("o.author_user_id", "=", filter.authorUserId);
  if (filter.id !== undefined) q = q.where("o.id", "=", filter.id);
  const rows = await q.orderBy("o.submitted_at").orderBy("o.id").execute();
  const out: OwnerUpdateView[] = [];
  for (const r of rows) {
    const ref: ItemRef = r.recommendation_id !== null ? { kind: "recommendation", id: r.recommendation_id } : { kind: "action", id: r.action_id! };
    out.push({
      id: r.id,
      ref,
      author: { id: r.author_id, name: r.display_name, email: r.email },
      status: r.status,
      text: r.text,
      evidenceUrl: r.evidence_url,
      date: r.update_date,
      submittedAt: r.submitted_at,
      state: r.state,
      rejectReason: r.reject_reason,
      item: await requireItem(db, ref),
    });
  }
  return out;
}

/** The clerk's queue: updates waiting to be accepted or rejected, oldest first. */
export const listPendingUpdates = (db: OwnersAnyDb) => updatesWhere(db, { state: "pending" });
/** What one person has posted, with each update's state and any reason it was rejected. */
export const listUpdatesBy = (db: OwnersAnyDb, userId: number) => updatesWhere(db, { authorUserId: userId });
export async function getOwnerUpdate(db: OwnersAnyDb, id: number): Promise<OwnerUpdateView | undefined> {
  return (await updatesWhere(db, { id }))[0];
}

async function requirePending(db: OwnersAnyDb, id: number): Promise<OwnerUpdateView> {
  const u = await getOwnerUpdate(db, id);
  if (!u) throw new QuorumError("not_found", `No update ${id}`);
  if (u.state !== "pending") throw new QuorumError("conflict", `This update has already been ${u.state}.`);
  return u;
}

/**
 * Accepts an owner's update: it becomes a monitoring update of the item, dated the day the owner
 * posted it, with the owner as its author. It is public when the item is.
 */
export async function acceptUpdate(db: OwnersAnyDb, updateId: number, expectedVersion: number, actor: Actor, now: Date): Promise<void> {
  const t = ownersDb(db);
  const u = await requirePending(db, updateId);
  const version = await bump(db, u.ref, expectedVersion, now);
  if (u.ref.kind === "recommendation") {
    await t.insertInto("recommendation_updates").values({ recommendation_id: u.ref.id, date: u.date, rag: RAG_OF[u.status], text: u.text, by_name: u.author.name, evidence_url: u.evidenceUrl }).execute();
    // the recommendation's followers hear of it when the public tracker shows it
    await alertTracker(db as never, "update", [u.ref.id], now);
  } else {
    await t.insertInto("action_updates").values({ action_id: u.ref.id, date: u.date, text: u.text, by_name: u.author.name, evidence_url: u.evidenceUrl, status: u.status }).execute();
  }
  await t.updateTable("owner_updates").set({ state: "accepted", reviewed_by_user_id: actor.userId, reviewed_at: now.toISOString() }).where("id", "=", updateId).where("state", "=", "pending").execute();
  await audit(db, actor, "tracker.update_accepted", "monitoring_update", String(updateId), { state: "pending" }, { state: "accepted", item: `${u.ref.kind}:${u.ref.id}`, version }, now);
}

/** Rejects an owner's update with a reason the owner sees on their dashboard. */
export async function rejectUpdate(db: OwnersAnyDb, updateId: number, reason: string, actor: Actor, now: Date): Promise<void> {
  if (!reason.trim()) throw new QuorumError("invalid", "Enter the reason for rejecting the update");
  if (reason.length > MAX_UPDATE_TEXT) throw new QuorumError("invalid", `The reason must be ${MAX_UPDATE_TEXT} characters or fewer`);
  await requirePending(db, updateId);
  await ownersDb(db).updateTable("owner_updates").set({ state: "rejected", reject_reason: reason.trim(), reviewed_by_user_id: actor.userId, reviewed_at: now.toISOString() }).where("id", "=", updateId).execute();
  await audit(db, actor, "tracker.update_rejected", "monitoring_update", String(updateId), { state: "pending" }, { state: "rejected", reason: reason.trim() }, now);
}

export interface CloseInput {
  /** a closure outcome for a recommendation; done or dropped for an action */
  outcome: string;
  date: CalendarDate;
  note: string | null;
}

/** Closes an item: a recommendation with its outcome and date, an action as done or dropped. */
export async function closeItem(db: OwnersAnyDb, ref: ItemRef, input: CloseInput, expectedVersion: number, actor: Actor, now: Date): Promise<void> {
  const allowed: readonly string[] = ref.kind === "recommendation" ? CLOSURE_OUTCOMES : ACTION_CLOSURES;
  if (!allowed.includes(input.outcome)) throw new QuorumError("invalid", "Choose how the item closed");
  if (!isCalendarDate(input.date)) throw new QuorumError("invalid", "Enter the date it closed as a real date");
  const t = ownersDb(db);
  const item = await requireItem(db, ref);
  const version = await bump(db, ref, expectedVersion, now);
  const note = input.note?.trim() || null;
  if (ref.kind === "recommendation") {
    await t.updateTable("tracked_recommendations").set({ closure_outcome: input.outcome as ClosureOutcome, closure_date: input.date, closure_note: note }).where("id", "=", ref.id).execute();
  } else {
    if (!(ACTION_STATUSES as readonly string[]).includes(input.outcome)) throw new QuorumError("invalid", "Choose how the action closed");
    await t.updateTable("actions").set({ status: input.outcome as ActionStatus }).where("id", "=", ref.id).execute();
    // an action has no closing date of its own: the closing is recorded as its last update
    await t.insertInto("action_updates").values({ action_id: ref.id, date: input.date, text: note ?? (input.outcome === "done" ? "Closed: done." : "Closed: dropped."), by_name: actor.name, evidence_url: null, status: input.outcome }).execute();
  }
  await audit(db, actor, "tracker.close", ref.kind, recordId(ref), { closed: item.closed, version: item.version }, { closed: { outcome: input.outcome, date: input.date, note }, version }, now);
}

/** Extends an item's deadline to a later date, with the reason shown publicly. */
export async function extendDeadline(db: OwnersAnyDb, ref: ItemRef, input: { due: string; reason: string }, expectedVersion: number, actor: Actor, today: CalendarDate, now: Date): Promise<void> {
  const item = await requireItem(db, ref);
  if (item.closed) throw new QuorumError("invalid", "This item is closed: its deadline cannot be extended");
  const current = item.deadline === "next meeting" ? null : deadlineInForce(item.deadline, item.extensions);
  checkExtension(current, { due: input.due, reason: input.reason, on: today });
  const version = await bump(db, ref, expectedVersion, now);
  await ownersDb(db)
    .insertInto("deadline_extensions")
    .values({
      recommendation_id: ref.kind === "recommendation" ? ref.id : null,
      action_id: ref.kind === "action" ? ref.id : null,
      due: input.due,
      reason: input.reason.trim(),
      extended_on: today,
      by_name: actor.name,
      created_at: now.toISOString(),
    })
    .execute();
  await audit(db, actor, "tracker.extend", ref.kind, recordId(ref), { deadline: current, version: item.version }, { deadline: input.due, reason: input.reason.trim(), version }, now);
}
