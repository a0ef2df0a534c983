// Follows every internal link of the portal in process: href attributes in HTML, and in JSON every
// string value that is a site path (url, apiUrl, next, …).
import type { Hono } from "hono";

export interface Visit {
  url: string;
  status: number;
  type: string;
  body: string;
  from: string | null;
  cacheControl?: string | null;
  vary?: string | null;
}

export interface CrawlOptions {
  /** Whether to fetch a link found on a page (default: every internal link). */
  follow?: (url: string) => boolean;
  max?: number;
  /** sent with every request, e.g. a session cookie */
  headers?: Record<string, string>;
  /** absolute links on this origin (OParl's ids, e.g. "http://localhost") are followed as site paths */
  origin?: string;
}

const decode = (s: string) => s.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">");

function linksInHtml(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)].map((m) => decode(m[1]));
}

function linksInJson(value: unknown, out: string[] = [], origin?: string): string[] {
  if (typeof value === "string") {
    const path = origin && value.startsWith(origin + "/") ? value.slice(origin.length) : value;
    if ((/^\/[^\s/]/.test(path) && !path.includes("{")) || path === "/") out.push(path);
  } else if (Array.isArray(value)) {
    for (const v of value) linksInJson(v, out, origin);
  } else if (value && typeof value === "object") {
    for (const v of Object.values(value)) linksInJson(v, out, origin);
  }
  return out;
}

/** Feeds, calendars and sitemaps link by absolute address (the in-process app answers as http://localhost). */
function linksInFeed(text: string): string[] {
  // calendar lines are folded at 75 octets: unfold them first
  const unfolded = text.replace(/\r?\n[ \t]/g, "");
  return [...unfolded.matchAll(/https?:\/\/localhost(\/[^\s"<>\\]*)/g)].map((m) => decode(m[1]));
}

function normalise(link: string): string | null {
  if (!link.startsWith("/") || link.startsWith("//")) return null;
  const u = new URL(link, "http://quorum.test");
  // the same page reached with its parameters in another order is the same page
  u.searchParams.sort();
  return u.pathname + u.search;
}

export async function crawl(app: Hono, starts: string[], opts: CrawlOptions = {}): Promise<Map<string, Visit>> {
  const max = opts.max ?? 5000;
  const seen = new Map<string, Visit>();
  const queue: { url: string; from: string | null }[] = starts.map((url) => ({ url, from: null }));
  const queued = new Set(starts);
  while (queue.length) {
    const { url, from } = queue.shift()!;
    if (seen.size >= max) throw new Error(`crawl passed ${max} pages; is a link generating endless pages?`);
    const res = await app.request(url, { headers: opts.headers });
    const type = res.headers.get("content-type") ?? "";
    const raw = /text|json|javascript|svg|[+/]xml/.test(type) ? await res.text() : "";
    // CDATA written out as the same XML escaped, so a check that drops markup still reads its text
    const body = /[+/]xml/.test(type) ? raw.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")) : raw;
    seen.set(url, { url, status: res.status, type, body, from, cacheControl: res.headers.get("cache-control"), vary: res.headers.get("vary") });
    if (res.status >= 300 && res.status < 400) {
      const loc = res.headers.get("location");
      const next = loc ? normalise(loc) : null;
      if (next && !queued.has(next)) {
        queued.add(next);
        queue.push({ url: next, from: url });
      }
      continue;
    }
    if (res.status !== 200) continue;
    let links: string[] = [];
    if (type.includes("text/html")) links = linksInHtml(body);
    else if (type.includes("json")) links = linksInJson(JSON.parse(body), [], opts.origin);
    else if (/[+/]xml|text\/calendar/.test(type)) links = linksInFeed(body);
    for (const link of links) {
      const next = normalise(link);
      if (!next || queued.has(next)) continue;
      if (opts.follow && !opts.follow(next)) continue;
      queued.add(next);
      queue.push({ url: next, from: url });
    }
  }
  return seen;
}

/** Calendar months from one month before the first meeting to one after the last, so the crawl ends. */
export function calendarWithin(first: string, last: string): (url: string) => boolean {
  const index = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7));
  const lo = index(first) - 1;
  const hi = index(last) + 1;
  return (url) => {
    const m = /^\/calendar\/(\d{4}-\d{2})/.exec(url);
    return !m || (index(m[1]) >= lo && index(m[1]) <= hi);
  };
}
