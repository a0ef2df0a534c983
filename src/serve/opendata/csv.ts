// CSV bulk files: meetings, attendance, decisions and votes, one row each, from the public reads.
// Cells go through the tracker's csvCell (RFC 4180 quoting, and a leading apostrophe on a cell a
// spreadsheet would run as a formula), so /recommendations.csv and these read the same way.
import type { OpenMeeting } from "../../store/opendata/read.ts";
import type { Licence } from "../../store/opendata/licence.ts";
import { csvCell } from "../tracker/present.ts";
import { urls } from "../urls.ts";

export const CSV_FILES = {
  meetings: ["meeting_id", "council", "committee", "date", "start_time", "end_time", "venue", "status", "minutes_status", "items", "decisions", "url", "licence"],
  attendance: ["meeting_id", "date", "committee", "name_as_written", "person_id", "attendance", "kind", "role", "substitute_for", "licence"],
  decisions: ["meeting_id", "date", "committee", "item_number", "item_title", "decision_id", "text", "outcome", "votes_for", "votes_against", "votes_abstain", "unanimous", "url", "licence"],
  votes: ["meeting_id", "date", "decision_id", "name_as_written", "person_id", "vote", "licence"],
} as const;
export type CsvFile = keyof typeof CSV_FILES;
export const CSV_NAMES = Object.keys(CSV_FILES) as CsvFile[];

type Cell = string | number | null;

export function csvLine(cells: readonly Cell[]): string {
  return cells.map(csvCell).join(",") + "\r\n";
}

/** The header line, with the byte-order mark that makes Excel read the file as UTF-8. */
export function csvHeader(file: CsvFile): string {
  return "\uFEFF" + csvLine(CSV_FILES[file]);
}

export function csvRows(file: CsvFile, om: OpenMeeting, base: string, licence: Licence): Cell[][] {
  const m = om.meeting;
  const lic = licence.url;
  if (file === "meetings") {
    const decisions = m.items.reduce((n, i) => n + i.resolutions.length, 0);
    return [[m.slug, m.authority.name, m.body.name, m.date, m.startTime, m.endTime, m.venue, m.status, m.minutesStatus, m.items.length, decisions, base + urls.meeting(m.slug), lic]];
  }
  if (file === "attendance") {
    const groups = [
      ["present", m.attendance.present],
      ["in attendance", m.attendance.inAttendance],
      ["apologies", m.attendance.apologies],
      ["absent", m.attendance.absent],
    ] as const;
    return groups.flatMap(([status, list]) => list.map((a) => [m.slug, m.date, m.body.name, a.rawName, a.person?.slug ?? null, status, a.kind, a.role, a.substituteForPerson?.name ?? a.substituteFor, lic]));
  }
  if (file === "decisions") {
    return m.items.flatMap((i) =>
      i.resolutions.map((r) => [
        m.slug,
        m.date,
        m.body.name,
        i.number,
        i.title,
        r.slug,
        r.text,
        r.outcome,
        r.votes?.for ?? null,
        r.votes?.against ?? null,
        r.votes?.abstain ?? null,
        r.votes?.unanimous ? "yes" : null,
        base + urls.decision(m.slug, r.slug),
        lic,
      ]),
    );
  }
  return m.items.flatMap((i) =>
    i.resolutions.flatMap((r) => {
      const recorded = r.votes?.recorded;
      if (!recorded) return [];
      return (["for", "against", "abstain", "absent", "recused"] as const).flatMap((vote) => recorded[vote].map((v) => [m.slug, m.date, r.slug, v.name, v.person?.slug ?? null, vote, lic]));
    }),
  );
}
