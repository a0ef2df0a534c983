// Deadline extensions: a clerk moves an item's deadline to a new date, with a reason that is shown
// publicly. The deadline in force is the one granted last; the original stays on record.
import { deadlineOf, isCalendarDate, type CalendarDate, type CalendarMonth } from "./calendar.ts";
import { QuorumError } from "./errors.ts";

export interface DeadlineExtension {
  /** the new deadline */
  due: CalendarDate;
  reason: string;
  /** the day it was granted */
  on: CalendarDate;
  by: string | null;
}

/** The extension granted last: of two on one day, the one recorded later (later in the list). */
export function latestExtension(extensions: readonly DeadlineExtension[] | undefined): DeadlineExtension | null {
  let latest: DeadlineExtension | null = null;
  for (const e of extensions ?? []) if (latest === null || e.on >= latest.on) latest = e;
  return latest;
}

/** The last day to act: the latest extension's date, else the original (a month means its last day). */
export function deadlineInForce(original: CalendarDate | CalendarMonth | null, extensions?: readonly DeadlineExtension[]): CalendarDate | null {
  const ext = latestExtension(extensions);
  if (ext) return ext.due;
  return original === null ? null : deadlineOf(original);
}

/** Overdue the day after the deadline in force. */
export function isPastDeadline(deadline: CalendarDate | null, asOf: CalendarDate): boolean {
  return deadline !== null && deadline < asOf;
}

/**
 * An extension must give a real date after the deadline it replaces (and after the day it is
 * granted, so it does not extend into the past), and a reason.
 */
export function checkExtension(current: CalendarDate | null, ext: Pick<DeadlineExtension, "due" | "reason" | "on">): void {
  if (!isCalendarDate(ext.due)) throw new QuorumError("invalid", "Enter the new deadline as a real date");
  if (!ext.reason.trim()) throw new QuorumError("invalid", "Enter the reason for the extension");
  if (current !== null && ext.due <= current) throw new QuorumError("invalid", "The new deadline must be after the current one");
  if (ext.due < ext.on) throw new QuorumError("invalid", "The new deadline must be today or later");
}
