// The clerk's schedule for one committee (/admin/committees/{slug}/schedule): the meetings still to
// come, a form for one meeting, a form for a series with a preview of its dates (each can be taken
// out before anything is made), and each series with a form to change it from a date on.
import { Layout } from "../components/layout.tsx";
import { ErrorSummary, type FieldError } from "../auth/forms.tsx";
import { Banner } from "../components/banner.tsx";
import { Checkboxes, Radios, Select, TextArea, TextField } from "../components/fields.tsx";
import { formatLongDate, formatTime } from "../format.ts";
import { formatLong } from "../../domain/calendar.ts";
import { NTH_NAMES, WEEKDAY_NAMES } from "../../domain/meeting-series.ts";
import type { BodySchedule } from "../../store/schedule/read.ts";
import type { SeriesPreview } from "../../store/schedule/series.ts";
import { urls } from "../urls.ts";
import { scheduleUrls } from "./urls.ts";
import { STATE_TAG } from "./words.ts";

const crumbs = (body: { slug: string; name: string }) => [
  { href: "/admin", text: "Clerk's workspace" },
  { href: `/admin/committees/${encodeURIComponent(body.slug)}`, text: body.name },
];

export const titled = (title: string, errors: FieldError[]) => (errors.length ? `Error: ${title}` : title);

export type FormValues = Record<string, string>;

export function StateTag({ status }: { status: string }) {
  const t = STATE_TAG[status];
  return t ? <strong class={`govuk-tag ${t.colour}`}>{t.text}</strong> : <>{status}</>;
}

/** The reason for a change to the schedule, posted as `reason` whichever form it is in. */
export function ReasonField({ id, label, hint, value, errors }: { id: string; label: string; hint?: string; value?: string; errors: FieldError[] }) {
  return <TextArea id={id} name="reason" label={label} hint={hint} value={value} errors={errors} />;
}

const WEEKDAYS = WEEKDAY_NAMES.map((n, i) => ({ value: String(i), text: n }));
const NTHS = ["1", "2", "3", "4", "5", "-1"].map((v) => ({ value: v, text: NTH_NAMES[v] }));

export function CommitteeSchedulePage({ csrf, s, errors, values, done }: { csrf: string; s: BodySchedule; errors: FieldError[]; values: FormValues; done?: string }) {
  const title = `Schedule: ${s.body.name}`;
  return (
    <Layout title={titled(title, errors)} breadcrumbs={crumbs(s.body)}>
      {done && <Banner text={done} />}
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">{s.body.name}</span>
      <h1 class="govuk-heading-l">Schedule of meetings</h1>
      <p class="govuk-body">
        <a class="govuk-link" href={urls.committee(s.body.slug)}>
          View the public page
        </a>
      </p>

      <h2 class="govuk-heading-m">Meetings to come</h2>
      {s.meetings.length ? (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-visually-hidden">Meetings to come, soonest first</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">Date</th>
              <th scope="col" class="govuk-table__header">Time</th>
              <th scope="col" class="govuk-table__header">Venue</th>
              <th scope="col" class="govuk-table__header">State</th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {s.meetings.map((m) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">
                  <a class="govuk-link" href={scheduleUrls.meeting(m.slug)}>
                    {formatLongDate(m.date)}
                    <span class="govuk-visually-hidden">: change this meeting</span>
                  </a>
                </td>
                <td class="govuk-table__cell">{m.startTime ? formatTime(m.startTime) : "–"}</td>
                <td class="govuk-table__cell">{m.venue ?? "–"}</td>
                <td class="govuk-table__cell">
                  <StateTag status={m.hasMinutes ? "held" : m.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="govuk-body">No meetings are scheduled.</p>
      )}

      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h2 class="govuk-heading-m" id="one">
            Schedule a meeting
          </h2>
          <form method="post" action={scheduleUrls.committee(s.body.slug)} novalidate>
            <input type="hidden" name="csrf" value={csrf} />
            <TextField id="date" label="Date" hint="For example, 2026-05-12" value={values.date} errors={errors} width="one-third" />
            <TextField id="startTime" label="Start time (optional)" hint="On the 24-hour clock, for example 19:00" value={values.startTime} errors={errors} width="one-third" />
            <TextField id="venue" label="Venue (optional)" value={values.venue} errors={errors} />
            <button type="submit" class="govuk-button" data-module="govuk-button">
              Schedule the meeting
            </button>
          </form>

          <h2 class="govuk-heading-m" id="series">
            Schedule a series
          </h2>
          <p class="govuk-body">For example, the second Tuesday of each month at 7pm from May to April. You will see the dates, and can take any out, before the meetings are made.</p>
          <form method="post" action={scheduleUrls.series(s.body.slug)} novalidate>
            <input type="hidden" name="csrf" value={csrf} />
            <input type="hidden" name="step" value="preview" />
            <Radios
              id="kind"
              legend="How often"
              value={values.kind ?? "monthly"}
              options={[
                { value: "monthly", text: "Once a month, on a weekday of the month" },
                { value: "weekly", text: "Every week or every few weeks" },
              ]}
              errors={errors}
            />
            <Select id="nth" label="Which one in the month (once a month)" value={values.nth ?? "2"} options={NTHS} errors={errors} />
            <TextField id="every" label="Every how many weeks (every few weeks)" hint="1 for every week, 2 for every other week" value={values.every ?? "1"} errors={errors} width="one-third" />
            <Select id="weekday" label="Day of the week" value={values.weekday ?? "2"} options={WEEKDAYS} errors={errors} />
            <TextField id="from" label="From" hint="A date or a month, for example 2026-05 or 2026-05-01" value={values.from} errors={errors} width="one-third" />
            <TextField id="to" label="To" hint="A date or a month, for example 2027-04" value={values.to} errors={errors} width="one-third" />
            <TextField id="seriesTime" label="Start time (optional)" hint="On the 24-hour clock, for example 19:00" value={values.seriesTime} errors={errors} width="one-third" />
            <TextField id="seriesVenue" label="Venue (optional)" value={values.seriesVenue} errors={errors} />
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
              See the dates
            </button>
          </form>
        </div>
      </div>

      {s.series.length > 0 && <h2 class="govuk-heading-m">Series</h2>}
      {s.series.map((x) => (
        <section class="govuk-!-margin-bottom-8" aria-labelledby={`series-${x.id}`}>
          <h3 class="govuk-heading-s" id={`series-${x.id}`}>
            {x.rule}
            {x.startTime ? ` at ${formatTime(x.startTime)}` : ""}, {formatLong(x.from)} to {formatLong(x.to)}
          </h3>
          <ul class="govuk-list">
            {x.meetings.map((m) => (
              <li>
                <a class="govuk-link" href={scheduleUrls.meeting(m.slug)}>
                  {formatLongDate(m.date)}
                  {m.startTime ? `, ${formatTime(m.startTime)}` : ""}
                </a>{" "}
                <StateTag status={m.hasMinutes ? "held" : m.status} />
              </li>
            ))}
          </ul>
          <details class="govuk-details" open={errors.some((e) => e.field.endsWith(`-${x.id}`))}>
            <summary class="govuk-details__summary">
              <span class="govuk-details__summary-text">Change or cancel this series from a date on</span>
            </summary>
            <div class="govuk-details__text">
              <form method="post" action={scheduleUrls.seriesChange(s.body.slug, x.id)} novalidate>
                <input type="hidden" name="csrf" value={csrf} />
                <Radios
                  id={`change-${x.id}`}
                  legend="What to do to the meetings still to come"
                  value="change"
                  options={[
                    { value: "change", text: "Give them a new time and venue" },
                    { value: "cancel", text: "Cancel them" },
                  ]}
                  errors={errors}
                />
                <TextField id={`from-${x.id}`} label="From" hint="For example, 2026-09-01" value={values[`from-${x.id}`]} errors={errors} width="one-third" />
                <TextField id={`time-${x.id}`} label="New start time" hint="On the 24-hour clock; leave empty to keep none" value={values[`time-${x.id}`] ?? x.startTime ?? ""} errors={errors} width="one-third" />
                <TextField id={`venue-${x.id}`} label="New venue" value={values[`venue-${x.id}`] ?? x.venue ?? ""} errors={errors} />
                <ReasonField id={`reason-${x.id}`} label="Reason" hint="Shown publicly on each meeting's page" value={values[`reason-${x.id}`]} errors={errors} />
                <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">
                  Change the series
                </button>
              </form>
            </div>
          </details>
        </section>
      ))}
    </Layout>
  );
}

export function SeriesPreviewPage({ csrf, body, values, preview, errors }: { csrf: string; body: { slug: string; name: string }; values: FormValues; preview: SeriesPreview; errors: FieldError[] }) {
  const clash = new Set(preview.clashes);
  const title = `Check the series: ${body.name}`;
  return (
    <Layout title={titled(title, errors)} breadcrumbs={crumbs(body)}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <span class="govuk-caption-l">{body.name}</span>
          <h1 class="govuk-heading-l">Check the dates</h1>
          <p class="govuk-body">
            {preview.rule}
            {values.seriesTime ? ` at ${formatTime(values.seriesTime)}` : ""}
            {values.seriesVenue ? `, ${values.seriesVenue}` : ""}.
          </p>
          {preview.missing.length > 0 && (
            <div class="govuk-inset-text">
              No meeting in {preview.missing.map((m) => formatLong(m)).join(", ")}: {preview.missing.length === 1 ? "that month has" : "those months have"} no such day.
            </div>
          )}
          <form method="post" action={scheduleUrls.series(body.slug)} novalidate>
            <input type="hidden" name="csrf" value={csrf} />
            <input type="hidden" name="step" value="create" />
            {["kind", "nth", "every", "weekday", "from", "to", "seriesTime", "seriesVenue"].map((k) => (
              <input type="hidden" name={k} value={values[k] ?? ""} />
            ))}
            {/* every date the rule gives, so that those left unticked are taken out */}
            {[...preview.dates, ...preview.skipped].sort().map((d) => (
              <input type="hidden" name="offered" value={d} />
            ))}
            <Checkboxes
              id="keep"
              legend="Meetings to make"
              hint={clash.size ? "Dates marked as taken already have a meeting of this committee at that time: untick them to go on." : "Untick any date to leave it out, for example a holiday or an election."}
              options={[...preview.dates, ...preview.skipped].sort().map((d) => ({ value: d, text: `${formatLongDate(d)}${clash.has(d) ? " (taken)" : ""}` }))}
              checked={preview.dates.filter((d) => !clash.has(d))}
              errors={errors}
            />
            <div class="govuk-button-group">
              <button type="submit" class="govuk-button" data-module="govuk-button">
                Make these meetings
              </button>
              <a class="govuk-link" href={scheduleUrls.committee(body.slug)}>
                Change the rule
              </a>
            </div>
          </form>
        </div>
      </div>
    </Layout>
  );
}
