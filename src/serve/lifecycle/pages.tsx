// The clerk's minutes page (/admin/meetings/{slug}/minutes), the workspace's list of minutes
// awaiting approval, and the public page of the minutes as approved.
import { Layout } from "../components/layout.tsx";
import { ErrorSummary, type FieldError } from "../auth/forms.tsx";
import { fieldState, FieldsetGroup, Select, TextField } from "../components/fields.tsx";
import { MinutesLabel } from "../components/minutes-label.tsx";
import { formatDate, formatLongDate } from "../format.ts";
import { urls } from "../urls.ts";
import type { ApprovedVersion, ClerkMeeting, MinutesLifecycle } from "../../store/lifecycle/read.ts";
import type { ApprovalSuggestion } from "../../store/lifecycle/suggest.ts";

export const lifecycleUrls = {
  page: (slug: string) => `/admin/meetings/${encodeURIComponent(slug)}/minutes`,
  publish: (slug: string) => `/admin/meetings/${encodeURIComponent(slug)}/minutes/publish`,
  approve: (slug: string) => `/admin/meetings/${encodeURIComponent(slug)}/minutes/approve`,
};

const STATUS_TEXT = (m: ClerkMeeting) =>
  !m.hasMinutes
    ? "No minutes yet: this meeting was scheduled here and its minutes have not come in"
    : m.status === "draft"
    ? "Draft: not public"
    : m.status === "approved"
      ? "Approved as a correct record"
      : m.draft
        ? "Published draft: public, labelled “Draft, not yet approved”"
        : "Published: the council's final record, not yet approved here";

const BASIS = { date: "the item names this meeting's date", previous: "this committee's previous meeting" } as const;

/** The value of a suggestion's radio: the approving meeting and its item. */
export const suggestionValue = (s: ApprovalSuggestion) => `${s.approvedAt.slug}#${s.item.number}`;

export interface MinutesPageProps {
  csrf: string;
  meeting: ClerkMeeting;
  lifecycle: MinutesLifecycle;
  suggestions: ApprovalSuggestion[];
  later: { slug: string; date: string; bodyName: string }[];
  errors: FieldError[];
  values?: { approval?: string; approvedAt?: string; item?: string };
}

export function MinutesPage({ csrf, meeting, lifecycle, suggestions, later, errors, values = {} }: MinutesPageProps) {
  const title = `Minutes: ${meeting.bodyName}, ${formatDate(meeting.date)}`;
  const choice = values.approval ?? (suggestions.length ? suggestionValue(suggestions[0]) : "other");
  return (
    <Layout title={errors.length ? `Error: ${title}` : title} breadcrumbs={[{ href: "/admin", text: "Clerk's workspace" }]}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <span class="govuk-caption-l">{meeting.bodyName}</span>
          <h1 class="govuk-heading-l">Minutes of {formatLongDate(meeting.date)}</h1>
          <dl class="govuk-summary-list">
            <div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">Status</dt>
              <dd class="govuk-summary-list__value" id="minutes-status">
                {STATUS_TEXT(meeting)}
              </dd>
            </div>
            <div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">Public page</dt>
              <dd class="govuk-summary-list__value">
                {meeting.status === "draft" ? (
                  <>
                    None while the minutes are a draft.{" "}
                    <a class="govuk-link" href={`/admin/meetings/${encodeURIComponent(meeting.slug)}/take-minutes`}>
                      Change them on the minute-taking sheet
                    </a>
                  </>
                ) : (
                  <>
                    <a class="govuk-link" href={urls.meeting(meeting.slug)}>
                      {meeting.bodyName}, {formatDate(meeting.date)}
                    </a>{" "}
                    <MinutesLabel m={{ minutesStatus: meeting.status, minutesDraft: meeting.draft, minutesApprovedOn: lifecycle.approval?.approvedOn ?? null, minutesCorrectedOn: lifecycle.corrections.at(-1)?.correctedOn ?? null }} />
                  </>
                )}
              </dd>
            </div>
            {lifecycle.approval && (
              <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">Approved</dt>
                <dd class="govuk-summary-list__value">
                  At{" "}
                  {lifecycle.approval.meeting ? (
                    <a class="govuk-link" href={urls.meeting(lifecycle.approval.meeting.slug)}>
                      the {lifecycle.approval.meeting.bodyName} meeting of {formatLongDate(lifecycle.approval.meeting.date)}
                    </a>
                  ) : (
                    "a later meeting"
                  )}
                  {lifecycle.approval.item ? ` (item ${lifecycle.approval.item.number}, ${lifecycle.approval.item.title})` : ""} on {formatDate(lifecycle.approval.approvedOn)}.{" "}
                  <a class="govuk-link" href={urls.approvedMinutes(meeting.slug)}>
                    The minutes as approved
                  </a>
                </dd>
              </div>
            )}
            {lifecycle.corrections.map((c) => (
              <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">Corrected on {formatDate(c.correctedOn)}</dt>
                <dd class="govuk-summary-list__value">{c.reason}</dd>
              </div>
            ))}
          </dl>

          {meeting.status === "draft" && (
            <form method="post" action={lifecycleUrls.publish(meeting.slug)} novalidate>
              <input type="hidden" name="csrf" value={csrf} />
              <h2 class="govuk-heading-m">Publish as a draft</h2>
              <p class="govuk-body">The minutes become public, labelled “Draft, not yet approved”, until a later meeting agrees them.</p>
              <button type="submit" class="govuk-button" data-module="govuk-button" id="publish">
                Publish draft minutes
              </button>
            </form>
          )}

          {meeting.status === "published" && (
            <form method="post" action={lifecycleUrls.approve(meeting.slug)} novalidate>
              <input type="hidden" name="csrf" value={csrf} />
              <h2 class="govuk-heading-m">Approve as a correct record</h2>
              <FieldsetGroup
                id="approval"
                legend="Where were these minutes agreed?"
                hint={suggestions.length ? "Quorum found these items in later meetings. Check the one you choose." : "Quorum found no item agreeing these minutes. Choose the meeting below."}
                error={fieldState("approval", errors).error}
              >
                  <div class="govuk-radios" data-module="govuk-radios">
                    {suggestions.map((s, i) => (
                      <div class="govuk-radios__item">
                        <input class="govuk-radios__input" id={i === 0 ? "approval" : `approval-${i}`} name="approval" type="radio" value={suggestionValue(s)} checked={choice === suggestionValue(s)} aria-describedby={`approval-${i}-hint`} />
                        <label class="govuk-label govuk-radios__label" for={i === 0 ? "approval" : `approval-${i}`}>
                          Item {s.item.number}, {s.item.title}: {s.approvedAt.bodyName}, {formatLongDate(s.approvedAt.date)}
                        </label>
                        <div id={`approval-${i}-hint`} class="govuk-hint govuk-radios__hint">
                          Found because {BASIS[s.basis]}
                        </div>
                      </div>
                    ))}
                    <div class="govuk-radios__item">
                      <input class="govuk-radios__input" id={suggestions.length ? "approval-other" : "approval"} name="approval" type="radio" value="other" checked={choice === "other"} />
                      <label class="govuk-label govuk-radios__label" for={suggestions.length ? "approval-other" : "approval"}>
                        Another meeting, chosen below
                      </label>
                    </div>
                  </div>
              </FieldsetGroup>
              <Select id="approvedAt" label="Another meeting" options={[{ value: "", text: "Choose a later meeting" }, ...later.map((l) => ({ value: l.slug, text: `${l.bodyName}, ${formatDate(l.date)}` }))]} value={values.approvedAt ?? ""} errors={errors} />
              <TextField id="item" label="Its item number (optional)" hint="The item that agreed the minutes, for example 3" value={values.item} errors={errors} widthClass="govuk-input--width-5" />
              <button type="submit" class="govuk-button" data-module="govuk-button">
                Approve minutes
              </button>
            </form>
          )}
        </div>
      </div>
    </Layout>
  );
}

/** The workspace's list: minutes a later meeting has agreed, waiting for a clerk to confirm; drafts not yet public. */
export function MinutesToDo({ suggestions, drafts }: { suggestions: ApprovalSuggestion[]; drafts: { slug: string; date: string; bodyName: string }[] }) {
  return (
    <>
      <h2 class="govuk-heading-m">Minutes</h2>
      <h3 class="govuk-heading-s">Agreed at a later meeting, to confirm</h3>
      {suggestions.length ? (
        <ul class="govuk-list govuk-list--bullet" id="approval-suggestions">
          {suggestions.map((s) => (
            <li>
              <a class="govuk-link" href={lifecycleUrls.page(s.meeting.slug)}>
                {s.meeting.bodyName}, {formatDate(s.meeting.date)}
              </a>
              : item {s.item.number} ({s.item.title}) of {s.approvedAt.bodyName}, {formatDate(s.approvedAt.date)}
            </li>
          ))}
        </ul>
      ) : (
        <p class="govuk-body">No later meeting has agreed minutes still waiting for approval.</p>
      )}
      <h3 class="govuk-heading-s">Drafts not yet public</h3>
      {drafts.length ? (
        <ul class="govuk-list govuk-list--bullet">
          {drafts.map((d) => (
            <li>
              <a class="govuk-link" href={lifecycleUrls.page(d.slug)}>
                {d.bodyName}, {formatDate(d.date)}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p class="govuk-body">There are no draft minutes waiting to be published.</p>
      )}
    </>
  );
}

function paragraphs(text: string) {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => <p class="govuk-body">{p}</p>);
}

/** The minutes as approved, exempt items withheld, with what has changed since. */
export function ApprovedMinutesPage({ v }: { v: ApprovedVersion }) {
  const { meeting, lifecycle, snapshot } = v;
  const title = `Minutes as approved: ${meeting.bodyName}, ${formatDate(meeting.date)}`;
  const a = lifecycle.approval!;
  return (
    <Layout
      title={title}
      section="committees"
      breadcrumbs={[
        { href: urls.home(), text: "Home" },
        { href: urls.committee(meeting.bodySlug), text: meeting.bodyName },
        { href: urls.meeting(meeting.slug), text: formatDate(meeting.date) },
      ]}
    >
      <span class="govuk-caption-l">{meeting.bodyName}</span>
      <h1 class="govuk-heading-xl">Minutes as approved</h1>
      <div class="govuk-inset-text">
        <p class="govuk-body">
          The minutes of {formatLongDate(meeting.date)} as approved as a correct record
          {a.meeting ? (
            <>
              {" "}
              at{" "}
              <a class="govuk-link" href={urls.meeting(a.meeting.slug)}>
                the {a.meeting.bodyName} meeting of {formatLongDate(a.meeting.date)}
              </a>
            </>
          ) : (
            ""
          )}{" "}
          on {formatDate(a.approvedOn)}.
        </p>
        {lifecycle.corrections.map((c) => (
          <p class="govuk-body">
            Corrected on {formatDate(c.correctedOn)}: {c.reason}
          </p>
        ))}
        <p class="govuk-body">
          <a class="govuk-link" href={urls.meeting(meeting.slug)}>
            The minutes as they stand now
          </a>
        </p>
      </div>
      {snapshot.attendance.length > 0 && (
        <>
          <h2 class="govuk-heading-l">Attendance</h2>
          <ul class="govuk-list">
            {snapshot.attendance.map((p) => (
              <li>
                {p.name}
                {p.role ? ` (${p.role})` : ""}
                {p.status === "apologies" ? ", apologies" : p.status === "absent" ? ", absent" : p.status === "in_attendance" ? ", in attendance" : ""}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2 class="govuk-heading-l">Items</h2>
      {snapshot.items.map((i) => (
        <section class="govuk-!-margin-bottom-6">
          <h3 class="govuk-heading-m">
            {i.number}. {i.title}
          </h3>
          {i.exemptNotice ? (
            <p class="govuk-body">{i.exemptNotice}</p>
          ) : (
            <>
              {i.text && paragraphs(i.text)}
              {i.resolutions.map((r) => (
                <div class="govuk-inset-text">
                  <strong>Resolved:</strong> {r.text}
                </div>
              ))}
            </>
          )}
        </section>
      ))}
    </Layout>
  );
}
