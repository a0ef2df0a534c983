// The schedule's workspace addresses, and the paths here that take a POST (for the app's write gate).
const e = encodeURIComponent;

export const scheduleUrls = {
  committee: (body: string) => `/admin/committees/${e(body)}/schedule`,
  series: (body: string) => `/admin/committees/${e(body)}/schedule/series`,
  seriesChange: (body: string, id: number) => `/admin/committees/${e(body)}/schedule/series/${id}`,
  meeting: (slug: string) => `/admin/meetings/${e(slug)}/schedule`,
  change: (slug: string, change: string) => `/admin/meetings/${e(slug)}/schedule/${change}`,
};

export const SCHEDULE_POSTS = /^\/admin\/(?:committees\/[^/]+\/schedule(?:\/series(?:\/\d+)?)?|meetings\/[^/]+\/schedule\/(?:reschedule|postpone|cancel|restore))$/;
