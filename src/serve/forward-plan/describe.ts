// The words a resident reads about a key decision's notice, privacy and exception.
import { formatLong, isCalendarDate, isCalendarMonth } from "../../domain/calendar.ts";
import type { NoticeStatus } from "../../domain/forward-plan.ts";
import type { KeyDecisionView } from "../../store/forward-plan/read.ts";
import { formatDate } from "../format.ts";

/** "23 October 2018", "April 2018", or the text as given. */
export function when(v: string | null | undefined): string {
  if (!v) return "";
  return isCalendarDate(v) || isCalendarMonth(v) ? formatLong(v) : v;
}

export const NOTICE: Record<NoticeStatus, [string, string]> = {
  met: ["28 clear days' notice given", "govuk-tag--green"],
  not_met: ["Less than 28 clear days' notice", "govuk-tag--red"],
  depends_on_date: ["Notice depends on the day in the month", "govuk-tag--yellow"],
  exception: ["Short notice: exception recorded", "govuk-tag--purple"],
};

export const EXCEPTION_NAME = { general_exception: "General exception", special_urgency: "Special urgency" } as const;

/** Why a decision with short notice may still be taken, as the Regulations put it. */
export function exceptionText(d: KeyDecisionView): string | null {
  const e = d.exception;
  if (!e) return null;
  if (e.kind === "general_exception") {
    return `Taken under the general exception (regulation 10 of the 2012 Regulations): 28 clear days' notice was impracticable. ${e.chair}, chair of the relevant overview and scrutiny committee, was informed on ${formatDate(e.on)}, and notice was given on ${formatDate(e.noticeOn)}; the decision is not taken until 5 clear days after both. Why: ${e.reason}`;
  }
  return `Taken under special urgency (regulation 11 of the 2012 Regulations): ${e.chair} agreed on ${formatDate(e.on)} that the decision is urgent and cannot reasonably be deferred. Why: ${e.reason}`;
}

export function privateText(d: KeyDecisionView): string | null {
  if (!d.exempt) return null;
  const p = d.exempt.paragraphs;
  const many = !!p && /[,&]|\band\b/.test(p);
  return `To be taken in private${p ? ` under paragraph${many ? "s" : ""} ${p} of Schedule 12A to the Local Government Act 1972` : ""}. Why: ${d.exempt.reason}`;
}

export function noticeDetail(d: KeyDecisionView): string {
  const n = d.notice;
  if (n.status === "depends_on_date") return `Notice was first given on ${formatDate(d.firstPublished)}: the decision has full notice if taken on or after ${formatDate(n.earliestDate)}.`;
  return `Notice was first given on ${formatDate(d.firstPublished)} (${Math.max(n.clearDays, 0)} clear days before the expected date).`;
}
