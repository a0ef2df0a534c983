// How a meeting's plan and its changes read, the same in the workspace and on the public pages.
import type { MeetingEvent, When } from "../../store/schedule/read.ts";
import { formatLongDate, formatTime } from "../format.ts";

export const STATE_TAG: Record<string, { text: string; colour: string }> = {
  scheduled: { text: "Scheduled", colour: "govuk-tag--blue" },
  held: { text: "Held", colour: "govuk-tag--green" },
  cancelled: { text: "Cancelled", colour: "govuk-tag--red" },
  postponed: { text: "Postponed", colour: "govuk-tag--orange" },
};

export function whenText(w: When, withVenue = true): string {
  return `${formatLongDate(w.date)}${w.startTime ? ` at ${formatTime(w.startTime)}` : ""}${withVenue && w.venue ? `, ${w.venue}` : ""}`;
}

/** "Moved from Tuesday 9 June 2026 at 7pm to Tuesday 16 June 2026 at 6:30pm", "Cancelled", … */
export function eventText(e: MeetingEvent): string {
  switch (e.kind) {
    case "scheduled":
      return e.to ? `Scheduled for ${whenText(e.to)}` : "Scheduled";
    case "rescheduled":
      if (e.from && e.to && e.from.date === e.to.date && e.from.startTime === e.to.startTime) return `Venue changed from ${e.from.venue ?? "none given"} to ${e.to.venue ?? "none given"}`;
      return e.from && e.to ? `Moved from ${whenText(e.from, false)} to ${whenText(e.to)}` : "Moved";
    case "postponed":
      return "Postponed";
    case "cancelled":
      return "Cancelled";
    case "restored":
      return e.to ? `Restored: to go ahead on ${whenText(e.to)}` : "Restored";
  }
}

export const recordedAt = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
