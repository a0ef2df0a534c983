// The workspace routes for exempt business: the list at /admin/exempt, an item's release date at
// /admin/meetings/{meeting}/items/{item}/release, and a person's committees at
// /admin/users/{id}/committees. Each reads top to bottom: validate, authorise, run, present.
import type { Context, Hono } from "hono";
import { z } from "zod";
import type { AppDeps } from "../deps.ts";
import { renderPage } from "../render.tsx";
import { respondWithProblem } from "../errors.tsx";
import { readParams, slug } from "../validate.ts";
import { can, type Action, type Resource } from "../auth/policy.ts";
import { formToken } from "../auth/csrf.ts";
import type { FieldError } from "../auth/forms.tsx";
import { viewerOf } from "../viewer.ts";
import { writeTransaction } from "../../store/write.ts";
import { findUserById, listUsers } from "../../store/accounts/users.ts";
import { committeeAccessOf, setCommitteeAccess } from "../../store/exempt/access.ts";
import { findExemptItem, listExemptItems, setExemptRelease } from "../../store/exempt/release.ts";
import { AccessForm, ExemptPage, ReleaseForm, accessUrl } from "./pages.tsx";
import { QuorumError } from "../../domain/errors.ts";

/** The paths of the forms here, which the app lets POST through (everything else only reads). */
export const EXEMPT_POSTS = /^\/admin\/(users\/[^/]+\/committees|meetings\/[^/]+\/items\/[^/]+\/release)$/;

/** Signed out: to the sign-in page (303, so a refused POST becomes a GET); signed in but not allowed: 403. */
function refuse(c: Context, action: Action, resource: Resource): Response | undefined {
  const user = c.get("account")?.user;
  if (can(user, action, resource)) return undefined;
  if (!user) return c.redirect(`/sign-in?next=${encodeURIComponent(new URL(c.req.url).pathname)}`, 303);
  return respondWithProblem(c, { id: "forbidden", status: 403, message: "Your account does not give you access to this page." });
}

const itemParams = z.object({ meeting: slug, item: slug });
const userParams = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= "1900-01-01" && s <= "2200-12-31";
  });

async function form(c: Context): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  return Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === "string"));
}

const actorOf = (c: Context) => {
  const u = c.get("account")!.user;
  return { userId: u.id, label: u.email };
};

export function registerExempt(app: Hono, deps: AppDeps): void {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  app.get("/admin/exempt", async (c) => {
    const refused = refuse(c, "exempt.release", { kind: "exempt_item" });
    if (refused) return refused;
    const [items, users] = await Promise.all([listExemptItems(db), listUsers(db)]);
    const people = users.filter((u) => (u.role === "officer" || u.role === "member") && !u.disabled);
    return c.html(renderPage(c, <ExemptPage items={items} people={people} today={viewerOf(c).today ?? ""} />));
  });

  const exemptItem = async (c: Context) => {
    const p = readParams(c, itemParams);
    const item = await findExemptItem(db, p.meeting, p.item);
    if (!item) throw new QuorumError("not_found", "No exempt item at this address");
    return item;
  };

  app.get("/admin/meetings/:meeting/items/:item/release", async (c) => {
    const refused = refuse(c, "exempt.release", { kind: "exempt_item" });
    if (refused) return refused;
    const item = await exemptItem(c);
    return c.html(renderPage(c, <ReleaseForm item={item} csrf={formToken(c, deps.publicUrl)} value={item.releaseOn ?? ""} errors={[]} />));
  });

  app.post("/admin/meetings/:meeting/items/:item/release", async (c) => {
    // validate
    const fields = await form(c);
    const value = (fields.releaseOn ?? "").trim();
    const errors: FieldError[] = [];
    if (value && !isoDay.safeParse(value).success) errors.push({ field: "releaseOn", message: "Enter a real date as year, month and day, for example 2027-03-31" });
    // authorise
    const refused = refuse(c, "exempt.release", { kind: "exempt_item" });
    if (refused) return refused;
    const item = await exemptItem(c);
    if (errors.length) return c.html(renderPage(c, <ReleaseForm item={item} csrf={formToken(c, deps.publicUrl)} value={value} errors={errors} />), 422);
    // run
    const today = viewerOf(c).today ?? "";
    await writeTransaction(db, (trx) => setExemptRelease(trx, item, value || null, actorOf(c), now(), today));
    // present
    return c.redirect(`/admin/exempt#exempt-${item.id}`, 303);
  });

  const person = async (c: Context) => {
    const { id } = readParams(c, userParams);
    const user = await findUserById(db, id);
    if (!user) throw new QuorumError("not_found", "No such account");
    return user;
  };

  app.get("/admin/users/:id/committees", async (c) => {
    const refused = refuse(c, "exempt.access.manage", { kind: "committee_access" });
    if (refused) return refused;
    const user = await person(c);
    return c.html(renderPage(c, <AccessForm user={user} committees={await committeeAccessOf(db, user.id)} csrf={formToken(c, deps.publicUrl)} errors={[]} />));
  });

  app.post("/admin/users/:id/committees", async (c) => {
    // validate
    const fields = await form(c);
    const chosen = Object.keys(fields)
      .map((k) => /^committee-(\d{1,9})$/.exec(k)?.[1])
      .filter((id): id is string => id !== undefined)
      .map(Number);
    // authorise
    const refused = refuse(c, "exempt.access.manage", { kind: "committee_access" });
    if (refused) return refused;
    const user = await person(c);
    const committees = await committeeAccessOf(db, user.id);
    const known = new Set(committees.map((b) => b.id));
    const field = committees[0] ? `committee-${committees[0].id}` : "committees";
    const again = (status: 409 | 422, message: string) =>
      c.html(
        renderPage(c, <AccessForm user={user} committees={committees.map((b) => ({ ...b, granted: chosen.includes(b.id) }))} csrf={formToken(c, deps.publicUrl)} errors={[{ field, message }]} />),
        status,
      );
    if (user.role === "admin" || user.role === "clerk") return again(409, `${user.displayName} is a ${user.role} and may already read every committee’s exempt business`);
    if (chosen.some((id) => !known.has(id))) return again(422, "Choose only committees listed here");
    // run
    await writeTransaction(db, (trx) => setCommitteeAccess(trx, user.id, chosen, actorOf(c), now()));
    // present
    return c.redirect(accessUrl(user.id), 303);
  });
}
