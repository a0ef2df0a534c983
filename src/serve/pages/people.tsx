import { PersonAlertsLink } from "../alerts/link.tsx";
import type { AuthoritySummary, Page, PersonDetail, PersonSummary } from "../../store/read/types.ts";
import { AttendanceTable, DecisionPartsTable, KIND, motionParts, OlderLink, RolesTable, voteParts } from "./person-records.tsx";
import { AuthorityFilter } from "../components/filters.tsx";
import { Layout } from "../components/layout.tsx";
import { CursorPagination } from "../components/cursor-pagination.tsx";
import { plural } from "../format.ts";
import { urls } from "../urls.ts";
import { namesAWard, wardSlug } from "../../domain/wards.ts";

export function PeoplePage({ people, base, deep, authorities, authority }: { people: Page<PersonSummary>; base: URL; deep: boolean; authorities: AuthoritySummary[]; authority?: string }) {
  return (
    <Layout title={deep ? "People (continued)" : "People"} section="people" breadcrumbs={[{ href: urls.home(), text: "Home" }]}>
      <h1 class="govuk-heading-xl">People</h1>
      <p class="govuk-body-l">Councillors, officers and others named in the minutes.</p>
      <p class="govuk-body">
        <a class="govuk-link" href={urls.wards(authority)}>
          Councillors and business by ward
        </a>
      </p>
      <AuthorityFilter authorities={authorities} selected={authority} action={urls.people()} />
      <p class="govuk-body qm-count">{people.totalCapped ? `More than ${plural(people.total, "person", "people")}` : plural(people.total, "person", "people")}</p>
      <table class="govuk-table qm-stack">
        <caption class="govuk-table__caption govuk-visually-hidden">People named in the minutes</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              Name
            </th>
            {authorities.length > 1 && (
              <th scope="col" class="govuk-table__header">
                Council
              </th>
            )}
            <th scope="col" class="govuk-table__header">
              Recorded as
            </th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">
              Meetings
            </th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {people.data.map((p) => (
            <tr class="govuk-table__row">
              <th scope="row" class="govuk-table__header">
                <a class="govuk-link" href={urls.person(p.slug)}>
                  {p.name}
                </a>
              </th>
              {authorities.length > 1 && (
                <td class="govuk-table__cell" data-label="Council">
                  {p.authority.name}
                </td>
              )}
              <td class="govuk-table__cell" data-label="Recorded as">
                {KIND[p.kind] ?? p.kind}
              </td>
              <td class="govuk-table__cell govuk-table__cell--numeric" data-label="Meetings">
                {p.meetingCount}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <CursorPagination base={base} newer={people.previous} older={people.next} label="People" newerText="Previous" olderText="Next" />
    </Layout>
  );
}

export function PersonPage({ p }: { p: PersonDetail }) {
  const a = p.attendance;
  const missed = a.apologies + a.absent;
  return (
    <Layout
      title={p.name}
      section="people"
      head={<link rel="alternate" type="application/json" href={urls.api.person(p.slug)} />}
      breadcrumbs={[
        { href: urls.home(), text: "Home" },
        { href: urls.people(), text: "People" },
      ]}
    >
      <span class="govuk-caption-l">{p.authority.name}</span>
      <h1 class="govuk-heading-xl">{p.name}</h1>
      <PersonAlertsLink person={p} />
      <dl class="govuk-summary-list">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Recorded as</dt>
          <dd class="govuk-summary-list__value">{KIND[p.kind] ?? p.kind}</dd>
        </div>
        {p.party && (
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">Party</dt>
            <dd class="govuk-summary-list__value">{p.party}</dd>
          </div>
        )}
        {p.ward && (
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">Ward</dt>
            <dd class="govuk-summary-list__value">
              {namesAWard(p.ward) ? (
                <a class="govuk-link" href={urls.ward(wardSlug(p.authority.slug, p.ward))}>
                  {p.ward}
                </a>
              ) : (
                p.ward
              )}
            </dd>
          </div>
        )}
        {p.namesAsWritten.length > 0 && (
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">Named in the minutes as</dt>
            <dd class="govuk-summary-list__value">{p.namesAsWritten.join("; ")}</dd>
          </div>
        )}
      </dl>

      <section aria-labelledby="roles">
        <h2 class="govuk-heading-l" id="roles">
          Committees and roles
        </h2>
        {p.memberships.length === 0 ? (
          <p class="govuk-body">No committee roles are recorded.</p>
        ) : (
          <>
            <RolesTable rows={p.memberships} caption="Committees and roles, the most recently recorded first" />
            <OlderLink slug={p.slug} list="roles" cursor={p.older.roles} />
          </>
        )}
      </section>

      <section aria-labelledby="attendance">
        <h2 class="govuk-heading-l" id="attendance">
          Attendance record
        </h2>
        {a.expected > 0 ? (
          <>
            <p class="govuk-body">
              {p.name} was expected at {plural(a.expected, "meeting")}: present at {a.present || "none"}, sent apologies for {a.apologies || "none"} and
              {a.absent ? ` was recorded absent from ${a.absent}` : " was not recorded absent from any"}.
            </p>
            <dl class="govuk-summary-list govuk-summary-list--no-border qm-attendance-figures">
              <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">Expected</dt>
                <dd class="govuk-summary-list__value">{a.expected}</dd>
              </div>
              <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">Present</dt>
                <dd class="govuk-summary-list__value">{a.present}</dd>
              </div>
              <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">Apologies</dt>
                <dd class="govuk-summary-list__value">{a.apologies}</dd>
              </div>
              <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">Absent</dt>
                <dd class="govuk-summary-list__value">{a.absent}</dd>
              </div>
            </dl>
            <details class="govuk-details">
              <summary class="govuk-details__summary">
                <span class="govuk-details__summary-text">How these figures are counted</span>
              </summary>
              <div class="govuk-details__text">
                Someone is counted as expected at a meeting when the minutes list them among those present, among those sending apologies or as absent. Apologies mean they told
                the committee in advance that they could not attend; absent means they were expected and neither attended nor sent apologies. Meetings where they were only “in
                attendance” (for example a visiting councillor or a presenter) are listed but not counted as expected. {missed > 0 ? "" : "No missed meetings are recorded."}
              </div>
            </details>
          </>
        ) : (
          <p class="govuk-body">{p.name} is not recorded as a member expected at any meeting.</p>
        )}
        {a.inAttendance > 0 && <p class="govuk-body">Also attended {plural(a.inAttendance, "meeting")} without being a member of the committee.</p>}
        {a.meetings.length > 0 && (
          <>
            <AttendanceTable rows={a.meetings} caption={p.older.meetings ? "Most recent meetings" : "Meetings"} />
            <OlderLink slug={p.slug} list="meetings" cursor={p.older.meetings} />
          </>
        )}
      </section>
      <section aria-labelledby="motions">
        <h2 class="govuk-heading-l" id="motions">
          Motions moved and seconded
        </h2>
        {p.motions.length === 0 ? (
          <p class="govuk-body">The minutes do not record {p.name} moving or seconding any decision.</p>
        ) : (
          <>
            <DecisionPartsTable rows={motionParts(p.motions)} caption={`Decisions ${p.name} moved or seconded, newest first`} partHeader="Role" />
            <OlderLink slug={p.slug} list="motions" cursor={p.older.motions} />
          </>
        )}
      </section>
      {p.votes.length > 0 && (
        <section aria-labelledby="votes">
          <h2 class="govuk-heading-l" id="votes">
            How they voted
          </h2>
          <DecisionPartsTable rows={voteParts(p.votes)} caption={`Votes the minutes record ${p.name} casting, newest first`} partHeader="Vote" />
          <OlderLink slug={p.slug} list="votes" cursor={p.older.votes} />
        </section>
      )}
      <p class="govuk-body qm-noprint">
        <a class="govuk-link" href={urls.api.person(p.slug)}>
          This record as data (JSON)
        </a>
      </p>
    </Layout>
  );
}
