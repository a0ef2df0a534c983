// Two checks on every POST: the browser's Origin (or Sec-Fetch-Site) says the form came from this
// site (hono/csrf), and the form carries a token only this site's pages hold. Signed in, the token
// is derived from the session; signed out, from a random cookie set with the form.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { csrf } from "hono/csrf";
import { isSecure } from "./session.ts";

declare module "hono" {
  interface ContextVariableMap {
    /** set when a page holds something made for this visitor alone (a form's token) */
    perVisitor: boolean;
  }
}

const PRE_SESSION_COOKIE = "quorum_form";
export const CSRF_FIELD = "csrf";

function derive(secret: string): string {
  return createHmac("sha256", secret).update("quorum form").digest("base64url");
}

/** The token for forms on this page; sets the pre-session cookie when there is no session. */
export function formToken(c: Context, publicUrl: string | undefined): string {
  // the page now holds this visitor's token: never to be kept and shown to another
  c.set("perVisitor", true);
  const session = c.get("account")?.token;
  if (session) return derive(session);
  let secret = getCookie(c, PRE_SESSION_COOKIE);
  if (!secret || secret.length < 32) {
    secret = randomBytes(32).toString("base64url");
    setCookie(c, PRE_SESSION_COOKIE, secret, { httpOnly: true, secure: isSecure(c, publicUrl), sameSite: "Lax", path: "/" });
  }
  return derive(secret);
}

/** Whether a submitted token matches the session's (or, signed out, the pre-session cookie's). */
export function formTokenValid(c: Context, submitted: unknown): boolean {
  if (typeof submitted !== "string" || submitted.length === 0) return false;
  const secret = c.get("account")?.token ?? getCookie(c, PRE_SESSION_COOKIE);
  if (!secret) return false;
  const a = Buffer.from(derive(secret));
  const b = Buffer.from(submitted);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The Origin check: this request's own origin, or the site's public one behind a proxy. */
export function originCheck(publicUrl: string | undefined): MiddlewareHandler {
  const publicOrigin = publicUrl ? new URL(publicUrl).origin : undefined;
  return csrf({ origin: (origin, c) => origin === new URL(c.req.url).origin || origin === publicOrigin });
}
