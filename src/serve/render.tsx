import type { Context } from "hono";
import type { Child } from "hono/jsx";
import { PageContext, type PageInfo } from "./site/context.ts";
import { DEFAULT_SITE } from "./site/settings.ts";

declare module "hono" {
  interface ContextVariableMap {
    /** set by the account routes for the header: who is signed in, and the sign-out form's token */
    accountHeader: PageInfo["account"];
  }
}

/** A full HTML document from a page element; the doctype cannot be written in JSX. */
export function renderPage(c: Context, page: Child): string {
  const info: PageInfo = { site: c.get("site") ?? DEFAULT_SITE, requestId: c.get("requestId"), account: c.get("accountHeader"), path: new URL(c.req.url).pathname + new URL(c.req.url).search };
  return "<!DOCTYPE html>" + String(<PageContext.Provider value={info}>{page}</PageContext.Provider>);
}
