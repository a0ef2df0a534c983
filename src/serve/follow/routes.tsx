// Feeds, calendars and what search engines read: /calendar.ics, each committee's and each meeting's, Atom feeds for
// the site, a council, a committee, a person and any search, the /feeds page that lists them,
// robots.txt and the paged sitemap. Each is a public surface: it reads through the public read
// functions only, as the public (no signed-in viewer's entitlement reaches a feed a client may
// share or cache), and answers with an ETag and Last-Modified so clients poll cheaply.
import { createHash } from "node:crypto";
import type { Context, Hono } from "hono";
import { etag } from "hono/etag";
import { z } from "zod";
import { QuorumError } from "../../domain/errors.ts";
import type { AppDeps } from "../deps.ts";
import { calendarFingerprint, calendarMeetings, followMeeting, type FollowScope } from "../../store/follow/read.ts";
import { cachedCalendar } from "./calendar-cache.ts";
import { SITEMAP_KINDS, sitemapPageCounts, sitemapRows, type SitemapKind } from "../../store/follow/sitemap.ts";
import { getBodySummary, listAuthorities, listBodies, publicPersonId } from "../../store/read/index.ts";
import { publicViewer } from "../../store/visibility.ts";
import { formatLongDate, isoDateIn } from "../format.ts";
import { renderPage } from "../render.tsx";
import { urls } from "../urls.ts";
import { isoDate, readParams, readQuery, searchFilters, slug } from "../validate.ts";
import { viewerOf } from "../viewer.ts";
import { atomFeed, personEntries, scopeEntries, searchEntries } from "./atom.ts";
import { CALENDAR_MONTHS_BACK, meetingsCalendar } from "./ics.ts";
import { robotsTxt, sitemapIndex, urlSet } from "./sitemap-xml.ts";
import { FeedsPage } from "./feeds-page.tsx";

const ATOM = "application/atom+xml; charset=utf-8";
const ICS = "text/calendar; charset=utf-8";
const XML = "application/xml; charset=utf-8";

const authorityOnly = z.object({ authority: slug.optional() });
/**
 * A calendar's window: from the first of the month twelve months back unless `from` names another
 * day, or `past=all` asks for the whole archive (calendar clients poll, so the default stays small).
 */
const calendarWindow = z.object({ from: isoDate.optional(), past: z.enum(["all"]).optional() });
const calendarQuery = authorityOnly.merge(calendarWindow);
const bySlug = z.object({ slug });
/** the same filters as /search */
const searchQuery = z.object(searchFilters);

const notFound = (what: string) => new QuorumError("not_found", `${what} not found`);

/** The site's address for absolute links: the configured public URL, else the address this request came to. */
export function siteBase(c: Context, deps: AppDeps): string {
  return deps.publicUrl ?? new URL(c.req.url).origin;
}

/** The first day of the month CALENDAR_MONTHS_BACK months before today. */
export function calendarWindowStart(today: string): string {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7)) - 1 - CALENDAR_MONTHS_BACK;
  const d = new Date(Date.UTC(y, m, 1));
  return d.toISOString().slice(0, 10);
}

function send(c: Context, body: string, type: string, lastModified?: Date | null) {
  const headers: Record<string, string> = { "content-type": type };
  // a signed-in request's response is already marked private by the viewer middleware
  if (!c.get("account")) headers["cache-control"] = "public, max-age=300";
  if (lastModified && lastModified.getTime() > 0) headers["last-modified"] = lastModified.toUTCString();
  return c.body(body, 200, headers);
}

const newest = (isos: (string | null)[]) => isos.reduce<Date | null>((a, s) => (s && (!a || new Date(s) > a) ? new Date(s) : a), null);

export function registerFollow(app: Hono, deps: AppDeps): void {
  const { db } = deps;
  const today = () => isoDateIn(deps.now?.() ?? new Date());
  // the public, on the viewer's today (for released exempt items): never a signed-in viewer's entitlement
  const asPublic = (c: Context) => publicViewer(viewerOf(c).today);
  const siteName = (c: Context) => c.get("site").name;

  for (const path of ["/calendar.ics", "/committees/:slug/calendar.ics", "/meetings/:slug/calendar.ics", "/feed.atom", "/committees/:slug/feed.atom", "/people/:slug/feed.atom", "/search.atom", "/sitemap.xml", "/sitemaps/*", "/robots.txt"]) {
    app.use(path, etag());
  }

  const calendar = async (c: Context, scope: FollowScope, name: string, window: z.infer<typeof calendarWindow>) => {
    const from = window.past === "all" ? "0000-01-01" : (window.from ?? calendarWindowStart(today()));
    const base = siteBase(c, deps);
    const key = JSON.stringify([base, scope.authority ?? null, scope.body ?? null, from, name]);
    const file = await cachedCalendar(key, await calendarFingerprint(db, scope, from), async () => {
      const meetings = await calendarMeetings(db, scope, from);
      return { body: meetingsCalendar({ name, base, meetings }), lastModified: newest(meetings.map((m) => m.updatedAt)) };
    });
    return send(c, file.body, ICS, file.lastModified);
  };

  app.get("/calendar.ics", async (c) => {
    const { authority, ...window } = readQuery(c, calendarQuery);
    if (!authority) return calendar(c, {}, `${siteName(c)}: meetings`, window);
    const council = (await listAuthorities(db)).find((a) => a.slug === authority);
    if (!council) throw notFound("Council");
    return calendar(c, { authority }, `${council.name}: meetings`, window);
  });

  app.get("/committees/:slug/calendar.ics", async (c) => {
    const { slug } = readParams(c, bySlug);
    const window = readQuery(c, calendarWindow);
    const body = await getBodySummary(db, slug);
    if (!body) throw notFound("Committee");
    return calendar(c, { body: slug }, `${body.name} (${body.authority.name}): meetings`, window);
  });

  // one meeting through the same writer as the committee's calendar: the same UID and SEQUENCE, so a
  // client that added it alone and also subscribes to the committee holds one event
  app.get("/meetings/:slug/calendar.ics", async (c) => {
    const { slug } = readParams(c, bySlug);
    const m = await followMeeting(db, slug);
    if (!m) throw notFound("Meeting");
    const body = meetingsCalendar({ name: `${m.body.name}, ${formatLongDate(m.date)}`, base: siteBase(c, deps), meetings: [m] });
    return send(c, body, ICS, newest([m.updatedAt]));
  });

  const atom = (c: Context, title: string, page: string, entries: Awaited<ReturnType<typeof scopeEntries>>) => {
    const base = siteBase(c, deps);
    const self = new URL(c.req.url);
    const body = atomFeed({ title, self: base + self.pathname + self.search, page: base + page, entries, emptyUpdated: new Date(0), siteName: siteName(c), licence: c.get("site").licence.name });
    return send(c, body, ATOM, entries.length ? entries.reduce((a, e) => (e.updated > a ? e.updated : a), new Date(0)) : null);
  };

  app.get("/feed.atom", async (c) => {
    const { authority } = readQuery(c, authorityOnly);
    let title = `${siteName(c)}: meetings, minutes and decisions`;
    if (authority) {
      const council = (await listAuthorities(db)).find((a) => a.slug === authority);
      if (!council) throw notFound("Council");
      title = `${council.name}: meetings, minutes and decisions`;
    }
    const entries = await scopeEntries(db, { authority }, siteBase(c, deps), asPublic(c));
    return atom(c, title, authority ? `${urls.calendar()}?authority=${encodeURIComponent(authority)}` : urls.home(), entries);
  });

  app.get("/committees/:slug/feed.atom", async (c) => {
    const { slug } = readParams(c, bySlug);
    const body = await getBodySummary(db, slug);
    if (!body) throw notFound("Committee");
    const entries = await scopeEntries(db, { body: slug }, siteBase(c, deps), asPublic(c));
    return atom(c, `${body.name} (${body.authority.name}): meetings, minutes and decisions`, urls.committee(slug), entries);
  });

  app.get("/people/:slug/feed.atom", async (c) => {
    const { slug } = readParams(c, bySlug);
    const person = await publicPersonId(db, slug);
    if (!person) throw notFound("Person");
    const entries = await personEntries(db, person.id, siteBase(c, deps), asPublic(c));
    return atom(c, `${person.name}: minutes and decisions`, urls.person(slug), entries);
  });

  app.get("/search.atom", async (c) => {
    const q = readQuery(c, searchQuery);
    const text = q.q?.trim() ?? "";
    if (!text) throw new QuorumError("invalid", "q: give the words to search for, as on the search page");
    const filters = { type: q.type, body: q.body, year: q.year, authority: q.authority };
    const entries = await searchEntries(db, text, filters, siteBase(c, deps), new Date(0));
    return atom(c, `Search: ${text} – ${siteName(c)}`, urls.search(text), entries);
  });

  app.get("/feeds", async (c) => {
    const [authorities, bodies] = await Promise.all([listAuthorities(db), listBodies(db, {})]);
    return c.html(renderPage(c, <FeedsPage authorities={authorities} bodies={bodies} base={siteBase(c, deps)} />));
  });

  app.get("/robots.txt", (c) => send(c, robotsTxt(siteBase(c, deps)), "text/plain; charset=utf-8"));

  app.get("/sitemap.xml", async (c) => {
    const counts = await sitemapPageCounts(db);
    const base = siteBase(c, deps);
    const pages = [base + urls.sitemapPage("pages", 1), ...SITEMAP_KINDS.flatMap((k) => Array.from({ length: counts[k] }, (_, i) => base + urls.sitemapPage(k, i + 1)))];
    return send(c, sitemapIndex(pages), XML);
  });

  app.get("/sitemaps/:name{[a-z]+-[0-9]+\\.xml}", async (c) => {
    const m = /^([a-z]+)-([0-9]+)\.xml$/.exec(c.req.param("name"))!;
    const [kind, page] = [m[1], Number(m[2])];
    const base = siteBase(c, deps);
    if (kind === "pages" && page === 1) {
      const fixed = [urls.home(), urls.committees(), urls.calendar(), urls.decisions(), urls.people(), urls.search(), urls.feeds(), urls.data()];
      return send(c, urlSet(fixed, (p) => base + p), XML);
    }
    if (!(SITEMAP_KINDS as readonly string[]).includes(kind) || page < 1 || page > 100_000) throw notFound("Sitemap");
    const k = kind as SitemapKind;
    const counts = await sitemapPageCounts(db);
    if (page > counts[k]) throw notFound("Sitemap");
    const rows = await sitemapRows(db, k, page);
    const path = k === "meetings" ? urls.meeting : k === "committees" ? urls.committee : urls.person;
    const body = urlSet(rows, (r) => base + path(r.slug), (r) => r.lastmod);
    // hashed here in one pass: the ETag middleware would copy and re-hash megabytes in chunks
    c.header("etag", `"${createHash("sha1").update(body).digest("base64url")}"`);
    return send(c, body, XML);
  });
}
