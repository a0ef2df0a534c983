// robots.txt and the sitemap protocol's XML (sitemaps.org 0.9): an index of pages, each a set of URLs.
import { urls } from "../urls.ts";

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

const NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

export function sitemapIndex(locs: string[]): string {
  const body = locs.map((l) => `  <sitemap><loc>${xml(l)}</loc></sitemap>\n`).join("");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${NS}">\n${body}</sitemapindex>\n`;
}

export function urlSet(entries: { loc: string; lastmod: string | null }[]): string {
  const body = entries.map((e) => `  <url><loc>${xml(e.loc)}</loc>${e.lastmod ? `<lastmod>${xml(e.lastmod)}</lastmod>` : ""}</url>\n`).join("");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${NS}">\n${body}</urlset>\n`;
}

/** Crawlers may read the public site; the workspace, accounts and signing in are not for them. */
export function robotsTxt(base: string): string {
  return ["User-agent: *", "Allow: /", "Disallow: /admin", "Disallow: /account", "Disallow: /sign-in", "Disallow: /api/v1/admin", "", `Sitemap: ${base}${urls.sitemap()}`, ""].join("\n");
}
