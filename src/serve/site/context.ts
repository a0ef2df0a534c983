// What every page needs besides its own data: the site settings and the request id (shown on
// error pages so a visitor can quote it). Given once per render by renderPage, read by the
// layout and the error page, so no page has to pass them down.
import { createContext, useContext } from "hono/jsx";
import { DEFAULT_SITE, type Site } from "./settings.ts";

export interface PageInfo {
  site: Site;
  requestId?: string;
  /** the signed-in person on account and workspace pages (public pages never read the session) */
  account?: { name: string; csrf: string };
  /** the page's path and query, for the feeds that follow it */
  path?: string;
}

export const PageContext = createContext<PageInfo>({ site: DEFAULT_SITE });

export const usePageInfo = (): PageInfo => useContext(PageContext);
