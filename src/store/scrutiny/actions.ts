// The action log: what resolutions asked for, who owns it, when it is due, and the meeting that
// answered it. An action from an exempt item or from minutes that are not public is withheld
// from public reads by the same rule as the resolution it came from.
import type { Kysely, Transaction } from "kysely";
import { ACTION_STATUSES, NEXT_MEETING, isOpenActionOverdue, type ActionDue, type ActionStatus, type ActionUpdate } from "../../domain/actions.ts";
import { deadlineInForce, type DeadlineExtension } from "../../domain/deadlines.ts";
import { extensionsOf } from "../owners/items.ts";
import { deadlineOf, isCalendarDate, isCalendarMonth, type CalendarDate } from "../../domain/calendar.ts";
import { QuorumError } from "../../domain/errors.ts";
import type { Database } from "../schema.ts";
import { slugify } from "../rules/slugs.ts";
import { businessAccess, areMinutesPublic, PUBLIC_VIEWER, type Viewer } from "../visibility.ts";
import { trackerDb, type TrackerDatabase } from "./schema.ts";

type AnyDb = Kysely<Database> | Transaction<Database> | Kysely<TrackerDatabase> | Transaction<TrackerDatabase>;
const tdb = (db: AnyDb) => trackerDb(db as Kysely<Database>);

export interface MeetingRef {
  slug: string;
  date: string;
}

export interface ActionView {
  id: number;
  slug: string;
  text: string;
  owner: string | null;
  recipient: string | null;
  due: ActionDue;
  /** The date the action falls due: "next meeting" resolved to that meeting's date when known. */
  dueDate: CalendarDate | null;
  status: ActionStatus;
  overdue: boolean;
  body: { slug: string; name: string };
  raisedAt: (MeetingRef & { item: { number: string; slug: string; title: string } | null }) | null;
  answeredAt: MeetingRef | null;
  updates: ActionUpdate[];
  label: string | null;
  /** raised in exempt business, shown to a viewer entitled to the committee */
  notForPublication?: boolean;
  /** the clerk's extensions of the due date, in the order granted */
  extensions: DeadlineExtension[];
  /** the due date in force: the latest extension's, else dueDate */
  deadline: CalendarDate | null;
}

export interface ListActionsOptions {
  authority?: string;
  body?: string;
  status?: ActionStatus;
  owner?: string;
  /** actions raised at, or answered at, this meeting */
  meeting?: string;
  overdue?: boolean;
  includeNonPublic?: boolean;
  /** who is reading: the public unless given */
  viewer?: Viewer;
}

/** The body's first meeting after `date`: from the store, else the next-meeting date the minutes gave. */
async function nextMeetingDates(db: AnyDb, bodyIds: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (!bodyIds.length) return out;
  const rows = await tdb(db).selectFrom("meetings").where("body_id", "in", bodyIds).select(["body_id", "date"]).orderBy("date").execute();
  for (const r of rows) out.set(r.body_id, [...(out.get(r.body_id) ?? []), r.date]);
  return out;
}

export async function listActions(db: AnyDb, asOf: CalendarDate, opts: ListActionsOptions = {}): Promise<ActionView[]> {
  const t = tdb(db);
  let q = t
    .selectFrom("actions as x")
    .innerJoin("bodies as b", "b.id", "x.body_id")
    .innerJoin("authorities as a", "a.id", "b.authority_id")
    .leftJoin("meetings as m", "m.id", "x.meeting_id")
    .leftJoin("items as i", (j) => j.onRef("i.meeting_id", "=", "x.meeting_id").onRef("i.slug", "=", "x.item_slug"))
    .leftJoin("meetings as am", "am.id", "x.answered_meeting_id")
    .select([
      "x.id",
      "x.slug",
      "x.text",
      "x.owner",
      "x.recipient",
      "x.due",
      "x.status",
      "x.label",
      "x.body_id",
      "b.slug as body_slug",
      "b.name as body_name",
      "m.slug as meeting_slug",
      "m.date as meeting_date",
      "m.minutes_status",
      "m.next_meeting_date",
      "i.number as item_number",
      "i.slug as item_slug",
      "i.title as item_title",
      "i.exempt as item_exempt",
      "i.exempt_release_on as item_release_on",
      "m.body_id as meeting_body_id",
      "am.slug as answered_slug",
      "am.date as answered_date",
      "am.minutes_status as answered_minutes_status",
    ]);
  if (opts.authority) q = q.where("a.slug", "=", opts.authority);
  if (opts.body) q = q.where("b.slug", "=", opts.body);
  if (opts.status) q = q.where("x.status", "=", opts.status);
  if (opts.meeting) q = q.where((eb) => eb.or([eb("m.slug", "=", opts.meeting!), eb("am.slug", "=", opts.meeting!)]));
  let rows = await q.orderBy("m.date", "desc").orderBy("x.slug").execute();
  const viewer = opts.viewer ?? PUBLIC_VIEWER;
  // an action is read from its item's resolutions, so it is sealed and released with that item
  const access = (r: (typeof rows)[number]) =>
    businessAccess({ exempt: r.item_exempt === true || r.item_exempt === 1, minutesStatus: r.minutes_status, bodyId: r.meeting_body_id, releaseOn: r.item_release_on }, viewer);
  if (!opts.includeNonPublic) rows = rows.filter((r) => access(r) !== "withheld");
  if (opts.owner) {
    const o = opts.owner.toLowerCase();
    rows = rows.filter((r) => (r.owner ?? "").toLowerCase().includes(o));
  }
  const meetingsOf = await nextMeetingDates(t, [...new Set(rows.map((r) => r.body_id))]);
  const updates = new Map<number, ActionUpdate[]>();
  if (rows.length) {
    const us = await t.selectFrom("action_updates").where("action_id", "in", rows.map((r) => r.id)).selectAll().orderBy("date").orderBy("id").execute();
    for (const u of us) {
      const more = u as { evidence_url?: string | null; status?: string | null };
      updates.set(u.action_id, [...(updates.get(u.action_id) ?? []), { date: u.date, text: u.text, by: u.by_name, evidenceUrl: more.evidence_url ?? null, status: (more.status as ActionStatus | null) ?? null }]);
    }
  }
  const extensions = await extensionsOf(db as never, "action", rows.map((r) => r.id));
  const views = rows.map((r): ActionView => {
    const due = r.due as ActionDue;
    let dueDate: CalendarDate | null = null;
    if (due === NEXT_MEETING && r.meeting_date) {
      dueDate = (meetingsOf.get(r.body_id) ?? []).find((d) => d > r.meeting_date!) ?? r.next_meeting_date ?? null;
    } else if (due && (isCalendarDate(due) || isCalendarMonth(due))) {
      dueDate = deadlineOf(due);
    }
    const status = r.status as ActionStatus;
    const ext = extensions.get(r.id) ?? [];
    const answeredPublic = r.answered_slug && r.answered_date && areMinutesPublic({ minutesStatus: r.answered_minutes_status ?? "draft" });
    return {
      id: r.id,
      slug: r.slug,
      text: r.text,
      owner: r.owner,
      recipient: r.recipient,
      due,
      dueDate,
      status,
      overdue: isOpenActionOverdue(status, dueDate, ext, asOf),
      body: { slug: r.body_slug, name: r.body_name },
      raisedAt:
        r.meeting_slug && r.meeting_date
          ? { slug: r.meeting_slug, date: r.meeting_date, item: r.item_number && r.item_slug && r.item_title ? { number: r.item_number, slug: r.item_slug, title: r.item_title } : null }
          : null,
      answeredAt: answeredPublic ? { slug: r.answered_slug!, date: r.answered_date! } : null,
      updates: updates.get(r.id) ?? [],
      label: r.label,
      ...(access(r) === "entitled" ? { notForPublication: true } : {}),
      extensions: ext,
      deadline: deadlineInForce(dueDate, ext),
    };
  });
  return opts.overdue === undefined ? views : views.filter((v) => v.overdue === opts.overdue);
}

/** An action entered by hand (not from minutes). */
export async function addAction(
  db: AnyDb,
  input: { body: string; text: string; owner?: string | null; due?: ActionDue; meeting?: string | null },
): Promise<string> {
  const t = tdb(db);
  const body = await t.selectFrom("bodies").where("slug", "=", input.body).select(["id", "slug"]).executeTakeFirst();
  if (!body) throw new QuorumError("not_found", `no committee "${input.body}"`);
  const meeting = input.meeting ? await t.selectFrom("meetings").where("slug", "=", input.meeting).select("id").executeTakeFirst() : undefined;
  if (input.meeting && !meeting) throw new QuorumError("not_found", `no meeting "${input.meeting}"`);
  const count = await t.selectFrom("actions").where("body_id", "=", body.id).where("source", "=", "manual").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const slug = `${body.slug}-action-${Number(count.n) + 1}-${slugify(input.text).slice(0, 40).replace(/-+$/, "")}`;
  await t
    .insertInto("actions")
    .values({ slug, body_id: body.id, meeting_id: meeting?.id ?? null, text: input.text, owner: input.owner ?? null, recipient: null, due: input.due ?? null, source: "manual", item_slug: null, item_number: null, resolution_position: null, label: null })
    .execute();
  return slug;
}

export async function addActionUpdate(db: AnyDb, actionSlug: string, update: ActionUpdate): Promise<void> {
  const t = tdb(db);
  const action = await t.selectFrom("actions").where("slug", "=", actionSlug).select("id").executeTakeFirst();
  if (!action) throw new QuorumError("not_found", `no action "${actionSlug}"`);
  await t.insertInto("action_updates").values({ action_id: action.id, date: update.date, text: update.text, by_name: update.by }).execute();
}

/** Marks an action done (or dropped), optionally at the meeting that answered it. */
export async function setActionStatus(db: AnyDb, actionSlug: string, status: ActionStatus, answeredAtMeeting: string | null = null): Promise<void> {
  if (!(ACTION_STATUSES as readonly string[]).includes(status)) throw new QuorumError("invalid", `unknown action status "${status}"`);
  const t = tdb(db);
  const meeting = answeredAtMeeting ? await t.selectFrom("meetings").where("slug", "=", answeredAtMeeting).select("id").executeTakeFirst() : undefined;
  if (answeredAtMeeting && !meeting) throw new QuorumError("not_found", `no meeting "${answeredAtMeeting}"`);
  const result = await t
    .updateTable("actions")
    .set({ status, answered_meeting_id: meeting?.id ?? null, updated_at: new Date().toISOString() })
    .where("slug", "=", actionSlug)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new QuorumError("not_found", `no action "${actionSlug}"`);
}
