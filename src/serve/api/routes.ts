// JSON API under /api/v1. Same order as the pages: validate, read public records, present field
// by field. Lists answer {data, total, limit, offset, next} where next is the URL of the following
// page or null.
import type { Context, Hono } from "hono";
import { z } from "zod";
import { QuorumError } from "../../domain/errors.ts";
import { personRedirect } from "../../store/people/redirects.ts";
import {
  bodyMembers,
  getBody,
  getBodySummary,
  getMeeting,
  getPerson,
  listAuthorities,
  listBodies,
  listDecisions,
  listMeetings,
  listPeople,
  personAttendance,
  personMotions,
  personRoles,
  personVotes,
  publicPersonId,
  search,
} from "../../store/read/index.ts";
import { SEARCH_TYPES } from "../../store/search.ts";
import { keyDecisionsTakenAt } from "../../store/forward-plan/read.ts";
import { presentKeyDecisionLink } from "../forward-plan/present.ts";
import { meetingDocuments } from "../agenda/documents.ts";
import { agendaUrls } from "../agenda/urls.ts";
import type { Page, SearchType } from "../../store/read/types.ts";
import type { AppDeps } from "../deps.ts";
import { originalFor, presentOriginal } from "../originals/routes.tsx";
import {
  presentAuthority,
  presentBodyDetail,
  presentBodySummary,
  presentDecision,
  presentMeetingDetail,
  presentAttendanceRecord,
  presentMeetingSummary,
  presentMember,
  presentMotion,
  presentPersonDetail,
  presentRole,
  presentVote,
  presentPersonSummary,
  presentSearchHit,
} from "../present/api.ts";
import { cursor, decisionFilters, isoDate, limit, offset, readParams, readQuery, slug } from "../validate.ts";
import { openapiFor } from "./openapi.ts";
import { viewerOf } from "../viewer.ts";
import { DEFAULT_SITE } from "../site/settings.ts";
import { publicHistory } from "../../store/schedule/read.ts";
import { presentMeetingEvent } from "../schedule/present.ts";

const MAX = 500;
const paging = { limit: limit(MAX, 50), offset, cursor };
// made once, not per request (zod's cost is in making a schema: serve/schemas-once.test.ts)
const byId = z.object({ id: slug });
const meetingsQuery = z.object({ authority: slug.optional(), body: slug.optional(), from: isoDate.optional(), to: isoDate.optional(), ...paging });
const bodiesQuery = z.object({ authority: slug.optional(), ...paging });
const cursorPaging = z.object({ limit: limit(MAX, 50), cursor });
const peopleQuery = z.object({ authority: slug.optional(), body: slug.optional(), ...paging });
const decisionsQuery = z.object({ ...decisionFilters, ...paging });
const searchQuery = z.object({
  q: z.string({ error: "q is required" }).trim().min(1, "q is required").max(300),
  type: z.enum(SEARCH_TYPES as [SearchType, ...SearchType[]]).optional(),
  authority: slug.optional(),
  body: slug.optional(),
  year: z.coerce.number().int().min(1900).max(2200).optional(),
  limit: limit(100, 20),
  offset,
});

/** The next page of a list paged by cursor: the same query with the page's cursor in place of any offset. */
function cursorLink(c: Context, lim: number, next: string | null | undefined): string | null {
  if (!next) return null;
  const u = new URL(c.req.url);
  u.searchParams.set("limit", String(lim));
  u.searchParams.delete("offset");
  u.searchParams.set("cursor", next);
  return u.pathname + u.search;
}

function cursorList<T>(c: Context, data: T[], page: Page<unknown>) {
  return c.json({
    data,
    total: page.total,
    ...(page.totalCapped ? { totalCapped: true } : {}),
    limit: page.limit,
    offset: page.offset,
    next: cursorLink(c, page.limit, page.next),
  });
}

function nextLink(c: Context, total: number, lim: number, off: number): string | null {
  if (off + lim >= total) return null;
  const u = new URL(c.req.url);
  u.searchParams.set("limit", String(lim));
  u.searchParams.set("offset", String(off + lim));
  return u.pathname + u.search;
}

function list<T>(c: Context, data: T[], total: number, lim: number, off: number) {
  return c.json({ data, total, limit: lim, offset: off, next: nextLink(c, total, lim, off) });
}

const notFound = (what: string, id: string) => new QuorumError("not_found", `No ${what} with id "${id}"`);

export function registerApi(app: Hono, deps: AppDeps): void {
  const { db } = deps;
  const site = deps.site ?? DEFAULT_SITE;
  const doc = openapiFor(site);

  app.use("/api/*", async (c, next) => {
    await next();
    c.res.headers.set("access-control-allow-origin", "*");
    if (!c.res.headers.has("cache-control")) c.res.headers.set("cache-control", "public, max-age=60");
  });

  app.get("/api/v1", (c) =>
    c.json({
      name: `${site.name} API`,
      version: "1",
      licence: site.licence,
      openapi: "/api/v1/openapi.json",
      resources: ["/api/v1/authorities", "/api/v1/bodies", "/api/v1/meetings", "/api/v1/people", "/api/v1/decisions", "/api/v1/search{?q,type,authority,body,year}", "/api/v1/export"],
    }),
  );

  app.get("/api/v1/openapi.json", (c) => c.json(doc));

  app.get("/api/v1/authorities", async (c) => {
    const authorities = await listAuthorities(db);
    return c.json({ data: authorities.map(presentAuthority), total: authorities.length, next: null });
  });

  app.get("/api/v1/meetings", async (c) => {
    const q = readQuery(c, meetingsQuery);
    const page = await listMeetings(db, q, viewerOf(c));
    return cursorList(c, page.data.map(presentMeetingSummary), page);
  });

  app.get("/api/v1/meetings/:id", async (c) => {
    const { id } = readParams(c, byId);
    const meeting = await getMeeting(db, id, viewerOf(c));
    if (!meeting) throw notFound("meeting", id);
    const history = (await publicHistory(db, id)) ?? [];
    const keyDecisions = await keyDecisionsTakenAt(db, id, viewerOf(c));
    const documents = await meetingDocuments(db, id, meeting.source !== null);
    const original = presentOriginal(id, await originalFor(deps, c, id));
    return c.json({ ...presentMeetingDetail(meeting), history: history.map(presentMeetingEvent), originalDocument: original, keyDecisions: keyDecisions.map(presentKeyDecisionLink), documents, agendaApiUrl: agendaUrls.api(id) });
  });

  app.get("/api/v1/bodies", async (c) => {
    const q = readQuery(c, bodiesQuery);
    const bodies = await listBodies(db, { authority: q.authority });
    return list(c, bodies.slice(q.offset, q.offset + q.limit).map(presentBodySummary), bodies.length, q.limit, q.offset);
  });

  app.get("/api/v1/bodies/:id", async (c) => {
    const { id } = readParams(c, byId);
    const body = await getBody(db, id, viewerOf(c));
    if (!body) throw notFound("body", id);
    return c.json(presentBodyDetail(body));
  });

  // a committee's members and officers in full, the most recently recorded first, by cursor
  app.get("/api/v1/bodies/:id/members", async (c) => {
    const { id } = readParams(c, byId);
    const q = readQuery(c, cursorPaging);
    const body = await getBodySummary(db, id);
    if (!body) throw notFound("body", id);
    const page = await bodyMembers(db, body.id, { limit: q.limit, ...(q.cursor ? { cursor: q.cursor } : {}) });
    return c.json({ data: page.data.map(presentMember), limit: q.limit, next: cursorLink(c, q.limit, page.next) });
  });

  // each of a person's records in full, newest first, by cursor
  for (const list of ["meetings", "motions", "votes", "roles"] as const) {
    app.get(`/api/v1/people/:id/${list}`, async (c) => {
      const { id } = readParams(c, byId);
      const q = readQuery(c, cursorPaging);
      const person = await publicPersonId(db, id);
      if (!person) {
        const moved = await personRedirect(db, id);
        if (moved) return c.redirect(`/api/v1/people/${encodeURIComponent(moved)}/${list}`, 301);
        throw notFound("person", id);
      }
      const paging = { limit: q.limit, ...(q.cursor ? { cursor: q.cursor } : {}) };
      const viewer = viewerOf(c);
      const page =
        list === "meetings"
          ? await personAttendance(db, person.id, paging).then((p) => ({ ...p, data: p.data.map(presentAttendanceRecord) }))
          : list === "motions"
            ? await personMotions(db, person.id, viewer, paging).then((p) => ({ ...p, data: p.data.map(presentMotion) }))
            : list === "votes"
              ? await personVotes(db, person.id, viewer, paging).then((p) => ({ ...p, data: p.data.map(presentVote) }))
              : await personRoles(db, person.id, paging).then((p) => ({ ...p, data: p.data.map(presentRole) }));
      return c.json({ data: page.data, limit: q.limit, next: cursorLink(c, q.limit, page.next) });
    });
  }

  app.get("/api/v1/people", async (c) => {
    const q = readQuery(c, peopleQuery);
    const page = await listPeople(db, q);
    return cursorList(c, page.data.map(presentPersonSummary), page);
  });

  app.get("/api/v1/people/:id", async (c) => {
    const { id } = readParams(c, byId);
    const person = await getPerson(db, id, viewerOf(c));
    if (!person) {
      const moved = await personRedirect(db, id);
      if (moved) return c.redirect(`/api/v1/people/${encodeURIComponent(moved)}`, 301);
      throw notFound("person", id);
    }
    return c.json(presentPersonDetail(person));
  });

  app.get("/api/v1/decisions", async (c) => {
    const q = readQuery(c, decisionsQuery);
    const page = await listDecisions(db, q, viewerOf(c));
    return cursorList(c, page.data.map(presentDecision), page);
  });

  app.get("/api/v1/search", async (c) => {
    const q = readQuery(c, searchQuery);
    const r = await search(db, q.q, { ...q });
    return c.json({
      query: q.q,
      data: r.data.map(presentSearchHit),
      total: r.total,
      totalAtLeast: r.totalAtLeast,
      limit: q.limit,
      offset: q.offset,
      next: nextLink(c, r.total, q.limit, q.offset),
      facets: {
        type: r.facets.type.map((f) => ({ value: f.value, count: f.count, atLeast: f.atLeast })),
        body: r.facets.body.map((f) => ({ value: f.value, label: f.label, count: f.count, atLeast: f.atLeast })),
        year: r.facets.year.map((f) => ({ value: Number(f.value), count: f.count, atLeast: f.atLeast })),
        authority: r.facets.authority.map((f) => ({ value: f.value, label: f.label, count: f.count, atLeast: f.atLeast })),
      },
    });
  });
}
