// Wards: /wards (of one council with ?authority=), a ward's page and its Atom feed. Validate, read
// through the visibility rule (the page for the viewer; the feed always as the public, since a
// client may share or cache it), present.
import type { Context, Hono } from "hono";
import { etag } from "hono/etag";
import { z } from "zod";
import { QuorumError } from "../../domain/errors.ts";
import type { AppDeps } from "../deps.ts";
import { getWard, listWards, wardBusiness } from "../../store/wards/read.ts";
import { listAuthorities } from "../../store/read/index.ts";
import { publicViewer } from "../../store/visibility.ts";
import { isoDateIn } from "../format.ts";
import { renderPage } from "../render.tsx";
import { readParams, readQuery, slug } from "../validate.ts";
import { viewerOf } from "../viewer.ts";
import { atomFeed } from "../follow/atom.ts";
import { siteBase } from "../follow/routes.tsx";
import { urls } from "../urls.ts";
import { wardEntries } from "./feed.ts";
import { WardPage, WardsPage } from "./pages.tsx";

const bySlug = z.object({ slug });

const authorityOnly = z.object({ authority: slug.optional() });

export function registerWards(app: Hono, deps: AppDeps): void {
  const { db } = deps;
  const today = () => isoDateIn(deps.now?.() ?? new Date());
  const ward = async (c: Context) => {
    const w = await getWard(db, readParams(c, bySlug).slug);
    if (!w) throw new QuorumError("not_found", "Ward not found");
    return w;
  };

  app.get("/wards", async (c) => {
    const { authority } = readQuery(c, authorityOnly);
    const [wards, authorities] = await Promise.all([listWards(db, { authority }), listAuthorities(db)]);
    return c.html(renderPage(c, <WardsPage wards={wards} authorities={authorities} authority={authority} />));
  });

  app.get("/wards/:slug", async (c) => {
    const w = await ward(c);
    const [business, authorities] = await Promise.all([wardBusiness(db, w, viewerOf(c), today()), listAuthorities(db)]);
    return c.html(renderPage(c, <WardPage ward={w} business={business} many={authorities.length > 1} />));
  });

  app.use("/wards/:slug/feed.atom", etag());
  app.get("/wards/:slug/feed.atom", async (c) => {
    const w = await ward(c);
    const base = siteBase(c, deps);
    const entries = wardEntries(w, await wardBusiness(db, w, publicViewer(viewerOf(c).today), today()), base);
    const site = c.get("site");
    const body = atomFeed({ title: `${w.name} ward (${w.authority.name}): agenda items and key decisions`, self: base + urls.wardFeed(w.slug), page: base + urls.ward(w.slug), entries, emptyUpdated: new Date(0), siteName: site.name, licence: site.licence.name });
    const headers: Record<string, string> = { "content-type": "application/atom+xml; charset=utf-8" };
    // a signed-in request's response is already marked private by the viewer middleware
    if (!c.get("account")) headers["cache-control"] = "public, max-age=300";
    if (entries.length) headers["last-modified"] = entries.reduce((a, e) => (e.updated > a ? e.updated : a), new Date(0)).toUTCString();
    return c.body(body, 200, headers);
  });
}
