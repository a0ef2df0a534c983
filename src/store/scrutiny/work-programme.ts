// Work programme items per body, with the history of every move, addition and removal. A change
// minuted in an exempt item is recorded sealed: the public programme is replayed from the public
// changes only, and an item only sealed changes mention is not public at all.
import type { Kysely, Transaction } from "kysely";
import { describeEvent, upcoming, type Slot, type WorkProgrammeEvent, type WorkProgrammeItem, type WorkProgrammeStatus } from "../../domain/work-programme.ts";
import type { WorkProgrammeChange } from "../../domain/work-programme-changes.ts";
import type { CalendarDate } from "../../domain/calendar.ts";
import type { Database } from "../schema.ts";
import { nameKey, slugify } from "../rules/slugs.ts";
import { trackerDb, type TrackerDatabase } from "./schema.ts";
import { businessAccess, PUBLIC_VIEWER, sealedReleaseOnSql, type Viewer } from "../visibility.ts";
import { dialectOf } from "../db.ts";

type AnyDb = Kysely<Database> | Transaction<Database> | Kysely<TrackerDatabase> | Transaction<TrackerDatabase>;
const tdb = (db: AnyDb) => trackerDb(db as Kysely<Database>);

type EventRow = { kind: string; on_date: string; from_slot: string | null; to_slot: string | null; note: string | null; meeting_id: number | null };

function toEvent(e: EventRow): WorkProgrammeEvent {
  switch (e.kind) {
    case "added":
      return { kind: "added", on: e.on_date, to: e.to_slot, note: e.note };
    case "moved":
      return { kind: "moved", on: e.on_date, from: e.from_slot, to: e.to_slot, note: e.note };
    case "removed":
      return { kind: "removed", on: e.on_date, from: e.from_slot, note: e.note };
    default:
      return { kind: "considered", on: e.on_date, at: e.to_slot ?? e.on_date, note: e.note };
  }
}

/** Where an item stands after its events, replayed in order. */
function replay(events: WorkProgrammeEvent[]): { plannedFor: Slot; status: WorkProgrammeStatus } {
  let plannedFor: Slot = null;
  let status: WorkProgrammeStatus = "planned";
  for (const e of events) {
    if (e.kind === "added" || e.kind === "moved") [plannedFor, status] = [e.to, "planned"];
    // A removed item keeps the meeting it was taken off, which is what readers look for.
    else if (e.kind === "removed") [plannedFor, status] = [e.from ?? plannedFor, "removed"];
    else [plannedFor, status] = [e.at, "considered"];
  }
  return { plannedFor, status };
}

/** Titles that differ only in what a URL drops ("S.106" / "S 106", past 60 characters) take -2, -3. */
async function freeSlug(t: ReturnType<typeof tdb>, base: string): Promise<string> {
  const taken = new Set(
    (await t.selectFrom("work_programme_items").where((eb) => eb.or([eb("slug", "=", base), eb("slug", "like", `${base}-%`)])).select("slug").execute()).map((r) => r.slug),
  );
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

async function eventsOf(db: AnyDb, itemId: number) {
  return tdb(db).selectFrom("work_programme_events").where("item_id", "=", itemId).selectAll().orderBy("position").execute();
}

/**
 * Records one minuted change. Returns false when the same change from the same meeting is
 * already recorded, so tracking a meeting twice adds nothing (but a corrected import that now
 * marks its item exempt, or no longer does, reseals the change).
 */
export async function applyWorkProgrammeChange(
  db: AnyDb,
  bodyId: number,
  change: WorkProgrammeChange,
  at: { on: CalendarDate; meetingId: number | null; exempt?: boolean },
): Promise<boolean> {
  const t = tdb(db);
  const key = nameKey(change.title);
  let item = await t.selectFrom("work_programme_items").where("body_id", "=", bodyId).where("title_key", "=", key).select(["id"]).executeTakeFirst();
  if (!item) {
    const body = await t.selectFrom("bodies").where("id", "=", bodyId).select("slug").executeTakeFirstOrThrow();
    item = await t
      .insertInto("work_programme_items")
      .values({ body_id: bodyId, slug: await freeSlug(t, `${body.slug}-${slugify(change.title).slice(0, 60).replace(/-+$/, "")}`), title: change.title, title_key: key, planned_for: null, status: "planned" })
      .returning("id")
      .executeTakeFirstOrThrow();
  }
  const event = eventOf(change);
  const events = await eventsOf(t, item.id);
  const exempt = Boolean(at.exempt);
  const same = events.find(
    (e) => e.meeting_id === at.meetingId && e.kind === event.kind && e.from_slot === event.from_slot && e.to_slot === event.to_slot,
  );
  if (same) {
    if ((same.exempt === true || same.exempt === 1) !== exempt) await t.updateTable("work_programme_events").set({ exempt: sealFlag(db, exempt) }).where("id", "=", same.id).execute();
    return false;
  }
  await t
    .insertInto("work_programme_events")
    .values({ item_id: item.id, position: events.length, on_date: at.on, meeting_id: at.meetingId, ...event, ...(exempt ? { exempt: sealFlag(db, true) } : {}) })
    .execute();
  await restate(t, item.id);
  return true;
}

/**
 * After a meeting's minutes are tracked again, removes the changes recorded from that meeting that
 * its minutes no longer carry (a corrected version may have withdrawn an exempt item's text), and an
 * item left with no changes at all, which only those minutes had named.
 */
export async function forgetWorkProgrammeChanges(db: AnyDb, bodyId: number, meetingId: number, keep: WorkProgrammeChange[]): Promise<void> {
  const t = tdb(db);
  const recorded = await t
    .selectFrom("work_programme_events")
    .innerJoin("work_programme_items", "work_programme_items.id", "work_programme_events.item_id")
    .where("work_programme_events.meeting_id", "=", meetingId)
    .where("work_programme_items.body_id", "=", bodyId)
    .select(["work_programme_events.id", "work_programme_events.item_id", "work_programme_events.kind", "work_programme_events.from_slot", "work_programme_events.to_slot", "work_programme_items.title_key"])
    .execute();
  const kept = new Set(keep.map((c) => eventKey(nameKey(c.title), eventOf(c))));
  const stale = recorded.filter((e) => !kept.has(eventKey(e.title_key, e)));
  if (!stale.length) return;
  await t.deleteFrom("work_programme_events").where("id", "in", stale.map((e) => e.id)).execute();
  for (const itemId of new Set(stale.map((e) => e.item_id))) {
    const left = await eventsOf(t, itemId);
    if (!left.length) await t.deleteFrom("work_programme_items").where("id", "=", itemId).execute();
    else await restate(t, itemId);
  }
}

function eventOf(change: WorkProgrammeChange): { kind: string; from_slot: string | null; to_slot: string | null; note: string | null } {
  return change.kind === "add"
    ? { kind: "added", from_slot: null, to_slot: change.to, note: null }
    : change.kind === "move"
      ? { kind: "moved", from_slot: change.from, to_slot: change.to, note: null }
      : { kind: "removed", from_slot: change.from, to_slot: null, note: change.note };
}

const eventKey = (titleKey: string, e: { kind: string; from_slot: string | null; to_slot: string | null }) => JSON.stringify([titleKey, e.kind, e.from_slot, e.to_slot]);

/** The flag in the dialect's own form: PostgreSQL boolean, SQLite 0/1. */
function sealFlag(db: AnyDb, v: boolean): number | boolean {
  return dialectOf(db as Kysely<Database>) === "postgres" ? v : v ? 1 : 0;
}

async function restate(db: AnyDb, itemId: number): Promise<void> {
  const events = (await eventsOf(db, itemId)).map(toEvent);
  const { plannedFor, status } = replay(events);
  await tdb(db).updateTable("work_programme_items").set({ planned_for: plannedFor, status, updated_at: new Date().toISOString() }).where("id", "=", itemId).execute();
}

/** By hand: add, move, remove or mark considered. */
export async function recordWorkProgrammeEvent(db: AnyDb, itemId: number, event: WorkProgrammeEvent, meetingId: number | null = null): Promise<void> {
  const t = tdb(db);
  const events = await eventsOf(t, itemId);
  const [from_slot, to_slot] =
    event.kind === "added" ? [null, event.to] : event.kind === "moved" ? [event.from, event.to] : event.kind === "removed" ? [event.from, null] : [null, event.at];
  await t
    .insertInto("work_programme_events")
    .values({ item_id: itemId, position: events.length, kind: event.kind, on_date: event.on, from_slot, to_slot, note: event.note ?? null, meeting_id: meetingId })
    .execute();
  await restate(t, itemId);
}

export interface WorkProgrammeEntryView {
  slug: string;
  title: string;
  body: { slug: string; name: string };
  plannedFor: Slot;
  status: WorkProgrammeStatus;
  history: { kind: WorkProgrammeEvent["kind"]; on: CalendarDate; description: string; note: string | null; meeting: { slug: string; date: string } | null; notForPublication?: boolean }[];
}

export interface ListWorkProgrammeOptions {
  body?: string;
  authority?: string;
  /** only items still to come on this date (planned, unscheduled last) */
  upcomingOn?: CalendarDate;
  /** who is reading: the public unless given */
  viewer?: Viewer;
}

export async function listWorkProgramme(db: AnyDb, opts: ListWorkProgrammeOptions = {}): Promise<WorkProgrammeEntryView[]> {
  const t = tdb(db);
  let q = t
    .selectFrom("work_programme_items")
    .innerJoin("bodies", "bodies.id", "work_programme_items.body_id")
    .innerJoin("authorities", "authorities.id", "bodies.authority_id")
    .select([
      "work_programme_items.id",
      "work_programme_items.slug",
      "work_programme_items.title",
      "work_programme_items.planned_for",
      "work_programme_items.status",
      "bodies.slug as body_slug",
      "bodies.name as body_name",
    ]);
  if (opts.body) q = q.where("bodies.slug", "=", opts.body);
  if (opts.authority) q = q.where("authorities.slug", "=", opts.authority);
  const rows = await q.orderBy("bodies.name").orderBy("work_programme_items.title").execute();
  if (!rows.length) return [];
  const events = await t
    .selectFrom("work_programme_events")
    .leftJoin("meetings", "meetings.id", "work_programme_events.meeting_id")
    .where(
      "work_programme_events.item_id",
      "in",
      rows.map((r) => r.id),
    )
    .select([
      "work_programme_events.item_id",
      "work_programme_events.kind",
      "work_programme_events.on_date",
      "work_programme_events.from_slot",
      "work_programme_events.to_slot",
      "work_programme_events.note",
      "work_programme_events.meeting_id",
      "work_programme_events.exempt",
      "meetings.slug as meeting_slug",
      "meetings.date as meeting_date",
      "meetings.minutes_status",
      "meetings.body_id as meeting_body_id",
      sealedReleaseOnSql("work_programme_events.meeting_id").as("sealed_release_on"),
    ])
    .orderBy("work_programme_events.item_id")
    .orderBy("work_programme_events.position")
    .execute();
  const byItem = new Map<number, typeof events>();
  const hidden = new Set<number>();
  const marked = new Set<(typeof events)[number]>();
  for (const e of events) {
    // Only what the viewer may see: a sealed change, or one from minutes not yet public, is left out.
    const access = businessAccess(
      { exempt: e.exempt, minutesStatus: e.meeting_id === null ? null : (e.minutes_status ?? "draft"), bodyId: e.meeting_body_id, releaseOn: e.sealed_release_on },
      opts.viewer ?? PUBLIC_VIEWER,
    );
    if (access === "withheld") hidden.add(e.item_id);
    else byItem.set(e.item_id, [...(byItem.get(e.item_id) ?? []), e]);
    if (access === "entitled") marked.add(e);
  }
  // An item known only from changes the public may not see is not public either.
  const shown = rows.filter((r) => !hidden.has(r.id) || byItem.has(r.id));
  if (!shown.length) return [];
  let views: (WorkProgrammeEntryView & { item: WorkProgrammeItem })[] = shown.map((r) => {
    const history = (byItem.get(r.id) ?? []).map((e) => {
      const event = toEvent(e);
      // only changes from public minutes are here, so their meeting may be linked
      const meeting = e.meeting_slug && e.meeting_date ? { slug: e.meeting_slug, date: e.meeting_date } : null;
      return { kind: event.kind, on: event.on, description: describeEvent(event), note: event.note ?? null, meeting, event, ...(marked.has(e) ? { notForPublication: true } : {}) };
    });
    // Where some changes are left out, the item stands where the public ones put it.
    const state = hidden.has(r.id) ? replay(history.map((h) => h.event)) : { plannedFor: r.planned_for, status: r.status as WorkProgrammeStatus };
    const item: WorkProgrammeItem = {
      committee: r.body_name,
      title: r.title,
      plannedFor: state.plannedFor,
      status: state.status,
      history: history.map((h) => h.event),
    };
    return {
      slug: r.slug,
      title: r.title,
      body: { slug: r.body_slug, name: r.body_name },
      plannedFor: state.plannedFor,
      status: state.status,
      history: history.map(({ event: _e, ...h }) => h),
      item,
    };
  });
  if (opts.upcomingOn) {
    const order = upcoming(views.map((v) => v.item), opts.upcomingOn);
    views = order.map((item) => views.find((v) => v.item === item)!);
  }
  return views.map(({ item: _i, ...v }) => v);
}
