// The recommendation tracker: a scrutiny inquiry's report, its recommendations, the
// executive's response to each, the monitoring updates that follow, and how each one closed.
import type { CalendarDate, CalendarMonth } from "./calendar.ts";
import type { RecommendationResponse } from "./minutes.ts";
import type { DeadlineExtension } from "./deadlines.ts";

export { RECOMMENDATION_RESPONSES, type RecommendationResponse } from "./minutes.ts";

export const RAG_STATUSES = ["red", "amber", "green"] as const;
export type RagStatus = (typeof RAG_STATUSES)[number];

export const CLOSURE_OUTCOMES = ["implemented", "not_implemented", "superseded"] as const;
export type ClosureOutcome = (typeof CLOSURE_OUTCOMES)[number];

export const RECOMMENDATION_STATUSES = [
  "awaiting_response",
  "accepted",
  "partially_accepted",
  "rejected",
  "on_track",
  "at_risk",
  "off_track",
  "implemented",
  "not_implemented",
  "superseded",
] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

export const STATUS_LABELS: Record<RecommendationStatus, string> = {
  awaiting_response: "Awaiting response",
  accepted: "Accepted",
  partially_accepted: "Partially accepted",
  rejected: "Rejected",
  on_track: "On track",
  at_risk: "At risk",
  off_track: "Off track",
  implemented: "Implemented",
  not_implemented: "Not implemented",
  superseded: "Superseded",
};

/** Why a recommendation is overdue; one recommendation can be late in more than one way. */
export const OVERDUE_REASONS = ["response", "update", "action"] as const;
export type OverdueReason = (typeof OVERDUE_REASONS)[number];

/** Monitoring updates are asked for this many months after the executive's response. */
export const DEFAULT_MONITORING_MONTHS: readonly number[] = [6, 12];

/**
 * Local Government Act 2000 s.9FE: in England the executive must respond to an overview and
 * scrutiny report within two months beginning with the date it received the report.
 */
export const DEFAULT_RESPONSE_PERIOD_MONTHS = 2;

export interface Inquiry {
  title: string;
  committee: string;
  chair: string | null;
  /** Date of the report. */
  reportDate: CalendarDate | null;
  /** Date the executive received the report, when it differs from the report date. */
  receivedOn?: CalendarDate | null;
  /** Months after the response at which updates are due; defaults to 6 and 12. */
  monitoringMonths?: readonly number[] | null;
  /** Months the executive has to respond; defaults to two (England). */
  responsePeriodMonths?: number | null;
}

export interface ExecutiveResponse {
  response: RecommendationResponse;
  text: string | null;
  responsibleMember: string | null;
  responsibleOfficer: string | null;
  /** "YYYY-MM" (by the end of that month) or "YYYY-MM-DD". */
  actionBy: CalendarDate | CalendarMonth | null;
  respondedOn: CalendarDate | null;
}

export interface ProgressUpdate {
  date: CalendarDate;
  rag: RagStatus;
  text: string;
  by: string | null;
  /** a link the owner gave as evidence, kept when a clerk accepted the update */
  evidenceUrl?: string | null;
}

export interface Closure {
  outcome: ClosureOutcome;
  date: CalendarDate;
  note?: string | null;
}

export interface TrackedRecommendation {
  number: string;
  text: string;
  response: ExecutiveResponse | null;
  updates: readonly ProgressUpdate[];
  closure: Closure | null;
  /** A clerk's extensions of the action-by deadline, in the order granted. */
  extensions?: readonly DeadlineExtension[];
}

export interface TrackerPolicy {
  monitoringMonths: readonly number[];
  responsePeriodMonths: number;
}

export function policyFor(inquiry: Pick<Inquiry, "monitoringMonths" | "responsePeriodMonths">): TrackerPolicy {
  const months = inquiry.monitoringMonths?.length ? [...inquiry.monitoringMonths] : [...DEFAULT_MONITORING_MONTHS];
  if (months.some((m) => !Number.isInteger(m) || m <= 0)) {
    throw new RangeError(`monitoring months must be positive whole numbers: ${months.join(", ")}`);
  }
  const period = inquiry.responsePeriodMonths ?? DEFAULT_RESPONSE_PERIOD_MONTHS;
  if (!Number.isInteger(period) || period <= 0) throw new RangeError(`response period must be a positive whole number of months: ${period}`);
  return { monitoringMonths: months.sort((a, b) => a - b), responsePeriodMonths: period };
}

/** "6 and 12 months", "6 & 12 months", "every 6 months" (taken as 6 and 12), "quarterly" → months. */
export function parseMonitoringFrequency(text: string | null | undefined): number[] | null {
  if (!text) return null;
  const t = text.toLowerCase();
  if (/\bquarterly\b/.test(t)) return [3, 6, 9, 12];
  const every = /\bevery\s+(\d{1,2})\s+months?\b/.exec(t);
  if (every) {
    const n = Number(every[1]);
    return n > 0 ? [n, n * 2] : null;
  }
  const numbers = [...t.matchAll(/\b(\d{1,2})\b/g)].map((m) => Number(m[1])).filter((n) => n > 0 && n <= 60);
  if (!numbers.length || !/\bmonths?\b/.test(t)) return null;
  return [...new Set(numbers)].sort((a, b) => a - b);
}
