// What the sitemap lists: public meetings, committees with public meetings and public people, each
// kind cut into pages by ranges of id (a page is one range read along the primary key, so a page
// costs the same at 100,000 meetings as at 100; a range may hold fewer rows than its width).
import type { Db } from "../db.ts";
import { listedMeetingsOnly, publicPeopleOnly } from "../visibility.ts";

/** Ids a sitemap page covers: at most this many URLs in a page, under the protocol's 50,000. */
export const SITEMAP_PAGE = 40_000;

export const SITEMAP_KINDS = ["meetings", "committees", "people"] as const;
export type SitemapKind = (typeof SITEMAP_KINDS)[number];

export interface SitemapRow {
  slug: string;
  /** ISO instant of the last change, when known */
  lastmod: string | null;
}

const TABLE = { meetings: "meetings", committees: "bodies", people: "people" } as const;

/** How many pages each kind has: its highest id over the page width. */
export async function sitemapPageCounts(db: Db): Promise<Record<SitemapKind, number>> {
  const out = {} as Record<SitemapKind, number>;
  for (const kind of SITEMAP_KINDS) {
    const row = await db.selectFrom(TABLE[kind]).select((eb) => eb.fn.max("id").as("top")).executeTakeFirst();
    out[kind] = Math.ceil(Number(row?.top ?? 0) / SITEMAP_PAGE);
  }
  return out;
}

/** The public rows of page `page` (from 1) of a kind, by id. */
export async function sitemapRows(db: Db, kind: SitemapKind, page: number): Promise<SitemapRow[]> {
  const lo = (page - 1) * SITEMAP_PAGE + 1;
  const hi = page * SITEMAP_PAGE;
  if (kind === "meetings") {
    // read in the shape returned: a page is up to 40,000 rows, and a copy of each is garbage
    return db.selectFrom("meetings").where("meetings.id", ">=", lo).where("meetings.id", "<=", hi).where(listedMeetingsOnly).select(["meetings.slug", "meetings.updated_at as lastmod"]).orderBy("meetings.id").execute();
  }
  if (kind === "committees") {
    const rows = await db
      .selectFrom("bodies")
      .where("bodies.id", ">=", lo)
      .where("bodies.id", "<=", hi)
      .where((eb) => eb.exists(eb.selectFrom("meetings").whereRef("meetings.body_id", "=", "bodies.id").where(listedMeetingsOnly).select("meetings.id")))
      .select(["bodies.slug"])
      .orderBy("bodies.id")
      .execute();
    return rows.map((r) => ({ slug: r.slug, lastmod: null }));
  }
  const rows = await db.selectFrom("people").where("people.id", ">=", lo).where("people.id", "<=", hi).where(publicPeopleOnly).select(["people.slug"]).orderBy("people.id").execute();
  return rows.map((r) => ({ slug: r.slug, lastmod: null }));
}
