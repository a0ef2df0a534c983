// Signed-out pages kept by the archive's version (store/archive-version.ts): a response is served
// again only while the database is exactly as it was when the response was made, so a write of any
// kind, by any process, is seen by the very next request. Only the public's responses are kept: a
// request carrying a session cookie is neither answered from nor stored in the cache, and neither
// is a response that sets a cookie, is marked private or no-store, or holds a form's token.
//
// Time: what the public sees changes with the date alone (exempt items are released on a date,
// "upcoming" and the forward plan run from today), so the key holds today's date in both zones the
// pages use, and every entry is also dropped after `maxAgeMs` whatever its key.
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { createHash } from "node:crypto";
import { archiveVersion } from "../store/archive-version.ts";
import type { Db } from "../store/db.ts";
import { sessionCookieName } from "./auth/session.ts";
import { isoDateIn } from "./format.ts";
import { viewerOf } from "./viewer.ts";

export interface ResponseCacheSettings {
  /** the most bytes of responses one process keeps (bodies and headers); 0: no cache */
  maxBytes: number;
  /** the longest an entry is served, whatever the version (default 60 s) */
  maxAgeMs?: number;
}

export const DEFAULT_RESPONSE_CACHE_MAX_AGE_MS = 60_000;

// Signing in and out, the account and the workspace, and every email-alert page (their addresses
// hold a subscriber's token) are never kept, whatever their headers say.
const NEVER = /^\/(?:sign-in|sign-out|account|admin|api\/v1\/admin|healthz)(?:\/|$)|\/alerts(?:\/|$)/;

interface Entry {
  version: string;
  madeAt: number;
  status: number;
  headers: [string, string][];
  body: Uint8Array;
  etag: string;
  size: number;
}

/** Least recently used entries are dropped first once the bytes kept pass the bound. */
export class ResponseStore {
  readonly #entries = new Map<string, Entry>();
  #bytes = 0;
  constructor(readonly maxBytes: number) {}

  get bytes(): number {
    return this.#bytes;
  }

  get(key: string): Entry | undefined {
    const e = this.#entries.get(key);
    if (!e) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, e);
    return e;
  }

  delete(key: string): void {
    const e = this.#entries.get(key);
    if (!e) return;
    this.#bytes -= e.size;
    this.#entries.delete(key);
  }

  set(key: string, e: Entry): void {
    this.delete(key);
    if (e.size > this.maxBytes) return;
    this.#entries.set(key, e);
    this.#bytes += e.size;
    for (const k of this.#entries.keys()) {
      if (this.#bytes <= this.maxBytes) break;
      this.delete(k);
    }
  }
}

function hasSessionCookie(c: Context): boolean {
  return getCookie(c, sessionCookieName(true)) !== undefined || getCookie(c, sessionCookieName(false)) !== undefined;
}

function keepable(c: Context, res: Response): boolean {
  if (res.status !== 200 || c.get("account") || c.get("perVisitor")) return false;
  if (res.headers.has("set-cookie")) return false;
  const cc = res.headers.get("cache-control") ?? "";
  if (/no-store|private|no-cache/i.test(cc)) return false;
  const vary = res.headers.get("vary") ?? "";
  return vary === "" || /^\s*accept-encoding\s*$/i.test(vary);
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((t) => t.trim() === "*" || bare(t) === bare(etag));
}

/**
 * Reads a response's body up to `limit` bytes: the whole body when it fits, else null and a
 * response that still sends every byte (those already read, then the rest as it comes).
 */
async function readUpTo(res: Response, limit: number): Promise<{ body: Uint8Array | null; res: Response }> {
  if (!res.body) return { body: new Uint8Array(0), res };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size > limit) {
      const rest = new ReadableStream<Uint8Array>({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(chunk);
        },
        async pull(controller) {
          const next = await reader.read();
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        },
        cancel(reason) {
          return reader.cancel(reason);
        },
      });
      return { body: null, res: new Response(rest, res) };
    }
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return { body, res: new Response(body, res) };
}

export function responseCache(db: Db, settings: ResponseCacheSettings | undefined, now: () => Date = () => new Date()): MiddlewareHandler {
  if (!settings || settings.maxBytes <= 0) return (_c, next) => next();
  const store = new ResponseStore(settings.maxBytes);
  const maxAge = settings.maxAgeMs ?? DEFAULT_RESPONSE_CACHE_MAX_AGE_MS;
  // one response may take at most an eighth of the cache, so a few large files cannot empty it
  const entryLimit = Math.max(1, Math.floor(settings.maxBytes / 8));
  return async (c, next) => {
    if (c.req.method !== "GET" || c.get("account") || hasSessionCookie(c) || NEVER.test(c.req.path)) return next();
    const version = await archiveVersion(db);
    if (version === null) return next();
    const at = now();
    const url = new URL(c.req.url);
    // the whole address as asked (pages write their own address and query into links), and the
    // dates the pages are judged on: the viewer's (exempt releases) and the site's ("upcoming")
    const key = `${url.origin}${url.pathname}${url.search}\n${viewerOf(c).today ?? ""}\n${isoDateIn(at)}`;
    const hit = store.get(key);
    if (hit && hit.version === version && at.getTime() - hit.madeAt < maxAge && at.getTime() >= hit.madeAt) {
      const headers = new Headers(hit.headers);
      headers.set("x-quorum-cache", "hit");
      if (matches(c.req.header("if-none-match"), hit.etag)) {
        for (const h of ["content-length", "content-type"]) headers.delete(h);
        return new Response(null, { status: 304, headers });
      }
      return new Response(hit.body, { status: hit.status, headers });
    }
    if (hit) store.delete(key);
    await next();
    const res = c.res;
    if (!keepable(c, res)) return;
    const read = await readUpTo(res, entryLimit);
    if (!read.body) {
      c.res = read.res;
      return;
    }
    const headers = new Headers(read.res.headers);
    const etag = headers.get("etag") ?? `"${createHash("sha1").update(read.body).digest("base64url")}"`;
    headers.set("etag", etag);
    const kept: [string, string][] = [...headers.entries()];
    const size = read.body.byteLength + key.length + kept.reduce((n, [k, v]) => n + k.length + v.length, 0);
    store.set(key, { version, madeAt: at.getTime(), status: res.status, headers: kept, body: read.body, etag, size });
    const out = new Headers(headers);
    out.set("x-quorum-cache", "miss");
    c.res = new Response(read.body, { status: res.status, headers: out });
  };
}
