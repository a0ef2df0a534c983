// The forward plan of key decisions. In England notice of a key decision, and of an intention to
// take it in private, must be published at least 28 clear days before it is made (Local
// Authorities (Executive Arrangements) (Meetings and Access to Information) (England)
// Regulations 2012, regs 5 and 9), unless the general exception or special urgency rules apply.
import { addDays, clearDaysBetween, deadlineOf, earliestOf, isCalendarMonth, type CalendarDate, type CalendarMonth } from "./calendar.ts";

export const NOTICE_CLEAR_DAYS = 28;

/** Reg 10 (general exception) and reg 11 (special urgency) of the 2012 Regulations. */
export const NOTICE_EXCEPTIONS = ["general_exception", "special_urgency"] as const;
export type NoticeException = (typeof NOTICE_EXCEPTIONS)[number];

export interface KeyDecision {
  reference: string | null;
  decision: string;
  decisionMaker: string;
  /** The date it is due to be taken, or only its month. */
  plannedDate: CalendarDate | CalendarMonth;
  /** When notice of it first appeared in the forward plan. */
  firstPublished: CalendarDate;
  /** Set when it may be taken in private: why, and the Schedule 12A paragraphs. */
  private: { reason: string; paragraphs: string | null } | null;
  exception: NoticeException | null;
}

export type NoticeStatus = "met" | "not_met" | "depends_on_date" | "exception";

export interface NoticeCheck {
  status: NoticeStatus;
  /** Clear days' notice if taken on the earliest date the planned date can mean. */
  clearDays: number;
  /** The first day the decision can be taken with full notice. */
  earliestDate: CalendarDate;
}

export function noticeCheck(d: Pick<KeyDecision, "plannedDate" | "firstPublished" | "exception">, clearDays = NOTICE_CLEAR_DAYS): NoticeCheck {
  const earliest = earliestOf(d.plannedDate);
  const latest = deadlineOf(d.plannedDate);
  const atEarliest = clearDaysBetween(d.firstPublished, earliest);
  const atLatest = clearDaysBetween(d.firstPublished, latest);
  const earliestDate = addDays(d.firstPublished, clearDays + 1);
  let status: NoticeStatus;
  if (atEarliest >= clearDays) status = "met";
  else if (d.exception) status = "exception";
  // With only a month planned, notice is enough for some days of it but not all.
  else if (isCalendarMonth(d.plannedDate) && atLatest >= clearDays) status = "depends_on_date";
  else status = "not_met";
  return { status, clearDays: atEarliest, earliestDate };
}
