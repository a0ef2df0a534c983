// The site settings on the wire: every request carries them (for the layout), /site.css holds
// the council's colours, /site-logo.EXT its logo file, /accessibility its statement. A logo
// given as an https:// address is allowed through the Content-Security-Policy's img-src.
import { createHash } from "node:crypto";
import type { Hono, MiddlewareHandler } from "hono";
import { AccessibilityPage } from "../pages/accessibility.tsx";
import { renderPage } from "../render.tsx";
import type { Site } from "./settings.ts";
import { siteCss } from "./site-css.ts";

const etagOf = (bytes: Uint8Array | string) => `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 22)}"`;

export function siteContext(site: Site): MiddlewareHandler {
  const logoOrigin = site.logo && !site.logo.file ? new URL(site.logo.src).origin : null;
  return async (c, next) => {
    c.set("site", site);
    await next();
    const csp = c.res.headers.get("content-security-policy");
    if (logoOrigin && csp) c.res.headers.set("content-security-policy", csp.replace(/img-src ([^;]*)/, `img-src $1 ${logoOrigin}`));
  };
}

export function registerSite(app: Hono, site: Site): void {
  const files = new Map<string, { body: Uint8Array; type: string; etag: string }>();
  const css = Buffer.from(siteCss(site));
  files.set("/site.css", { body: css, type: "text/css; charset=utf-8", etag: etagOf(css) });
  if (site.logo?.file) files.set(site.logo.src, { body: site.logo.file.bytes, type: site.logo.file.type, etag: etagOf(site.logo.file.bytes) });
  for (const [path, f] of files) {
    app.get(path, (c) => {
      const headers = { "content-type": f.type, etag: f.etag, "cache-control": "public, max-age=3600" };
      if (c.req.header("if-none-match") === f.etag) return c.body(null, 304, headers);
      return c.body(f.body as Uint8Array<ArrayBuffer>, 200, headers);
    });
  }
  app.get("/accessibility", (c) => c.html(renderPage(c, <AccessibilityPage />)));
}
