// The HTML pages. Each handler reads top to bottom: validate the request, read public records
// (the store's read functions apply the one visibility rule and answer null for anything not
// public, which becomes a 404 here), then render.
import type { Context, Hono } from "hono";
import type { Child } from "hono/jsx";
import { z } from "zod";
import { QuorumError } from "../../domain/errors.ts";
import {
  getBody,
  getMeeting,
  getMeetingProvenance,
  getPerson,
  getMeetingSource,
  listAuthorities,
  listBodies,
  listDecisions,
  listMeetings,
  listPeople,
  search,
} from "../../store/read/index.ts";
import { SEARCH_TYPES } from "../../store/search.ts";
import type { SearchType } from "../../store/read/types.ts";
import type { AppDeps } from "../deps.ts";
import { sourceLines } from "../components/source.tsx";
import { formatDate, isoDateIn } from "../format.ts";
import { renderPage } from "../render.tsx";
import { cursor as pageCursor, decisionFilters, page as pageParam, readParams, readQuery, slug } from "../validate.ts";
import { CalendarPage } from "./calendar.tsx";
import { CommitteePage, CommitteesPage } from "./committees.tsx";
import { DataPage } from "./data.tsx";
import { DecisionsPage } from "./decisions.tsx";
import { DocumentPage } from "./document.tsx";
import { HomePage } from "./home.tsx";
import { MeetingPage } from "./meeting.tsx";
import { PeoplePage, PersonPage } from "./people.tsx";
import { personRedirect } from "../../store/people/redirects.ts";
import { SearchPage } from "./search.tsx";
import { viewerOf } from "../viewer.ts";
import { agendaSection } from "../agenda/routes.tsx";

const notFound = (what: string) => new QuorumError("not_found", `${what} not found`);

const html = (c: Context, page: Child) => c.html(renderPage(c, page));

const bySlug = z.object({ slug });
const authorityOnly = z.object({ authority: slug.optional() });

const PEOPLE_PAGE = 50;
const DECISIONS_PAGE = 20;
const SEARCH_PAGE = 20;

export function registerPages(app: Hono, deps: AppDeps): void {
  const { db } = deps;
  const today = () => isoDateIn(deps.now?.() ?? new Date());

  app.get("/", async (c) => {
    const now = today();
    const [authorities, upcoming, recent, decisions] = await Promise.all([
      listAuthorities(db),
      listMeetings(db, { from: now, limit: 5, oldestFirst: true, count: false }, viewerOf(c)),
      listMeetings(db, { to: now, limit: 6, count: false }, viewerOf(c)),
      listDecisions(db, { limit: 5 }, viewerOf(c)),
    ]);
    return html(c, <HomePage d={{ authorities, upcoming: upcoming.data, recent: recent.data, decisions: decisions.data, decisionTotal: decisions.total }} />);
  });

  app.get("/committees", async (c) => {
    const { authority } = readQuery(c, authorityOnly);
    const [bodies, authorities] = await Promise.all([listBodies(db, { authority }), listAuthorities(db)]);
    return html(c, <CommitteesPage bodies={bodies} authorities={authorities} authority={authority} />);
  });

  app.get("/committees/:slug", async (c) => {
    const { slug } = readParams(c, bySlug);
    const body = await getBody(db, slug, viewerOf(c));
    if (!body) throw notFound("Committee");
    return html(c, <CommitteePage b={body} />);
  });

  app.get("/meetings", (c) => c.redirect("/calendar", 302));

  app.get("/data", (c) => html(c, <DataPage />));

  app.get("/meetings/:slug", async (c) => {
    const { slug } = readParams(c, bySlug);
    const meeting = await getMeeting(db, slug, viewerOf(c));
    if (!meeting) throw notFound("Meeting");
    const provenance = await getMeetingProvenance(db, slug, viewerOf(c));
    return html(c, <MeetingPage m={meeting} lines={sourceLines(meeting.slug, provenance)} agenda={await agendaSection(deps, c, slug)} />);
  });

  app.get("/people", async (c) => {
    const q = readQuery(c, z.object({ authority: slug.optional(), page: pageParam, cursor: pageCursor }));
    const [people, authorities] = await Promise.all([
      listPeople(db, { authority: q.authority, limit: PEOPLE_PAGE, ...(q.cursor ? { cursor: q.cursor } : { offset: (q.page - 1) * PEOPLE_PAGE }) }),
      listAuthorities(db),
    ]);
    if ((q.page > 1 || q.cursor) && !people.data.length) throw notFound("Page");
    return html(c, <PeoplePage people={people} base={new URL(c.req.url)} deep={q.page > 1 || !!q.cursor} authorities={authorities} authority={q.authority} />);
  });

  app.get("/people/:slug", async (c) => {
    const { slug } = readParams(c, bySlug);
    const person = await getPerson(db, slug, viewerOf(c));
    if (!person) {
      const moved = await personRedirect(db, slug);
      if (moved) return c.redirect(`/people/${encodeURIComponent(moved)}`, 301);
      throw notFound("Person");
    }
    return html(c, <PersonPage p={person} />);
  });

  app.get("/decisions", async (c) => {
    const q = readQuery(
      c,
      z.object({
        ...decisionFilters,
        page: pageParam,
        cursor: pageCursor,
      }),
    );
    const filters = { authority: q.authority, body: q.body, from: q.from, to: q.to, outcome: q.outcome, q: q.q?.trim() || undefined };
    const [result, bodies, authorities] = await Promise.all([
      listDecisions(db, { ...filters, limit: DECISIONS_PAGE, ...(q.cursor ? { cursor: q.cursor } : { offset: (q.page - 1) * DECISIONS_PAGE }) }, viewerOf(c)),
      listBodies(db, { authority: q.authority }),
      listAuthorities(db),
    ]);
    return html(c, <DecisionsPage result={result} filters={filters} bodies={bodies} authorities={authorities} base={new URL(c.req.url)} deep={!!q.cursor || q.page > 1} />);
  });

  app.get("/search", async (c) => {
    const q = readQuery(
      c,
      z.object({
        q: z.string().max(300).optional(),
        type: z.enum(SEARCH_TYPES as [SearchType, ...SearchType[]]).optional(),
        body: slug.optional(),
        year: z.coerce.number().int().min(1900).max(2200).optional(),
        authority: slug.optional(),
        page: pageParam,
      }),
    );
    const text = q.q?.trim() ?? "";
    const filters = { type: q.type, body: q.body, year: q.year, authority: q.authority };
    const results = text ? await search(db, text, { ...filters, limit: SEARCH_PAGE, offset: (q.page - 1) * SEARCH_PAGE }) : null;
    return html(c, <SearchPage q={text} results={results} filters={filters} base={new URL(c.req.url)} page={q.page} pageSize={SEARCH_PAGE} />);
  });

  const calendar = async (c: Context, year: number, month: number) => {
    const { authority } = readQuery(c, authorityOnly);
    const mm = String(month).padStart(2, "0");
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const [meetings, latest, authorities] = await Promise.all([
      listMeetings(db, { authority, from: `${year}-${mm}-01`, to: `${year}-${mm}-${last}`, limit: 500, count: false }, viewerOf(c)),
      listMeetings(db, { authority, limit: 1, count: false }, viewerOf(c)),
      listAuthorities(db),
    ]);
    return html(
      c,
      <CalendarPage year={year} month={month} meetings={meetings.data} today={today()} latest={latest.data[0] ?? null} authorities={authorities} authority={authority} />,
    );
  };

  app.get("/calendar", (c) => {
    const now = today();
    return calendar(c, Number(now.slice(0, 4)), Number(now.slice(5, 7)));
  });

  app.get("/calendar/:month", (c) => {
    const { month } = readParams(c, z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "use a month like 2016-12") }));
    const year = Number(month.slice(0, 4));
    if (year < 1900 || year > 2200) throw notFound("Month");
    return calendar(c, year, Number(month.slice(5, 7)));
  });

  // The minutes text under the meeting's own URL: only the current version, exempt text withheld.
  // Earlier versions (a re-import may have marked an item exempt since) have no public URL.
  app.get("/meetings/:slug/minutes", async (c) => {
    const { slug } = readParams(c, bySlug);
    const doc = await getMeetingSource(db, slug, viewerOf(c));
    if (!doc) throw notFound("Minutes");
    const meeting = await getMeeting(db, slug, viewerOf(c));
    const title = meeting ? `${meeting.body.name}, ${formatDate(meeting.date)}` : null;
    return html(c, <DocumentPage doc={doc} meetingTitle={title} />);
  });

  app.get("/meetings/:slug/minutes/text", async (c) => {
    const { slug } = readParams(c, bySlug);
    const doc = await getMeetingSource(db, slug, viewerOf(c));
    if (!doc) throw notFound("Minutes");
    const name = doc.fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "").replace(/[^A-Za-z0-9._-]+/g, "-") || slug;
    return c.body(doc.text, 200, {
      "content-type": "text/plain; charset=utf-8",
      "content-disposition": `attachment; filename="${name}.txt"`,
    });
  });
}
