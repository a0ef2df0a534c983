// Owners' reminders through the outbox: the owner of a tracked recommendation is reminded when its
// next monitoring update is due within a week and again once it is overdue; the owner of an action,
// when its deadline comes near and when it has passed. Each (item, due date, state) is queued once
// (the outbox's dedupe key), so running this on every pass of the sender sends each reminder once.
// The mail names an item only when the public tracker shows it: one from exempt or unpublished
// business is "a tracked item that is not public".
import { daysBetween } from "../../domain/calendar.ts";
import type { OwnerReminder } from "../../domain/alerts.ts";
import { listRecommendations } from "../scrutiny/recommendations.ts";
import { listActions } from "../scrutiny/actions.ts";
import { ownersDb } from "../owners/schema.ts";
import { enqueueOnce } from "./outbox.ts";
import { isoDateInZone } from "../../domain/zone-format.ts";
import type { AnyDb } from "./schema.ts";
import type { Db } from "../db.ts";

export const REMIND_DAYS_BEFORE = 7;
const NOT_PUBLIC = "a tracked item that is not public";

function stateOf(due: string | null, today: string, overdue: boolean): "soon" | "overdue" | null {
  if (!due) return null;
  if (overdue || due < today) return "overdue";
  return daysBetween(today, due) <= REMIND_DAYS_BEFORE ? "soon" : null;
}

/** Queues the reminders due today (in `timeZone`); returns how many were queued now. */
export async function queueOwnerReminders(db: AnyDb, now: Date, timeZone: string): Promise<number> {
  const t = ownersDb(db as never);
  const [recOwners, actionOwners] = await Promise.all([
    t.selectFrom("tracked_recommendations as r").innerJoin("users as u", "u.id", "r.owner_user_id").where("u.disabled", "=", 0).select(["r.id", "u.email"]).execute(),
    t.selectFrom("actions as a").innerJoin("users as u", "u.id", "a.owner_user_id").where("u.disabled", "=", 0).select(["a.id", "u.email"]).execute(),
  ]);
  if (!recOwners.length && !actionOwners.length) return 0;
  const today = isoDateInZone(now, timeZone);
  const wanted: { to: string; key: string; reminder: OwnerReminder }[] = [];
  if (recOwners.length) {
    const owner = new Map(recOwners.map((r) => [r.id, r.email]));
    for (const r of await listRecommendations(db as Db, today, { includeNonPublic: true })) {
      const to = owner.get(r.id);
      if (!to || r.closure) continue;
      const state = stateOf(r.nextUpdateDue, today, r.overdue.includes("update"));
      if (!state || !r.nextUpdateDue) continue;
      const heading = r.notForPublication ? NOT_PUBLIC : `recommendation ${r.number} of "${r.inquiry.title}"`;
      wanted.push({ to, key: `reminder:recommendation:${r.id}:update:${r.nextUpdateDue}:${state}`, reminder: { heading, what: "update", due: r.nextUpdateDue, state } });
    }
  }
  if (actionOwners.length) {
    const owner = new Map(actionOwners.map((a) => [a.id, a.email]));
    for (const a of await listActions(db as Db, today, { includeNonPublic: true })) {
      const to = owner.get(a.id);
      if (!to || a.status !== "open") continue;
      const state = stateOf(a.deadline, today, a.overdue);
      if (!state || !a.deadline) continue;
      const heading = a.notForPublication ? NOT_PUBLIC : `an action of the ${a.body.name}`;
      wanted.push({ to, key: `reminder:action:${a.id}:deadline:${a.deadline}:${state}`, reminder: { heading, what: "deadline", due: a.deadline, state } });
    }
  }
  let queued = 0;
  for (const w of wanted) {
    if (await enqueueOnce(db, { kind: "reminder", to: w.to, subscriberId: null, subscriptionId: null, dedupeKey: w.key, payload: { kind: "reminder", reminder: w.reminder } }, now)) queued++;
  }
  return queued;
}
