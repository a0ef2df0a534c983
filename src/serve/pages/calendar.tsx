import { MinutesLabel } from "../components/minutes-label.tsx";
import type { AuthoritySummary, MeetingSummary } from "../../store/read/types.ts";
import { MonthGrid } from "../components/calendar.tsx";
import { AuthorityFilter } from "../components/filters.tsx";
import { Layout } from "../components/layout.tsx";
import { formatLongDate, formatTime, monthName, plural } from "../format.ts";
import { urls } from "../urls.ts";
import { MeetingStateLabel } from "../schedule/public.tsx";

function shift(year: number, month: number, by: number): { year: number; month: number } {
  const i = year * 12 + (month - 1) + by;
  return { year: Math.floor(i / 12), month: (i % 12) + 1 };
}

export function CalendarPage({
  year,
  month,
  meetings,
  today,
  latest,
  authorities,
  authority,
}: {
  year: number;
  month: number;
  meetings: MeetingSummary[];
  today: string;
  latest: MeetingSummary | null;
  authorities: AuthoritySummary[];
  authority?: string;
}) {
  const prev = shift(year, month, -1);
  const next = shift(year, month, 1);
  const q = authority ? `?authority=${encodeURIComponent(authority)}` : "";
  const label = `${monthName(month)} ${year}`;
  const sorted = [...meetings].sort((a, b) => (a.date + (a.startTime ?? "")).localeCompare(b.date + (b.startTime ?? "")));
  return (
    <Layout title={`Meetings in ${label}`} section="calendar" breadcrumbs={[{ href: urls.home(), text: "Home" }]}>
      <span class="govuk-caption-l">Meetings calendar</span>
      <h1 class="govuk-heading-xl">{label}</h1>
      <AuthorityFilter authorities={authorities} selected={authority} action={urls.calendar(year, month)} />
      <nav class="govuk-pagination qm-noprint" aria-label="Months">
        <div class="govuk-pagination__prev">
          <a class="govuk-link govuk-pagination__link" href={urls.calendar(prev.year, prev.month) + q} rel="prev">
            <svg class="govuk-pagination__icon govuk-pagination__icon--prev" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
              <path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z"></path>
            </svg>
            <span class="govuk-pagination__link-title">
              <span class="govuk-visually-hidden">Previous month: </span>
              {monthName(prev.month)} {prev.year}
            </span>
          </a>
        </div>
        <div class="govuk-pagination__next">
          <a class="govuk-link govuk-pagination__link" href={urls.calendar(next.year, next.month) + q} rel="next">
            <span class="govuk-pagination__link-title">
              <span class="govuk-visually-hidden">Next month: </span>
              {monthName(next.month)} {next.year}
            </span>
            <svg class="govuk-pagination__icon govuk-pagination__icon--next" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
              <path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z"></path>
            </svg>
          </a>
        </div>
      </nav>
      <p class="govuk-body">{meetings.length ? `${plural(meetings.length, "meeting")} in ${label}.` : `No meetings are recorded in ${label}.`}</p>
      {!meetings.length && latest && (
        <p class="govuk-body">
          The most recent meeting on record was on{" "}
          <a class="govuk-link" href={urls.calendar(Number(latest.date.slice(0, 4)), Number(latest.date.slice(5, 7))) + q}>
            {formatLongDate(latest.date)}
          </a>
          .
        </p>
      )}
      <MonthGrid
        year={year}
        month={month}
        today={today}
        entries={meetings.map((m) => ({ date: m.date, startTime: m.startTime, title: m.status === "cancelled" || m.status === "postponed" ? `${m.body.name} (${m.status})` : m.body.name, url: urls.meeting(m.slug) }))}
      />
      {sorted.length > 0 && (
        <>
          <h2 class="govuk-heading-m">All meetings in {label}</h2>
          <ul class="govuk-list">
            {sorted.map((m) => (
              <li>
                <a class="govuk-link" href={urls.meeting(m.slug)}>
                  {m.body.name}
                </a>
                , {formatLongDate(m.date)}
                {m.startTime ? ` at ${formatTime(m.startTime)}` : ""}
                {m.hasMinutes && m.status === "cancelled" ? " (cancelled)" : ""} <MinutesLabel m={m} /> <MeetingStateLabel m={m} />
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
}
