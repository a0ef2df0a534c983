// Email alerts' pages and forms. Anyone may post them, without an account: asking for alerts is
// checked for CSRF (Origin and the form token, as the sign-in form) and rate limited per address
// and per IP; the pages reached from an email are authorised by the link's token alone. The
// one-click unsubscribe POST takes no form token, because a mail client sends it (RFC 8058).
import type { Context, Hono, MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppDeps } from "../deps.ts";
import { renderPage } from "../render.tsx";
import { respondWithProblem } from "../errors.tsx";
import { CSRF_FIELD, formToken, formTokenValid, originCheck } from "../auth/csrf.ts";
import { clientIp } from "../auth/routes.tsx";
import type { FieldError } from "../auth/forms.tsx";
import { QuorumError } from "../../domain/errors.ts";
import { changeByLink, checkEmail, committeeForAlerts, confirmSubscription, managedBy, peekConfirmation, requestPersonSubscription, requestSearchSubscription, requestSubscription, requestTrackerSubscription, requestWardSubscription, unsubscribeByLink } from "../../store/mail/subscriptions.ts";
import { wardForAlerts } from "../../store/mail/wards.ts";
import { checkSearch } from "../../store/mail/searches.ts";
import { personForAlerts } from "../../store/mail/people.ts";
import { searchLabel, searchParams, type AlertSearch } from "../../domain/alerts.ts";
import { inquiryForAlerts, recommendationForAlerts, type TrackerTarget } from "../../store/mail/tracker.ts";
import { trackerLabel } from "../../domain/alerts.ts";
import { trackerUrls } from "../tracker/urls.ts";
import { AlertLinkUnusablePage, CheckEmailPage, ConfirmedPage, ConfirmPage, ManagePage, PersonSubscribePage, SearchSubscribePage, SubscribePage, TrackerSubscribePage, UnsubscribedPage, UnsubscribePage, WardSubscribePage } from "./pages.tsx";
import { alertUrls } from "./urls.ts";
import { urls } from "../urls.ts";

const NOTICES: Record<string, string> = { frequency: "How often you get this alert has been changed", removed: "The alert has been removed" };

async function field(c: Context, name: string): Promise<string> {
  const v = (await c.req.parseBody())[name];
  return typeof v === "string" ? v : "";
}

/** Pages holding a token in their address: never cached, never sent on as a Referer. */
const private_: MiddlewareHandler = async (c, next) => {
  await next();
  // a signed-in visitor's pages are already "private, no-store"
  if (!/no-store/.test(c.res.headers.get("cache-control") ?? "")) c.res.headers.set("cache-control", "no-store");
  c.res.headers.set("referrer-policy", "no-referrer");
};

/** The sign-in form's two checks: the Origin, and the form token. */
function formChecks(deps: AppDeps): MiddlewareHandler {
  const origin = originCheck(deps.publicUrl);
  return async (c, next) => {
    if (c.req.method !== "POST") return next();
    let sameSite = true;
    try {
      await origin(c, async () => {});
    } catch (err) {
      if (!(err instanceof HTTPException)) throw err;
      sameSite = false;
    }
    const isForm = /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(c.req.header("content-type") ?? "");
    if (!sameSite || !isForm || !formTokenValid(c, await field(c, CSRF_FIELD))) {
      return respondWithProblem(c, { id: "forbidden", status: 403, message: "This form has expired or did not come from this site. Go back, reload the page and try again." });
    }
    return next();
  };
}

/**
 * The address checked, then the subscription asked for: the form again with its error (a bad
 * address, or too many requests), or null when the request was taken.
 */
async function requestOrAgain(raw: string, again: (status: 400 | 429, errors: FieldError[]) => Response | Promise<Response>, request: (email: string) => Promise<string>): Promise<Response | null> {
  let email: string;
  try {
    email = checkEmail(raw);
  } catch (err) {
    if (err instanceof QuorumError && err.code === "invalid") return again(400, [{ field: "email", message: err.message }]);
    throw err;
  }
  if ((await request(email)) === "throttled") return again(429, [{ field: "email", message: "There have been too many requests for alerts. Wait an hour, then try again." }]);
  return null;
}

const frequencyOf = (v: string) => (v === "daily" ? "daily" : "immediate");

export function registerAlerts(app: Hono, deps: AppDeps): void {
  const { db, publicUrl } = deps;
  const now = deps.now ?? (() => new Date());
  const checks = formChecks(deps);
  app.use("/committees/:slug/alerts", private_, checks);
  app.use("/committees/:slug/alerts/*", private_);
  app.use("/alerts/*", private_);
  app.use("/search/alerts", private_, checks);
  app.use("/people/:slug/alerts", private_, checks);
  app.use("/people/:slug/alerts/*", private_);
  app.use("/search/alerts/*", private_);
  app.use("/wards/:slug/alerts", private_, checks);
  app.use("/wards/:slug/alerts/*", private_);
  app.use("/recommendations/:slug/alerts", private_, checks);
  app.use("/recommendations/:slug/alerts/*", private_);
  app.use("/recommendations/:slug/:number/alerts", private_, checks);
  app.use("/recommendations/:slug/:number/alerts/*", private_);
  app.use("/alerts/confirm/*", checks);
  app.use("/alerts/manage/*", checks);

  app.get("/committees/:slug/alerts", async (c) => {
    const committee = await committeeForAlerts(db, c.req.param("slug"));
    if (!committee) throw new QuorumError("not_found", "Committee not found");
    return c.html(renderPage(c, <SubscribePage committee={committee} csrf={formToken(c, publicUrl)} frequency="immediate" errors={[]} />));
  });

  app.post("/committees/:slug/alerts", async (c) => {
    // validate
    const committee = await committeeForAlerts(db, c.req.param("slug"));
    if (!committee) throw new QuorumError("not_found", "Committee not found");
    const raw = await field(c, "email");
    const frequency = frequencyOf(await field(c, "frequency"));
    const again = (status: 400 | 429, errors: FieldError[]) => c.html(renderPage(c, <SubscribePage committee={committee} csrf={formToken(c, publicUrl)} email={raw} frequency={frequency} errors={errors} />), status);
    // run (the limits per address and per IP are checked inside)
    const refused = await requestOrAgain(raw, again, (email) => requestSubscription(db, { email, committee: committee.slug, frequency, ip: clientIp(c) }, now()));
    if (refused) return refused;
    // present: the same page whether or not the address already follows the committee
    return c.redirect(alertUrls.requested(committee.slug), 303);
  });

  app.get("/committees/:slug/alerts/check-email", async (c) => {
    const committee = await committeeForAlerts(db, c.req.param("slug"));
    if (!committee) throw new QuorumError("not_found", "Committee not found");
    return c.html(renderPage(c, <CheckEmailPage target={{ name: `the ${committee.name}`, href: urls.committee(committee.slug) }} />));
  });

  const person = async (c: Context) => {
    const p = await personForAlerts(db, c.req.param("slug") ?? "");
    if (!p) throw new QuorumError("not_found", "Person not found");
    return p;
  };

  app.get("/people/:slug/alerts", async (c) => {
    const p = await person(c);
    return c.html(renderPage(c, <PersonSubscribePage person={p} csrf={formToken(c, publicUrl)} frequency="immediate" errors={[]} />));
  });

  app.post("/people/:slug/alerts", async (c) => {
    // validate
    const p = await person(c);
    const raw = await field(c, "email");
    const frequency = frequencyOf(await field(c, "frequency"));
    const again = (status: 400 | 429, errors: FieldError[]) => c.html(renderPage(c, <PersonSubscribePage person={p} csrf={formToken(c, publicUrl)} email={raw} frequency={frequency} errors={errors} />), status);
    // run
    const refused = await requestOrAgain(raw, again, (email) => requestPersonSubscription(db, { email, person: p.slug, frequency, ip: clientIp(c) }, now()));
    if (refused) return refused;
    // present: the same page whether or not the address already follows the person
    return c.redirect(alertUrls.personRequested(p.slug), 303);
  });

  app.get("/people/:slug/alerts/check-email", async (c) => {
    const p = await person(c);
    return c.html(renderPage(c, <CheckEmailPage target={{ name: p.name, href: urls.person(p.slug) }} />));
  });

  const ward = async (c: Context) => {
    const w = await wardForAlerts(db, c.req.param("slug") ?? "");
    if (!w) throw new QuorumError("not_found", "Ward not found");
    return { slug: w.slug, name: w.name, council: w.authority.name };
  };

  app.get("/wards/:slug/alerts", async (c) => {
    const w = await ward(c);
    return c.html(renderPage(c, <WardSubscribePage ward={w} csrf={formToken(c, publicUrl)} frequency="immediate" errors={[]} />));
  });

  app.post("/wards/:slug/alerts", async (c) => {
    // validate
    const w = await ward(c);
    const raw = await field(c, "email");
    const frequency = frequencyOf(await field(c, "frequency"));
    const again = (status: 400 | 429, errors: FieldError[]) => c.html(renderPage(c, <WardSubscribePage ward={w} csrf={formToken(c, publicUrl)} email={raw} frequency={frequency} errors={errors} />), status);
    // run
    const refused = await requestOrAgain(raw, again, (email) => requestWardSubscription(db, { email, ward: w.slug, frequency, ip: clientIp(c) }, now()));
    if (refused) return refused;
    // present: the same page whether or not the address already follows the ward
    return c.redirect(alertUrls.wardRequested(w.slug), 303);
  });

  app.get("/wards/:slug/alerts/check-email", async (c) => {
    const w = await ward(c);
    return c.html(renderPage(c, <CheckEmailPage target={{ name: `${w.name} ward`, href: urls.ward(w.slug) }} />));
  });

  // a saved search: its words and filters travel in the query string, as on /search
  const searchFrom = (c: Context): AlertSearch => checkSearch({ q: c.req.query("q"), type: c.req.query("type"), body: c.req.query("body"), authority: c.req.query("authority"), year: c.req.query("year") });

  app.get("/search/alerts", async (c) => {
    const search = searchFrom(c);
    return c.html(renderPage(c, <SearchSubscribePage search={search} csrf={formToken(c, publicUrl)} frequency="immediate" errors={[]} />));
  });

  app.post("/search/alerts", async (c) => {
    // validate
    const search = searchFrom(c);
    const raw = await field(c, "email");
    const frequency = frequencyOf(await field(c, "frequency"));
    const again = (status: 400 | 429, errors: FieldError[]) => c.html(renderPage(c, <SearchSubscribePage search={search} csrf={formToken(c, publicUrl)} email={raw} frequency={frequency} errors={errors} />), status);
    // run
    const refused = await requestOrAgain(raw, again, (email) => requestSearchSubscription(db, { email, search, frequency, ip: clientIp(c) }, now()));
    if (refused) return refused;
    // present: the same page whether or not the address already follows the search
    return c.redirect(`${alertUrls.searchRequested()}?${searchParams(search)}`, 303);
  });

  app.get("/search/alerts/check-email", async (c) => {
    const search = searchFrom(c);
    return c.html(renderPage(c, <CheckEmailPage target={{ name: searchLabel(search), href: `${urls.search()}?${searchParams(search)}` }} />));
  });

  // an inquiry of the scrutiny tracker, or one of its recommendations: only what the public tracker shows
  const tracked = async (c: Context): Promise<TrackerTarget> => {
    const slug = c.req.param("slug") ?? "";
    const number = c.req.param("number");
    const t = number === undefined ? await inquiryForAlerts(db, slug, now()) : await recommendationForAlerts(db, slug, number, now());
    if (!t) throw new QuorumError("not_found", number === undefined ? "Inquiry not found" : "Recommendation not found");
    return t;
  };
  const trackerPage = async (c: Context) => {
    const t = await tracked(c);
    return c.html(renderPage(c, <TrackerSubscribePage target={t} csrf={formToken(c, publicUrl)} frequency="immediate" errors={[]} />));
  };
  const trackerPost = async (c: Context) => {
    // validate
    const t = await tracked(c);
    const raw = await field(c, "email");
    const frequency = frequencyOf(await field(c, "frequency"));
    const again = (status: 400 | 429, errors: FieldError[]) => c.html(renderPage(c, <TrackerSubscribePage target={t} csrf={formToken(c, publicUrl)} email={raw} frequency={frequency} errors={errors} />), status);
    // run
    const refused = await requestOrAgain(raw, again, (email) => requestTrackerSubscription(db, { email, inquiry: t.inquiry.slug, number: t.number, frequency, ip: clientIp(c) }, now()));
    if (refused) return refused;
    // present: the same page whether or not the address already follows it
    return c.redirect(t.number === null ? alertUrls.inquiryRequested(t.inquiry.slug) : alertUrls.recommendationRequested(t.inquiry.slug, t.number), 303);
  };
  const trackerRequested = async (c: Context) => {
    const t = await tracked(c);
    const href = t.number === null ? trackerUrls.inquiry(t.inquiry.slug) : trackerUrls.recommendation(t.inquiry.slug, t.number);
    return c.html(renderPage(c, <CheckEmailPage target={{ name: trackerLabel(t.inquiry, t.number), href }} />));
  };
  app.get("/recommendations/:slug/alerts", trackerPage);
  app.post("/recommendations/:slug/alerts", trackerPost);
  app.get("/recommendations/:slug/alerts/check-email", trackerRequested);
  app.get("/recommendations/:slug/:number/alerts", trackerPage);
  app.post("/recommendations/:slug/:number/alerts", trackerPost);
  app.get("/recommendations/:slug/:number/alerts/check-email", trackerRequested);

  app.get("/alerts/confirm/:token", async (c) => {
    const token = c.req.param("token");
    const pending = await peekConfirmation(db, token, now());
    if (!pending) return c.html(renderPage(c, <AlertLinkUnusablePage />), 410);
    return c.html(renderPage(c, <ConfirmPage token={token} csrf={formToken(c, publicUrl)} email={pending.email} target={pending.target} />));
  });

  app.post("/alerts/confirm/:token", async (c) => {
    const confirmed = await confirmSubscription(db, c.req.param("token"), now());
    if (!confirmed) return c.html(renderPage(c, <AlertLinkUnusablePage />), 410);
    return c.html(renderPage(c, <ConfirmedPage target={confirmed.target} />));
  });

  app.get("/alerts/unsubscribe/:token", async (c) => {
    const token = c.req.param("token");
    const managed = await managedBy(db, token, now());
    if (!managed) throw new QuorumError("not_found", "This link is not one we sent");
    return c.html(renderPage(c, <UnsubscribePage token={token} managed={managed} />));
  });

  // RFC 8058: a mail client posts "List-Unsubscribe=One-Click" here with no cookie and no form token
  app.post("/alerts/unsubscribe/:token", async (c) => {
    const token = c.req.param("token");
    const done = await unsubscribeByLink(db, token, now());
    if (!done) throw new QuorumError("not_found", "This link is not one we sent");
    return c.html(renderPage(c, <UnsubscribedPage token={token} email={done.email} />));
  });

  app.get("/alerts/manage/:token", async (c) => {
    const token = c.req.param("token");
    const managed = await managedBy(db, token, now());
    if (!managed) throw new QuorumError("not_found", "This link is not one we sent");
    const notice = NOTICES[c.req.query("done") ?? ""];
    return c.html(renderPage(c, <ManagePage token={token} csrf={formToken(c, publicUrl)} managed={managed} notice={notice} errors={[]} />));
  });

  app.post("/alerts/manage/:token", async (c) => {
    // validate
    const token = c.req.param("token");
    const managed = await managedBy(db, token, now());
    if (!managed) throw new QuorumError("not_found", "This link is not one we sent");
    const id = Number(await field(c, "subscription"));
    const action = await field(c, "action");
    const subscription = managed.subscriptions.find((s) => s.id === id && s.status === "active");
    if (!subscription || (action !== "remove" && action !== "frequency")) {
      const errors = [{ field: "main-content", message: "Choose an alert to change from the list" }];
      return c.html(renderPage(c, <ManagePage token={token} csrf={formToken(c, publicUrl)} managed={managed} errors={errors} />), 400);
    }
    // run
    if (action === "remove") await changeByLink(db, token, id, { remove: true }, now());
    else await changeByLink(db, token, id, { frequency: frequencyOf(await field(c, "frequency")) }, now());
    // present
    return c.redirect(`${alertUrls.manage(token)}?done=${action === "remove" ? "removed" : "frequency"}`, 303);
  });
}
