// The OParl 1.1 read-only API under /oparl/v1. Lists page by keyset cursor (`links.next`, which
// keeps the list's filters), filter by `created_since` / `created_until` / `modified_since` /
// `modified_until` as OParl asks of every list, and answer every object at its id; a person or
// meeting that went away answers as OParl's deleted object and ends its lists. What they hold is the
// public's, whoever asks: exports are public surfaces, so they read with the public's viewer.
import type { Context, Hono } from "hono";
import { z } from "zod";
import { QuorumError } from "../../domain/errors.ts";
import type { AppDeps } from "../deps.ts";
import { viewerOf } from "../viewer.ts";
import { publicViewer } from "../../store/visibility.ts";
import { DEFAULT_SITE } from "../site/settings.ts";
import { cursor, limit, readParams, readQuery, slug } from "../validate.ts";
import { OGL_V3, type Licence } from "../../store/opendata/licence.ts";
import {
  isInWindow,
  openAuthorities,
  openMeeting,
  openMeetingsPage,
  openMembership,
  openMembershipsPage,
  openOrganization,
  openOrganizationsPage,
  openPapersPage,
  openPeoplePage,
  openPerson,
} from "../../store/opendata/read.ts";
import { openDeleted, withDeleted } from "../../store/opendata/deleted.ts";
import {
  OPARL_PREFIX,
  oparlDeleted,
  oparlAgendaItems,
  oparlBody,
  oparlList,
  oparlLocation,
  oparlMeeting,
  oparlMembership,
  oparlMinutesFile,
  oparlOrganization,
  oparlPaper,
  oparlPaperFile,
  oparlPerson,
  oparlSystem,
  oparlUrls,
  type OparlContext,
} from "./oparl.ts";

/** OParl's date-time filters: an instant with its zone, compared with the stored UTC times. */
const instant = z
  .string()
  .max(40)
  .refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)), "use a date and time with its zone, like 2024-04-02T00:00:00Z")
  .transform((s) => new Date(s).toISOString());
const listQuery = z.object({ limit: limit(500, 50), cursor, created_since: instant.optional(), created_until: instant.optional(), modified_since: instant.optional(), modified_until: instant.optional() });
type ListQuery = z.infer<typeof listQuery>;
/** A list's paging and OParl's four date-time filters, as the store reads them. */
const window = (q: ListQuery) => ({ limit: q.limit, cursor: q.cursor, createdSince: q.created_since, createdUntil: q.created_until, modifiedSince: q.modified_since, modifiedUntil: q.modified_until });
/** A page of meetings reads each meeting whole, so it is smaller. */
const meetingsQuery = listQuery.extend({ limit: limit(100, 20) });
const bySlug = z.object({ slug });
const byAuthority = z.object({ authority: slug });

const notFound = (what: string) => new QuorumError("not_found", `No ${what} here`);

/** The site's configured address, or (when none is) the one the request came to: ids must be absolute. */
export function baseUrl(c: Context, publicUrl: string | undefined): string {
  return publicUrl ?? new URL(c.req.url).origin;
}

/** The same list URL with the next page's cursor, absolute. */
function nextUrl(c: Context, base: string, lim: number, next: string | null): string | null {
  if (!next) return null;
  const u = new URL(c.req.url);
  u.searchParams.set("limit", String(lim));
  u.searchParams.set("cursor", next);
  return base + u.pathname + u.search;
}

export async function oparlContext(deps: AppDeps, base: string): Promise<OparlContext> {
  const licences = new Map((await openAuthorities(deps.db)).map((a) => [a.slug, a.licence]));
  return { u: oparlUrls(base), licenceOf: (a: string): Licence => licences.get(a) ?? OGL_V3 };
}

const byNumber = z.object({ id: z.coerce.number().int().min(1).max(2 ** 31) });
const bySlugAndKey = z.object({ slug, key: slug });
const byKey = z.object({ key: slug });

export function registerOparl(app: Hono, deps: AppDeps): void {
  const { db } = deps;
  const site = deps.site ?? DEFAULT_SITE;
  const P = OPARL_PREFIX;

  app.use(`${P}/*`, async (c, next) => {
    await next();
    c.res.headers.set("access-control-allow-origin", "*");
    if (!c.res.headers.has("cache-control")) c.res.headers.set("cache-control", "public, max-age=60");
  });
  app.use(P, async (c, next) => {
    await next();
    c.res.headers.set("access-control-allow-origin", "*");
  });

  const ctx = async (c: Context) => {
    const base = baseUrl(c, deps.publicUrl);
    return { base, o: await oparlContext(deps, base) };
  };
  // the public, on the request's date: an exempt item released by then is public here as on the pages
  const asPublic = (c: Context) => publicViewer(viewerOf(c).today);
  const self = (c: Context, base: string) => base + new URL(c.req.url).pathname + new URL(c.req.url).search;
  const authorityOr404 = async (authority: string) => {
    const [a] = await openAuthorities(db, authority);
    if (!a) throw notFound("body");
    return a;
  };

  app.get(P, async (c) => {
    const { o } = await ctx(c);
    return c.json(oparlSystem(o.u, site));
  });

  app.get(`${P}/bodies`, async (c) => {
    const q = readQuery(c, listQuery);
    const { base, o } = await ctx(c);
    const all = await openAuthorities(db);
    const data = all.filter((a) => isInWindow(a.createdAt, a.updatedAt, window(q))).map((a) => oparlBody(o.u, a));
    return c.json(oparlList(data, Math.max(q.limit, data.length), self(c, base), null));
  });

  app.get(`${P}/bodies/:authority`, async (c) => {
    const { authority } = readParams(c, byAuthority);
    const { o } = await ctx(c);
    return c.json(oparlBody(o.u, await authorityOr404(authority)));
  });

  app.get(`${P}/bodies/:authority/organizations`, async (c) => {
    const { authority } = readParams(c, byAuthority);
    const q = readQuery(c, listQuery);
    await authorityOr404(authority);
    const { base, o } = await ctx(c);
    const page = await openOrganizationsPage(db, { authority, ...window(q) });
    return c.json(oparlList(page.data.map((x) => oparlOrganization(o, x)), q.limit, self(c, base), nextUrl(c, base, q.limit, page.next)));
  });

  app.get(`${P}/bodies/:authority/people`, async (c) => {
    const { authority } = readParams(c, byAuthority);
    const q = readQuery(c, listQuery);
    await authorityOr404(authority);
    const { base, o } = await ctx(c);
    const page = await withDeleted(db, "person", { authority, ...window(q) }, window(q), (p) => openPeoplePage(db, { authority, ...window(q), ...p }));
    return c.json(oparlList(page.data.map((x) => ("deleted" in x ? oparlDeleted(o, x) : oparlPerson(o, x))), q.limit, self(c, base), nextUrl(c, base, q.limit, page.next)));
  });

  app.get(`${P}/bodies/:authority/memberships`, async (c) => {
    const { authority } = readParams(c, byAuthority);
    const q = readQuery(c, listQuery);
    await authorityOr404(authority);
    const { base, o } = await ctx(c);
    const page = await openMembershipsPage(db, { authority, ...window(q) });
    return c.json(oparlList(page.data.map((x) => oparlMembership(o, x)), q.limit, self(c, base), nextUrl(c, base, q.limit, page.next)));
  });

  app.get(`${P}/bodies/:authority/papers`, async (c) => {
    const { authority } = readParams(c, byAuthority);
    const q = readQuery(c, listQuery);
    await authorityOr404(authority);
    const { base, o } = await ctx(c);
    const page = await openPapersPage(db, { authority, ...window(q), viewer: asPublic(c) });
    return c.json(oparlList(page.data.map((x) => oparlPaper(o, x)), q.limit, self(c, base), nextUrl(c, base, q.limit, page.next)));
  });

  app.get(`${P}/bodies/:authority/meetings`, async (c) => {
    const { authority } = readParams(c, byAuthority);
    const q = readQuery(c, meetingsQuery);
    await authorityOr404(authority);
    const { base, o } = await ctx(c);
    const page = await withDeleted(db, "meeting", { authority, ...window(q) }, window(q), (p) => openMeetingsPage(db, { authority, ...window(q), ...p, viewer: asPublic(c) }));
    return c.json(oparlList(page.data.map((x) => ("deleted" in x ? oparlDeleted(o, x) : oparlMeeting(o, x))), q.limit, self(c, base), nextUrl(c, base, q.limit, page.next)));
  });

  app.get(`${P}/organizations/:slug`, async (c) => {
    const { slug } = readParams(c, bySlug);
    const org = await openOrganization(db, slug);
    if (!org) throw notFound("organization");
    const { o } = await ctx(c);
    return c.json(oparlOrganization(o, org));
  });

  app.get(`${P}/organizations/:slug/meetings`, async (c) => {
    const { slug } = readParams(c, bySlug);
    const q = readQuery(c, meetingsQuery);
    if (!(await openOrganization(db, slug))) throw notFound("organization");
    const { base, o } = await ctx(c);
    const page = await withDeleted(db, "meeting", { body: slug, ...window(q) }, window(q), (p) => openMeetingsPage(db, { body: slug, ...window(q), ...p, viewer: asPublic(c) }));
    return c.json(oparlList(page.data.map((x) => ("deleted" in x ? oparlDeleted(o, x) : oparlMeeting(o, x))), q.limit, self(c, base), nextUrl(c, base, q.limit, page.next)));
  });

  app.get(`${P}/people/:slug`, async (c) => {
    const { slug } = readParams(c, bySlug);
    const person = await openPerson(db, slug);
    const { o } = await ctx(c);
    if (person) return c.json(oparlPerson(o, person));
    // OParl: a main object that went away answers as deleted, not 404, so clients learn of it
    const gone = await openDeleted(db, "person", slug);
    if (!gone) throw notFound("person");
    return c.json(oparlDeleted(o, gone));
  });

  app.get(`${P}/memberships/:id`, async (c) => {
    const { id } = readParams(c, byNumber);
    const m = await openMembership(db, id);
    if (!m) throw notFound("membership");
    const { o } = await ctx(c);
    return c.json(oparlMembership(o, m));
  });

  app.get(`${P}/meetings/:slug`, async (c) => {
    const { slug } = readParams(c, bySlug);
    const m = await openMeeting(db, { slug }, asPublic(c));
    const { o } = await ctx(c);
    if (m) return c.json(oparlMeeting(o, m));
    // a meeting not public now is a 404 unless it was public when it went (see store/opendata/deleted.ts)
    const gone = await openDeleted(db, "meeting", slug);
    if (!gone) throw notFound("meeting");
    return c.json(oparlDeleted(o, gone));
  });

  app.get(`${P}/meetings/:slug/location`, async (c) => {
    const { slug } = readParams(c, bySlug);
    const m = await openMeeting(db, { slug }, asPublic(c));
    const { o } = await ctx(c);
    const location = m ? oparlLocation(o, m.meeting) : null;
    if (!location) throw notFound("location");
    return c.json(location);
  });

  app.get(`${P}/meetings/:slug/agenda-items/:key`, async (c) => {
    const { slug: meetingSlug, key } = readParams(c, bySlugAndKey);
    const m = await openMeeting(db, { slug: meetingSlug }, asPublic(c));
    if (!m) throw notFound("agenda item");
    const { o } = await ctx(c);
    const item = oparlAgendaItems(o, m).find((i) => i.id === o.u.agendaItem(meetingSlug, key));
    if (!item) throw notFound("agenda item");
    return c.json(item);
  });

  app.get(`${P}/papers/:id`, async (c) => {
    const { id } = readParams(c, byNumber);
    const [paper] = (await openPapersPage(db, { id, limit: 1, viewer: asPublic(c) })).data;
    if (!paper) throw notFound("paper");
    const { o } = await ctx(c);
    return c.json(oparlPaper(o, paper));
  });

  app.get(`${P}/files/:key`, async (c) => {
    const { key } = readParams(c, byKey);
    const { o } = await ctx(c);
    const paper = /^paper-(\d{1,10})$/.exec(key);
    if (paper) {
      const [p] = (await openPapersPage(db, { id: Number(paper[1]), limit: 1, viewer: asPublic(c) })).data;
      if (!p) throw notFound("file");
      return c.json(oparlPaperFile(o, p));
    }
    const minutes = /^minutes-(.+)$/.exec(key);
    const m = minutes ? await openMeeting(db, { slug: minutes[1] }, asPublic(c)) : null;
    if (!m || !m.meeting.hasMinutes) throw notFound("file");
    return c.json(oparlMinutesFile(o, m.meeting));
  });
}
