// Sign in, sign out, and set a password from a one-time link. Each route reads top to bottom:
// validate the form, check it is allowed, run, present. The account middleware (below) guards
// every account and workspace route: no caching, the session read, and the two CSRF checks.
import type { Context, Hono, MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppDeps } from "../deps.ts";
import { renderPage } from "../render.tsx";
import { respondWithProblem } from "../errors.tsx";
import { findUserByEmail, findUserById, normaliseEmail, passwordHashOf, setPasswordHash } from "../../store/accounts/users.ts";
import { clearFailures, isThrottled, recordFailure } from "../../store/accounts/failures.ts";
import { peekSignInToken, useSignInToken } from "../../store/accounts/tokens.ts";
import { endSessionsOf } from "../../store/accounts/sessions.ts";
import { appendAudit } from "../../store/audit.ts";
import { loadAccount, signIn, signOut } from "./session.ts";
import { CSRF_FIELD, formToken, formTokenValid, originCheck } from "./csrf.ts";
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, verifyPassword } from "./password.ts";
import { LinkUnusablePage, SetPasswordPage, SignInPage } from "./pages.tsx";
import type { FieldError } from "./forms.tsx";

/** The only paths that take a POST; everything else on the site only reads. */
export const ACCOUNT_POSTS = new Set(["/sign-in", "/sign-out", "/account/set-password"]);

const ACCOUNT_PATHS = ["/sign-in", "/sign-out", "/account/*", "/admin", "/admin/*", "/api/v1/admin/*"];

/** Only a path on this site: "/x", never "//host" or "/\host", which browsers treat as another site. */
export function safeNext(next: unknown): string | undefined {
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return undefined;
  if (/[\u0000-\u001f\u007f\\]/.test(next) || next.length > 500) return undefined;
  return next;
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/** Who is signing in, for the per-address limit. */
export function clientIp(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const remote = env?.incoming?.socket?.remoteAddress ?? "unknown";
  // Behind a reverse proxy on this machine (docs/DEPLOYMENT.md's nginx) every request comes from
  // loopback; the proxy appends the address it saw to X-Forwarded-For, so its last entry is the
  // client. Anyone else's X-Forwarded-For is ignored: it is whatever the sender wrote.
  if (!LOOPBACK.test(remote)) return remote;
  const forwarded = c.req.header("x-forwarded-for")?.split(",").pop()?.trim();
  return forwarded || remote;
}

async function formField(c: Context, name: string): Promise<string> {
  const body = await c.req.parseBody();
  const v = body[name];
  return typeof v === "string" ? v : "";
}

function accountGuard(deps: AppDeps): MiddlewareHandler {
  const now = deps.now ?? (() => new Date());
  const load = loadAccount(deps.db, now, deps.publicUrl);
  const origin = originCheck(deps.publicUrl);
  return async (c, next) => {
    await load(c, async () => {});
    if (c.req.method === "POST") {
      let sameSite = true;
      try {
        await origin(c, async () => {});
      } catch (err) {
        if (!(err instanceof HTTPException)) throw err;
        sameSite = false;
      }
      const type = c.req.header("content-type") ?? "";
      const isForm = /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type);
      if (!sameSite || !isForm || !formTokenValid(c, await formField(c, CSRF_FIELD))) {
        return respondWithProblem(c, { id: "forbidden", status: 403, message: "This form has expired or did not come from this site. Go back, reload the page and try again." });
      }
    }
    const account = c.get("account");
    if (account) c.set("accountHeader", { name: account.user.displayName, csrf: formToken(c, deps.publicUrl) });
    await next();
    c.res.headers.set("cache-control", "no-store");
    c.res.headers.set("referrer-policy", "no-referrer");
  };
}

export function registerAccounts(app: Hono, deps: AppDeps): void {
  const { db, publicUrl } = deps;
  const now = deps.now ?? (() => new Date());
  for (const path of ACCOUNT_PATHS) app.use(path, accountGuard(deps));

  app.get("/sign-in", (c) => {
    const next = safeNext(c.req.query("next"));
    return c.html(renderPage(c, <SignInPage csrf={formToken(c, publicUrl)} next={next} errors={[]} />));
  });

  app.post("/sign-in", async (c) => {
    // validate
    const email = normaliseEmail(await formField(c, "email"));
    const password = await formField(c, "password");
    const next = safeNext(await formField(c, "next"));
    const errors: FieldError[] = [];
    if (!email) errors.push({ field: "email", message: "Enter your email address" });
    if (!password) errors.push({ field: "password", message: "Enter your password" });
    const again = (status: 400 | 401 | 429, errs: FieldError[]) => c.html(renderPage(c, <SignInPage csrf={formToken(c, publicUrl)} email={email} next={next} errors={errs} />), status);
    if (errors.length) return again(400, errors);
    // authorise: the same answer whether or not the email belongs to anyone
    const at = now();
    const ip = clientIp(c);
    if (await isThrottled(db, email, ip, at)) {
      return again(429, [{ field: "email", message: "There have been too many attempts to sign in. Wait 15 minutes, then try again." }]);
    }
    const user = await findUserByEmail(db, email);
    const ok = await verifyPassword(password.slice(0, MAX_PASSWORD_LENGTH), user && !user.disabled ? await passwordHashOf(db, user.id) : null);
    if (!user || !ok) {
      await recordFailure(db, email, ip, at);
      return again(401, [{ field: "email", message: "Enter a correct email address and password" }]);
    }
    // run
    await clearFailures(db, email, at);
    await signIn(c, db, user.id, at, publicUrl);
    await appendAudit(db, { actorUserId: user.id, actorLabel: user.email, action: "user.sign_in", recordKind: "user", recordId: user.email }, at);
    // present
    // members have no workspace: their dashboard lists what they own on the tracker
    return c.redirect(next ?? (user.role === "member" ? "/account/dashboard" : "/admin"), 303);
  });

  app.post("/sign-out", async (c) => {
    const account = c.get("account");
    await signOut(c, db, publicUrl);
    if (account) await appendAudit(db, { actorUserId: account.user.id, actorLabel: account.user.email, action: "user.sign_out", recordKind: "user", recordId: account.user.email }, now());
    return c.redirect("/", 303);
  });

  app.get("/account/set-password", async (c) => {
    const token = c.req.query("token") ?? "";
    const userId = token ? await peekSignInToken(db, token, now()) : undefined;
    const user = userId === undefined ? undefined : await findUserById(db, userId);
    if (!user || user.disabled) return c.html(renderPage(c, <LinkUnusablePage />), 410);
    return c.html(renderPage(c, <SetPasswordPage csrf={formToken(c, publicUrl)} token={token} email={user.email} errors={[]} />));
  });

  app.post("/account/set-password", async (c) => {
    // validate
    const token = await formField(c, "token");
    const password = await formField(c, "password");
    const confirm = await formField(c, "confirm");
    const at = now();
    const userId = token ? await peekSignInToken(db, token, at) : undefined;
    const user = userId === undefined ? undefined : await findUserById(db, userId);
    if (!user || user.disabled) return c.html(renderPage(c, <LinkUnusablePage />), 410);
    const errors: FieldError[] = [];
    if (password.length < MIN_PASSWORD_LENGTH) errors.push({ field: "password", message: `Password must be ${MIN_PASSWORD_LENGTH} characters or more` });
    else if (password.length > MAX_PASSWORD_LENGTH) errors.push({ field: "password", message: `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer` });
    else if (confirm !== password) errors.push({ field: "confirm", message: "Enter the same password twice" });
    if (errors.length) return c.html(renderPage(c, <SetPasswordPage csrf={formToken(c, publicUrl)} token={token} email={user.email} errors={errors} />), 400);
    // run: the token is spent first, so two submissions cannot both set a password
    const hash = await hashPassword(password);
    if ((await useSignInToken(db, token, at)) !== user.id) return c.html(renderPage(c, <LinkUnusablePage />), 410);
    await setPasswordHash(db, user.id, hash, at);
    await endSessionsOf(db, user.id);
    await signIn(c, db, user.id, at, publicUrl);
    await appendAudit(db, { actorUserId: user.id, actorLabel: user.email, action: "user.set_password", recordKind: "user", recordId: user.email }, at);
    // present
    return c.redirect(user.role === "member" ? "/" : "/admin", 303);
  });
}
