// A committee's work programme: items planned for its future meetings. Items are moved, added
// and dropped between meetings, and the programme keeps each change so a reader can see that
// an item "moved from January to 6 March" rather than finding it silently re-dated.
import { formatLong, isCalendarDate, isCalendarMonth, yearOf, type CalendarDate, type CalendarMonth } from "./calendar.ts";

/** The meeting an item is planned for: its date, only its month, or not yet fixed ("as and when"). */
export type Slot = CalendarDate | CalendarMonth | null;

export const WORK_PROGRAMME_STATUSES = ["planned", "considered", "removed"] as const;
export type WorkProgrammeStatus = (typeof WORK_PROGRAMME_STATUSES)[number];

export type WorkProgrammeEvent =
  | { kind: "added"; on: CalendarDate; to: Slot; note?: string | null }
  | { kind: "moved"; on: CalendarDate; from: Slot; to: Slot; note?: string | null }
  | { kind: "removed"; on: CalendarDate; from: Slot; note?: string | null }
  | { kind: "considered"; on: CalendarDate; at: CalendarDate; note?: string | null };

export interface WorkProgrammeItem {
  committee: string;
  title: string;
  plannedFor: Slot;
  status: WorkProgrammeStatus;
  /** Oldest first. */
  history: readonly WorkProgrammeEvent[];
}

function checkSlot(slot: Slot): void {
  if (slot !== null && !isCalendarDate(slot) && !isCalendarMonth(slot)) {
    throw new RangeError(`a work programme slot is a date, a month or null: ${slot}`);
  }
}

export function addItem(committee: string, title: string, to: Slot, on: CalendarDate, note: string | null = null): WorkProgrammeItem {
  checkSlot(to);
  return { committee, title, plannedFor: to, status: "planned", history: [{ kind: "added", on, to, note }] };
}

export function moveItem(item: WorkProgrammeItem, to: Slot, on: CalendarDate, note: string | null = null): WorkProgrammeItem {
  checkSlot(to);
  if (item.status !== "planned") throw new RangeError(`"${item.title}" is ${item.status} and cannot be moved`);
  if (item.plannedFor === to) return item;
  return { ...item, plannedFor: to, history: [...item.history, { kind: "moved", on, from: item.plannedFor, to, note }] };
}

export function removeItem(item: WorkProgrammeItem, on: CalendarDate, note: string | null = null): WorkProgrammeItem {
  if (item.status === "removed") return item;
  return { ...item, status: "removed", history: [...item.history, { kind: "removed", on, from: item.plannedFor, note }] };
}

export function markConsidered(item: WorkProgrammeItem, at: CalendarDate, note: string | null = null): WorkProgrammeItem {
  if (item.status === "removed") throw new RangeError(`"${item.title}" was removed from the programme`);
  return { ...item, status: "considered", plannedFor: at, history: [...item.history, { kind: "considered", on: at, at, note }] };
}

/** "January", "6 March", "as and when"; the year only when asked for. */
export function describeSlot(slot: Slot, withYear = false): string {
  return slot === null ? "no fixed date" : formatLong(slot, withYear);
}

/** One line per change, as a clerk would minute it. Years are shown when the two ends differ. */
export function describeEvent(event: WorkProgrammeEvent): string {
  switch (event.kind) {
    case "added":
      return event.to === null ? "added with no fixed date" : `added for ${describeSlot(event.to, true)}`;
    case "moved": {
      const crossesYear = event.from !== null && event.to !== null && yearOf(event.from) !== yearOf(event.to);
      return `moved from ${describeSlot(event.from, crossesYear)} to ${describeSlot(event.to, crossesYear)}`;
    }
    case "removed":
      return event.from === null ? "removed from the programme" : `removed from ${describeSlot(event.from, true)}`;
    case "considered":
      return `considered on ${describeSlot(event.at, true)}`;
  }
}

/**
 * The programme as it stands: planned items from `asOf` on (a month slot counts until its end),
 * in date order, with unscheduled items last.
 */
export function upcoming(items: readonly WorkProgrammeItem[], asOf: CalendarDate): WorkProgrammeItem[] {
  const key = (slot: Slot) => (slot === null ? "9999-99-99" : isCalendarMonth(slot) ? `${slot}-99` : slot);
  return items
    .filter((i) => i.status === "planned" && (i.plannedFor === null || key(i.plannedFor) >= asOf))
    .sort((a, b) => key(a.plannedFor).localeCompare(key(b.plannedFor)) || a.title.localeCompare(b.title));
}
