// What a recommendation's status is on a given day, and the counts a tracker page shows.
import type { CalendarDate } from "./calendar.ts";
import { isActionOverdue, isResponseOverdue, isUpdateOverdue, nextUpdateDue, type ScheduledUpdate } from "./monitoring.ts";
import {
  OVERDUE_REASONS,
  RECOMMENDATION_RESPONSES,
  RECOMMENDATION_STATUSES,
  policyFor,
  type Inquiry,
  type OverdueReason,
  type ProgressUpdate,
  type RagStatus,
  type RecommendationResponse,
  type RecommendationStatus,
  type TrackedRecommendation,
} from "./scrutiny.ts";

const RAG_STATUS: Record<RagStatus, RecommendationStatus> = { green: "on_track", amber: "at_risk", red: "off_track" };

/** The most recent update; of two on the same day, the one recorded later. */
export function latestUpdate(rec: Pick<TrackedRecommendation, "updates">): ProgressUpdate | null {
  let latest: ProgressUpdate | null = null;
  for (const u of rec.updates) if (latest === null || u.date >= latest.date) latest = u;
  return latest;
}

/**
 * Closed beats everything; a rejection stays a rejection; otherwise the latest RAG rating says
 * how it is going, and before any update the response itself is the status.
 */
export function statusOf(rec: TrackedRecommendation): RecommendationStatus {
  if (rec.closure) return rec.closure.outcome;
  if (!rec.response) return "awaiting_response";
  if (rec.response.response === "no") return "rejected";
  const latest = latestUpdate(rec);
  if (latest) return RAG_STATUS[latest.rag];
  return rec.response.response === "yes" ? "accepted" : "partially_accepted";
}

export interface Assessment {
  status: RecommendationStatus;
  latestRag: RagStatus | null;
  nextUpdate: ScheduledUpdate | null;
  overdue: OverdueReason[];
}

export function assess(
  inquiry: Pick<Inquiry, "reportDate" | "receivedOn" | "monitoringMonths" | "responsePeriodMonths">,
  rec: TrackedRecommendation,
  asOf: CalendarDate,
): Assessment {
  const policy = policyFor(inquiry);
  const overdue: OverdueReason[] = [];
  if (isResponseOverdue(inquiry, rec, policy, asOf)) overdue.push("response");
  if (isUpdateOverdue(rec, policy, asOf)) overdue.push("update");
  if (isActionOverdue(rec, asOf)) overdue.push("action");
  return {
    status: statusOf(rec),
    latestRag: latestUpdate(rec)?.rag ?? null,
    nextUpdate: nextUpdateDue(rec, policy),
    overdue,
  };
}

export interface TrackerSummary {
  total: number;
  byStatus: Record<RecommendationStatus, number>;
  byResponse: Record<RecommendationResponse | "none", number>;
  overdue: number;
  overdueBy: Record<OverdueReason, number>;
  open: number;
}

const CLOSED: ReadonlySet<RecommendationStatus> = new Set(["implemented", "not_implemented", "superseded", "rejected"]);

export function isOpen(status: RecommendationStatus): boolean {
  return !CLOSED.has(status);
}

const zeroes = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** What a summary counts of each recommendation. */
export interface SummaryRow {
  response: RecommendationResponse | null;
  status: RecommendationStatus;
  overdue: readonly OverdueReason[];
}

export function summarise(rows: readonly SummaryRow[]): TrackerSummary {
  const summary: TrackerSummary = {
    total: 0,
    byStatus: zeroes(RECOMMENDATION_STATUSES),
    byResponse: zeroes([...RECOMMENDATION_RESPONSES, "none"] as const),
    overdue: 0,
    overdueBy: zeroes(OVERDUE_REASONS),
    open: 0,
  };
  for (const row of rows) {
    summary.total++;
    summary.byStatus[row.status]++;
    summary.byResponse[row.response ?? "none"]++;
    if (row.overdue.length) summary.overdue++;
    for (const r of row.overdue) summary.overdueBy[r]++;
    if (isOpen(row.status)) summary.open++;
  }
  return summary;
}

/** Summaries per group (inquiry, committee, owner …), groups in first-seen order. */
export function summariseBy<T extends SummaryRow>(rows: readonly T[], key: (row: T) => string): Map<string, TrackerSummary> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return new Map([...groups].map(([k, list]) => [k, summarise(list)]));
}
