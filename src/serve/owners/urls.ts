// Addresses of the owners' pages (under /account, for everyone signed in) and the clerk's (under /admin).
type Ref = { kind: string; id: number };
const item = (r: Ref) => `/admin/tracker/${r.kind}/${r.id}`;

export const ownerUrls = {
  dashboard: () => "/account/dashboard",
  postUpdate: (r: Ref) => `/account/tracker/${r.kind}/${r.id}/update`,
  items: () => "/admin/tracker",
  item,
  assign: (r: Ref) => `${item(r)}/owner`,
  extend: (r: Ref) => `${item(r)}/extend`,
  close: (r: Ref) => `${item(r)}/close`,
  queue: () => "/admin/tracker/updates",
  accept: (id: number) => `/admin/tracker/updates/${id}/accept`,
  reject: (id: number) => `/admin/tracker/updates/${id}/reject`,
};

/** The paths that take a POST: an owner's update and the clerk's tracker forms. */
const POSTS = /^\/(?:account\/tracker\/(?:recommendation|action)\/\d+\/update|admin\/tracker\/(?:(?:recommendation|action)\/\d+\/(?:owner|extend|close)|updates\/\d+\/(?:accept|reject)))$/;
export const isOwnersPost = (path: string): boolean => POSTS.test(path);
