import { MinutesLabel } from "../components/minutes-label.tsx";
import type { AuthoritySummary, BodyDetail, BodySummary, MeetingSummary, MemberView } from "../../store/read/types.ts";
import type { Slice } from "../../store/read/keyset.ts";
import { CursorPagination } from "../components/cursor-pagination.tsx";
import { AuthorityFilter } from "../components/filters.tsx";
import { Layout } from "../components/layout.tsx";
import { DecisionList } from "../components/lists.tsx";
import { formatDate, formatLongDate, formatTime, plural } from "../format.ts";
import { urls } from "../urls.ts";
import { trackerUrls } from "../tracker/urls.ts";
import { MeetingStateLabel, UpcomingMeetings } from "../schedule/public.tsx";
import { AlertsLink } from "../alerts/link.tsx";

const KIND_LABEL = (kind: string) => kind[0].toUpperCase() + kind.slice(1);

export function CommitteesPage({ bodies, authorities, authority }: { bodies: BodySummary[]; authorities: AuthoritySummary[]; authority?: string }) {
  const many = new Set(bodies.map((b) => b.authority.slug)).size > 1;
  return (
    <Layout title="Committees" section="committees" breadcrumbs={[{ href: urls.home(), text: "Home" }]}>
      <h1 class="govuk-heading-xl">Committees</h1>
      <AuthorityFilter authorities={authorities} selected={authority} action={urls.committees()} />
      {bodies.length === 0 ? (
        <p class="govuk-body">No committees have been published yet.</p>
      ) : (
        <p class="govuk-body qm-count">{plural(bodies.length, "committee")}</p>
      )}
      <ul class="govuk-list">
        {bodies.map((b) => (
          <li class="qm-card">
            <h2 class="govuk-heading-m qm-card__title">
              <a class="govuk-link" href={urls.committee(b.slug)}>
                {b.name}
              </a>
            </h2>
            <p class="govuk-body-s qm-card__meta">
              {many && b.authority.name !== b.name ? `${b.authority.name} · ` : ""}
              {b.kind.toLowerCase() === b.name.toLowerCase() ? "" : `${KIND_LABEL(b.kind)} · `}
              {plural(b.meetingCount, "meeting")}
              {b.firstMeeting && b.lastMeeting && (b.firstMeeting === b.lastMeeting ? ` on ${formatDate(b.firstMeeting)}` : ` from ${formatDate(b.firstMeeting)} to ${formatDate(b.lastMeeting)}`)}
            </p>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function CommitteePage({ b, upcoming = [] }: { b: BodyDetail; upcoming?: MeetingSummary[] }) {
  // Membership is inferred from attendance, so a member still recorded at the latest meeting is current.
  const isCurrent = (m: BodyDetail["members"][number]) => !m.to || !b.lastMeeting || m.to >= b.lastMeeting;
  // officers and others recorded at its meetings serve the committee; they are not its members
  const members = b.members.filter((m) => m.kind === "member");
  const officers = b.members.filter((m) => m.kind !== "member");
  const current = members.filter(isCurrent);
  const past = members.filter((m) => !isCurrent(m));
  return (
    <Layout
      title={b.name}
      section="committees"
      head={<link rel="alternate" type="application/json" href={urls.api.body(b.slug)} />}
      breadcrumbs={[
        { href: urls.home(), text: "Home" },
        { href: urls.committees(), text: "Committees" },
      ]}
    >
      {b.authority.name !== b.name && <span class="govuk-caption-l">{b.authority.name}</span>}
      <h1 class="govuk-heading-xl">{b.name}</h1>
      <AlertsLink committee={b} />
      <dl class="govuk-summary-list">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Type</dt>
          <dd class="govuk-summary-list__value">{KIND_LABEL(b.kind)}</dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Meetings</dt>
          <dd class="govuk-summary-list__value">
            {plural(b.meetingCount, "meeting")}
            {b.firstMeeting && b.lastMeeting && (b.firstMeeting === b.lastMeeting ? ` on ${formatDate(b.firstMeeting)}` : ` from ${formatDate(b.firstMeeting)} to ${formatDate(b.lastMeeting)}`)}
          </dd>
        </div>
      </dl>

      <UpcomingMeetings meetings={upcoming} />

      <nav class="qm-noprint govuk-!-margin-bottom-6" aria-label="On this page">
        <ul class="govuk-list">
          {b.members.length > 0 && (
            <li>
              <a class="govuk-link" href="#members">
                Members and roles
              </a>
            </li>
          )}
          <li>
            <a class="govuk-link" href="#meetings">
              {b.older.meetings ? "Recent meetings" : "Meetings by year"}
            </a>
          </li>
          <li>
            <a class="govuk-link" href="#decisions">
              Recent decisions
            </a>
          </li>
          <li>
            <a class="govuk-link" href={`${urls.decisions()}?body=${encodeURIComponent(b.slug)}`}>
              All decisions of this committee
            </a>
          </li>
          <li>
            <a class="govuk-link" href={trackerUrls.committeeActions(b.slug)}>
              Action log
            </a>
          </li>
          <li>
            <a class="govuk-link" href={trackerUrls.committeeWorkProgramme(b.slug)}>
              Work programme
            </a>
          </li>
        </ul>
      </nav>

      {b.members.length > 0 && (
        <section aria-labelledby="members">
          <h2 class="govuk-heading-l" id="members">
            Members and roles
          </h2>
          <p class="govuk-body">Membership is taken from the attendance recorded in the minutes.</p>
          {members.length > 0 && <MemberTable caption={past.length ? "Members at the latest meeting" : "Members"} rows={current.length ? current : members} />}
          {current.length > 0 && past.length > 0 && <MemberTable caption={b.older.members ? "Former members, the most recently recorded" : "Former members"} rows={past} />}
          {officers.length > 0 && <MemberTable caption={b.older.members ? "Officers, the most recently recorded" : "Officers"} rows={officers} />}
          {b.older.members && (
            <p class="govuk-body qm-noprint">
              <a class="govuk-link" href={committeeListUrl(b.slug, "members", b.older.members)}>
                Earlier members and officers
              </a>
            </p>
          )}
        </section>
      )}

      <section aria-labelledby="meetings">
        <h2 class="govuk-heading-l" id="meetings">
          {b.older.meetings ? "Recent meetings" : "Meetings by year"}
        </h2>
        {b.meetingsByYear.length === 0 && <p class="govuk-body">No meetings have been published.</p>}
        <MeetingsByYear years={b.meetingsByYear} />
        {b.older.meetings && (
          <p class="govuk-body qm-noprint">
            <a class="govuk-link" href={committeeListUrl(b.slug, "meetings", b.older.meetings)}>
              Older meetings
            </a>
          </p>
        )}
      </section>

      <section aria-labelledby="decisions">
        <h2 class="govuk-heading-l" id="decisions">
          Recent decisions
        </h2>
        {b.decisions.length ? <DecisionList decisions={b.decisions} headingLevel={3} showBody={false} /> : <p class="govuk-body">No decisions have been published.</p>}
        <p class="govuk-body">
          <a class="govuk-link" href={`${urls.decisions()}?body=${encodeURIComponent(b.slug)}`}>
            All decisions of the {b.name}
          </a>
        </p>
      </section>
    </Layout>
  );
}

export const committeeListUrl = (slug: string, list: "meetings" | "members", cursor?: string | null) => `${urls.committee(slug)}/${list}${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`;

function MeetingsByYear({ years }: { years: BodyDetail["meetingsByYear"] }) {
  return (
    <>
      {years.map((y) => (
        <>
          <h3 class="govuk-heading-m">{y.year}</h3>
          <ul class="govuk-list govuk-!-margin-bottom-6">
            {y.meetings.map((m) => (
              <li>
                <a class="govuk-link" href={urls.meeting(m.slug)}>
                  {formatLongDate(m.date)}
                  {m.startTime ? `, ${formatTime(m.startTime)}` : ""}
                </a>{" "}
                {m.hasMinutes ? (
                  <>
                    <span class="qm-count">
                      – {plural(m.itemCount, "item")}, {plural(m.decisionCount, "decision")}
                    </span>{" "}
                    <MinutesLabel m={m} />
                  </>
                ) : (
                  <MeetingStateLabel m={m} />
                )}
              </li>
            ))}
          </ul>
        </>
      ))}
    </>
  );
}

function byYear(meetings: MeetingSummary[]): BodyDetail["meetingsByYear"] {
  const years: BodyDetail["meetingsByYear"] = [];
  for (const m of meetings) {
    const year = Number(m.date.slice(0, 4));
    if (years.at(-1)?.year !== year) years.push({ year, meetings: [] });
    years.at(-1)!.meetings.push(m);
  }
  return years;
}

/** A committee's lists in full, a page at a time, newest first: its meetings, or its members and officers. */
export function CommitteeListPage({ b, list, base }: { b: BodySummary; list: { kind: "meetings"; page: Slice<MeetingSummary> } | { kind: "members"; page: Slice<MemberView> }; base: URL }) {
  const title = list.kind === "meetings" ? "Meetings" : "Members and officers";
  return (
    <Layout
      title={`${b.name}: ${title.toLowerCase()}`}
      section="committees"
      breadcrumbs={[
        { href: urls.home(), text: "Home" },
        { href: urls.committees(), text: "Committees" },
        { href: urls.committee(b.slug), text: b.name },
      ]}
    >
      <span class="govuk-caption-l">{b.name}</span>
      <h1 class="govuk-heading-xl">{title}</h1>
      {list.page.data.length === 0 ? (
        <p class="govuk-body">Nothing is recorded.</p>
      ) : list.kind === "meetings" ? (
        <MeetingsByYear years={byYear(list.page.data)} />
      ) : (
        <MemberTable caption="Members and officers, the most recently recorded first" rows={list.page.data} />
      )}
      <CursorPagination base={base} newer={list.page.previous} older={list.page.next} label={title} newerText={list.kind === "members" ? "Later" : "Newer"} olderText={list.kind === "members" ? "Earlier" : "Older"} />
    </Layout>
  );
}

function MemberTable({ caption, rows }: { caption: string; rows: BodyDetail["members"] }) {
  return (
    <table class="govuk-table qm-stack">
      <caption class="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">
            Name
          </th>
          <th scope="col" class="govuk-table__header">
            Role
          </th>
          <th scope="col" class="govuk-table__header">
            First recorded
          </th>
          <th scope="col" class="govuk-table__header">
            Last recorded
          </th>
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {rows.map((m) => (
          <tr class="govuk-table__row">
            <th scope="row" class="govuk-table__header">
              <a class="govuk-link" href={urls.person(m.person.slug)}>
                {m.person.name}
              </a>
            </th>
            <td class="govuk-table__cell" data-label="Role">{m.role ?? (m.kind === "member" ? "Member" : KIND_LABEL(m.kind))}</td>
            <td class="govuk-table__cell" data-label="First recorded">{m.from ? formatDate(m.from) : "–"}</td>
            <td class="govuk-table__cell" data-label="Last recorded">{m.to ? formatDate(m.to) : "–"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
