// The import review queue: /admin/imports (the queue), /admin/imports/{id} (the review screen) and
// its Publish and Reject forms. Each route reads top to bottom: validate, authorise, run, present.
import type { Context, Hono } from "hono";
import { z } from "zod";
import { QuorumError } from "../../domain/errors.ts";
import type { AppDeps } from "../deps.ts";
import { renderPage } from "../render.tsx";
import { respondWithProblem } from "../errors.tsx";
import { page, readParams, readQuery } from "../validate.ts";
import { can, type Action } from "../auth/policy.ts";
import { formToken } from "../auth/csrf.ts";
import { getImportReview, listImportReviews, PAGE_SIZE } from "../../store/imports/read.ts";
import { publishImport, rejectImport } from "../../store/imports/decide.ts";
import { REVIEW_STATES } from "../../store/imports/schema.ts";
import { QueuePage } from "./queue-page.tsx";
import { ReviewPage } from "./review-page.tsx";

/** The paths of the queue that take a POST (the app answers 405 to POSTs anywhere else). */
export const IMPORT_POST = /^\/admin\/imports\/\d+\/(publish|reject)$/;

const queueQuery = z.object({ state: z.enum(REVIEW_STATES).optional(), page });
const reviewParams = z.object({ id: z.coerce.number().int().min(1).max(2 ** 31 - 1) });
const reviewQuery = z.object({ field: z.string().max(100).regex(/^[A-Za-z]+(\/\d+)*(\/[A-Za-z]+(\/\d+)?)*$/).optional(), done: z.enum(["published", "rejected"]).optional() });

const RESOURCE = { kind: "import_review" } as const;

/** Signed out: to the sign-in page (303 after a form); signed in without the role: 403. */
function refuse(c: Context, action: Action): Response | undefined {
  const user = c.get("account")?.user;
  if (can(user, action, RESOURCE)) return undefined;
  if (!user) {
    const url = new URL(c.req.url);
    const next = c.req.method === "POST" ? url.pathname.replace(/\/(publish|reject)$/, "") : url.pathname + url.search;
    return c.redirect(`/sign-in?next=${encodeURIComponent(next)}`, c.req.method === "POST" ? 303 : 302);
  }
  return respondWithProblem(c, { id: "forbidden", status: 403, message: "Only clerks and administrators review imports." });
}

export function registerImportReview(app: Hono, deps: AppDeps): void {
  const { db, publicUrl } = deps;
  const now = deps.now ?? (() => new Date());

  app.get("/admin/imports", async (c) => {
    const q = readQuery(c, queueQuery);
    const refused = refuse(c, "imports.review");
    if (refused) return refused;
    const { data, total } = await listImportReviews(db, { state: q.state, limit: PAGE_SIZE, offset: (q.page - 1) * PAGE_SIZE });
    return c.html(renderPage(c, <QueuePage state={q.state} page={q.page} reviews={data} total={total} base={new URL(c.req.url)} />));
  });

  const showReview = async (c: Context, id: number, opts: { field?: string; done?: "published" | "rejected"; error?: string }) => {
    const review = await getImportReview(db, id);
    if (!review) throw new QuorumError("not_found", "There is no such import in the review queue.");
    const user = c.get("account")!.user;
    const page = (
      <ReviewPage review={review} field={opts.field} done={opts.done} error={opts.error} csrf={formToken(c, publicUrl)} canDecide={can(user, "imports.decide", RESOURCE)} />
    );
    return c.html(renderPage(c, page), opts.error ? 409 : 200);
  };

  app.get("/admin/imports/:id", async (c) => {
    const { id } = readParams(c, reviewParams);
    const q = readQuery(c, reviewQuery);
    const refused = refuse(c, "imports.review");
    if (refused) return refused;
    return showReview(c, id, q);
  });

  for (const [verb, decide] of [
    ["publish", publishImport],
    ["reject", rejectImport],
  ] as const) {
    app.post(`/admin/imports/:id/${verb}`, async (c) => {
      const { id } = readParams(c, reviewParams);
      const refused = refuse(c, "imports.decide");
      if (refused) return refused;
      const user = c.get("account")!.user;
      try {
        await decide(db, id, { userId: user.id, label: user.email }, now());
      } catch (err) {
        // decided meanwhile by someone else: the page again, saying so
        if (err instanceof QuorumError && err.code === "conflict") return showReview(c, id, { error: err.message });
        throw err;
      }
      return c.redirect(`/admin/imports/${id}?done=${verb === "publish" ? "published" : "rejected"}`, 303);
    });
  }
}
