// The HTML pages. Each handler reads top to bottom: validate the request, read public records
// (the store's read functions apply the one visibility rule and answer null for anything not
// public, which becomes a 404 here), then render.
import type { Context, Hono } from "hono";
import type { Child } from "hono/jsx";
import { z } from "zod";
import { QuorumError } from "../../domain/errors.ts";
import {
  bodyMembers,
  getBody,
  getBodySummary,
  personAttendance,
  personMotions,
  personRoles,
  personVotes,
  publicPersonId,
  getMeeting,
  getMeetingPage,
  getPerson,
  getMeetingSource,
  listAuthorities,
  listAuthorityNames,
  listBodies,
  listDecisions,
  listMeetings,
  listPeople,
  search,
} from "../../store/read/index.ts";
import type { AppDeps } from "../deps.ts";
import { sourceLines } from "../components/source.tsx";
import { formatDate, isoDateIn } from "../format.ts";
import { renderPage } from "../render.tsx";
import { cursor as pageCursor, decisionFilters, searchFilters, page as pageParam, readParams, readQuery, slug as slugParam, slug } from "../validate.ts";
import { CalendarPage } from "./calendar.tsx";
import { CommitteeListPage, CommitteePage, CommitteesPage } from "./committees.tsx";
import { PersonListPage, type PersonList, type PersonListRows } from "./person-records.tsx";
import { DataPage } from "./data.tsx";
import { authorityLicences } from "../../store/opendata/licence.ts";
import { DecisionsPage } from "./decisions.tsx";
import { DocumentPage } from "./document.tsx";
import { HomePage } from "./home.tsx";
import { MeetingPage } from "./meeting.tsx";
import { PeoplePage, PersonPage } from "./people.tsx";
import { personRedirect } from "../../store/people/redirects.ts";
import { SearchPage } from "./search.tsx";
import { viewerOf } from "../viewer.ts";
import { keyDecisionsTakenAt } from "../../store/forward-plan/read.ts";
import { KeyDecisionsTaken } from "../forward-plan/public-pages.tsx";
import { publicHistory } from "../../store/schedule/read.ts";
import { ScheduleNotice } from "../schedule/public.tsx";
import { agendaSection } from "../agenda/routes.tsx";
import { EventJsonLd } from "../follow/event-json-ld.tsx";
import { siteBase } from "../follow/routes.tsx";
import { originalFor } from "../originals/routes.tsx";

const notFound = (what: string) => new QuorumError("not_found", `${what} not found`);

const html = (c: Context, page: Child) => c.html(renderPage(c, page));

// Schemas are made once, here: zod builds (and compiles) a schema when it is made, which cost
// 0.1-0.2 ms a request when each route made its own (serve/schemas-once.test.ts).
const bySlug = z.object({ slug });
const authorityOnly = z.object({ authority: slug.optional() });
const cursorOnly = z.object({ cursor: pageCursor });
const peopleQuery = z.object({ authority: slug.optional(), page: pageParam, cursor: pageCursor });
const decisionsQuery = z.object({ ...decisionFilters, page: pageParam, cursor: pageCursor });
const monthParam = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "use a month like 2016-12") });

const PEOPLE_PAGE = 50;
/** rows a page of a person's or a committee's older records */
const RECORDS_PAGE = 50;
const PERSON_LIST_NAMES = ["meetings", "motions", "votes", "roles"] as const satisfies readonly PersonList[];
const DECISIONS_PAGE = 20;
const SEARCH_PAGE = 20;
const committeeList = z.object({ slug: slugParam, list: z.enum(["meetings", "members"]) });
const personList = z.object({ slug: slugParam, list: z.enum(PERSON_LIST_NAMES) });
const searchQuery = z.object({ ...searchFilters, page: pageParam });

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
    const [body, upcoming] = await Promise.all([getBody(db, slug, viewerOf(c)), listMeetings(db, { body: slug, from: today(), limit: 10, oldestFirst: true, count: false }, viewerOf(c))]);
    if (!body) throw notFound("Committee");
    return html(c, <CommitteePage b={body} upcoming={upcoming.data} />);
  });

  // a committee's meetings, or its members and officers, in full: a page at a time by cursor
  app.get("/committees/:slug/:list{meetings|members}", async (c) => {
    const { slug, list } = readParams(c, committeeList);
    const { cursor } = readQuery(c, cursorOnly);
    const body = await getBodySummary(db, slug);
    if (!body) throw notFound("Committee");
    const paging = { limit: RECORDS_PAGE, ...(cursor ? { cursor } : {}) };
    const page =
      list === "meetings"
        ? { kind: list, page: await listMeetings(db, { body: slug, count: false, ...paging }, viewerOf(c)).then((p) => ({ data: p.data, next: p.next ?? null, previous: p.previous ?? null })) }
        : { kind: list, page: await bodyMembers(db, body.id, paging) };
    return html(c, <CommitteeListPage b={body} list={page} base={new URL(c.req.url)} />);
  });

  app.get("/meetings", (c) => c.redirect("/calendar", 302));

  app.get("/data", async (c) => html(c, <DataPage licences={await authorityLicences(db)} />));

  app.get("/meetings/:slug", async (c) => {
    const { slug } = readParams(c, bySlug);
    const viewer = viewerOf(c);
    const [page, keyDecisions, history, agenda, original] = await Promise.all([getMeetingPage(db, slug, viewer), keyDecisionsTakenAt(db, slug, viewer), publicHistory(db, slug), agendaSection(deps, c, slug), originalFor(deps, c, slug)]);
    if (!page) throw notFound("Meeting");
    const meeting = page.meeting;
    const schedule = <ScheduleNotice status={meeting.status} hasMinutes={meeting.hasMinutes} history={history ?? []} />;
    return html(c, <MeetingPage m={meeting} lines={sourceLines(meeting.slug, page.spans)} keyDecisions={<KeyDecisionsTaken list={keyDecisions} />} schedule={schedule} agenda={agenda} original={original} today={today()} structured={<EventJsonLd m={meeting} history={history ?? []} base={siteBase(c, deps)} />} />);
  });

  app.get("/people", async (c) => {
    const q = readQuery(c, peopleQuery);
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

  // one of a person's records in full, newest first, a page at a time by cursor
  app.get("/people/:slug/:list{meetings|motions|votes|roles}", async (c) => {
    const { slug, list } = readParams(c, personList);
    const { cursor } = readQuery(c, cursorOnly);
    const person = await publicPersonId(db, slug);
    if (!person) {
      const moved = await personRedirect(db, slug);
      if (moved) return c.redirect(`/people/${encodeURIComponent(moved)}/${list}`, 301);
      throw notFound("Person");
    }
    const paging = { limit: RECORDS_PAGE, ...(cursor ? { cursor } : {}) };
    const rows: PersonListRows =
      list === "meetings"
        ? { list, page: await personAttendance(db, person.id, paging) }
        : list === "motions"
          ? { list, page: await personMotions(db, person.id, viewerOf(c), paging) }
          : list === "votes"
            ? { list, page: await personVotes(db, person.id, viewerOf(c), paging) }
            : { list, page: await personRoles(db, person.id, paging) };
    if (cursor && !rows.page.data.length) throw notFound("Page");
    return html(c, <PersonListPage person={{ slug, name: person.name }} rows={rows} base={new URL(c.req.url)} />);
  });

  app.get("/decisions", async (c) => {
    const q = readQuery(c, decisionsQuery);
    const filters = { authority: q.authority, body: q.body, from: q.from, to: q.to, outcome: q.outcome, q: q.q?.trim() || undefined };
    const [result, authorities] = await Promise.all([
      listDecisions(db, { ...filters, limit: DECISIONS_PAGE, ...(q.cursor ? { cursor: q.cursor } : { offset: (q.page - 1) * DECISIONS_PAGE }) }, viewerOf(c)),
      listAuthorityNames(db),
    ]);
    // the committees of one council only (the chosen one, the chosen committee's, or the only one):
    // an instance of many councils has hundreds, and listing them all made the page grow with it
    const council = q.authority ?? (q.body ? (await getBodySummary(db, q.body))?.authority.slug : undefined) ?? (authorities.length === 1 ? authorities[0].slug : undefined);
    const bodies = council ? await listBodies(db, { authority: council }) : [];
    return html(c, <DecisionsPage result={result} filters={filters} bodies={bodies} authorities={authorities} base={new URL(c.req.url)} deep={!!q.cursor || q.page > 1} />);
  });

  app.get("/search", async (c) => {
    const q = readQuery(c, searchQuery);
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

  // opens on the month of the next meeting that will take place, or this month when none is planned
  app.get("/calendar", async (c) => {
    const { authority } = readQuery(c, authorityOnly);
    const next = (await listMeetings(db, { authority, from: today(), limit: 1, oldestFirst: true, count: false, takingPlace: true }, viewerOf(c))).data[0];
    const month = next?.date ?? today();
    return calendar(c, Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  });

  app.get("/calendar/:month", (c) => {
    const { month } = readParams(c, monthParam);
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
