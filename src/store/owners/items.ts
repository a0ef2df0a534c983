// Tracked items as their owners and the clerk see them: a recommendation or an action, its owner
// (a person who signs in), its version for optimistic concurrency, and its deadline extensions.
import type { Kysely } from "kysely";
import type { ActionStatus } from "../../domain/actions.ts";
import type { CalendarDate } from "../../domain/calendar.ts";
import type { DeadlineExtension } from "../../domain/deadlines.ts";
import type { Closure } from "../../domain/scrutiny.ts";
import { QuorumError } from "../../domain/errors.ts";
import { isFromPublicBusiness, isResolutionPublic } from "../visibility.ts";
import { ownersDb } from "./schema.ts";

export const ITEM_KINDS = ["recommendation", "action"] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export interface ItemRef {
  kind: ItemKind;
  id: number;
}

/** Any store handle or transaction; the owners' tables are read through `ownersDb`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OwnersAnyDb = Kysely<any>;

export interface TrackedItem extends ItemRef {
  version: number;
  /** "Recommendation 2 of …" or "Action of …": what the item is, in a few words */
  heading: string;
  text: string;
  /** the responsible member/officer or owner as the minutes named them */
  parsedOwner: string | null;
  owner: { id: number; name: string; email: string } | null;
  /** the deadline as recorded (a date, a month, "next meeting"), before any extension */
  deadline: string | null;
  extensions: DeadlineExtension[];
  /** open, or how it closed */
  closed: { outcome: Closure["outcome"] | ActionStatus; date: CalendarDate | null; note: string | null } | null;
  /** whether the public tracker shows it */
  isPublic: boolean;
  /** where the public sees it */
  context: { title: string; slug: string };
}

const fk = (kind: ItemKind) => (kind === "recommendation" ? "recommendation_id" : "action_id");

/** Extensions of many items of one kind, in the order granted. */
export async function extensionsOf(db: OwnersAnyDb, kind: ItemKind, ids: number[]): Promise<Map<number, DeadlineExtension[]>> {
  const out = new Map<number, DeadlineExtension[]>();
  if (!ids.length) return out;
  const col = fk(kind);
  const rows = await ownersDb(db).selectFrom("deadline_extensions").selectAll().where(col, "in", ids).orderBy("extended_on").orderBy("id").execute();
  for (const r of rows) {
    const id = r[col]!;
    out.set(id, [...(out.get(id) ?? []), { due: r.due, reason: r.reason, on: r.extended_on, by: r.by_name }]);
  }
  return out;
}

export async function getTrackedItem(db: OwnersAnyDb, ref: ItemRef): Promise<TrackedItem | undefined> {
  const t = ownersDb(db);
  const extensions = (await extensionsOf(db, ref.kind, [ref.id])).get(ref.id) ?? [];
  if (ref.kind === "recommendation") {
    const r = await t
      .selectFrom("tracked_recommendations as r")
      .innerJoin("inquiries as i", "i.id", "r.inquiry_id")
      .leftJoin("meetings as m", "m.id", "i.response_meeting_id")
      .leftJoin("users as u", "u.id", "r.owner_user_id")
      .select(["r.id", "r.version", "r.number", "r.text", "r.responsible_member", "r.responsible_officer", "r.action_by", "r.closure_outcome", "r.closure_date", "r.closure_note", "r.exempt", "i.title", "i.slug", "m.minutes_status", "u.id as owner_id", "u.display_name as owner_name", "u.email as owner_email"])
      .where("r.id", "=", ref.id)
      .executeTakeFirst();
    if (!r) return undefined;
    return {
      kind: "recommendation",
      id: r.id,
      version: Number(r.version),
      heading: `Recommendation ${r.number}: ${r.title}`,
      text: r.text,
      parsedOwner: [r.responsible_member, r.responsible_officer].filter(Boolean).join(" and ") || null,
      owner: r.owner_id !== null ? { id: r.owner_id, name: r.owner_name!, email: r.owner_email! } : null,
      deadline: r.action_by,
      extensions,
      closed: r.closure_outcome ? { outcome: r.closure_outcome as Closure["outcome"], date: r.closure_date, note: r.closure_note } : null,
      isPublic: isFromPublicBusiness({ exempt: r.exempt, minutesStatus: r.minutes_status }),
      context: { title: r.title, slug: r.slug },
    };
  }
  const a = await t
    .selectFrom("actions as x")
    .innerJoin("bodies as b", "b.id", "x.body_id")
    .leftJoin("meetings as m", "m.id", "x.meeting_id")
    .leftJoin("items as i", (j) => j.onRef("i.meeting_id", "=", "x.meeting_id").onRef("i.slug", "=", "x.item_slug"))
    .leftJoin("users as u", "u.id", "x.owner_user_id")
    .select(["x.id", "x.version", "x.text", "x.owner", "x.due", "x.status", "b.name", "b.slug", "m.minutes_status", "i.exempt as item_exempt", "u.id as owner_id", "u.display_name as owner_name", "u.email as owner_email"])
    .where("x.id", "=", ref.id)
    .executeTakeFirst();
  if (!a) return undefined;
  return {
    kind: "action",
    id: a.id,
    version: Number(a.version),
    heading: `Action of ${a.name}`,
    text: a.text,
    parsedOwner: a.owner,
    owner: a.owner_id !== null ? { id: a.owner_id, name: a.owner_name!, email: a.owner_email! } : null,
    deadline: a.due,
    extensions,
    closed: a.status === "open" ? null : { outcome: a.status as ActionStatus, date: null, note: null },
    isPublic: isResolutionPublic({ itemExempt: a.item_exempt === true || a.item_exempt === 1, minutesStatus: a.minutes_status }),
    context: { title: a.name, slug: a.slug },
  };
}

export async function requireItem(db: OwnersAnyDb, ref: ItemRef): Promise<TrackedItem> {
  const item = await getTrackedItem(db, ref);
  if (!item) throw new QuorumError("not_found", `No ${ref.kind} ${ref.id}`);
  return item;
}

/** The ids of items a person owns, of each kind. */
export async function ownedIds(db: OwnersAnyDb, userId: number): Promise<{ recommendations: number[]; actions: number[] }> {
  const t = ownersDb(db);
  const [recs, actions] = await Promise.all([
    t.selectFrom("tracked_recommendations").select("id").where("owner_user_id", "=", userId).execute(),
    t.selectFrom("actions").select("id").where("owner_user_id", "=", userId).execute(),
  ]);
  return { recommendations: recs.map((r) => r.id), actions: actions.map((a) => a.id) };
}

/** Every tracked item with its owner, for the clerk's list: inquiry order, then actions by committee. */
export async function listTrackedItems(db: OwnersAnyDb): Promise<{ ref: ItemRef; heading: string; text: string; owner: string | null; parsedOwner: string | null }[]> {
  const t = ownersDb(db);
  const recs = await t
    .selectFrom("tracked_recommendations as r")
    .innerJoin("inquiries as i", "i.id", "r.inquiry_id")
    .leftJoin("users as u", "u.id", "r.owner_user_id")
    .select(["r.id", "r.number", "r.text", "i.title", "r.responsible_member", "r.responsible_officer", "u.display_name"])
    .orderBy("i.id")
    .orderBy("r.position")
    .execute();
  const actions = await t
    .selectFrom("actions as x")
    .innerJoin("bodies as b", "b.id", "x.body_id")
    .leftJoin("users as u", "u.id", "x.owner_user_id")
    .select(["x.id", "x.text", "x.owner", "b.name", "u.display_name"])
    .orderBy("b.name")
    .orderBy("x.slug")
    .execute();
  return [
    ...recs.map((r) => ({ ref: { kind: "recommendation" as const, id: r.id }, heading: `Recommendation ${r.number}: ${r.title}`, text: r.text, owner: r.display_name, parsedOwner: [r.responsible_member, r.responsible_officer].filter(Boolean).join(" and ") || null })),
    ...actions.map((a) => ({ ref: { kind: "action" as const, id: a.id }, heading: `Action of ${a.name}`, text: a.text, owner: a.display_name, parsedOwner: a.owner })),
  ];
}
