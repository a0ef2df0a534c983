// The clerk's page for one meeting's plan (/admin/meetings/{slug}/schedule): where it stands, its
// history with who made each change, and the changes its state allows, each with its reason.
import { Layout } from "../components/layout.tsx";
import { ErrorSummary, type FieldError } from "../auth/forms.tsx";
import { Banner } from "../components/banner.tsx";
import { TextField } from "../components/fields.tsx";
import { formatDate, formatLongDate, formatTime } from "../format.ts";
import type { MeetingPlan } from "../../store/schedule/read.ts";
import { CHANGE_FROM, changeRefusal, type MeetingChange } from "../../store/schedule/meetings.ts";
import { urls } from "../urls.ts";
import { scheduleUrls } from "./urls.ts";
import { eventText, recordedAt } from "./words.ts";
import { ReasonField, StateTag, titled, type FormValues } from "./committee-page.tsx";

const BUTTON: Record<MeetingChange, { heading: string; button: string; warning: boolean }> = {
  reschedule: { heading: "Move the meeting", button: "Move the meeting", warning: false },
  postpone: { heading: "Postpone the meeting", button: "Postpone", warning: true },
  cancel: { heading: "Cancel the meeting", button: "Cancel the meeting", warning: true },
  restore: { heading: "Restore the meeting", button: "Restore", warning: false },
};

export function MeetingSchedulePage({ csrf, m, errors, values, done }: { csrf: string; m: MeetingPlan; errors: FieldError[]; values: FormValues & { change?: string }; done?: string }) {
  const title = `Schedule: ${m.body.name}, ${formatDate(m.date)}`;
  const allowed = (Object.keys(CHANGE_FROM) as MeetingChange[]).filter((c) => changeRefusal(m, c) === null);
  const open = (c: MeetingChange) => values.change === c;
  return (
    <Layout
      title={titled(title, errors)}
      breadcrumbs={[
        { href: "/admin", text: "Clerk's workspace" },
        { href: scheduleUrls.committee(m.body.slug), text: `Schedule: ${m.body.name}` },
      ]}
    >
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {done && <Banner text={done} />}
          <ErrorSummary errors={errors} />
          <span class="govuk-caption-l">{m.body.name}</span>
          <h1 class="govuk-heading-l">{formatLongDate(m.date)}</h1>
          <dl class="govuk-summary-list" id="meeting-state">
            <div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">State</dt>
              <dd class="govuk-summary-list__value">
                <StateTag status={m.hasMinutes ? "held" : m.status} />
                {m.hasMinutes && <p class="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">This meeting has minutes, so it was held: its date and state can no longer change.</p>}
              </dd>
            </div>
            <div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">Time</dt>
              <dd class="govuk-summary-list__value">{m.startTime ? formatTime(m.startTime) : "Not given"}</dd>
            </div>
            <div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">Venue</dt>
              <dd class="govuk-summary-list__value">{m.venue ?? "Not given"}</dd>
            </div>
            <div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">Public page</dt>
              <dd class="govuk-summary-list__value">
                <a class="govuk-link" href={urls.meeting(m.slug)}>
                  {m.body.name}, {formatDate(m.date)}
                </a>
              </dd>
            </div>
          </dl>

          {allowed.map((c) => (
            <section aria-labelledby={`${c}-heading`}>
              <h2 class="govuk-heading-m" id={`${c}-heading`}>
                {BUTTON[c].heading}
              </h2>
              <form method="post" action={scheduleUrls.change(m.slug, c)} novalidate>
                <input type="hidden" name="csrf" value={csrf} />
                <input type="hidden" name="version" value={String(m.version)} />
                {c === "reschedule" && (
                  <>
                    <TextField id="date" label="New date" hint="For example, 2026-05-19" value={open(c) ? values.date : m.date} errors={errors} width="one-third" />
                    <TextField id="startTime" label="Start time (optional)" hint="On the 24-hour clock, for example 19:00" value={open(c) ? values.startTime : (m.startTime ?? "")} errors={errors} width="one-third" />
                    <TextField id="venue" label="Venue (optional)" value={open(c) ? values.venue : (m.venue ?? "")} errors={errors} />
                  </>
                )}
                <ReasonField id={`${c}-reason`} label="Reason" hint="Shown publicly on the meeting's page" value={open(c) ? values.reason : ""} errors={errors} />
                <button type="submit" class={`govuk-button${BUTTON[c].warning ? " govuk-button--warning" : " govuk-button--secondary"}`} data-module="govuk-button">
                  {BUTTON[c].button}
                </button>
              </form>
            </section>
          ))}

          <h2 class="govuk-heading-m">History</h2>
          {m.history.length ? (
            <table class="govuk-table" id="history">
              <caption class="govuk-table__caption govuk-visually-hidden">Changes to this meeting, oldest first</caption>
              <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                  <th scope="col" class="govuk-table__header">When</th>
                  <th scope="col" class="govuk-table__header">Who</th>
                  <th scope="col" class="govuk-table__header">Change</th>
                  <th scope="col" class="govuk-table__header">Reason</th>
                </tr>
              </thead>
              <tbody class="govuk-table__body">
                {m.history.map((e) => (
                  <tr class="govuk-table__row">
                    <td class="govuk-table__cell">{recordedAt(e.at)}</td>
                    <td class="govuk-table__cell">{e.actor}</td>
                    <td class="govuk-table__cell">{eventText(e)}</td>
                    <td class="govuk-table__cell">{e.reason ?? "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p class="govuk-body">This meeting came from its minutes: it was not scheduled here.</p>
          )}
        </div>
      </div>
    </Layout>
  );
}
