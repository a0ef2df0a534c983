import type { DecisionSummary, MeetingSummary } from "../../store/read/types.ts";
import { NotForPublication } from "./exempt.tsx";
import { formatDate, formatLongDate, formatTime, plural } from "../format.ts";
import { urls } from "../urls.ts";
import { MinutesLabel } from "./minutes-label.tsx";
import { MeetingStateLabel } from "../schedule/public.tsx";

type Level = 2 | 3 | 4;

function Heading({ level, children, class: cls }: { level: Level; children: unknown; class: string }) {
  if (level === 2) return <h2 class={cls}>{children}</h2>;
  if (level === 3) return <h3 class={cls}>{children}</h3>;
  return <h4 class={cls}>{children}</h4>;
}

const OUTCOME_COLOUR: Record<string, string> = {
  agreed: "govuk-tag--green",
  approved: "govuk-tag--green",
  carried: "govuk-tag--green",
  "approved with amendments": "govuk-tag--green",
  noted: "govuk-tag--grey",
  deferred: "govuk-tag--yellow",
  refused: "govuk-tag--red",
  lost: "govuk-tag--red",
};

export function OutcomeTag({ outcome }: { outcome: string | null }) {
  if (!outcome) return null;
  return <strong class={`govuk-tag ${OUTCOME_COLOUR[outcome] ?? "govuk-tag--grey"}`}>{outcome[0].toUpperCase() + outcome.slice(1)}</strong>;
}

export function MeetingList({ meetings, headingLevel = 3, showBody = true }: { meetings: MeetingSummary[]; headingLevel?: Level; showBody?: boolean }) {
  return (
    <ul class="govuk-list">
      {meetings.map((m) => (
        <li class="qm-card">
          <Heading level={headingLevel} class="govuk-heading-s qm-card__title">
            <a class="govuk-link" href={urls.meeting(m.slug)}>
              {showBody ? m.body.name : formatLongDate(m.date)}
            </a>
          </Heading>
          <p class="govuk-body-s qm-card__meta">
            {showBody ? formatLongDate(m.date) : ""}
            {m.startTime ? `${showBody ? ", " : ""}${formatTime(m.startTime)}` : ""}
            {m.venue ? ` · ${m.venue}` : ""}
            {m.hasMinutes ? <>{m.status === "cancelled" ? " · cancelled" : ""}{" · "}{plural(m.decisionCount, "decision")} <MinutesLabel m={m} /></> : <> <MeetingStateLabel m={m} /></>}
          </p>
        </li>
      ))}
    </ul>
  );
}

function clip(text: string, max = 240): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return cut.slice(0, Math.max(cut.lastIndexOf(" "), max - 30)) + "…";
}

export function DecisionList({ decisions, headingLevel = 3, showBody = true, full = false }: { decisions: DecisionSummary[]; headingLevel?: Level; showBody?: boolean; full?: boolean }) {
  return (
    <ul class="govuk-list">
      {decisions.map((d) => (
        <li class="qm-card">
          <Heading level={headingLevel} class="govuk-heading-s qm-card__title">
            <a class="govuk-link" href={urls.decision(d.meeting.slug, d.slug)}>
              {d.item.number ? `${d.item.number}. ` : ""}
              {d.item.title}
            </a>
          </Heading>
          <p class="govuk-body-s qm-card__meta">
            {showBody ? `${d.body.name}, ` : ""}
            {formatDate(d.meeting.date)} {d.outcome && <OutcomeTag outcome={d.outcome} />}
          </p>
          {d.exemptNotice && (
            <p class="govuk-body-s">
              <NotForPublication notice={d.exemptNotice} />
            </p>
          )}
          <p class="govuk-body">{full ? d.text : clip(d.text)}</p>
        </li>
      ))}
    </ul>
  );
}
