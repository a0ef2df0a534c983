// Owners keep the tracker current. An owner's dashboard and update form under /account (anyone
// signed in has a dashboard; only an item's owner may post on it), and the clerk's tracker pages
// under /admin: owners, extensions, closing, and the queue of updates to accept or reject. The
// account guard (auth/routes.tsx) has already loaded the session and checked the form token.
// Each route reads top to bottom: validate, authorise, run, present.
import type { Context, Hono } from "hono";
import type { Transaction } from "kysely";
import type { Database } from "../../store/schema.ts";
import { z } from "zod";
import { QuorumError } from "../../domain/errors.ts";
import type { AppDeps } from "../deps.ts";
import { renderPage } from "../render.tsx";
import { respondWithProblem } from "../errors.tsx";
import { formatDate, isoDateIn } from "../format.ts";
import { readParams } from "../validate.ts";
import { can, type Action, type Resource } from "../auth/policy.ts";
import { formToken } from "../auth/csrf.ts";
import type { FieldError } from "../auth/forms.tsx";
import { listUsers, type User } from "../../store/accounts/users.ts";
import type { AuditEntry } from "../../store/audit.ts";
import { writeTransaction } from "../../store/write.ts";
import { listActions } from "../../store/scrutiny/actions.ts";
import { listRecommendations } from "../../store/scrutiny/recommendations.ts";
import { getTrackedItem, ITEM_KINDS, listTrackedItems, ownedIds, requireItem, type ItemRef, type TrackedItem } from "../../store/owners/items.ts";
import { changesSince } from "../../store/owners/changes.ts";
import { acceptUpdate, assignOwner, closeItem, extendDeadline, getOwnerUpdate, listPendingUpdates, listUpdatesBy, rejectUpdate, submitUpdate, updateErrors, VersionConflict, type Actor } from "../../store/owners/updates.ts";
import type { OtherChange } from "./forms.tsx";
import { OwnerDashboardPage, UPDATE_STATUS_LABELS, UpdateFormPage, type OwnedItemView } from "./pages.tsx";
import { ItemPage, QueuePage, TrackerItemsPage, type ItemFormValues } from "./clerk-pages.tsx";
import { ownerUrls } from "./urls.ts";

const itemParams = z.object({ kind: z.enum(ITEM_KINDS), id: z.coerce.number().int().positive().max(2 ** 31 - 1) });
const updateParams = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });
const field = (max: number) => z.string().max(max).optional().default("");
const versionField = z.coerce.number().int().min(1);

/** The signed-out are sent to sign in (303 after a form), the signed-in but not allowed refused with 403. */
function refuse(c: Context, action: Action, resource: Resource): Response | undefined {
  const user = c.get("account")?.user;
  if (can(user, action, resource)) return undefined;
  if (!user) {
    const url = new URL(c.req.url);
    const back = c.req.method === "GET" ? url.pathname + url.search : ownerUrls.dashboard();
    return c.redirect(`/sign-in?next=${encodeURIComponent(back)}`, c.req.method === "GET" ? 302 : 303);
  }
  return respondWithProblem(c, { id: "forbidden", status: 403, message: "Your account does not let you do this." });
}

async function form(c: Context): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  return Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === "string"));
}

const actorOf = (u: User): Actor => ({ userId: u.id, email: u.email, name: u.displayName });

/** The field a store error is about, so the error summary links to it. */
function errorFor(e: QuorumError, fields: Record<string, RegExp>): FieldError {
  for (const [f, re] of Object.entries(fields)) if (re.test(e.message)) return { field: f, message: e.message };
  return { field: Object.keys(fields)[0], message: e.message };
}

function describe(e: AuditEntry): OtherChange {
  const after = (e.after ?? {}) as Record<string, unknown>;
  const what: Record<string, () => string> = {
    "tracker.assign_owner": () => (after.owner ? `made ${after.owner} the owner` : "removed the owner"),
    "tracker.extend": () => `extended the deadline to ${formatDate(String(after.deadline))}: ${after.reason}`,
    "tracker.close": () => {
      const closed = after.closed as { outcome: string; date: string; note: string | null };
      return `closed it as ${UPDATE_STATUS_LABELS[closed.outcome] ?? closed.outcome} on ${formatDate(closed.date)}${closed.note ? `: ${closed.note}` : ""}`;
    },
    "tracker.update_accepted": () => "accepted an owner's update",
  };
  return { at: e.at, who: e.actorLabel, what: what[e.action]?.() ?? e.action };
}

const updateForm = z.object({ status: field(40), text: field(10_000), evidence: field(2_100) });

export function registerOwners(app: Hono, deps: AppDeps): void {
  const { db, publicUrl } = deps;
  const now = deps.now ?? (() => new Date());
  const today = () => isoDateIn(now());
  const html = (c: Context, page: unknown, status: 200 | 400 | 409 = 200) => c.html(renderPage(c, page as never), status);

  // The owner's side.

  app.get("/account/dashboard", async (c) => {
    const refused = refuse(c, "dashboard.view", { kind: "dashboard" });
    if (refused) return refused;
    const user = c.get("account")!.user;
    const ids = await ownedIds(db, user.id);
    const asOf = today();
    const recs = ids.recommendations.length ? (await listRecommendations(db, asOf, { includeNonPublic: true })).filter((r) => ids.recommendations.includes(r.id)) : [];
    const actions = ids.actions.length ? (await listActions(db, asOf, { includeNonPublic: true })).filter((a) => ids.actions.includes(a.id)) : [];
    const items: OwnedItemView[] = [];
    for (const r of recs) items.push({ item: await requireItem(db, { kind: "recommendation", id: r.id }), status: r.status, nextUpdateDue: r.nextUpdateDue, deadline: r.deadline, overdue: r.overdue });
    for (const a of actions) items.push({ item: await requireItem(db, { kind: "action", id: a.id }), status: a.status, nextUpdateDue: null, deadline: a.deadline, overdue: a.overdue ? ["deadline"] : [] });
    const notice = c.req.query("sent") !== undefined ? "Your update was sent to the clerk. It appears on the tracker once they accept it." : undefined;
    return html(
      c,
      <OwnerDashboardPage user={user} items={items} updates={await listUpdatesBy(db, user.id)} canReview={can(user, "tracker.review_update", { kind: "tracker" })} isStaff={can(user, "workspace.view", { kind: "workspace" })} notice={notice} />,
    );
  });

  const ownedItem = async (c: Context): Promise<TrackedItem> => {
    const ref = readParams(c, itemParams) as ItemRef;
    const item = await getTrackedItem(db, ref);
    if (!item) throw new QuorumError("not_found", "There is no such tracker item.");
    return item;
  };

  app.get("/account/tracker/:kind/:id/update", async (c) => {
    const item = await ownedItem(c);
    const refused = refuse(c, "tracker.post_update", { kind: "tracked_item", ownerUserId: item.owner?.id ?? null });
    if (refused) return refused;
    return html(c, <UpdateFormPage item={item} csrf={formToken(c, publicUrl)} values={{}} errors={[]} />);
  });

  app.post("/account/tracker/:kind/:id/update", async (c) => {
    // validate
    const item = await ownedItem(c);
    const f = updateForm.safeParse(await form(c));
    // authorise
    const refused = refuse(c, "tracker.post_update", { kind: "tracked_item", ownerUserId: item.owner?.id ?? null });
    if (refused) return refused;
    const values = f.success ? f.data : { status: "", text: "", evidence: "" };
    const input = { status: values.status, text: values.text, evidenceUrl: values.evidence.trim() || null };
    const errors: FieldError[] = f.success ? updateErrors(item.kind, input) : [{ field: "text", message: "The update is too long" }];
    const again = (status: 400, errs: FieldError[]) => html(c, <UpdateFormPage item={item} csrf={formToken(c, publicUrl)} values={values} errors={errs} />, status);
    if (errors.length) return again(400, errors);
    // run
    const user = c.get("account")!.user;
    try {
      await writeTransaction(db, (trx) => submitUpdate(trx, item, input, actorOf(user), today(), now()));
    } catch (e) {
      if (e instanceof QuorumError && e.code === "invalid") return again(400, [{ field: "status", message: e.message }]);
      throw e;
    }
    // present
    return c.redirect(`${ownerUrls.dashboard()}?sent`, 303);
  });

  // The clerk's side.

  app.get("/admin/tracker", async (c) => {
    const refused = refuse(c, "tracker.assign_owner", { kind: "tracker" });
    if (refused) return refused;
    return html(c, <TrackerItemsPage items={await listTrackedItems(db)} />);
  });

  const owners = async () => (await listUsers(db)).filter((u) => !u.disabled && (u.role === "officer" || u.role === "member"));
  const NOTICES: Record<string, string> = { owner: "The owner was saved.", extended: "The deadline was extended.", closed: "The item was closed." };

  const itemPage = async (c: Context, item: TrackedItem, extra: { values?: ItemFormValues; errors?: FieldError[]; conflict?: OtherChange[]; status?: 200 | 400 | 409; notice?: string } = {}) =>
    html(c, <ItemPage item={item} csrf={formToken(c, publicUrl)} people={await owners()} values={extra.values ?? {}} errors={extra.errors ?? []} conflict={extra.conflict} notice={extra.notice} />, extra.status ?? 200);

  app.get("/admin/tracker/updates", async (c) => {
    const refused = refuse(c, "tracker.review_update", { kind: "tracker" });
    if (refused) return refused;
    const done = c.req.query("accepted") !== undefined ? "The update was accepted and is now on the tracker." : c.req.query("rejected") !== undefined ? "The update was rejected; its owner sees your reason." : undefined;
    return html(c, <QueuePage updates={await listPendingUpdates(db)} csrf={formToken(c, publicUrl)} errors={[]} values={{}} notice={done} />);
  });

  app.get("/admin/tracker/:kind/:id", async (c) => {
    const ref = readParams(c, itemParams) as ItemRef;
    const refused = refuse(c, "tracker.assign_owner", { kind: "tracker" });
    if (refused) return refused;
    const item = await getTrackedItem(db, ref);
    if (!item) throw new QuorumError("not_found", "There is no such tracker item.");
    const saved = c.req.query("saved");
    return itemPage(c, item, { notice: saved ? NOTICES[saved] : undefined });
  });

  /** Runs one of the item forms: a stale version shows the other change (409), a bad field the form again (400). */
  const itemWrite = (action: Action, fields: Record<string, RegExp>, saved: string, run: (trx: Transaction<Database>, ref: ItemRef, f: Record<string, string>, version: number, actor: Actor) => Promise<void>) =>
    async (c: Context) => {
      // validate
      const ref = readParams(c, itemParams) as ItemRef;
      const f = await form(c);
      const version = versionField.safeParse(f.version);
      // authorise
      const refused = refuse(c, action, { kind: "tracker" });
      if (refused) return refused;
      const item = await requireItem(db, ref);
      const values = Object.fromEntries(Object.keys(fields).map((k) => [k, f[k] ?? ""])) as ItemFormValues;
      if (!version.success) return itemPage(c, item, { values, errors: [{ field: Object.keys(fields)[0], message: "The form is missing the item's version: reload the page" }], status: 400 });
      // run
      try {
        await writeTransaction(db, (trx) => run(trx, ref, f, version.data, actorOf(c.get("account")!.user)));
      } catch (e) {
        if (e instanceof VersionConflict) {
          const changes = (await changesSince(db, ref, version.data)).map(describe);
          return itemPage(c, await requireItem(db, ref), { conflict: changes, status: 409 });
        }
        if (e instanceof QuorumError && e.code === "invalid") return itemPage(c, item, { values, errors: [errorFor(e, fields)], status: 400 });
        throw e;
      }
      // present
      return c.redirect(`${ownerUrls.item(ref)}?saved=${saved}`, 303);
    };

  app.post(
    "/admin/tracker/:kind/:id/owner",
    itemWrite("tracker.assign_owner", { owner: /./ }, "owner", async (trx, ref, f, version, actor) => {
      const owner = f.owner?.trim() ? Number(f.owner) : null;
      if (owner !== null && !Number.isSafeInteger(owner)) throw new QuorumError("invalid", "Choose a person who can sign in");
      await assignOwner(trx, ref, owner, version, actor, now());
    }),
  );

  app.post(
    "/admin/tracker/:kind/:id/extend",
    itemWrite("tracker.extend", { due: /deadline|date/i, reason: /reason/i }, "extended", (trx, ref, f, version, actor) => extendDeadline(trx, ref, { due: (f.due ?? "").trim(), reason: (f.reason ?? "").slice(0, 2000) }, version, actor, today(), now())),
  );

  app.post(
    "/admin/tracker/:kind/:id/close",
    itemWrite("tracker.close", { outcome: /how/i, date: /date/i, note: /note/i }, "closed", (trx, ref, f, version, actor) => closeItem(trx, ref, { outcome: f.outcome ?? "", date: (f.date ?? "").trim(), note: (f.note ?? "").slice(0, 2000) || null }, version, actor, now())),
  );

  const queueAgain = async (c: Context, extra: { errors?: FieldError[]; values?: Record<string, string>; conflict?: OtherChange[] }, status: 400 | 409) =>
    html(c, <QueuePage updates={await listPendingUpdates(db)} csrf={formToken(c, publicUrl)} errors={extra.errors ?? []} values={extra.values ?? {}} conflict={extra.conflict} />, status);

  app.post("/admin/tracker/updates/:id/accept", async (c) => {
    // validate
    const { id } = readParams(c, updateParams);
    const version = versionField.safeParse((await form(c)).version);
    // authorise
    const refused = refuse(c, "tracker.review_update", { kind: "tracker" });
    if (refused) return refused;
    const update = await getOwnerUpdate(db, id);
    if (!update) throw new QuorumError("not_found", "There is no such update.");
    if (!version.success) return queueAgain(c, { errors: [{ field: `reason-${id}`, message: "The form is missing the item's version: reload the page" }] }, 400);
    // run
    try {
      await writeTransaction(db, (trx) => acceptUpdate(trx, id, version.data, actorOf(c.get("account")!.user), now()));
    } catch (e) {
      if (e instanceof VersionConflict) return queueAgain(c, { conflict: (await changesSince(db, update.ref, version.data)).map(describe) }, 409);
      if (e instanceof QuorumError && e.code === "conflict") return queueAgain(c, { errors: [{ field: "queue", message: e.message }] }, 409);
      throw e;
    }
    // present
    return c.redirect(`${ownerUrls.queue()}?accepted`, 303);
  });

  app.post("/admin/tracker/updates/:id/reject", async (c) => {
    // validate
    const { id } = readParams(c, updateParams);
    const reason = ((await form(c))[`reason-${id}`] ?? "").slice(0, 10_000);
    // authorise
    const refused = refuse(c, "tracker.review_update", { kind: "tracker" });
    if (refused) return refused;
    if (!(await getOwnerUpdate(db, id))) throw new QuorumError("not_found", "There is no such update.");
    // run
    try {
      await writeTransaction(db, (trx) => rejectUpdate(trx, id, reason, actorOf(c.get("account")!.user), now()));
    } catch (e) {
      if (e instanceof QuorumError && e.code === "invalid") return queueAgain(c, { errors: [{ field: `reason-${id}`, message: e.message }], values: { [`reason-${id}`]: reason } }, 400);
      if (e instanceof QuorumError && e.code === "conflict") return queueAgain(c, { errors: [{ field: "queue", message: e.message }] }, 409);
      throw e;
    }
    // present
    return c.redirect(`${ownerUrls.queue()}?rejected`, 303);
  });
}
