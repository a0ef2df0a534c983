// The Hono application. Every route reads top to bottom: validate the request (zod), ask the
// store for public data only (the store applies the one visibility rule), run, then present
// the result through a presenter that lists public fields one by one.
import { Hono } from "hono";
import { trimTrailingSlash } from "hono/trailing-slash";
import { mountAssets } from "./assets.ts";
import { answerHeadWithGet } from "./head.ts";
import { onError, onNotFound, respondWithProblem } from "./errors.tsx";
import { registerApi } from "./api/routes.ts";
import { registerOpenData } from "./opendata/routes.ts";
import { registerPages } from "./pages/routes.tsx";
import { registerFollow } from "./follow/routes.tsx";
import { registerWards } from "./wards/routes.tsx";
import { registerTracker } from "./tracker/routes.tsx";
import { registerHealth } from "./health.ts";
import { ACCOUNT_POSTS, registerAccounts } from "./auth/routes.tsx";
import { registerAdmin } from "./admin/routes.tsx";
import { IMPORT_POST, registerImportReview } from "./imports/routes.tsx";
import { CORRECTION_POST } from "./corrections/urls.ts";
import { correctionBodyLimit, formBodyLimit, forwardPlanBodyLimit, minutesBodyLimit, paperBodyLimit, peopleBodyLimit } from "./auth/form-limit.ts";
import { registerAgenda } from "./agenda/routes.tsx";
import { AGENDA_POSTS, AGENDA_UPLOAD } from "./agenda/urls.ts";
import { registerCorrections } from "./corrections/routes.tsx";
import { PEOPLE_ADMIN_POSTS, registerPeopleAdmin } from "./people-admin/routes.tsx";
import { registerOwners } from "./owners/routes.tsx";
import { isOwnersPost } from "./owners/urls.ts";
import { LIFECYCLE_POSTS, registerLifecycle } from "./lifecycle/routes.tsx";
import { registerMinuteTaking } from "./minute-taking/routes.tsx";
import { registerOriginals } from "./originals/routes.tsx";
import { TAKE_MINUTES_POST } from "./minute-taking/sheet-form.ts";
import { requestContext } from "./request-log.ts";
import { viewerContext } from "./viewer.ts";
import { responseCache } from "./response-cache.ts";
import { EXEMPT_POSTS, registerExempt } from "./exempt/routes.tsx";
import { FORWARD_PLAN_POSTS } from "./forward-plan/urls.ts";
import { registerForwardPlanAdmin } from "./forward-plan/admin-routes.tsx";
import { registerForwardPlan } from "./forward-plan/public-routes.tsx";
import { registerSchedule } from "./schedule/routes.tsx";
import { SCHEDULE_POSTS } from "./schedule/urls.ts";
import { registerAlerts } from "./alerts/routes.tsx";
import { ALERT_POSTS } from "./alerts/urls.ts";
import { registerSite, siteContext } from "./site/routes.tsx";
import { DEFAULT_SITE } from "./site/settings.ts";
import type { AppDeps } from "./deps.ts";

export type { AppDeps } from "./deps.ts";

const SECURITY_HEADERS: Record<string, string> = {
  "content-security-policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
};

/** The paths whose forms take a POST: the account forms, email alerts' and the workspace's. */
function isWritePath(path: string): boolean {
  return ACCOUNT_POSTS.has(path) || isOwnersPost(path) || [IMPORT_POST, PEOPLE_ADMIN_POSTS, EXEMPT_POSTS, CORRECTION_POST, LIFECYCLE_POSTS, FORWARD_PLAN_POSTS, SCHEDULE_POSTS, AGENDA_POSTS, TAKE_MINUTES_POST, ALERT_POSTS].some((re) => re.test(path));
}

function formLimitFor(path: string) {
  if (CORRECTION_POST.test(path)) return correctionBodyLimit;
  if (PEOPLE_ADMIN_POSTS.test(path)) return peopleBodyLimit;
  if (FORWARD_PLAN_POSTS.test(path)) return forwardPlanBodyLimit;
  if (AGENDA_UPLOAD.test(path)) return paperBodyLimit;
  if (TAKE_MINUTES_POST.test(path)) return minutesBodyLimit;
  return formBodyLimit;
}

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  const site = deps.site ?? DEFAULT_SITE;
  // Outermost, so they see the final response: the request id and log line, the site settings.
  app.use("*", requestContext(deps.log));
  app.use("*", siteContext(site));
  app.use("*", async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) if (!c.res.headers.has(k)) c.res.headers.set(k, v);
  });
  // The public site and API only read: only the account and workspace forms take a POST, and
  // each form's size is bounded before anything reads it.
  app.use("*", async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const writable = isWritePath(c.req.path);
    if (c.req.method === "POST" && writable) return formLimitFor(c.req.path)(c, next);
    const res = respondWithProblem(c, { id: "invalid", status: 405, message: `${c.req.method} is not allowed here: the public site and API only answer GET` });
    res.headers.set("allow", writable ? "GET, HEAD, POST" : "GET, HEAD");
    return res;
  });
  // "/committees/" is the committees page, not a missing one
  app.use("*", trimTrailingSlash());
  mountAssets(app);
  registerHealth(app, deps.db);
  registerSite(app, site);
  app.use("*", viewerContext(deps));
  app.use("*", responseCache(deps.db, deps.responseCache, deps.now));
  registerAccounts(app, deps);
  registerAlerts(app, deps);
  registerExempt(app, deps);
  registerAdmin(app, deps);
  registerImportReview(app, deps);
  registerCorrections(app, deps);
  registerPeopleAdmin(app, deps);
  registerOwners(app, deps);
  registerLifecycle(app, deps);
  registerForwardPlanAdmin(app, deps);
  registerSchedule(app, deps);
  registerAgenda(app, deps);
  registerMinuteTaking(app, deps);
  registerOriginals(app, deps);
  registerApi(app, deps);
  registerOpenData(app, deps);
  registerForwardPlan(app, deps);
  registerTracker(app, deps);
  registerFollow(app, deps);
  registerWards(app, deps);
  registerPages(app, deps);
  app.notFound(onNotFound);
  app.onError(onError);
  answerHeadWithGet(app);
  return app;
}
