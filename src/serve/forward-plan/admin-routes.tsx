// The clerk's forward plan. Each write reads top to bottom: validate the form, authorise (signed
// out: to sign in; signed in without the right: 403), run one store function (the notice rule, the
// version check and the audit entry in its transaction), present: a 303 to the page showing the
// result, or the form again with its errors (400 for the form, 409 for a stale save, 422 for what
// the notice rule refused).
import type { Context, Hono } from "hono";
import type { Child } from "hono/jsx";
import { z } from "zod";
import { QuorumError } from "../../domain/errors.ts";
import { readAudit } from "../../store/audit.ts";
import { addKeyDecisionEntry, editKeyDecision, KeyDecisionRefused, withdrawKeyDecision } from "../../store/forward-plan/entries.ts";
import { keyDecisionForClerk, listForClerk } from "../../store/forward-plan/read.ts";
import { linkTaken, meetingChoice, suggestMeetings, unlinkTaken } from "../../store/forward-plan/taken.ts";
import { StaleVersion } from "../../store/people/edit.ts";
import { refuse as refuseFor } from "../admin/routes.tsx";
import { formToken } from "../auth/csrf.ts";
import type { FieldError } from "../auth/forms.tsx";
import type { AppDeps } from "../deps.ts";
import { isoDateIn } from "../format.ts";
import { renderPage } from "../render.tsx";
import { readParams, readQuery, slug } from "../validate.ts";
import { AdminPlanPage, KeyDecisionFormPage, type FormPageProps } from "./admin-pages.tsx";
import { TakenPage } from "./taken-page.tsx";
import { readKeyDecisionForm, valuesOf, type FormValues } from "./form.ts";
import { planUrls } from "./urls.ts";

const RIGHT = "forward_plan.edit" as const;
const RESOURCE = { kind: "forward_plan" } as const;
const bySlug = z.object({ slug });

/** Signed out: to sign in (303 after a POST, back to the form's page). Signed in without the right: 403. */
function refuse(c: Context, action: typeof RIGHT, resource: typeof RESOURCE): Response | undefined {
  const refused = refuseFor(c, action, resource);
  if (!refused || c.req.method !== "POST" || refused.status !== 302) return refused;
  const page = c.req.path === planUrls.admin.create() ? planUrls.admin.add() : c.req.path.replace(/\/(withdraw|taken\/remove|taken)$/, "");
  return c.redirect(`/sign-in?next=${encodeURIComponent(page)}`, 303);
}
const version = z.coerce.number().int().min(1);
const DONE = { added: "Key decision added to the forward plan", saved: "Changes saved", withdrawn: "Key decision withdrawn", taken: "Linked to the meeting where it was taken", untaken: "Link to the meeting removed" } as const;
const STALE: FieldError = { field: "conflict", message: "Someone else changed this key decision after you opened the form. Check their change below, then save again." };

async function readForm(c: Context): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  return Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === "string")) as Record<string, string>;
}

const withdrawnQuery = z.object({ done: z.enum(["withdrawn"]).optional() });
const doneQuery = z.object({ done: z.enum(["added", "saved", "taken", "untaken"]).optional() });
const meetingQuery = z.object({ meeting: z.string().trim().max(200).optional() });

export function registerForwardPlanAdmin(app: Hono, deps: AppDeps): void {
  const { db, publicUrl } = deps;
  const now = deps.now ?? (() => new Date());
  const today = () => isoDateIn(now());
  const html = (c: Context, page: Child, status: 200 | 400 | 404 | 409 | 422 = 200) => c.html(renderPage(c, page), status);
  const actorOf = (c: Context) => {
    const user = c.get("account")!.user;
    return { userId: user.id, label: user.email };
  };
  const choices = async () => {
    const [bodies, authorities] = await Promise.all([
      db.selectFrom("bodies").innerJoin("authorities", "authorities.id", "bodies.authority_id").select(["bodies.slug", "bodies.name", "authorities.name as authority"]).orderBy("bodies.name").execute(),
      db.selectFrom("authorities").select(["slug", "name"]).orderBy("name").execute(),
    ]);
    const many = authorities.length > 1;
    return { bodies: bodies.map((b) => ({ slug: b.slug, name: many ? `${b.name} (${b.authority})` : b.name })), authorities };
  };
  const found = async (s: string) => {
    const d = await keyDecisionForClerk(db, s);
    if (!d) throw new QuorumError("not_found", "Key decision not found");
    return d;
  };
  const formPage = async (c: Context, props: Omit<FormPageProps, "csrf" | "bodies" | "authorities">) => <KeyDecisionFormPage csrf={formToken(c, publicUrl)} {...(await choices())} {...props} />;
  const latest = async (s: string) => (await readAudit(db, { recordKind: "key_decision", recordId: s, limit: 1 })).entries[0] ?? null;

  app.get(planUrls.admin.list(), async (c) => {
    const { done } = readQuery(c, withdrawnQuery);
    const refused = refuse(c, RIGHT, RESOURCE);
    if (refused) return refused;
    return html(c, <AdminPlanPage list={await listForClerk(db)} done={done && DONE[done]} />);
  });

  app.get(planUrls.admin.add(), async (c) => {
    const refused = refuse(c, RIGHT, RESOURCE);
    if (refused) return refused;
    return html(c, await formPage(c, { values: { exception: "none" }, errors: [] }));
  });

  app.post(planUrls.admin.create(), async (c) => {
    // validate
    const form = readKeyDecisionForm(await readForm(c));
    // authorise
    const refused = refuse(c, RIGHT, RESOURCE);
    if (refused) return refused;
    if (!form.fields) return html(c, await formPage(c, { values: form.values, errors: form.errors }), 400);
    // run
    let s: string;
    try {
      s = await addKeyDecisionEntry(db, { fields: form.fields, authority: form.values.authority || undefined, actor: actorOf(c), now: now(), today: today() });
    } catch (err) {
      if (err instanceof KeyDecisionRefused) return html(c, await formPage(c, { values: form.values, errors: err.problems }), 422);
      throw err;
    }
    // present
    return c.redirect(`${planUrls.admin.edit(s)}?done=added`, 303);
  });

  app.get("/admin/forward-plan/:slug", async (c) => {
    const { slug: s } = readParams(c, bySlug);
    const { done } = readQuery(c, doneQuery);
    const refused = refuse(c, RIGHT, RESOURCE);
    if (refused) return refused;
    const d = await found(s);
    return html(c, await formPage(c, { existing: d, values: valuesOf(d), errors: [], done: done && DONE[done] }));
  });

  app.post("/admin/forward-plan/:slug", async (c) => {
    // validate
    const { slug: s } = readParams(c, bySlug);
    const raw = await readForm(c);
    const form = readKeyDecisionForm(raw);
    const v = version.safeParse(raw.version);
    // authorise
    const refused = refuse(c, RIGHT, RESOURCE);
    if (refused) return refused;
    const d = await found(s);
    if (!v.success) return html(c, await formPage(c, { existing: d, values: form.values, errors: [{ field: "conflict", message: "The form is missing its version; reload the page" }] }), 400);
    if (!form.fields) return html(c, await formPage(c, { existing: d, values: form.values, errors: form.errors }), 400);
    // run
    try {
      await editKeyDecision(db, { slug: s, version: v.data, fields: form.fields, actor: actorOf(c), now: now(), today: today() });
    } catch (err) {
      if (err instanceof StaleVersion) return html(c, await formPage(c, { existing: await found(s), values: form.values, errors: [STALE], conflict: await latest(s) }), 409);
      if (err instanceof KeyDecisionRefused) return html(c, await formPage(c, { existing: d, values: form.values, errors: err.problems }), 422);
      if (err instanceof QuorumError && err.code === "conflict") return html(c, await formPage(c, { existing: d, values: form.values, errors: [{ field: "conflict", message: err.message }] }), 409);
      throw err;
    }
    // present
    return c.redirect(`${planUrls.admin.edit(s)}?done=saved`, 303);
  });

  app.post("/admin/forward-plan/:slug/withdraw", async (c) => {
    // validate
    const { slug: s } = readParams(c, bySlug);
    const raw = await readForm(c);
    const v = version.safeParse(raw.version);
    const reason = (raw.withdrawReason ?? "").trim().slice(0, 1000);
    // authorise
    const refused = refuse(c, RIGHT, RESOURCE);
    if (refused) return refused;
    const d = await found(s);
    const again = async (errors: FieldError[], status: 400 | 409 | 422, conflict?: boolean) =>
      html(c, await formPage(c, { existing: conflict ? await found(s) : d, values: valuesOf(d), errors: conflict ? [STALE] : [], withdrawErrors: conflict ? [] : errors, withdrawReason: reason, conflict: conflict ? await latest(s) : undefined }), status);
    if (!v.success) return again([{ field: "withdrawReason", message: "The form is missing its version; reload the page" }], 400);
    // run
    try {
      await withdrawKeyDecision(db, { slug: s, version: v.data, reason, actor: actorOf(c), now: now(), today: today() });
    } catch (err) {
      if (err instanceof StaleVersion) return again([], 409, true);
      if (err instanceof KeyDecisionRefused) return again(err.problems, 422);
      if (err instanceof QuorumError && err.code === "conflict") return again([{ field: "withdrawReason", message: err.message }], 409);
      throw err;
    }
    // present
    return c.redirect(`${planUrls.admin.list()}?done=withdrawn`, 303);
  });

  const takenPage = async (c: Context, s: string, meeting: string | undefined, errors: FieldError[] = []) => {
    const d = await found(s);
    const [suggestions, chosen] = await Promise.all([suggestMeetings(db, s), meeting ? meetingChoice(db, meeting) : Promise.resolve(null)]);
    const all = meeting && !chosen ? [...errors, { field: "meeting", message: "No meeting has that address" }] : errors;
    return <TakenPage d={d} csrf={formToken(c, publicUrl)} suggestions={suggestions} chosen={chosen} meeting={meeting} errors={all} />;
  };

  app.get("/admin/forward-plan/:slug/taken", async (c) => {
    const { slug: s } = readParams(c, bySlug);
    const q = readQuery(c, meetingQuery);
    const refused = refuse(c, RIGHT, RESOURCE);
    if (refused) return refused;
    const unknown = !!q.meeting && !(await meetingChoice(db, q.meeting));
    return html(c, await takenPage(c, s, q.meeting), unknown ? 404 : 200);
  });

  app.post("/admin/forward-plan/:slug/taken", async (c) => {
    // validate
    const { slug: s } = readParams(c, bySlug);
    const raw = await readForm(c);
    const v = version.safeParse(raw.version);
    const meeting = slug.safeParse(raw.meeting ?? "");
    const choice = /^([^|]{0,40})\|(\d{0,3})$/.exec(raw.resolution ?? "");
    // authorise
    const refused = refuse(c, RIGHT, RESOURCE);
    if (refused) return refused;
    await found(s);
    if (!meeting.success) return html(c, await takenPage(c, s, undefined, [{ field: "meeting", message: "Choose the meeting" }]), 400);
    if (!v.success || !choice) return html(c, await takenPage(c, s, meeting.data, [{ field: "resolution", message: v.success ? "Choose the resolution, or the meeting alone" : "The form is missing its version; reload the page" }]), 400);
    // run
    try {
      await linkTaken(db, { slug: s, version: v.data, meeting: meeting.data, itemNumber: choice[1] || null, resolutionPosition: choice[2] ? Number(choice[2]) : null, actor: actorOf(c), now: now() });
    } catch (err) {
      if (err instanceof StaleVersion) return html(c, await takenPage(c, s, meeting.data, [STALE]), 409);
      if (err instanceof KeyDecisionRefused) return html(c, await takenPage(c, s, meeting.data, err.problems), 422);
      if (err instanceof QuorumError && err.code === "conflict") return html(c, await takenPage(c, s, meeting.data, [{ field: "resolution", message: err.message }]), 409);
      throw err;
    }
    // present
    return c.redirect(`${planUrls.admin.edit(s)}?done=taken`, 303);
  });

  app.post("/admin/forward-plan/:slug/taken/remove", async (c) => {
    const { slug: s } = readParams(c, bySlug);
    const raw = await readForm(c);
    const v = version.safeParse(raw.version);
    const refused = refuse(c, RIGHT, RESOURCE);
    if (refused) return refused;
    const d = await found(s);
    try {
      if (!v.success) throw new StaleVersion("key_decision", String(d.id));
      await unlinkTaken(db, { slug: s, version: v.data, actor: actorOf(c), now: now() });
    } catch (err) {
      if (err instanceof StaleVersion || (err instanceof QuorumError && err.code === "conflict")) return html(c, await formPage(c, { existing: await found(s), values: valuesOf(d), errors: [STALE], conflict: await latest(s) }), 409);
      throw err;
    }
    return c.redirect(`${planUrls.admin.edit(s)}?done=untaken`, 303);
  });
}

export type { FormValues };
