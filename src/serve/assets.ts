// Static assets, read once at start and served from memory with content-hash ETags.
// GOV.UK Frontend is used for layout and components; its typeface and crown are reserved
// for GOV.UK itself, so the stylesheet is rewritten to a plain font stack and the crown
// images are not served.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Hono } from "hono";

interface Asset {
  body: Uint8Array;
  type: string;
  etag: string;
}

const require = createRequire(import.meta.url);
const govukDist = join(dirname(require.resolve("govuk-frontend/package.json")), "dist", "govuk");
const own = join(dirname(fileURLToPath(import.meta.url)), "static");

function asset(body: Uint8Array | string, type: string): Asset {
  const bytes = typeof body === "string" ? Buffer.from(body) : body;
  return { body: bytes, type, etag: `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 22)}"` };
}

function loadAssets(): Map<string, Asset> {
  const css = readFileSync(join(govukDist, "govuk-frontend.min.css"), "utf8")
    .replaceAll("GDS Transport,arial,sans-serif", "arial,sans-serif")
    .replace(/@font-face\{[^}]*\}/g, "")
    .replace(/\/\*# sourceMappingURL=[^*]*\*\//g, "");
  const js = readFileSync(join(govukDist, "govuk-frontend.min.js"), "utf8").replace(/\/\/# sourceMappingURL=\S+/g, "");
  const m = new Map<string, Asset>();
  m.set("/assets/govuk-frontend.min.css", asset(css, "text/css; charset=utf-8"));
  m.set("/assets/govuk-frontend.min.js", asset(js, "text/javascript; charset=utf-8"));
  m.set("/assets/quorum.css", asset(readFileSync(join(own, "quorum.css")), "text/css; charset=utf-8"));
  m.set("/assets/quorum.js", asset(readFileSync(join(own, "quorum.js")), "text/javascript; charset=utf-8"));
  m.set("/assets/take-minutes.js", asset(readFileSync(join(own, "take-minutes.js")), "text/javascript; charset=utf-8"));
  m.set("/assets/js-enabled.js", asset(readFileSync(join(own, "js-enabled.js")), "text/javascript; charset=utf-8"));
  m.set("/assets/favicon.svg", asset(readFileSync(join(own, "favicon.svg")), "image/svg+xml"));
  return m;
}

let cached: Map<string, Asset> | undefined;

export function mountAssets(app: Hono<any>): void {
  cached ??= loadAssets();
  const assets = cached;
  app.get("/assets/*", (c, next) => {
    const a = assets.get(c.req.path);
    if (!a) return next();
    const headers = {
      "content-type": a.type,
      etag: a.etag,
      "cache-control": "public, max-age=3600",
    };
    if (c.req.header("if-none-match") === a.etag) return c.body(null, 304, headers);
    return c.body(a.body as Uint8Array<ArrayBuffer>, 200, headers);
  });
  app.get("/favicon.ico", (c) => c.redirect("/assets/favicon.svg", 301));
}
