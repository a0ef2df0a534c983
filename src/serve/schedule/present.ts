// A meeting's history for the API: what changed, when it was recorded and why (not who: staff are
// named only in the workspace and the audit log).
import type { MeetingEvent, When } from "../../store/schedule/read.ts";

const when = (w: When | null) => (w ? { date: w.date, startTime: w.startTime, venue: w.venue } : null);

export function presentMeetingEvent(e: MeetingEvent) {
  return { kind: e.kind, recordedAt: e.at, from: when(e.from), to: when(e.to), reason: e.reason, series: e.seriesId !== null };
}
