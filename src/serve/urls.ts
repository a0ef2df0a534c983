// Every public URL is built here, from natural-key slugs, so pages, API and tests agree.
import { QuorumError } from "../domain/errors.ts";

const e = encodeURIComponent;

export const urls = {
  home: () => "/",
  committees: () => "/committees",
  committee: (slug: string) => `/committees/${e(slug)}`,
  meeting: (slug: string) => `/meetings/${e(slug)}`,
  item: (meetingSlug: string, itemSlug: string) => `/meetings/${e(meetingSlug)}#item-${e(itemSlug)}`,
  decision: (meetingSlug: string, decisionSlug: string) => `/meetings/${e(meetingSlug)}#decision-${e(decisionSlug)}`,
  people: () => "/people",
  person: (slug: string) => `/people/${e(slug)}`,
  decisions: () => "/decisions",
  search: (q?: string) => (q ? `/search?q=${e(q)}` : "/search"),
  calendar: (year?: number, month?: number) => (year && month ? `/calendar/${year}-${String(month).padStart(2, "0")}` : "/calendar"),
  /** the meeting's current minutes text, exempt text withheld; earlier versions have no public URL */
  minutes: (meetingSlug: string) => `/meetings/${e(meetingSlug)}/minutes`,
  minutesLine: (meetingSlug: string, line: number) => `/meetings/${e(meetingSlug)}/minutes#L${line}`,
  minutesText: (meetingSlug: string) => `/meetings/${e(meetingSlug)}/minutes/text`,
  /** the file the current minutes were imported from, when the visibility rule allows it */
  minutesOriginal: (meetingSlug: string) => `/meetings/${e(meetingSlug)}/minutes/original`,
  /** the minutes as approved, kept after later corrections */
  approvedMinutes: (meetingSlug: string) => `/meetings/${e(meetingSlug)}/minutes/approved`,
  data: () => "/data",
  /** feeds and calendars (src/serve/follow/): the page listing them, and each one */
  feeds: () => "/feeds",
  calendarIcs: (authority?: string) => (authority ? `/calendar.ics?authority=${e(authority)}` : "/calendar.ics"),
  committeeCalendarIcs: (slug: string) => `/committees/${e(slug)}/calendar.ics`,
  /** one meeting as a calendar file, for "Add to calendar" */
  meetingCalendarIcs: (slug: string) => `/meetings/${e(slug)}/calendar.ics`,
  feed: (authority?: string) => (authority ? `/feed.atom?authority=${e(authority)}` : "/feed.atom"),
  committeeFeed: (slug: string) => `/committees/${e(slug)}/feed.atom`,
  personFeed: (slug: string) => `/people/${e(slug)}/feed.atom`,
  /** a search's feed: the same words and filters as /search */
  searchFeed: (params: Record<string, string | number | undefined>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") q.set(k, String(v));
    const s = q.toString();
    return s ? `/search.atom?${s}` : "/search.atom";
  },
  /** wards (places), read from councillors, agendas and the forward plan: the list (of one council), a ward, its feed */
  wards: (authority?: string) => (authority ? `/wards?authority=${e(authority)}` : "/wards"),
  ward: (slug: string) => `/wards/${e(slug)}`,
  wardFeed: (slug: string) => `/wards/${e(slug)}/feed.atom`,
  robots: () => "/robots.txt",
  sitemap: () => "/sitemap.xml",
  sitemapPage: (kind: string, page: number) => `/sitemaps/${e(kind)}-${page}.xml`,
  api: {
    meetings: () => "/api/v1/meetings",
    meeting: (slug: string) => `/api/v1/meetings/${e(slug)}`,
    bodies: () => "/api/v1/bodies",
    body: (slug: string) => `/api/v1/bodies/${e(slug)}`,
    people: () => "/api/v1/people",
    person: (slug: string) => `/api/v1/people/${e(slug)}`,
    decisions: () => "/api/v1/decisions",
    search: () => "/api/v1/search",
    openapi: () => "/api/v1/openapi.json",
  },
};

/**
 * The site's public address, for the few places that need absolute links (the CSV download).
 * Configured, never taken from a request's Host header, which any client can set. Returned without
 * a trailing slash so that paths from `urls` append to it.
 */
export function parsePublicUrl(value: string, source = "public URL"): string {
  const refuse = () => new QuorumError("invalid", `${source} must be an http(s) address such as https://minutes.example.org, with no query, fragment or password, not "${value}"`);
  let u: URL;
  try {
    u = new URL(value.trim());
  } catch {
    throw refuse();
  }
  if ((u.protocol !== "https:" && u.protocol !== "http:") || u.search || u.hash || u.username || u.password || value.includes("#") || value.includes("?")) throw refuse();
  return (u.origin + u.pathname).replace(/\/+$/, "");
}
