// Which feed and calendar follow a page, from its address alone, so the layout can advertise them
// (<link rel="alternate">) and offer them under the page without each page passing them down.
import { urls } from "../urls.ts";

export interface PageFeeds {
  feed?: string;
  calendar?: string;
}

const SEARCH_FILTERS = ["q", "type", "body", "year", "authority"];

/** The feeds of the page at `path` (path and query), or null when it has none. */
export function feedsFor(path: string): PageFeeds | null {
  const u = new URL(path, "http://quorum.invalid");
  const p = u.pathname;
  const authority = u.searchParams.get("authority") || undefined;
  if (p === "/" || p === "/feeds") return { feed: urls.feed(), calendar: urls.calendarIcs() };
  if (p === "/calendar" || /^\/calendar\/\d{4}-\d{2}$/.test(p) || p === "/committees" || p === "/decisions") return { feed: urls.feed(authority), calendar: urls.calendarIcs(authority) };
  let m = /^\/committees\/([^/]+)(?:\/meetings)?$/.exec(p);
  if (m) return { feed: urls.committeeFeed(decodeURIComponent(m[1])), calendar: urls.committeeCalendarIcs(decodeURIComponent(m[1])) };
  m = /^\/people\/([^/]+)(?:\/(?:meetings|motions|votes|roles))?$/.exec(p);
  if (m) return { feed: urls.personFeed(decodeURIComponent(m[1])) };
  m = /^\/wards\/([^/]+)$/.exec(p);
  if (m) return { feed: urls.wardFeed(decodeURIComponent(m[1])) };
  if (p === "/search" && u.searchParams.get("q")?.trim()) {
    return { feed: urls.searchFeed(Object.fromEntries(SEARCH_FILTERS.map((k) => [k, u.searchParams.get(k) ?? undefined]))) };
  }
  return null;
}

/** The page's feeds for <head>. */
export function FeedLinks({ feed, calendar }: PageFeeds) {
  return (
    <>
      {feed && <link rel="alternate" type="application/atom+xml" title="Atom feed" href={feed} />}
      {calendar && <link rel="alternate" type="text/calendar" title="Meetings calendar (iCalendar)" href={calendar} />}
    </>
  );
}

/** The page's feeds, offered under its content. */
export function FollowLinks({ feed, calendar }: PageFeeds) {
  return (
    <p class="govuk-body-s qm-follow">
      Follow this page:{" "}
      {feed && (
        <a class="govuk-link" href={feed}>
          Atom feed
        </a>
      )}
      {feed && calendar && " · "}
      {calendar && (
        <a class="govuk-link" href={calendar}>
          Calendar (iCalendar)
        </a>
      )}
      {" · "}
      <a class="govuk-link" href={urls.feeds()}>
        How to use feeds and calendars
      </a>
    </p>
  );
}
