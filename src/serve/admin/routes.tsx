// The workspace: /admin for signed-in staff, the audit log for administrators, as a page and as
// JSON. Each route reads top to bottom: validate, authorise, run, present.
import type { Context, Hono } from "hono";
import { z } from "zod";
import type { AppDeps } from "../deps.ts";
import { renderPage } from "../render.tsx";
import { respondWithProblem } from "../errors.tsx";
import { isoDate, page, readQuery } from "../validate.ts";
import { can, type Action, type Resource } from "../auth/policy.ts";
import { readAudit, type AuditEntry } from "../../store/audit.ts";
import { AuditPage, AUDIT_PAGE_SIZE, DashboardPage } from "./pages.tsx";
import { minutesToDo } from "../lifecycle/routes.tsx";
import { minutesToTake } from "../minute-taking/panel.tsx";

const text = z.string().max(200);
const auditQuery = z.object({ kind: text.optional(), record: text.optional(), actor: text.optional(), from: isoDate.optional(), to: isoDate.optional(), page });

/** The signed-out are sent to sign in (pages) or refused (API); the signed-in but not allowed, refused. */
export function refuse(c: Context, action: Action, resource: Resource): Response | undefined {
  const user = c.get("account")?.user;
  if (can(user, action, resource)) return undefined;
  if (!user) {
    if (c.req.path.startsWith("/api/")) return respondWithProblem(c, { id: "forbidden", status: 403, message: "Sign in first." });
    const url = new URL(c.req.url);
    return c.redirect(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`, 302);
  }
  return respondWithProblem(c, { id: "forbidden", status: 403, message: "Your account does not give you access to this page." });
}

function presentEntry(e: AuditEntry) {
  return { id: e.id, at: e.at, actor: e.actorLabel, action: e.action, recordKind: e.recordKind, recordId: e.recordId, before: e.before, after: e.after };
}

export function registerAdmin(app: Hono, deps: AppDeps): void {
  const { db } = deps;

  app.get("/admin", async (c) => {
    const refused = refuse(c, "workspace.view", { kind: "workspace" });
    if (refused) return refused;
    const user = c.get("account")!.user;
    const minutes = can(user, "minutes.approve", { kind: "meeting" }) ? await minutesToDo(deps) : null;
    const toTake = can(user, "minutes.take", { kind: "meeting" }) ? await minutesToTake(deps) : null;
    return c.html(renderPage(c, <DashboardPage user={user} canReadAudit={can(user, "audit.read", { kind: "audit_log" })} canManageExempt={can(user, "exempt.release", { kind: "exempt_item" })} canManageTracker={can(user, "tracker.review_update", { kind: "tracker" })}>{minutes}{toTake}</DashboardPage>));
  });

  app.get("/admin/audit", async (c) => {
    const q = readQuery(c, auditQuery);
    const refused = refuse(c, "audit.read", { kind: "audit_log" });
    if (refused) return refused;
    const { entries, total } = await readAudit(db, { recordKind: q.kind, recordId: q.record, actor: q.actor, from: q.from, to: q.to, limit: AUDIT_PAGE_SIZE, offset: (q.page - 1) * AUDIT_PAGE_SIZE });
    return c.html(renderPage(c, <AuditPage query={q} entries={entries} total={total} base={new URL(c.req.url)} />));
  });

  app.get("/api/v1/admin/audit", async (c) => {
    const q = readQuery(c, auditQuery);
    const refused = refuse(c, "audit.read", { kind: "audit_log" });
    if (refused) return refused;
    const { entries, total } = await readAudit(db, { recordKind: q.kind, recordId: q.record, actor: q.actor, from: q.from, to: q.to, limit: AUDIT_PAGE_SIZE, offset: (q.page - 1) * AUDIT_PAGE_SIZE });
    const next = q.page * AUDIT_PAGE_SIZE < total ? `/api/v1/admin/audit?${new URLSearchParams({ ...Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])), page: String(q.page + 1) })}` : null;
    return c.json({ data: entries.map(presentEntry), total, next });
  });
}
