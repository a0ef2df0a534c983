// The public side of the schedule: a meeting's state wherever it is listed, the notice and history
// on its page ("Cancelled", "Moved from … to …"), and the upcoming meetings that lead a committee's
// page. A meeting without minutes says what is planned, never that it was held.
import type { MeetingSummary } from "../../store/read/types.ts";
import type { MeetingEvent } from "../../store/schedule/read.ts";
import { movedFrom } from "../../store/schedule/read.ts";
import { formatLongDate, formatTime } from "../format.ts";
import { urls } from "../urls.ts";
import { eventText, STATE_TAG, whenText } from "./words.ts";

/** The state of a meeting whose minutes have not come in, or one that did not go ahead; nothing for a held meeting. */
export function meetingStateText(m: { status: string; hasMinutes: boolean }): string | null {
  if (m.status === "cancelled" || m.status === "postponed") return STATE_TAG[m.status].text;
  if (!m.hasMinutes) return m.status === "held" ? "No minutes yet" : (STATE_TAG[m.status]?.text ?? null);
  return null;
}

export function MeetingStateLabel({ m }: { m: { status: string; hasMinutes: boolean } }) {
  const text = meetingStateText(m);
  if (!text) return null;
  const colour = STATE_TAG[m.status]?.colour ?? "govuk-tag--grey";
  return <strong class={`govuk-tag ${colour} qm-meeting-state`}>{text}</strong>;
}

/** The meeting page's row for minutes that have not come in, or are still a draft (`draft`: none of it is shown). */
export function NoMinutesRow({ date, today, draft = false }: { date: string; today: string; draft?: boolean }) {
  return (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">Minutes</dt>
      <dd class="govuk-summary-list__value" id="minutes-state">
        {draft
          ? "The minutes of this meeting have not been published yet: they are still a draft."
          : date >= today
            ? "Minutes are published after the meeting."
            : "No minutes have been published for this meeting yet."}
      </dd>
    </div>
  );
}

/** At the top of a meeting's page: what became of the plan, and every change with its reason. */
export function ScheduleNotice({ status, hasMinutes, history }: { status: string; hasMinutes: boolean; history: MeetingEvent[] }) {
  const last = [...history].reverse().find((e) => e.kind !== "scheduled");
  const from = movedFrom(history);
  const lead =
    status === "cancelled"
      ? "This meeting has been cancelled."
      : status === "postponed"
        ? "This meeting has been postponed. A new date will be published here."
        : from && !hasMinutes
          ? `This meeting has been moved from ${whenText(from, false)}.`
          : null;
  return (
    <>
      {lead && (
        <div class={`govuk-inset-text qm-schedule-notice${status === "cancelled" ? " qm-schedule-notice--cancelled" : ""}`} id="schedule-notice">
          <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{lead}</p>
          {last?.reason && <p class="govuk-body govuk-!-margin-bottom-0">Reason: {last.reason}</p>}
        </div>
      )}
      {history.length > 1 && (
        <details class="govuk-details" id="meeting-history">
          <summary class="govuk-details__summary">
            <span class="govuk-details__summary-text">Changes to this meeting ({history.length - 1})</span>
          </summary>
          <div class="govuk-details__text">
            <ol class="govuk-list govuk-list--number">
              {history.map((e) => (
                <li>
                  {eventText(e)} (recorded {formatLongDate(e.at.slice(0, 10))}){e.reason ? `. Reason: ${e.reason}` : ""}
                </li>
              ))}
            </ol>
          </div>
        </details>
      )}
    </>
  );
}

/** A committee's meetings still to come, first on its page. */
export function UpcomingMeetings({ meetings }: { meetings: MeetingSummary[] }) {
  return (
    <section aria-labelledby="upcoming">
      <h2 class="govuk-heading-l" id="upcoming">
        Upcoming meetings
      </h2>
      {meetings.length ? (
        <ul class="govuk-list govuk-!-margin-bottom-6">
          {meetings.map((m) => (
            <li>
              <a class="govuk-link" href={urls.meeting(m.slug)}>
                {formatLongDate(m.date)}
                {m.startTime ? `, ${formatTime(m.startTime)}` : ""}
              </a>
              {m.venue ? `, ${m.venue}` : ""} <MeetingStateLabel m={m} />
            </li>
          ))}
        </ul>
      ) : (
        <p class="govuk-body">No upcoming meetings have been published.</p>
      )}
    </section>
  );
}
