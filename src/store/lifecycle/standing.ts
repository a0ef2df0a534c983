// Where a meeting's minutes stand, read alongside the meeting by every list and search that shows
// one, so each surface can label a published draft, approved minutes, and a correction after approval.
import { sql } from "kysely";

export interface MinutesStanding {
  /** "published" or "approved" (draft minutes are never public) */
  minutesStatus: string;
  /** published as a draft, not yet approved */
  minutesDraft: boolean;
  /** the date of the meeting that agreed them as a correct record */
  minutesApprovedOn: string | null;
  /** the latest correction after approval */
  minutesCorrectedOn: string | null;
}

/** Subquery columns for a query with the meetings table in scope under `meetings` (or the alias given). */
export function standingColumns(meetings = "meetings") {
  const id = sql.ref(`${meetings}.id`);
  return [
    sql<string | null>`(SELECT a.approved_on FROM minutes_approvals a WHERE a.meeting_id = ${id})`.as("minutes_approved_on"),
    sql<string | null>`(SELECT max(c.corrected_on) FROM minutes_corrections c WHERE c.meeting_id = ${id})`.as("minutes_corrected_on"),
  ] as const;
}

export function standingOf(row: { minutes_status: string; minutes_draft: number | string | null; minutes_approved_on: string | null; minutes_corrected_on: string | null }): MinutesStanding {
  const approved = row.minutes_status === "approved";
  return {
    minutesStatus: row.minutes_status,
    minutesDraft: row.minutes_status === "published" && Number(row.minutes_draft) === 1,
    minutesApprovedOn: approved ? row.minutes_approved_on : null,
    minutesCorrectedOn: approved ? row.minutes_corrected_on : null,
  };
}
