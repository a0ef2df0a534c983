// URLs of the tracker's pages and API, built from natural-key slugs like the rest of the portal.
const e = encodeURIComponent;

export const trackerUrls = {
  recommendations: () => "/recommendations",
  recommendationsCsv: (query = "") => `/recommendations.csv${query}`,
  inquiry: (slug: string) => `/recommendations/${e(slug)}`,
  recommendation: (inquirySlug: string, number: string) => `/recommendations/${e(inquirySlug)}#recommendation-${e(number)}`,
  actions: () => "/actions",
  meetingActions: (meetingSlug: string) => `/meetings/${e(meetingSlug)}/actions`,
  committeeActions: (bodySlug: string) => `/committees/${e(bodySlug)}/actions`,
  workProgramme: () => "/work-programme",
  committeeWorkProgramme: (bodySlug: string) => `/committees/${e(bodySlug)}/work-programme`,
  forwardPlan: () => "/forward-plan",
  api: {
    recommendations: () => "/api/v1/recommendations",
    inquiry: (slug: string) => `/api/v1/inquiries/${e(slug)}`,
    actions: () => "/api/v1/actions",
    workProgramme: () => "/api/v1/work-programme",
    forwardPlan: () => "/api/v1/forward-plan",
  },
};
