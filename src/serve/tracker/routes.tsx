// Routes of the tracker: pages, the CSV export and the JSON API. Same order as the portal's own
// routes: validate the request, read public records, present them field by field.
import type { Context, Hono } from "hono";
import { z } from "zod";
import { ACTION_STATUSES } from "../../domain/actions.ts";
import { QuorumError } from "../../domain/errors.ts";
import { RECOMMENDATION_STATUSES } from "../../domain/scrutiny.ts";
import { getBody, getMeeting, listAuthorities } from "../../store/read/index.ts";
import { listActions } from "../../store/scrutiny/actions.ts";
import { getInquiry, listRecommendations, summariesByInquiry, type RecommendationView } from "../../store/scrutiny/recommendations.ts";
import { listWorkProgramme } from "../../store/scrutiny/work-programme.ts";
import type { AppDeps } from "../deps.ts";
import { isoDateIn } from "../format.ts";
import { viewerOf } from "../viewer.ts";
import { renderPage } from "../render.tsx";
import { isoDate, limit, offset, readParams, readQuery, slug } from "../validate.ts";
import { MeetingActionsPage } from "./meeting-actions.tsx";
import { ActionsPage, InquiryPage, RecommendationsPage, WorkProgrammePage } from "./pages.tsx";
import { presentAction, presentInquiryDetail, presentRecommendation, presentWorkProgrammeEntry, recommendationsCsv } from "./present.ts";

const html = (c: Context, page: unknown) => c.html(renderPage(c, page as never));
const bySlug = z.object({ slug });
const text = z.string().trim().max(200);
const flag = z.enum(["true", "false"]).transform((v) => v === "true");

const recommendationQuery = z.object({
  authority: slug.optional(),
  inquiry: slug.optional(),
  committee: text.optional(),
  owner: text.optional(),
  status: z.enum(RECOMMENDATION_STATUSES).optional(),
  overdue: flag.optional(),
  /** the date the status is judged on; today in the authority's zone when absent */
  asOf: isoDate.optional(),
});

const actionQuery = z.object({
  authority: slug.optional(),
  body: slug.optional(),
  meeting: slug.optional(),
  owner: text.optional(),
  status: z.enum(ACTION_STATUSES).optional(),
  overdue: flag.optional(),
  asOf: isoDate.optional(),
});

function page<T>(c: Context, all: T[], lim: number, off: number) {
  let next: string | null = null;
  if (off + lim < all.length) {
    const u = new URL(c.req.url);
    u.searchParams.set("limit", String(lim));
    u.searchParams.set("offset", String(off + lim));
    next = u.pathname + u.search;
  }
  return { data: all.slice(off, off + lim), total: all.length, limit: lim, offset: off, next };
}

/** Committees to filter the tracker by: the scrutiny committees and the bodies that responded. */
function committeeOptions(recs: RecommendationView[]): { value: string; text: string }[] {
  const out = new Map<string, string>();
  for (const r of recs) {
    if (r.inquiry.committee) out.set(r.inquiry.committee, r.inquiry.committee);
    if (r.inquiry.respondedAt) out.set(r.inquiry.respondedAt.body.slug, r.inquiry.respondedAt.body.name);
  }
  return [...out].map(([value, text]) => ({ value, text })).sort((a, b) => a.text.localeCompare(b.text));
}

const paging = { limit: limit(500, 50), offset };
const asOfQuery = z.object({ asOf: isoDate.optional() });
const scopeQuery = z.object({ body: slug.optional(), authority: slug.optional() });
const byId = z.object({ id: slug });
const listQuery = z.object({ body: slug.optional(), authority: slug.optional(), upcoming: flag.optional(), ...paging });
const recommendationPage = recommendationQuery.extend(paging);
const actionPage = actionQuery.extend(paging);

export function registerTracker(app: Hono, deps: AppDeps): void {
  const { db } = deps;
  const today = () => isoDateIn(deps.now?.() ?? new Date());

  app.get("/recommendations", async (c) => {
    const q = readQuery(c, recommendationQuery);
    const asOf = q.asOf ?? today();
    const [all, recs] = await Promise.all([
      listRecommendations(db, asOf, { authority: q.authority, viewer: viewerOf(c) }),
      listRecommendations(db, asOf, { ...q, viewer: viewerOf(c) }),
    ]);
    const csvQuery = new URL(c.req.url).search;
    return html(
      c,
      <RecommendationsPage
        recs={recs}
        inquiries={summariesByInquiry(recs)}
        filters={{ committee: q.committee, owner: q.owner, status: q.status, overdue: q.overdue }}
        committees={committeeOptions(all)}
        asOf={asOf}
        csvHref={`/recommendations.csv${csvQuery}`}
      />,
    );
  });

  app.get("/recommendations.csv", async (c) => {
    const q = readQuery(c, recommendationQuery);
    const asOf = q.asOf ?? today();
    const recs = await listRecommendations(db, asOf, { ...q, viewer: viewerOf(c) });
    return c.body(recommendationsCsv(recs, deps.publicUrl ?? ""), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="recommendations-${asOf}.csv"`,
    });
  });

  app.get("/recommendations/:slug", async (c) => {
    const { slug } = readParams(c, bySlug);
    const { asOf } = readQuery(c, asOfQuery);
    const inquiry = await getInquiry(db, slug, asOf ?? today(), { viewer: viewerOf(c) });
    if (!inquiry) throw new QuorumError("not_found", "Inquiry not found");
    return html(c, <InquiryPage d={inquiry} asOf={asOf ?? today()} />);
  });

  const actionsPage = async (c: Context, bodySlug?: string) => {
    const q = readQuery(c, actionQuery);
    const body = bodySlug ? await getBody(db, bodySlug, viewerOf(c)) : null;
    if (bodySlug && !body) throw new QuorumError("not_found", "Committee not found");
    const asOf = q.asOf ?? today();
    const viewer = viewerOf(c);
    const [actions, all] = await Promise.all([listActions(db, asOf, { ...q, body: bodySlug ?? q.body, viewer }), listActions(db, asOf, { authority: q.authority, viewer })]);
    const committees = [...new Map(all.map((a) => [a.body.slug, a.body.name]))].map(([value, text]) => ({ value, text }));
    return html(
      c,
      <ActionsPage actions={actions} filters={{ body: q.body, status: q.status, owner: q.owner }} committees={committees} committee={body ? { slug: body.slug, name: body.name } : undefined} />,
    );
  };
  app.get("/actions", (c) => actionsPage(c));
  app.get("/committees/:slug/actions", (c) => actionsPage(c, readParams(c, bySlug).slug));

  app.get("/meetings/:slug/actions", async (c) => {
    const { slug } = readParams(c, bySlug);
    // getMeeting answers null for a meeting that is not listed; listActions gives nothing read from draft minutes.
    const meeting = await getMeeting(db, slug, viewerOf(c));
    if (!meeting) throw new QuorumError("not_found", "Meeting not found");
    const actions = await listActions(db, today(), { meeting: slug, viewer: viewerOf(c) });
    return html(c, <MeetingActionsPage meeting={meeting} actions={actions} />);
  });

  const workProgrammePage = async (c: Context, bodySlug?: string) => {
    const q = readQuery(c, scopeQuery);
    const chosen = bodySlug ?? q.body;
    const body = chosen ? await getBody(db, chosen, viewerOf(c)) : null;
    if (chosen && !body) throw new QuorumError("not_found", "Committee not found");
    const viewer = viewerOf(c);
    const [entries, all] = await Promise.all([listWorkProgramme(db, { body: chosen, authority: q.authority, viewer }), listWorkProgramme(db, { authority: q.authority, viewer })]);
    const committees = [...new Map(all.map((e) => [e.body.slug, e.body.name]))].map(([value, text]) => ({ value, text }));
    return html(c, <WorkProgrammePage entries={entries} committees={committees} committee={body ? { slug: body.slug, name: body.name } : undefined} />);
  };
  app.get("/work-programme", (c) => workProgrammePage(c));
  app.get("/committees/:slug/work-programme", (c) => workProgrammePage(c, readParams(c, bySlug).slug));

  // JSON API.

  app.get("/api/v1/recommendations", async (c) => {
    const q = readQuery(c, recommendationPage);
    const recs = await listRecommendations(db, q.asOf ?? today(), { ...q, viewer: viewerOf(c) });
    return c.json(page(c, recs.map(presentRecommendation), q.limit, q.offset));
  });

  app.get("/api/v1/inquiries/:id", async (c) => {
    const { id } = readParams(c, byId);
    const { asOf } = readQuery(c, asOfQuery);
    const inquiry = await getInquiry(db, id, asOf ?? today(), { viewer: viewerOf(c) });
    if (!inquiry) throw new QuorumError("not_found", `No inquiry with id "${id}"`);
    return c.json(presentInquiryDetail(inquiry));
  });

  app.get("/api/v1/actions", async (c) => {
    const q = readQuery(c, actionPage);
    const actions = await listActions(db, q.asOf ?? today(), { ...q, viewer: viewerOf(c) });
    return c.json(page(c, actions.map(presentAction), q.limit, q.offset));
  });

  app.get("/api/v1/work-programme", async (c) => {
    const q = readQuery(c, listQuery);
    const entries = await listWorkProgramme(db, { body: q.body, authority: q.authority, upcomingOn: q.upcoming ? today() : undefined, viewer: viewerOf(c) });
    return c.json(page(c, entries.map(presentWorkProgrammeEntry), q.limit, q.offset));
  });
}
