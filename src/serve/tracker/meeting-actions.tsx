// Actions on a meeting: those its resolutions raised and those it answered. `MeetingActions` can
// sit inside the meeting page; `/meetings/:slug/actions` shows the same on its own.
import type { ActionView } from "../../store/scrutiny/actions.ts";
import { NotForPublication } from "../components/exempt.tsx";
import { Layout } from "../components/layout.tsx";
import { formatDate, formatLongDate } from "../format.ts";
import { urls } from "../urls.ts";
import { trackerUrls } from "./urls.ts";

function ActionLine({ a, answered }: { a: ActionView; answered?: boolean }) {
  return (
    <li>
      <a class="govuk-link" href={`${trackerUrls.committeeActions(a.body.slug)}#action-${encodeURIComponent(a.slug)}`}>
        {a.text}
      </a>
      {a.notForPublication && (
        <>
          {" "}
          <NotForPublication />
        </>
      )}
      <span class="govuk-body-s qm-card__meta">
        {" "}
        {a.owner ? `Owner: ${a.owner}. ` : ""}
        {answered && a.raisedAt ? `Asked for on ${formatDate(a.raisedAt.date)}. ` : ""}
        {a.status === "open" ? "Open" : a.status === "done" ? "Done" : "Dropped"}
        {a.answeredAt && !answered ? `, answered on ${formatDate(a.answeredAt.date)}` : ""}.
      </span>
    </li>
  );
}

export function MeetingActions({ meetingSlug, actions, headingLevel = 2 }: { meetingSlug: string; actions: ActionView[]; headingLevel?: 2 | 3 }) {
  const raised = actions.filter((a) => a.raisedAt?.slug === meetingSlug);
  const answered = actions.filter((a) => a.answeredAt?.slug === meetingSlug);
  if (!raised.length && !answered.length) return null;
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="meeting-actions">
      <H class="govuk-heading-m" id="meeting-actions">
        Actions
      </H>
      {raised.length > 0 && (
        <>
          <p class="govuk-body">Asked for at this meeting:</p>
          <ul class="govuk-list govuk-list--bullet">
            {raised.map((a) => (
              <ActionLine a={a} />
            ))}
          </ul>
        </>
      )}
      {answered.length > 0 && (
        <>
          <p class="govuk-body">Answered at this meeting:</p>
          <ul class="govuk-list govuk-list--bullet">
            {answered.map((a) => (
              <ActionLine a={a} answered />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function MeetingActionsPage({ meeting, actions }: { meeting: { slug: string; date: string; body: { slug: string; name: string } }; actions: ActionView[] }) {
  const title = `${meeting.body.name}, ${formatDate(meeting.date)}: actions`;
  return (
    <Layout
      title={title}
      breadcrumbs={[
        { href: urls.home(), text: "Home" },
        { href: urls.committee(meeting.body.slug), text: meeting.body.name },
        { href: urls.meeting(meeting.slug), text: formatLongDate(meeting.date) },
      ]}
    >
      <span class="govuk-caption-l">{meeting.body.name}</span>
      <h1 class="govuk-heading-l">Actions from the meeting on {formatLongDate(meeting.date)}</h1>
      {actions.length ? <MeetingActions meetingSlug={meeting.slug} actions={actions} /> : <p class="govuk-body">This meeting raised or answered no actions.</p>}
      <p class="govuk-body">
        <a class="govuk-link" href={trackerUrls.committeeActions(meeting.body.slug)}>
          All actions of the {meeting.body.name}
        </a>
      </p>
    </Layout>
  );
}
