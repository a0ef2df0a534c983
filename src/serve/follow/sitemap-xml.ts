// robots.txt and the sitemap protocol's XML (sitemaps.org 0.9): an index of pages, each a set of URLs.
import { urls } from "../urls.ts";

const SPECIAL = /[&<>"']/;
// a page holds up to 40,000 URLs whose slugs and dates almost never need escaping: test before replacing
const xml = (s: string) => (SPECIAL.test(s) ? s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;") : s);

const NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

export function sitemapIndex(locs: string[]): string {
  const body = locs.map((l) => `  <sitemap><loc>${xml(l)}</loc></sitemap>\n`).join("");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${NS}">\n${body}</sitemapindex>\n`;
}

/** A page of URLs, one a row: its address from `loc`, its last change (when known) from `lastmod`. */
export function urlSet<T>(rows: readonly T[], loc: (row: T) => string, lastmod: (row: T) => string | null = () => null): string {
  let out = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${NS}">\n`;
  for (const r of rows) {
    const m = lastmod(r);
    out += `  <url><loc>${xml(loc(r))}</loc>${m ? `<lastmod>${xml(m)}</lastmod>` : ""}</url>\n`;
  }
  return out + "</urlset>\n";
}

/** Crawlers may read the public site; the workspace, accounts and signing in are not for them. */
export function robotsTxt(base: string): string {
  return ["User-agent: *", "Allow: /", "Disallow: /admin", "Disallow: /account", "Disallow: /sign-in", "Disallow: /api/v1/admin", "", `Sitemap: ${base}${urls.sitemap()}`, ""].join("\n");
}
