// Who is reading a public page: the viewer the visibility rule is given. Signed out (no session
// cookie) the request is the public's, read exactly as before and cacheable as before; signed in,
// the page may hold a committee's exempt business, so it is marked private and never stored.
import type { MiddlewareHandler, Context } from "hono";
import { getCookie } from "hono/cookie";
import { touchSession } from "../store/accounts/sessions.ts";
import { authorityZones, todayIn, viewerFor } from "../store/exempt/access.ts";
import { PUBLIC_VIEWER, type Viewer } from "../store/visibility.ts";
import { formToken } from "./auth/csrf.ts";
import { isSecure, sessionCookieName } from "./auth/session.ts";
import type { AppDeps } from "./deps.ts";

declare module "hono" {
  interface ContextVariableMap {
    viewer: Viewer | undefined;
  }
}

/** The viewer of this request; the public when none was set. */
export function viewerOf(c: Context): Viewer {
  return c.get("viewer") ?? PUBLIC_VIEWER;
}

// The authorities' zones decide "today" for release dates; read again at most once a minute.
const ZONES_TTL_MS = 60_000;

export function viewerContext(deps: AppDeps): MiddlewareHandler {
  const now = deps.now ?? (() => new Date());
  let zones: { at: number; list: string[] } | null = null;
  return async (c, next) => {
    const at = now();
    if (!zones || Math.abs(at.getTime() - zones.at) > ZONES_TTL_MS) zones = { at: at.getTime(), list: await authorityZones(deps.db) };
    const today = todayIn(zones.list, at);
    const token = getCookie(c, sessionCookieName(isSecure(c, deps.publicUrl)));
    const session = token ? await touchSession(deps.db, token, at) : undefined;
    c.set("viewer", await viewerFor(deps.db, session?.user, today));
    if (session && token) {
      c.set("account", { user: session.user, token });
      c.set("accountHeader", { name: session.user.displayName, csrf: formToken(c, deps.publicUrl) });
      // Set before the response is made, so every response built with the context carries them
      // (headers set on a finished response are lost when @hono/node-server rebuilds it).
      c.header("cache-control", "private, no-store");
      c.header("vary", "Cookie", { append: true });
    }
    await next();
  };
}
