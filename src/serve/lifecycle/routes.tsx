// The minutes lifecycle: the clerk's minutes page and its two writes (publish a draft, approve as a
// correct record), and the public page of the minutes as approved. Each write reads top to bottom:
// validate, authorise, run (a store function in one transaction with its audit entry), present.
import type { Context, Hono } from "hono";
import { z } from "zod";
import { QuorumError } from "../../domain/errors.ts";
import type { AppDeps } from "../deps.ts";
import { renderPage } from "../render.tsx";
import { respondWithProblem } from "../errors.tsx";
import { readParams, slug } from "../validate.ts";
import { can, type Action } from "../auth/policy.ts";
import { formToken } from "../auth/csrf.ts";
import type { FieldError } from "../auth/forms.tsx";
import { approveMinutes, publishDraftMinutes } from "../../store/lifecycle/minutes.ts";
import { draftMinutes, getApprovedVersion, getMeetingForClerk, laterMeetings, readMinutesLifecycle } from "../../store/lifecycle/read.ts";
import { approvalSuggestions } from "../../store/lifecycle/suggest.ts";
import { ApprovedMinutesPage, lifecycleUrls, MinutesPage, MinutesToDo, type MinutesPageProps } from "./pages.tsx";

const bySlug = z.object({ slug });

/** The paths that take a POST here (behind the account guard: session, Origin and form token). */
export const LIFECYCLE_POSTS = /^\/admin\/meetings\/[^/]+\/minutes\/(?:publish|approve)$/;
const approveForm = z.object({
  approval: z.string().max(400).optional(),
  approvedAt: z.string().max(200).optional(),
  item: z.string().max(40).optional(),
});

/** Signed out: to sign in (303 after a POST, so the browser GETs it). Signed in but not allowed: 403. */
function refuse(c: Context, action: Action, slugValue: string): Response | undefined {
  const user = c.get("account")?.user;
  if (can(user, action, { kind: "meeting", slug: slugValue })) return undefined;
  if (!user) {
    const back = c.req.method === "GET" ? new URL(c.req.url).pathname : lifecycleUrls.page(slugValue);
    return c.redirect(`/sign-in?next=${encodeURIComponent(back)}`, c.req.method === "GET" ? 302 : 303);
  }
  return respondWithProblem(c, { id: "forbidden", status: 403, message: "Your account does not give you access to the minutes workspace." });
}

async function form(c: Context): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  return Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === "string")) as Record<string, string>;
}

const STATUS_OF: Record<string, 400 | 404 | 409 | 422> = { invalid: 422, conflict: 409, not_found: 404 };

export function registerLifecycle(app: Hono, deps: AppDeps): void {
  const { db, publicUrl } = deps;
  const now = deps.now ?? (() => new Date());

  async function show(c: Context, meetingSlug: string, errors: FieldError[] = [], values?: MinutesPageProps["values"], status: 200 | 400 | 409 | 422 = 200) {
    const meeting = await getMeetingForClerk(db, meetingSlug);
    if (!meeting) throw new QuorumError("not_found", "Meeting not found");
    const [lifecycle, suggestions, later] = await Promise.all([
      readMinutesLifecycle(db, meeting.id, false),
      meeting.status === "published" ? approvalSuggestions(db, { meetingId: meeting.id }) : Promise.resolve([]),
      meeting.status === "published" ? laterMeetings(db, meeting.id) : Promise.resolve([]),
    ]);
    return c.html(renderPage(c, <MinutesPage csrf={formToken(c, publicUrl)} meeting={meeting} lifecycle={lifecycle!} suggestions={suggestions} later={later} errors={errors} values={values} />), status);
  }

  app.get("/admin/meetings/:slug/minutes", async (c) => {
    const { slug: s } = readParams(c, bySlug);
    const refused = refuse(c, "minutes.manage", s);
    if (refused) return refused;
    return show(c, s);
  });

  app.post("/admin/meetings/:slug/minutes/publish", async (c) => {
    // validate
    const { slug: s } = readParams(c, bySlug);
    // authorise
    const refused = refuse(c, "minutes.publish", s);
    if (refused) return refused;
    // run
    const user = c.get("account")!.user;
    try {
      await publishDraftMinutes(db, s, { userId: user.id, label: user.email }, now());
    } catch (err) {
      if (err instanceof QuorumError && err.code === "conflict") return show(c, s, [{ field: "minutes-status", message: err.message }], undefined, 409);
      throw err;
    }
    // present
    return c.redirect(lifecycleUrls.page(s), 303);
  });

  app.post("/admin/meetings/:slug/minutes/approve", async (c) => {
    // validate
    const { slug: s } = readParams(c, bySlug);
    const parsed = approveForm.safeParse(await form(c));
    const values = parsed.success ? parsed.data : {};
    const errors: FieldError[] = [];
    let approvingSlug: string | undefined;
    let itemNumber: string | null = null;
    if (!parsed.success || !values.approval) errors.push({ field: "approval", message: "Choose where these minutes were agreed" });
    else if (values.approval === "other") {
      approvingSlug = values.approvedAt?.trim() || undefined;
      itemNumber = values.item?.trim() || null;
      if (!approvingSlug) errors.push({ field: "approvedAt", message: "Choose the later meeting that agreed these minutes" });
      else if (!slug.safeParse(approvingSlug).success) errors.push({ field: "approvedAt", message: "Choose a meeting from the list" });
    } else {
      const [meetingPart, itemPart] = values.approval.split("#");
      approvingSlug = meetingPart;
      itemNumber = itemPart || null;
      if (!slug.safeParse(approvingSlug).success) errors.push({ field: "approval", message: "Choose where these minutes were agreed" });
    }
    // authorise (before any answer that shows the meeting)
    const refused = refuse(c, "minutes.approve", s);
    if (refused) return refused;
    if (errors.length) return show(c, s, errors, values, 400);
    // run
    const user = c.get("account")!.user;
    try {
      await approveMinutes(db, { slug: s, approvingSlug: approvingSlug!, itemNumber }, { userId: user.id, label: user.email }, now());
    } catch (err) {
      if (err instanceof QuorumError && err.code in STATUS_OF && err.code !== "not_found") {
        const field = err.code === "conflict" ? "minutes-status" : /\bitem\b/i.test(err.message) ? "item" : values.approval === "other" ? "approvedAt" : "approval";
        return show(c, s, [{ field, message: err.message }], values, STATUS_OF[err.code] as 409 | 422);
      }
      throw err;
    }
    // present
    return c.redirect(lifecycleUrls.page(s), 303);
  });

  // public: the minutes as approved, through the same visibility rule as the live record
  app.get("/meetings/:slug/minutes/approved", async (c) => {
    const { slug: s } = readParams(c, bySlug);
    const v = await getApprovedVersion(db, s);
    if (!v) throw new QuorumError("not_found", "Approved minutes not found");
    return c.html(renderPage(c, <ApprovedMinutesPage v={v} />));
  });
}

/** The workspace dashboard's minutes panel, for those who may approve. */
export async function minutesToDo(deps: AppDeps) {
  const [suggestions, drafts] = await Promise.all([approvalSuggestions(deps.db, { awaitingOnly: true, limit: 20 }), draftMinutes(deps.db)]);
  return <MinutesToDo suggestions={suggestions} drafts={drafts} />;
}
