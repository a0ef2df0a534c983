// The forward plan of key decisions. In England notice of a key decision, and of an intention to
// take it in private, must be published at least 28 clear days before it is made (Local
// Authorities (Executive Arrangements) (Meetings and Access to Information) (England)
// Regulations 2012, regs 5 and 9), unless the general exception or special urgency rules apply.
import { addDays, clearDaysBetween, deadlineOf, earliestOf, isCalendarDate, isCalendarMonth, type CalendarDate, type CalendarMonth } from "./calendar.ts";

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

/** Reg 10(3): under the general exception the decision waits 5 clear days after notice is given. */
export const GENERAL_EXCEPTION_CLEAR_DAYS = 5;

/**
 * What a clerk records when notice falls short. General exception (reg 10): the chair of the
 * relevant overview and scrutiny committee informed in writing, on `on`; notice given on
 * `noticeOn`; the reasons compliance with reg 9 is impracticable. Special urgency (reg 11): the
 * chair who agreed the decision is urgent and cannot reasonably be deferred, on `on`, and why.
 */
export interface NoticeExceptionRecord {
  kind: NoticeException;
  reason: string;
  chair: string;
  on: CalendarDate;
  noticeOn: CalendarDate;
}

export interface EntryProblem {
  field: "plannedDate" | "exception" | "exceptionChair" | "exceptionOn" | "exceptionReason";
  message: string;
}

/**
 * The notice rule as a clerk enters or changes a key decision: the problems to put right, and the
 * exception to keep (none when 28 clear days' notice is given, so none is shown that was not needed).
 */
export function checkEntry(input: {
  plannedDate: CalendarDate | CalendarMonth;
  firstPublished: CalendarDate;
  today: CalendarDate;
  /** whether the planned date is new or changed (a date already past may stay as it was) */
  dateChanged: boolean;
  exception: NoticeExceptionRecord | null;
}): { problems: EntryProblem[]; exception: NoticeExceptionRecord | null; notice: NoticeCheck } {
  const { plannedDate, firstPublished, today, exception } = input;
  const problems: EntryProblem[] = [];
  const notice = noticeCheck({ plannedDate, firstPublished, exception: null });
  if (input.dateChanged && deadlineOf(plannedDate) < today) problems.push({ field: "plannedDate", message: "The expected date must be today or later" });
  if (notice.status === "met" || notice.status === "depends_on_date") return { problems, exception: null, notice };
  const short = `Notice is ${Math.max(notice.clearDays, 0)} clear days, short of the ${NOTICE_CLEAR_DAYS} the 2012 Regulations require (regs 5 and 9)`;
  if (!exception) {
    problems.push({ field: "exception", message: `${short}: record the general exception or special urgency, or choose a date from ${notice.earliestDate}` });
    return { problems, exception: null, notice };
  }
  if (!isCalendarDate(plannedDate)) problems.push({ field: "plannedDate", message: "Give the exact date when the decision is to be taken under an exception" });
  if (!exception.reason.trim()) problems.push({ field: "exceptionReason", message: exception.kind === "general_exception" ? "Say why notice in the forward plan was impracticable" : "Say why the decision is urgent and cannot reasonably be deferred" });
  if (!exception.chair.trim()) problems.push({ field: "exceptionChair", message: exception.kind === "general_exception" ? "Name the chair of the overview and scrutiny committee who was informed" : "Name the chair who agreed the decision is urgent" });
  if (!isCalendarDate(exception.on)) problems.push({ field: "exceptionOn", message: "Enter the date as a real date, for example 2024-05-21" });
  else if (exception.on > today) problems.push({ field: "exceptionOn", message: exception.kind === "general_exception" ? "The chair must already have been informed" : "The chair must already have agreed" });
  if (problems.length === 0 && exception.kind === "general_exception") {
    // Reg 10(3): 5 clear days after the later of informing the chair and giving notice.
    const from = exception.on > exception.noticeOn ? exception.on : exception.noticeOn;
    const clear = clearDaysBetween(from, plannedDate);
    if (clear < GENERAL_EXCEPTION_CLEAR_DAYS) {
      problems.push({ field: "plannedDate", message: `Under the general exception the decision waits ${GENERAL_EXCEPTION_CLEAR_DAYS} clear days after notice (${Math.max(clear, 0)} given): choose ${addDays(from, GENERAL_EXCEPTION_CLEAR_DAYS + 1)} or later, or record special urgency` });
    }
  }
  if (problems.length === 0 && exception.kind === "special_urgency" && isCalendarDate(plannedDate) && exception.on > plannedDate) {
    problems.push({ field: "exceptionOn", message: "The chair's agreement must come before the decision" });
  }
  return { problems, exception, notice };
}
