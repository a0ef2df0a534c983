// When things fall due in the life of a recommendation. Every rule takes the date it is judged
// on (`asOf`) as a parameter, so a page, an export and a test all agree on "today".
import { addMonths, lastDayOfPeriodBeginningWith, type CalendarDate } from "./calendar.ts";
import { deadlineInForce, isPastDeadline } from "./deadlines.ts";
import type { Inquiry, TrackedRecommendation, TrackerPolicy } from "./scrutiny.ts";

export interface ScheduledUpdate {
  /** 1-based: the first, second … update asked for. */
  index: number;
  monthsAfterResponse: number;
  due: CalendarDate;
}

export function monitoringSchedule(respondedOn: CalendarDate, policy: TrackerPolicy): ScheduledUpdate[] {
  return policy.monitoringMonths.map((months, i) => ({
    index: i + 1,
    monthsAfterResponse: months,
    due: addMonths(respondedOn, months),
  }));
}

/** Recommendations that are monitored: answered yes or partially, with a response date, not closed. */
function isMonitored(rec: TrackedRecommendation): rec is TrackedRecommendation & { response: { respondedOn: CalendarDate } } {
  return (
    rec.closure === null &&
    rec.response !== null &&
    rec.response.response !== "no" &&
    rec.response.respondedOn !== null
  );
}

/**
 * The next scheduled update not yet given. Updates answer the schedule in order — the n-th
 * update received after the response answers the n-th one asked for — so an early update
 * counts, and a late one still leaves the next slot open. Null when nothing more is asked
 * (closed, rejected, unanswered, or every scheduled update given).
 */
export function nextUpdateDue(rec: TrackedRecommendation, policy: TrackerPolicy): ScheduledUpdate | null {
  if (!isMonitored(rec)) return null;
  const respondedOn = rec.response.respondedOn;
  const given = rec.updates.filter((u) => u.date >= respondedOn).length;
  return monitoringSchedule(respondedOn, policy)[given] ?? null;
}

/** An update is overdue the day after it was due. */
export function isUpdateOverdue(rec: TrackedRecommendation, policy: TrackerPolicy, asOf: CalendarDate): boolean {
  const next = nextUpdateDue(rec, policy);
  return next !== null && next.due < asOf;
}

/** The action-by date in force: the latest extension's, else the response's. */
export function actionDeadline(rec: TrackedRecommendation): CalendarDate | null {
  return deadlineInForce(rec.response?.actionBy ?? null, rec.extensions);
}

/** The action-by date (or the extended one) has passed and the recommendation is still open. */
export function isActionOverdue(rec: TrackedRecommendation, asOf: CalendarDate): boolean {
  if (rec.closure !== null || rec.response === null || rec.response.response === "no") return false;
  return isPastDeadline(actionDeadline(rec), asOf);
}

/** The last day the executive has to respond to the inquiry's report; null without a date. */
export function responseDue(inquiry: Pick<Inquiry, "reportDate" | "receivedOn">, policy: TrackerPolicy): CalendarDate | null {
  const received = inquiry.receivedOn ?? inquiry.reportDate;
  return received ? lastDayOfPeriodBeginningWith(received, policy.responsePeriodMonths) : null;
}

export function isResponseOverdue(
  inquiry: Pick<Inquiry, "reportDate" | "receivedOn">,
  rec: TrackedRecommendation,
  policy: TrackerPolicy,
  asOf: CalendarDate,
): boolean {
  if (rec.response !== null || rec.closure !== null) return false;
  const due = responseDue(inquiry, policy);
  return due !== null && due < asOf;
}

/** A response given after the period ran out (still worth showing once answered). */
export function wasResponseLate(inquiry: Pick<Inquiry, "reportDate" | "receivedOn">, rec: TrackedRecommendation, policy: TrackerPolicy): boolean {
  const due = responseDue(inquiry, policy);
  const on = rec.response?.respondedOn ?? null;
  return due !== null && on !== null && on > due;
}
