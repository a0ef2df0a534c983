// Reads of the minutes lifecycle: where a meeting's minutes stand (for its page, the API and the
// clerk's page), and the approved version of the minutes, public only through the visibility rule.
import type { Db } from "../db.ts";
import { preparedRead } from "../prepared.ts";
import { areMinutesPublic, publicItem } from "../visibility.ts";
import { lifecycleDb } from "./schema.ts";
import type { ApprovedSnapshot } from "./snapshot.ts";

export interface MinutesApprovalView {
  /** the date of the meeting that agreed the minutes */
  approvedOn: string;
  /** that meeting, when it is public (or for officers) */
  meeting: { slug: string; date: string; bodyName: string } | null;
  item: { number: string; title: string } | null;
  recordedAt: string;
}

export interface MinutesCorrectionView {
  correctedOn: string;
  reason: string;
}

export interface MinutesLifecycle {
  status: string;
  /** published, and a draft awaiting approval */
  draft: boolean;
  approval: MinutesApprovalView | null;
  /** corrections after approval, oldest first */
  corrections: MinutesCorrectionView[];
}

const approvalOf = preparedRead((db: Db, p: { meetingId: number }) =>
  lifecycleDb(db)
    .selectFrom("minutes_approvals as a")
    .leftJoin("meetings as later", "later.id", "a.approving_meeting_id")
    .leftJoin("bodies", "bodies.id", "later.body_id")
    .leftJoin("minutes_corrections as c", "c.meeting_id", "a.meeting_id")
    .where("a.meeting_id", "=", p.meetingId)
    .select(["a.approved_on", "a.approving_item_number", "a.approving_item_title", "a.recorded_at", "later.slug", "later.date", "later.minutes_status", "bodies.name as body_name", "c.corrected_on", "c.reason"])
    .orderBy("c.corrected_on")
    .orderBy("c.id"),
);

/**
 * Where a meeting's minutes stand. `forPublic` leaves out an approving meeting the public may not
 * see (a draft); callers check the meeting itself is public first.
 */
export async function readMinutesLifecycle(
  db: Db,
  meetingId: number,
  forPublic = true,
  /** the meeting's row when the caller has already read it */
  known?: { minutes_status: string; minutes_draft: number | boolean | null },
): Promise<MinutesLifecycle | null> {
  // the approval with its corrections in one read (no approval, no rows: corrections count only under one)
  const [m, rows] = await Promise.all([
    known ?? db.selectFrom("meetings").where("id", "=", meetingId).select(["minutes_status", "minutes_draft"]).executeTakeFirst(),
    approvalOf(db, { meetingId }, null),
  ]);
  if (!m) return null;
  const a = rows[0];
  const corrections = rows.flatMap((r) => (r.corrected_on === null ? [] : [{ corrected_on: r.corrected_on, reason: r.reason ?? "" }]));
  const laterVisible = a?.slug && a.date && a.body_name && (!forPublic || areMinutesPublic({ minutesStatus: a.minutes_status ?? "draft" }));
  return {
    status: m.minutes_status,
    draft: m.minutes_status === "published" && Number(m.minutes_draft) === 1,
    approval: a
      ? {
          approvedOn: a.approved_on,
          meeting: laterVisible ? { slug: a.slug!, date: a.date!, bodyName: a.body_name! } : null,
          item: a.approving_item_number ? { number: a.approving_item_number, title: a.approving_item_title ?? "" } : null,
          recordedAt: a.recorded_at,
        }
      : null,
    corrections: corrections.map((c) => ({ correctedOn: c.corrected_on, reason: c.reason })),
  };
}

export interface ApprovedVersion {
  meeting: { slug: string; date: string; bodyName: string; bodySlug: string };
  lifecycle: MinutesLifecycle;
  snapshot: Omit<ApprovedSnapshot, "items"> & { items: (ApprovedSnapshot["items"][number] & { exemptNotice: string | null })[] };
}

/** The minutes as approved, for the public: exempt items keep only their title and ground. */
export async function getApprovedVersion(db: Db, slug: string): Promise<ApprovedVersion | null> {
  const m = await lifecycleDb(db)
    .selectFrom("meetings")
    .innerJoin("bodies", "bodies.id", "meetings.body_id")
    .innerJoin("minutes_approvals as a", "a.meeting_id", "meetings.id")
    .where("meetings.slug", "=", slug)
    .select(["meetings.id", "meetings.slug", "meetings.date", "meetings.minutes_status", "bodies.name as body_name", "bodies.slug as body_slug", "a.snapshot_json"])
    .executeTakeFirst();
  if (!m || !areMinutesPublic({ minutesStatus: m.minutes_status })) return null;
  const lifecycle = (await readMinutesLifecycle(db, m.id))!;
  const snap = JSON.parse(m.snapshot_json) as ApprovedSnapshot;
  return {
    meeting: { slug: m.slug, date: m.date, bodyName: m.body_name, bodySlug: m.body_slug },
    lifecycle,
    snapshot: { ...snap, items: snap.items.map((i) => publicItem(i)) },
  };
}

/** Lifecycle labels of many meetings at once, for lists: approved on, last corrected on. */
export async function lifecycleDates(db: Db, meetingIds: number[]): Promise<Map<number, { approvedOn: string | null; correctedOn: string | null }>> {
  const out = new Map<number, { approvedOn: string | null; correctedOn: string | null }>();
  if (!meetingIds.length) return out;
  const l = lifecycleDb(db);
  for (const a of await l.selectFrom("minutes_approvals").where("meeting_id", "in", meetingIds).select(["meeting_id", "approved_on"]).execute()) {
    out.set(a.meeting_id, { approvedOn: a.approved_on, correctedOn: null });
  }
  const corrected = await l
    .selectFrom("minutes_corrections")
    .where("meeting_id", "in", meetingIds)
    .groupBy("meeting_id")
    .select((eb) => ["meeting_id", eb.fn.max("corrected_on").as("last")])
    .execute();
  for (const c of corrected) {
    const e = out.get(c.meeting_id);
    if (e) e.correctedOn = c.last as string;
  }
  return out;
}

export interface ClerkMeeting {
  id: number;
  slug: string;
  date: string;
  bodyName: string;
  status: string;
  draft: boolean;
  /** false for a meeting scheduled here whose minutes have not come in */
  hasMinutes: boolean;
}

/** A meeting whatever its status, for the clerk's minutes page. */
export async function getMeetingForClerk(db: Db, slug: string): Promise<ClerkMeeting | null> {
  const m = await db
    .selectFrom("meetings")
    .innerJoin("bodies", "bodies.id", "meetings.body_id")
    .where("meetings.slug", "=", slug)
    .select(["meetings.id", "meetings.slug", "meetings.date", "meetings.minutes_status", "meetings.minutes_draft", "meetings.source_document_id", "bodies.name as body_name"])
    .executeTakeFirst();
  if (!m) return null;
  return { id: m.id, slug: m.slug, date: m.date, bodyName: m.body_name, status: m.minutes_status, draft: m.minutes_status === "published" && Number(m.minutes_draft) === 1, hasMinutes: m.source_document_id !== null };
}

/** Later meetings of the same council, soonest first: where the minutes may have been approved. */
export async function laterMeetings(db: Db, meetingId: number, limit = 100): Promise<{ slug: string; date: string; bodyName: string }[]> {
  const m = await db.selectFrom("meetings").innerJoin("bodies", "bodies.id", "meetings.body_id").where("meetings.id", "=", meetingId).select(["meetings.date", "meetings.body_id", "bodies.authority_id"]).executeTakeFirst();
  if (!m) return [];
  const rows = await db
    .selectFrom("meetings")
    .innerJoin("bodies", "bodies.id", "meetings.body_id")
    .where("bodies.authority_id", "=", m.authority_id)
    .where("meetings.date", ">", m.date)
    .select(["meetings.slug", "meetings.date", "meetings.body_id", "bodies.name as body_name"])
    .orderBy("meetings.date")
    .orderBy("meetings.start_time")
    .limit(limit)
    .execute();
  // the committee's own meetings first: its minutes are usually agreed at its next meeting
  const own = rows.filter((r) => r.body_id === m.body_id);
  const others = rows.filter((r) => r.body_id !== m.body_id);
  return [...own, ...others].map((r) => ({ slug: r.slug, date: r.date, bodyName: r.body_name }));
}

/** Minutes not yet public, newest first, for the workspace. */
export async function draftMinutes(db: Db, limit = 20): Promise<{ slug: string; date: string; bodyName: string }[]> {
  const rows = await db
    .selectFrom("meetings")
    .innerJoin("bodies", "bodies.id", "meetings.body_id")
    .where("meetings.minutes_status", "=", "draft")
    .select(["meetings.slug", "meetings.date", "bodies.name as body_name"])
    .orderBy("meetings.date", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ slug: r.slug, date: r.date, bodyName: r.body_name }));
}
