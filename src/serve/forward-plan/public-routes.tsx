// The public forward plan: the page (filtered by decision maker and month), each key decision's
// page, the CSV and the JSON API. Every read goes through the store's visibility rule for the viewer.
import type { Context, Hono } from "hono";
import { z } from "zod";
import { QuorumError } from "../../domain/errors.ts";
import { decisionMakers, getKeyDecision, listKeyDecisions, type KeyDecisionFilter } from "../../store/forward-plan/read.ts";
import type { AppDeps } from "../deps.ts";
import { isoDateIn } from "../format.ts";
import { renderPage } from "../render.tsx";
import { isoDate, limit, offset, readParams, readQuery, slug } from "../validate.ts";
import { viewerOf } from "../viewer.ts";
import { forwardPlanCsv, presentKeyDecision } from "./present.ts";
import { ForwardPlanPage, KeyDecisionPage } from "./public-pages.tsx";
import { planUrls } from "./urls.ts";

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "use a month like 2024-04");
const planQuery = z.object({
  authority: slug.optional(),
  body: slug.optional(),
  maker: z.string().trim().max(200).optional(),
  month: month.optional(),
  from: isoDate.optional(),
});

const bySlug = z.object({ slug });
const byId = z.object({ id: slug });

const planPageQuery = planQuery.extend({ withdrawn: z.enum(["true", "false"]).optional(), limit: limit(500, 50), offset });

export function registerForwardPlan(app: Hono, deps: AppDeps): void {
  const { db } = deps;
  const today = () => isoDateIn(deps.now?.() ?? new Date());
  /** A month chosen shows that month, past or not; otherwise what is still to come. */
  const filterOf = (q: z.infer<typeof planQuery>): KeyDecisionFilter => ({ ...q, from: q.month ? q.from : (q.from ?? today()) });

  app.get("/forward-plan", async (c) => {
    const q = readQuery(c, planQuery);
    const viewer = viewerOf(c);
    const f = filterOf(q);
    const [entries, all, makers, coming] = await Promise.all([
      listKeyDecisions(db, f, viewer),
      listKeyDecisions(db, { ...f, withdrawn: true }, viewer),
      decisionMakers(db),
      listKeyDecisions(db, { authority: q.authority, from: today() }, viewer),
    ]);
    const months = [...new Set([...coming.map((d) => d.plannedDate.slice(0, 7)), ...(q.month ? [q.month] : [])])].sort();
    const search = new URL(c.req.url).search;
    return c.html(renderPage(c, <ForwardPlanPage entries={entries} withdrawn={all.filter((d) => d.withdrawn)} filters={{ maker: q.maker, month: q.month }} makers={makers} months={months} csvHref={planUrls.csv(search)} />));
  });

  app.get("/forward-plan.csv", async (c) => {
    const q = readQuery(c, planQuery);
    const list = await listKeyDecisions(db, { ...filterOf(q), withdrawn: true }, viewerOf(c));
    return c.body(forwardPlanCsv(list, deps.publicUrl ?? ""), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="forward-plan-${today()}.csv"`,
    });
  });

  app.get("/forward-plan/:slug", async (c) => {
    const { slug: s } = readParams(c, bySlug);
    const d = await getKeyDecision(db, s, viewerOf(c));
    if (!d) throw new QuorumError("not_found", "Key decision not found");
    return c.html(renderPage(c, <KeyDecisionPage d={d} />));
  });

  app.get("/api/v1/forward-plan", async (c) => {
    const q = readQuery(c, planPageQuery);
    // The API lists every date unless asked for `from`, as it always has.
    const all = await listKeyDecisions(db, { authority: q.authority, body: q.body, maker: q.maker, month: q.month, from: q.from, withdrawn: q.withdrawn === "true" }, viewerOf(c));
    let next: string | null = null;
    if (q.offset + q.limit < all.length) {
      const u = new URL(c.req.url);
      u.searchParams.set("limit", String(q.limit));
      u.searchParams.set("offset", String(q.offset + q.limit));
      next = u.pathname + u.search;
    }
    return c.json({ data: all.slice(q.offset, q.offset + q.limit).map(presentKeyDecision), total: all.length, limit: q.limit, offset: q.offset, next });
  });

  app.get("/api/v1/forward-plan/:id", async (c) => {
    const { id } = readParams(c, byId);
    const d = await getKeyDecision(db, id, viewerOf(c));
    if (!d) throw new QuorumError("not_found", `No key decision with id "${id}"`);
    return c.json(presentKeyDecision(d));
  });
}
