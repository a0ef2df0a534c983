// The public label of where a meeting's minutes stand, the same on every surface that shows the
// meeting: a published draft says so; approved minutes say so, and when they were corrected after
// approval. Minutes published with no draft marking are the council's final record: no label.
import type { MinutesStanding } from "../../store/lifecycle/standing.ts";
import { formatDate } from "../format.ts";

export const DRAFT_LABEL = "Draft, not yet approved";

/** The label's words, or null for final published minutes. */
export function minutesLabelText(m: MinutesStanding): string | null {
  if (m.minutesDraft) return DRAFT_LABEL;
  if (m.minutesStatus !== "approved") return null;
  if (m.minutesCorrectedOn) return `Approved, corrected ${formatDate(m.minutesCorrectedOn)}`;
  return "Approved";
}

export function MinutesLabel({ m }: { m: MinutesStanding }) {
  const text = minutesLabelText(m);
  if (!text) return null;
  return <strong class={`govuk-tag ${m.minutesDraft ? "govuk-tag--yellow" : "govuk-tag--green"} qm-minutes-label`}>{text}</strong>;
}
