// "Where did this come from": a small link from a value to its line in the minutes text.
import type { SourceSpan } from "../../store/read/types.ts";
import { urls } from "../urls.ts";

export interface SourceAt {
  meetingSlug: string;
  line: number;
  implied: boolean;
}

export interface SourceLines {
  meeting(field: string): SourceAt | null;
  attendance(): SourceAt | null;
  item(id: number): SourceAt | null;
  resolution(id: number): SourceAt | null;
}

const MEETING_FIELD_ALIASES: Record<string, string[]> = {
  date: ["date"],
  startTime: ["startTime", "start_time", "time"],
  venue: ["venue"],
  nextMeeting: ["nextMeeting", "nextMeeting/date", "next_meeting", "nextMeeting.date"],
};

/** Indexes provenance rows for a meeting; when a value was recorded twice, the first line wins. */
export function sourceLines(meetingSlug: string, rows: SourceSpan[]): SourceLines {
  const byKey = new Map<string, SourceAt>();
  let firstAttendance: SourceAt | null = null;
  for (const r of rows) {
    const at = { meetingSlug, line: r.line, implied: r.implied };
    const key = `${r.entity}:${r.entityId}:${r.field}`;
    const prev = byKey.get(key);
    if (!prev || at.line < prev.line) byKey.set(key, at);
    const entityKey = `${r.entity}:${r.entityId}`;
    const prevEntity = byKey.get(entityKey);
    if (!prevEntity || at.line < prevEntity.line) byKey.set(entityKey, at);
    if (r.entity === "meeting") byKey.set(`meeting-field:${r.field}`, byKey.get(key)!);
    if (r.entity === "attendance" && (!firstAttendance || at.line < firstAttendance.line)) firstAttendance = at;
  }
  return {
    meeting: (field) => {
      for (const f of MEETING_FIELD_ALIASES[field] ?? [field]) {
        const at = byKey.get(`meeting-field:${f}`);
        if (at) return at;
      }
      return null;
    },
    attendance: () => firstAttendance,
    item: (id) => byKey.get(`item:${id}:title`) ?? byKey.get(`item:${id}`) ?? null,
    resolution: (id) => byKey.get(`resolution:${id}:text`) ?? byKey.get(`resolution:${id}`) ?? null,
  };
}

export const NO_SOURCE: SourceLines = { meeting: () => null, attendance: () => null, item: () => null, resolution: () => null };

export function SourceLink({ at, what, block = false }: { at: SourceAt | null; what: string; block?: boolean }) {
  if (!at) return null;
  const link = (
    <a class="govuk-link" href={urls.minutesLine(at.meetingSlug, at.line)}>
      line {at.line}
      <span class="govuk-visually-hidden"> of the minutes, where the {what} {at.implied ? "was inferred" : "was read"}</span>
    </a>
  );
  const label = at.implied ? "inferred near " : "source: ";
  return block ? (
    <p class="qm-source govuk-!-margin-bottom-2">
      {label[0].toUpperCase() + label.slice(1)}
      {link}
    </p>
  ) : (
    <span class="qm-source">
      ({label}
      {link})
    </span>
  );
}
