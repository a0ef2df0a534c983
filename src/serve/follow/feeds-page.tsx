// The /feeds page: every calendar and feed, and how to subscribe to them.
import { Layout } from "../components/layout.tsx";
import { urls } from "../urls.ts";
import type { AuthoritySummary, BodySummary } from "../../store/read/types.ts";
import { DEFAULT_DURATION_MINUTES, CALENDAR_MONTHS_BACK } from "./ics.ts";
import { FEED_SIZE } from "./atom.ts";

export function FeedsPage({ authorities, bodies, base }: { authorities: AuthoritySummary[]; bodies: BodySummary[]; base: string }) {
  const many = authorities.length > 1;
  return (
    <Layout title="Feeds and calendars" breadcrumbs={[{ href: urls.home(), text: "Home" }]}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-xl">Feeds and calendars</h1>
          <p class="govuk-body-l">Follow meetings in your own calendar, and new meetings, minutes and decisions in a feed reader.</p>

          <h2 class="govuk-heading-m">Calendars</h2>
          <p class="govuk-body">
            A calendar holds the meetings of the last {CALENDAR_MONTHS_BACK} months and every meeting planned. When a meeting moves or is cancelled, your calendar shows the change the next time it
            checks. Times are in the council's time zone. A meeting with no end time is shown lasting {DEFAULT_DURATION_MINUTES / 60} hours.
          </p>
          <p class="govuk-body">
            For older meetings, add <code>?from=</code> and a date to a calendar's address (for example <code>?from=2020-01-01</code>), or <code>?past=all</code> for every meeting in the
            archive. These calendars are larger, so subscribe to them only if you need the past meetings.
          </p>
          <ul class="govuk-list govuk-list--bullet">
            <li>
              <a class="govuk-link" href={urls.calendarIcs()}>
                All meetings (iCalendar)
              </a>
              : <code>{base + urls.calendarIcs()}</code>
            </li>
            {many &&
              authorities.map((a) => (
                <li>
                  <a class="govuk-link" href={urls.calendarIcs(a.slug)}>
                    {a.name}: all meetings (iCalendar)
                  </a>
                </li>
              ))}
          </ul>

          <h3 class="govuk-heading-s">Subscribing to a calendar</h3>
          <p class="govuk-body">Copy the calendar's address (right-click the link and copy it), then:</p>
          <ul class="govuk-list govuk-list--bullet">
            <li>
              <strong>Outlook</strong>: in Calendar choose Add calendar, then Subscribe from web, paste the address and choose Import.
            </li>
            <li>
              <strong>Google Calendar</strong>: next to Other calendars choose the plus sign, then From URL, paste the address and choose Add calendar. Google checks for changes every few
              hours.
            </li>
            <li>
              <strong>Apple Calendar</strong>: choose File, then New Calendar Subscription, and paste the address.
            </li>
          </ul>
          <p class="govuk-body">Opening the file instead adds the meetings once, and later changes do not reach your calendar.</p>

          <h2 class="govuk-heading-m">Atom feeds</h2>
          <p class="govuk-body">
            Each feed holds the latest {FEED_SIZE} new meetings, minutes and decisions. Paste a feed's address into a feed reader. Every search has a feed too: search, then use the feed link
            under the results. Each person's page links to their feed.
          </p>
          <p class="govuk-body">
            Each ward has a feed of the agenda items and key decisions that affect it, linked from the ward's page: see <a class="govuk-link" href={urls.wards()}>wards</a>.
          </p>
          <ul class="govuk-list govuk-list--bullet">
            <li>
              <a class="govuk-link" href={urls.feed()}>
                Everything (Atom)
              </a>
              : <code>{base + urls.feed()}</code>
            </li>
            {many &&
              authorities.map((a) => (
                <li>
                  <a class="govuk-link" href={urls.feed(a.slug)}>
                    {a.name}: everything (Atom)
                  </a>
                </li>
              ))}
          </ul>
          <p class="govuk-body">
            Items considered in private appear with only their title and the grounds for exemption, here as on every page. For data in bulk, see <a class="govuk-link" href={urls.data()}>open data</a>.
          </p>
        </div>
      </div>

      <h2 class="govuk-heading-m">Committees</h2>
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-visually-hidden">Each committee's calendar and feed</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              Committee
            </th>
            <th scope="col" class="govuk-table__header">
              Calendar
            </th>
            <th scope="col" class="govuk-table__header">
              Feed
            </th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {bodies.map((b) => (
            <tr class="govuk-table__row">
              <th scope="row" class="govuk-table__header">
                <a class="govuk-link" href={urls.committee(b.slug)}>
                  {b.name}
                </a>
                {many && <span class="govuk-body-s"> ({b.authority.name})</span>}
              </th>
              <td class="govuk-table__cell">
                <a class="govuk-link" href={urls.committeeCalendarIcs(b.slug)}>
                  Calendar<span class="govuk-visually-hidden"> of {b.name}</span>
                </a>
              </td>
              <td class="govuk-table__cell">
                <a class="govuk-link" href={urls.committeeFeed(b.slug)}>
                  Feed<span class="govuk-visually-hidden"> of {b.name}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
