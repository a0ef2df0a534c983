// The recommendation tracker's repository: inquiries, their recommendations with the executive's
// response, monitoring updates and closure. Reads assess each recommendation with the domain
// rules on a given date, and show only what the public-visibility rule allows.
import type { Kysely, Transaction } from "kysely";
import type { CalendarDate } from "../../domain/calendar.ts";
import { QuorumError } from "../../domain/errors.ts";
import { assess, summarise, type Assessment, type TrackerSummary } from "../../domain/recommendation-status.ts";
import { responseDue } from "../../domain/monitoring.ts";
import {
  CLOSURE_OUTCOMES,
  policyFor,
  type Closure,
  type Inquiry,
  type OverdueReason,
  type ProgressUpdate,
  type RagStatus,
  type RecommendationResponse,
  type RecommendationStatus,
  type TrackedRecommendation,
} from "../../domain/scrutiny.ts";
import type { Database } from "../schema.ts";
import { nameKey, slugify } from "../rules/slugs.ts";
import { isFromPublicBusiness, isNotForPublication, PUBLIC_VIEWER, sealedReleaseOnSql, type Viewer } from "../visibility.ts";
import { trackerDb, type TrackerDatabase } from "./schema.ts";
import { extensionsOf } from "../owners/items.ts";
import { actionDeadline } from "../../domain/monitoring.ts";
import type { DeadlineExtension } from "../../domain/deadlines.ts";

type AnyDb = Kysely<Database> | Transaction<Database> | Kysely<TrackerDatabase> | Transaction<TrackerDatabase>;
const tdb = (db: AnyDb) => trackerDb(db as Kysely<Database>);

export interface InquiryView {
  slug: string;
  title: string;
  committee: string | null;
  committeeBody: { slug: string; name: string } | null;
  chair: string | null;
  leadMember: string | null;
  leadOfficer: string | null;
  reportDate: string | null;
  responseDue: string | null;
  monitoringMonths: number[];
  /** The meeting whose minutes carry the executive's response. */
  respondedAt: { slug: string; date: string; body: { slug: string; name: string } } | null;
  authority: { slug: string; name: string };
}

export interface RecommendationView {
  id: number;
  number: string;
  text: string;
  response: RecommendationResponse | null;
  responseText: string | null;
  responsibleMember: string | null;
  responsibleOfficer: string | null;
  actionBy: string | null;
  respondedOn: string | null;
  status: RecommendationStatus;
  latestRag: RagStatus | null;
  latestUpdate: ProgressUpdate | null;
  nextUpdateDue: CalendarDate | null;
  overdue: OverdueReason[];
  closure: Closure | null;
  updates: ProgressUpdate[];
  /** the clerk's extensions of the action-by date, in the order granted */
  extensions: DeadlineExtension[];
  /** the action-by date in force (the latest extension's, else the response's), as a day */
  deadline: CalendarDate | null;
  inquiry: InquiryView;
  /** sealed with exempt business, shown to a viewer entitled to the committee */
  notForPublication?: boolean;
}

export interface ListRecommendationsOptions {
  authority?: string;
  /** inquiry slug */
  inquiry?: string;
  /** the scrutiny committee (name or body slug) or the body that responded (body slug) */
  committee?: string;
  /** a responsible member or officer; matches a part of the name, any case */
  owner?: string;
  status?: RecommendationStatus;
  overdue?: boolean;
  /** include inquiries whose minutes are not public (for officers' views) */
  includeNonPublic?: boolean;
  /** who is reading: the public unless given */
  viewer?: Viewer;
}

type Row = Awaited<ReturnType<typeof selectRows>>[number];

async function selectRows(db: AnyDb, opts: ListRecommendationsOptions) {
  const t = tdb(db);
  let q = t
    .selectFrom("tracked_recommendations as r")
    .innerJoin("inquiries as i", "i.id", "r.inquiry_id")
    .innerJoin("authorities as a", "a.id", "i.authority_id")
    .leftJoin("meetings as m", "m.id", "i.response_meeting_id")
    .leftJoin("bodies as mb", "mb.id", "m.body_id")
    .leftJoin("bodies as cb", "cb.id", "i.committee_body_id")
    .select([
      "r.id",
      "r.number",
      "r.position",
      "r.text",
      "r.response",
      "r.response_text",
      "r.responsible_member",
      "r.responsible_officer",
      "r.action_by",
      "r.responded_on",
      "r.closure_outcome",
      "r.closure_date",
      "r.closure_note",
      "r.exempt",
      "i.id as inquiry_id",
      "i.slug as inquiry_slug",
      "i.title as inquiry_title",
      "i.committee_name",
      "i.chair",
      "i.lead_member",
      "i.lead_officer",
      "i.report_date",
      "i.received_on",
      "i.response_period_months",
      "a.slug as authority_slug",
      "a.name as authority_name",
      "m.slug as meeting_slug",
      "m.date as meeting_date",
      "m.minutes_status",
      "m.body_id as meeting_body_id",
      sealedReleaseOnSql("m.id").as("sealed_release_on"),
      "mb.slug as meeting_body_slug",
      "mb.name as meeting_body_name",
      "cb.slug as committee_body_slug",
      "cb.name as committee_body_name",
    ]);
  if (opts.authority) q = q.where("a.slug", "=", opts.authority);
  if (opts.inquiry) q = q.where("i.slug", "=", opts.inquiry);
  return q.orderBy("i.id").orderBy("r.position").execute();
}

/** A recommendation from an exempt item, or from minutes not yet public, is not public either. */
function isRowPublic(r: Row, viewer: Viewer = PUBLIC_VIEWER): boolean {
  return isFromPublicBusiness(sealedSubject(r), viewer);
}

function sealedSubject(r: Row) {
  return { exempt: r.exempt, minutesStatus: r.minutes_status, bodyId: r.meeting_body_id, releaseOn: r.sealed_release_on };
}

function matchesCommittee(r: Row, committee: string): boolean {
  const key = nameKey(committee);
  return (
    (r.committee_name !== null && nameKey(r.committee_name) === key) ||
    r.committee_body_slug === committee ||
    r.meeting_body_slug === committee ||
    (r.meeting_body_name !== null && nameKey(r.meeting_body_name) === key)
  );
}

function matchesOwner(r: Row, owner: string): boolean {
  const o = owner.toLowerCase();
  return [r.responsible_member, r.responsible_officer].some((v) => v !== null && v.toLowerCase().includes(o));
}

async function schedules(db: AnyDb, inquiryIds: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (!inquiryIds.length) return out;
  const rows = await tdb(db).selectFrom("inquiry_schedules").where("inquiry_id", "in", inquiryIds).selectAll().orderBy("months_after").execute();
  for (const r of rows) out.set(r.inquiry_id, [...(out.get(r.inquiry_id) ?? []), r.months_after]);
  return out;
}

async function updatesOf(db: AnyDb, recIds: number[]): Promise<Map<number, ProgressUpdate[]>> {
  const out = new Map<number, ProgressUpdate[]>();
  if (!recIds.length) return out;
  const rows = await tdb(db).selectFrom("recommendation_updates").where("recommendation_id", "in", recIds).selectAll().orderBy("date").orderBy("id").execute();
  for (const r of rows) {
    out.set(r.recommendation_id, [...(out.get(r.recommendation_id) ?? []), { date: r.date, rag: r.rag as RagStatus, text: r.text, by: r.by_name, evidenceUrl: (r as { evidence_url?: string | null }).evidence_url ?? null }]);
  }
  return out;
}

function inquiryOf(r: Row, months: number[] | undefined): Inquiry & { view: InquiryView } {
  const inquiry: Inquiry = {
    title: r.inquiry_title,
    committee: r.committee_name ?? "",
    chair: r.chair,
    reportDate: r.report_date,
    receivedOn: r.received_on,
    monitoringMonths: months ?? null,
    responsePeriodMonths: r.response_period_months,
  };
  const policy = policyFor(inquiry);
  return {
    ...inquiry,
    view: {
      slug: r.inquiry_slug,
      title: r.inquiry_title,
      committee: r.committee_name,
      committeeBody: r.committee_body_slug && r.committee_body_name ? { slug: r.committee_body_slug, name: r.committee_body_name } : null,
      chair: r.chair,
      leadMember: r.lead_member,
      leadOfficer: r.lead_officer,
      reportDate: r.report_date,
      responseDue: responseDue(inquiry, policy),
      monitoringMonths: [...policy.monitoringMonths],
      respondedAt:
        r.meeting_slug && r.meeting_date && r.meeting_body_slug && r.meeting_body_name
          ? { slug: r.meeting_slug, date: r.meeting_date, body: { slug: r.meeting_body_slug, name: r.meeting_body_name } }
          : null,
      authority: { slug: r.authority_slug, name: r.authority_name },
    },
  };
}

/** Tracked recommendations assessed on `asOf`, filtered, in inquiry and table order. */
export async function listRecommendations(db: AnyDb, asOf: CalendarDate, opts: ListRecommendationsOptions = {}): Promise<RecommendationView[]> {
  let rows = await selectRows(db, opts);
  const viewer = opts.viewer ?? PUBLIC_VIEWER;
  if (!opts.includeNonPublic) rows = rows.filter((r) => isRowPublic(r, viewer));
  if (opts.committee) rows = rows.filter((r) => matchesCommittee(r, opts.committee!));
  if (opts.owner) rows = rows.filter((r) => matchesOwner(r, opts.owner!));
  const months = await schedules(db, [...new Set(rows.map((r) => r.inquiry_id))]);
  const updates = await updatesOf(db, rows.map((r) => r.id));
  const extensions = await extensionsOf(db as never, "recommendation", rows.map((r) => r.id));
  const views = rows.map((r): RecommendationView => {
    const inquiry = inquiryOf(r, months.get(r.inquiry_id));
    const rec: TrackedRecommendation = {
      number: r.number,
      text: r.text,
      response: r.response
        ? {
            response: r.response as RecommendationResponse,
            text: r.response_text,
            responsibleMember: r.responsible_member,
            responsibleOfficer: r.responsible_officer,
            actionBy: r.action_by,
            respondedOn: r.responded_on,
          }
        : null,
      updates: updates.get(r.id) ?? [],
      closure: r.closure_outcome && r.closure_date ? { outcome: r.closure_outcome as Closure["outcome"], date: r.closure_date, note: r.closure_note } : null,
      extensions: extensions.get(r.id) ?? [],
    };
    const a: Assessment = assess(inquiry, rec, asOf);
    return {
      id: r.id,
      number: r.number,
      text: r.text,
      response: rec.response?.response ?? null,
      responseText: r.response_text,
      responsibleMember: r.responsible_member,
      responsibleOfficer: r.responsible_officer,
      actionBy: r.action_by,
      respondedOn: r.responded_on,
      status: a.status,
      latestRag: a.latestRag,
      latestUpdate: rec.updates.at(-1) ?? null,
      nextUpdateDue: a.nextUpdate?.due ?? null,
      overdue: a.overdue,
      closure: rec.closure,
      updates: [...rec.updates],
      extensions: [...(rec.extensions ?? [])],
      deadline: actionDeadline(rec),
      inquiry: inquiry.view,
      ...(isNotForPublication(sealedSubject(r), viewer) ? { notForPublication: true } : {}),
    };
  });
  return views.filter((v) => (!opts.status || v.status === opts.status) && (opts.overdue === undefined || (v.overdue.length > 0) === opts.overdue));
}

export interface InquiryDetailView extends InquiryView {
  recommendations: RecommendationView[];
  summary: TrackerSummary;
}

export async function getInquiry(db: AnyDb, slug: string, asOf: CalendarDate, opts: { includeNonPublic?: boolean; viewer?: Viewer } = {}): Promise<InquiryDetailView | null> {
  const recs = await listRecommendations(db, asOf, { inquiry: slug, includeNonPublic: opts.includeNonPublic, viewer: opts.viewer });
  if (!recs.length) return null;
  return {
    ...recs[0].inquiry,
    recommendations: recs,
    summary: summarise(recs),
  };
}

/** One summary per inquiry, for the tracker's index. */
export function summariesByInquiry(recs: RecommendationView[]): { inquiry: InquiryView; summary: TrackerSummary }[] {
  const groups = new Map<string, RecommendationView[]>();
  for (const r of recs) groups.set(r.inquiry.slug, [...(groups.get(r.inquiry.slug) ?? []), r]);
  return [...groups.values()].map((list) => ({
    inquiry: list[0].inquiry,
    summary: summarise(list),
  }));
}

// Writes by hand (officers keeping the tracker); the response and monitoring updates, which alert
// followers by email, are in record.ts.

export async function closeRecommendation(db: AnyDb, recommendationId: number, closure: Closure): Promise<void> {
  if (!(CLOSURE_OUTCOMES as readonly string[]).includes(closure.outcome)) throw new QuorumError("invalid", `unknown closure "${closure.outcome}"`);
  await tdb(db)
    .updateTable("tracked_recommendations")
    .set({ closure_outcome: closure.outcome, closure_date: closure.date, closure_note: closure.note ?? null, updated_at: new Date().toISOString() })
    .where("id", "=", recommendationId)
    .execute();
}

/** Replaces an inquiry's monitoring schedule (months after the response). */
export async function setMonitoringSchedule(db: AnyDb, inquirySlug: string, months: number[]): Promise<void> {
  policyFor({ monitoringMonths: months });
  const t = tdb(db);
  const inquiry = await t.selectFrom("inquiries").where("slug", "=", inquirySlug).select("id").executeTakeFirst();
  if (!inquiry) throw new QuorumError("not_found", `no inquiry "${inquirySlug}"`);
  await t.deleteFrom("inquiry_schedules").where("inquiry_id", "=", inquiry.id).execute();
  const unique = [...new Set(months)];
  if (unique.length) await t.insertInto("inquiry_schedules").values(unique.map((m) => ({ inquiry_id: inquiry.id, months_after: m }))).execute();
}

/** Sets the report's date (and when it was received), which starts the response clock. */
export async function setInquiryDates(db: AnyDb, inquirySlug: string, dates: { reportDate?: string | null; receivedOn?: string | null; responsePeriodMonths?: number | null }): Promise<void> {
  const set: { report_date?: string | null; received_on?: string | null; response_period_months?: number | null } = {};
  if (dates.reportDate !== undefined) set.report_date = dates.reportDate;
  if (dates.receivedOn !== undefined) set.received_on = dates.receivedOn;
  if (dates.responsePeriodMonths !== undefined) set.response_period_months = dates.responsePeriodMonths;
  await tdb(db).updateTable("inquiries").set(set).where("slug", "=", inquirySlug).execute();
}

export interface NewInquiry {
  authority: string;
  title: string;
  committee: string | null;
  chair?: string | null;
  reportDate: string | null;
  receivedOn?: string | null;
  monitoringMonths?: number[] | null;
  responsePeriodMonths?: number | null;
  recommendations: { number: string; text: string }[];
}

/** An inquiry entered by hand when its report is published, before the executive responds. */
export async function createInquiry(db: AnyDb, input: NewInquiry): Promise<string> {
  const t = tdb(db);
  const authority = await t.selectFrom("authorities").where("slug", "=", input.authority).select("id").executeTakeFirst();
  if (!authority) throw new QuorumError("not_found", `no authority "${input.authority}"`);
  if (!input.title.trim()) throw new QuorumError("invalid", "an inquiry needs a title");
  const policy = policyFor(input);
  const slug = `${input.authority}-${input.reportDate ?? "undated"}-${slugify(input.title).slice(0, 60).replace(/-+$/, "")}`;
  if (await t.selectFrom("inquiries").where("slug", "=", slug).select("id").executeTakeFirst()) throw new QuorumError("conflict", `inquiry "${input.title}" already exists`);
  const committeeBody = input.committee
    ? await t.selectFrom("bodies").where("authority_id", "=", authority.id).where("name_key", "=", nameKey(input.committee)).select("id").executeTakeFirst()
    : undefined;
  const { id } = await t
    .insertInto("inquiries")
    .values({
      slug,
      authority_id: authority.id,
      title: input.title,
      committee_name: input.committee,
      committee_body_id: committeeBody?.id ?? null,
      chair: input.chair ?? null,
      lead_member: null,
      lead_officer: null,
      report_date: input.reportDate,
      received_on: input.receivedOn ?? null,
      response_period_months: input.responsePeriodMonths ?? null,
      response_meeting_id: null,
      source: "manual",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (input.monitoringMonths?.length) {
    await t.insertInto("inquiry_schedules").values([...new Set(policy.monitoringMonths)].map((m) => ({ inquiry_id: id, months_after: m }))).execute();
  }
  if (input.recommendations.length) {
    await t
      .insertInto("tracked_recommendations")
      .values(
        input.recommendations.map((r, i) => ({
          inquiry_id: id,
          position: i,
          number: r.number,
          text: r.text,
          response: null,
          response_text: null,
          responsible_member: null,
          responsible_officer: null,
          action_by: null,
          responded_on: null,
          response_meeting_id: null,
          closure_outcome: null,
          closure_date: null,
          closure_note: null,
        })),
      )
      .execute();
  }
  return slug;
}
