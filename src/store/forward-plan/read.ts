// Reading the forward plan: for the public (through the one visibility rule: an exempt key
// decision keeps only what the Regulations publish, and where it was taken is shown only from
// public minutes) and for clerks (everything).
import { planOnce } from "../pg-statements.ts";
import { preparedRead } from "../prepared.ts";
import type { Kysely, Selectable } from "kysely";
import { noticeCheck, type NoticeCheck, type NoticeException, type NoticeExceptionRecord } from "../../domain/forward-plan.ts";
import type { CalendarDate } from "../../domain/calendar.ts";
import type { Db } from "../db.ts";
import { areMinutesPublic, exemptAccess, PUBLIC_VIEWER, publicKeyDecision, type Viewer } from "../visibility.ts";
import { planDb, type DocumentLink, type KeyDecisionsTable, type PlanDatabase } from "./schema.ts";

export interface TakenAt {
  meeting: { id: number; slug: string; date: string; bodyName: string };
  /** null when only the meeting is linked */
  item: { number: string; slug: string; title: string } | null;
  /** null when no single resolution is linked, or when it is withheld from this viewer */
  resolution: { slug: string; text: string } | null;
  /** the item was exempt and the viewer sees only its title */
  withheld: boolean;
}

export interface KeyDecisionView {
  id: number;
  slug: string;
  reference: string | null;
  decision: string;
  details: string | null;
  decisionMaker: string;
  body: { id: number; slug: string; name: string } | null;
  authority: { slug: string; name: string };
  plannedDate: string;
  firstPublished: CalendarDate;
  wards: string[];
  consultees: string | null;
  documents: DocumentLink[];
  exempt: { paragraphs: string | null; reason: string } | null;
  exception: NoticeExceptionRecord | null;
  notice: NoticeCheck;
  withdrawn: { on: CalendarDate; reason: string } | null;
  taken: TakenAt | null;
  version: number;
  /** exempt details withheld from this viewer */
  withheld: boolean;
  /** exempt details shown to an entitled viewer */
  notForPublication: boolean;
}

type Row = Selectable<KeyDecisionsTable> & { authority_slug: string; authority_name: string; body_slug: string | null; body_name: string | null };

const parseList = <T>(json: string | null | undefined): T[] => {
  try {
    const v = JSON.parse(json ?? "[]");
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
};

function base(db: Kysely<PlanDatabase>) {
  return db
    .selectFrom("forward_plan_entries as f")
    .innerJoin("authorities as a", "a.id", "f.authority_id")
    .leftJoin("bodies as b", "b.id", "f.body_id")
    .selectAll("f")
    .select(["a.slug as authority_slug", "a.name as authority_name", "b.slug as body_slug", "b.name as body_name"]);
}

function fromRow(r: Row): Omit<KeyDecisionView, "taken" | "withheld" | "notForPublication"> {
  const exception: NoticeExceptionRecord | null = r.notice_exception
    ? { kind: r.notice_exception as NoticeException, reason: r.exception_reason ?? "", chair: r.exception_chair ?? "", on: r.exception_on ?? "", noticeOn: r.exception_notice_on ?? r.first_published }
    : null;
  return {
    id: r.id,
    slug: r.slug,
    reference: r.reference,
    decision: r.decision,
    details: r.details ?? null,
    decisionMaker: r.decision_maker,
    body: r.body_id && r.body_slug && r.body_name ? { id: r.body_id, slug: r.body_slug, name: r.body_name } : null,
    authority: { slug: r.authority_slug, name: r.authority_name },
    plannedDate: r.planned_date,
    firstPublished: r.first_published,
    wards: parseList<string>(r.wards_json),
    consultees: r.consultees ?? null,
    documents: parseList<DocumentLink>(r.documents_json),
    exempt: r.private_reason ? { paragraphs: r.private_paragraphs, reason: r.private_reason } : null,
    exception,
    notice: noticeCheck({ plannedDate: r.planned_date, firstPublished: r.first_published, exception: exception?.kind ?? null }),
    withdrawn: r.withdrawn_on ? { on: r.withdrawn_on, reason: r.withdrawn_reason ?? "" } : null,
    version: Number(r.version ?? 1),
  };
}

/** Where each decision was taken, as `viewer` may see it (null for a clerk: everything). */
async function takenAt(db: Kysely<PlanDatabase>, rows: Row[], viewer: Viewer | null): Promise<Map<number, TakenAt>> {
  const out = new Map<number, TakenAt>();
  const linked = rows.filter((r) => r.taken_meeting_id);
  if (!linked.length) return out;
  const meetingIds = [...new Set(linked.map((r) => r.taken_meeting_id!))];
  const numbers = [...new Set(linked.flatMap((r) => (r.taken_item_number ? [r.taken_item_number] : [])))];
  // the meetings, and the linked items with their decisions, for every row at once
  const [meetings, itemRows] = await Promise.all([
    db
      .selectFrom("meetings")
      .innerJoin("bodies", "bodies.id", "meetings.body_id")
      .where("meetings.id", "in", meetingIds)
      .select(["meetings.id", "meetings.slug", "meetings.date", "meetings.minutes_status", "meetings.body_id", "bodies.name as body_name"])
      .execute(),
    numbers.length
      ? db
          .selectFrom("items")
          .leftJoin("resolutions", "resolutions.item_id", "items.id")
          .where("items.meeting_id", "in", meetingIds)
          .where("items.number", "in", numbers)
          .select(["items.id", "items.meeting_id", "items.number", "items.slug", "items.title", "items.exempt", "items.exempt_release_on", "items.position", "resolutions.slug as resolution_slug", "resolutions.text as resolution_text"])
          .orderBy("items.position")
          .orderBy("resolutions.position")
          .execute()
      : Promise.resolve([]),
  ]);
  const meetingById = new Map(meetings.map((m) => [m.id, m]));
  for (const r of linked) {
    const m = meetingById.get(r.taken_meeting_id!);
    if (!m) continue;
    // that the decision was taken, and where, is read from the minutes: not while they are a draft
    if (viewer && !areMinutesPublic({ minutesStatus: m.minutes_status })) continue;
    const taken: TakenAt = { meeting: { id: m.id, slug: m.slug, date: m.date, bodyName: m.body_name }, item: null, resolution: null, withheld: false };
    if (r.taken_item_number) {
      // the first item of that number in the meeting's order, and its decisions in theirs
      const matching = itemRows.filter((i) => i.meeting_id === m.id && i.number === r.taken_item_number);
      const item = matching[0];
      if (item) {
        taken.item = { number: item.number, slug: item.slug, title: item.title };
        const exempt = item.exempt === true || item.exempt === 1;
        taken.withheld = !!viewer && exempt && exemptAccess(viewer, { bodyId: m.body_id, releaseOn: item.exempt_release_on }) === "withheld";
        if (r.taken_resolution_position && !taken.withheld) {
          const res = matching.filter((i) => i.id === item.id && i.resolution_slug !== null)[r.taken_resolution_position - 1];
          if (res) taken.resolution = { slug: res.resolution_slug!, text: res.resolution_text! };
        }
      }
    }
    out.set(r.id, taken);
  }
  return out;
}

export interface KeyDecisionFilter {
  authority?: string;
  /** the deciding committee's slug */
  body?: string;
  /** the decision maker as named (a committee's name, or an officer's or member's) */
  maker?: string;
  /** planned in this month (YYYY-MM): a day in it, or the month itself */
  month?: string;
  /** planned on or after this date (a month-only plan counts until its month ends) */
  from?: CalendarDate;
  /** include withdrawn decisions (default: only those still planned or taken) */
  withdrawn?: boolean;
}

async function rowsFor(db: Db, f: KeyDecisionFilter): Promise<Row[]> {
  let q = base(planDb(db));
  if (f.authority) q = q.where("a.slug", "=", f.authority);
  if (f.body) q = q.where("b.slug", "=", f.body);
  if (f.maker) q = q.where("f.decision_maker", "=", f.maker);
  if (f.month) q = q.where((eb) => eb.or([eb("f.planned_date", "=", f.month!), eb("f.planned_date", "like", `${f.month}-%`)]));
  // "YYYY-MM" sorts before every day of its month, so compare a month by its own prefix.
  if (f.from) q = q.where((eb) => eb.or([eb("f.planned_date", ">=", f.from!), eb("f.planned_date", "=", f.from!.slice(0, 7))]));
  if (!f.withdrawn) q = q.where("f.withdrawn_on", "is", null);
  return (await q.orderBy("f.planned_date").orderBy("f.slug").execute()) as unknown as Row[];
}

function seal(r: Row, taken: Map<number, TakenAt>, viewer: Viewer): KeyDecisionView {
  const v: KeyDecisionView & { bodyId: number | null } = { ...fromRow(r), bodyId: r.body_id, taken: taken.get(r.id) ?? null, withheld: false, notForPublication: false };
  const { bodyId: _b, ...sealed } = publicKeyDecision(v, viewer);
  return sealed;
}

/** The forward plan for the public (or a signed-in viewer), sealed by the visibility rule. */
export async function listKeyDecisions(db: Db, f: KeyDecisionFilter = {}, viewer: Viewer = PUBLIC_VIEWER): Promise<KeyDecisionView[]> {
  const rows = await rowsFor(db, f);
  const taken = await takenAt(planDb(db), rows, viewer);
  return rows.map((r) => seal(r, taken, viewer));
}

export async function getKeyDecision(db: Db, slug: string, viewer: Viewer = PUBLIC_VIEWER): Promise<KeyDecisionView | null> {
  const r = (await base(planDb(db)).where("f.slug", "=", slug).executeTakeFirst()) as unknown as Row | undefined;
  if (!r) return null;
  const taken = await takenAt(planDb(db), [r], viewer);
  return seal(r, taken, viewer);
}

/** Everything about one key decision, for the clerk's forms. */
export async function keyDecisionForClerk(db: Db, slug: string): Promise<KeyDecisionView | null> {
  const r = (await base(planDb(db)).where("f.slug", "=", slug).executeTakeFirst()) as unknown as Row | undefined;
  if (!r) return null;
  const taken = await takenAt(planDb(db), [r], null);
  return { ...fromRow(r), taken: taken.get(r.id) ?? null, withheld: false, notForPublication: false };
}

/** The whole plan for the clerk's list, withdrawn decisions included. */
export async function listForClerk(db: Db): Promise<KeyDecisionView[]> {
  const rows = await rowsFor(db, { withdrawn: true });
  const taken = await takenAt(planDb(db), rows, null);
  return rows.map((r) => ({ ...fromRow(r), taken: taken.get(r.id) ?? null, withheld: false, notForPublication: false }));
}

/** The decision makers to filter the public plan by: each as named, once. */
export async function decisionMakers(db: Db): Promise<string[]> {
  const rows = await planDb(db).selectFrom("forward_plan_entries").where("withdrawn_on", "is", null).select("decision_maker").distinct().orderBy("decision_maker").execute();
  return rows.map((r) => r.decision_maker);
}

/** Key decisions taken at a meeting, for the meeting page's link back to the forward plan. */
const takenAtMeeting = preparedRead((db: Db, p: { meetingSlug: string }) =>
  base(planDb(db))
    .where("f.taken_meeting_id", "=", (eb) => eb.selectFrom("meetings").where("meetings.slug", "=", p.meetingSlug).select("meetings.id"))
    .orderBy("f.slug"),
);

export async function keyDecisionsTakenAt(store: Db, meetingSlug: string, viewer: Viewer = PUBLIC_VIEWER): Promise<KeyDecisionView[]> {
  // one meeting's rows by its slug: one plan serves every meeting (pg-statements.ts)
  const db = planOnce(store);
  const rows = (await takenAtMeeting(db, { meetingSlug }, null)) as unknown as Row[];
  const taken = await takenAt(planDb(db), rows, viewer);
  return rows.map((r) => seal(r, taken, viewer));
}
