// The session cookie and the signed-in person. Only the account and workspace routes read the
// cookie: the public site never looks at it, so it stays the same for everyone.
import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie, deleteCookie } from "hono/cookie";
import type { Db } from "../../store/db.ts";
import type { User } from "../../store/accounts/users.ts";
import { ABSOLUTE_MS, createSession, endSession, touchSession } from "../../store/accounts/sessions.ts";

export interface Account {
  user: User;
  /** the cookie's token, which the per-form CSRF token is derived from */
  token: string;
}

declare module "hono" {
  interface ContextVariableMap {
    account: Account | undefined;
  }
}

/** Secure cookies when the request came over https or the site's public address is https. */
export function isSecure(c: Context, publicUrl: string | undefined): boolean {
  return new URL(c.req.url).protocol === "https:" || (publicUrl ?? "").startsWith("https:");
}

// `__Host-` binds the cookie to this host and path "/", but browsers only accept it with Secure,
// so plain-http development uses the bare name.
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Host-quorum_session" : "quorum_session";
}

export function loadAccount(db: Db, now: () => Date, publicUrl: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    const token = getCookie(c, sessionCookieName(isSecure(c, publicUrl)));
    const session = token ? await touchSession(db, token, now()) : undefined;
    c.set("account", session && token ? { user: session.user, token } : undefined);
    await next();
  };
}

/** Starts a new session (a fresh token each time, so a token planted before sign-in is useless). */
export async function signIn(c: Context, db: Db, userId: number, now: Date, publicUrl: string | undefined): Promise<void> {
  const old = c.get("account")?.token;
  if (old) await endSession(db, old);
  const token = await createSession(db, userId, now, c.req.header("user-agent"));
  const secure = isSecure(c, publicUrl);
  setCookie(c, sessionCookieName(secure), token, { httpOnly: true, secure, sameSite: "Lax", path: "/", maxAge: ABSOLUTE_MS / 1000 });
}

export async function signOut(c: Context, db: Db, publicUrl: string | undefined): Promise<void> {
  const token = c.get("account")?.token;
  if (token) await endSession(db, token);
  const secure = isSecure(c, publicUrl);
  deleteCookie(c, sessionCookieName(secure), { path: "/", secure });
}
