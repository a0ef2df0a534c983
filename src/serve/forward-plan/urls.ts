// URLs of the forward plan: the public pages, CSV and API, and the clerk's workspace pages.
const e = encodeURIComponent;

export const planUrls = {
  list: (query = "") => `/forward-plan${query}`,
  csv: (query = "") => `/forward-plan.csv${query}`,
  decision: (slug: string) => `/forward-plan/${e(slug)}`,
  api: {
    list: () => "/api/v1/forward-plan",
    decision: (slug: string) => `/api/v1/forward-plan/${e(slug)}`,
  },
  admin: {
    list: () => "/admin/forward-plan",
    add: () => "/admin/forward-plan/new",
    create: () => "/admin/forward-plan",
    edit: (slug: string) => `/admin/forward-plan/${e(slug)}`,
    withdraw: (slug: string) => `/admin/forward-plan/${e(slug)}/withdraw`,
    taken: (slug: string, meeting?: string) => `/admin/forward-plan/${e(slug)}/taken${meeting ? `?meeting=${e(meeting)}` : ""}`,
    untake: (slug: string) => `/admin/forward-plan/${e(slug)}/taken/remove`,
  },
};

/** The paths that take a POST here (behind the account guard: session, Origin and form token). */
export const FORWARD_PLAN_POSTS = /^\/admin\/forward-plan(?:\/[^/]+(?:\/(?:withdraw|taken|taken\/remove))?)?$/;
