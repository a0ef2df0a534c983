// The site settings reach the pages, the stylesheet, the logo route, the accessibility statement
// and the API, in process (app.request) over an empty SQLite database.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { openStore, type Db } from "../../store/db.ts";
import { createApp } from "../app.ts";
import { DEFAULT_COLOURS, DEFAULT_SITE, OGL, type Site } from "./settings.ts";

const LOGO = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');

const SITE: Site = {
  name: "Limerick City and County Council",
  tagline: "Council meetings and decisions",
  logo: { src: "/site-logo.svg", alt: "Limerick crest", file: { bytes: LOGO, type: "image/svg+xml" } },
  colours: { header: "#00594f", headerText: "#ffffff", accent: "#f0b323", link: "#00594e" },
  footerLinks: [{ text: "Privacy notice", href: "https://www.limerick.ie/privacy" }],
  contact: { email: "democratic@limerick.ie", phone: "+353 61 556 000", address: "Merchants Quay\nLimerick" },
  accessibilityStatement: "We test every page.\n\n## Getting help\n\n- email [Democratic Services](mailto:democratic@limerick.ie)\n- <script>alert(1)</script>",
  licence: { name: "Creative Commons Attribution 4.0", url: "https://creativecommons.org/licenses/by/4.0/" },
  custom: true,
};

let db: Db;
before(async () => {
  db = await openStore(":memory:");
});
after(() => db.destroy());

/** assert.match without echoing a whole page into the test output */
function has(haystack: string, re: RegExp, message?: string) {
  assert.ok(re.test(haystack), message ?? `expected to find ${re}`);
}
function hasNot(haystack: string, re: RegExp, message?: string) {
  assert.ok(!re.test(haystack), message ?? `expected not to find ${re}`);
}

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&amp;/g, "&").replace(/&#39;/g, "'").replace(/\s+/g, " ");

async function get(app: ReturnType<typeof createApp>, path: string, status = 200) {
  const res = await app.request(path);
  assert.equal(res.status, status, `${path} answered ${res.status}`);
  return { res, body: await res.text() };
}

describe("with settings", () => {
  const app = () => createApp({ db, site: SITE });

  test("pages carry the council's name in the title and header, its logo, footer links, contact and licence", async () => {
    const a = app();
    for (const path of ["/", "/committees", "/no-such-page"]) {
      const { body } = await get(a, path, path === "/no-such-page" ? 404 : 200);
      const title = /<title>([^<]*)<\/title>/.exec(body)?.[1];
      has(title ?? "", path === "/" ? /^Limerick City and County Council$/ : / – Limerick City and County Council$/, `${path}: ${title}`);
      const header = body.slice(body.indexOf("<header"), body.indexOf("</header>"));
      has(header, /<img class="qm-header__logo" src="\/site-logo.svg" alt="Limerick crest"\/>Limerick City and County Council<\/a>/);
      has(header, /Council meetings and decisions/);
      hasNot(text(header), /Quorum/);
      const footer = body.slice(body.indexOf("<footer"), body.indexOf("</footer>"));
      has(footer, /<a class="govuk-footer__link" href="https:\/\/www.limerick.ie\/privacy">Privacy notice<\/a>/);
      has(footer, /<a class="govuk-footer__link" href="\/accessibility">Accessibility statement<\/a>/);
      has(footer, /href="mailto:democratic@limerick.ie"/);
      has(footer, /href="tel:\+35361556000">\+353 61 556 000</);
      has(footer, /Merchants Quay\nLimerick/);
      has(footer, /<a class="govuk-footer__link" href="https:\/\/creativecommons.org\/licenses\/by\/4.0\/" rel="license">Creative Commons Attribution 4.0<\/a>/);
      has(body, /<link rel="stylesheet" href="\/site.css\?v=[\w-]{8}"\/>/);
      has(body, /<meta name="theme-color" content="#00594f"\/>/);
    }
  });

  test("the colours reach /site.css, which the page links to", async () => {
    const a = app();
    const home = (await get(a, "/")).body;
    const href = /href="(\/site.css\?v=[^"]+)"/.exec(home)![1];
    const { res, body } = await get(a, href);
    has(res.headers.get("content-type") ?? "", /^text\/css/);
    has(body, /\.qm-header \{ background: #00594f; \}/);
    has(body, /\.qm-header \{ border-bottom-color: #f0b323; \}/);
    has(body, /\.govuk-link:link, \.govuk-link:hover \{ color: #00594e; \}/);
    hasNot(body, /qm-header__service/, "the default header text colour is not repeated");
  });

  test("the logo file is served with its type", async () => {
    const { res, body } = await get(app(), "/site-logo.svg");
    assert.equal(res.headers.get("content-type"), "image/svg+xml");
    assert.equal(body, LOGO.toString());
  });

  test("/accessibility renders the council's statement, links included, HTML shown as text", async () => {
    const { body } = await get(app(), "/accessibility");
    has(body, /<title>Accessibility statement – Limerick City and County Council<\/title>/);
    has(body, /<h1 class="govuk-heading-l">Accessibility statement<\/h1><p class="govuk-body">We test every page.<\/p><h2 class="govuk-heading-m">Getting help<\/h2><ul class="govuk-list govuk-list--bullet"><li>email <a class="govuk-link" href="mailto:democratic@limerick.ie">Democratic Services<\/a><\/li>/);
    has(body, /<li>&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/li>/);
  });

  test("the API root and the OpenAPI document name the data's licence", async () => {
    const a = app();
    const root = JSON.parse((await get(a, "/api/v1")).body);
    assert.equal(root.name, "Limerick City and County Council API");
    assert.deepEqual(root.licence, SITE.licence);
    const doc = JSON.parse((await get(a, "/api/v1/openapi.json")).body);
    assert.deepEqual(doc.info["x-data-licence"], SITE.licence);
    has(doc.info.description, /published under the Creative Commons Attribution 4\.0 \(https:\/\/creativecommons.org\/licenses\/by\/4.0\/\)/);
  });

  test("a logo at an https address is let through the Content-Security-Policy's img-src, and only there", async () => {
    const a = createApp({ db, site: { ...SITE, logo: { src: "https://cdn.limerick.ie/crest.svg", alt: "Limerick crest" } } });
    const { res, body } = await get(a, "/");
    has(body, /<img class="qm-header__logo" src="https:\/\/cdn.limerick.ie\/crest.svg" alt="Limerick crest"\/>/);
    const csp = res.headers.get("content-security-policy") ?? "";
    has(csp, /img-src 'self' data: https:\/\/cdn.limerick.ie;/);
    has(csp, /style-src 'self';/);
    assert.equal((await a.request("/site-logo.svg")).status, 404, "no logo file to serve");
  });
});

describe("without settings", () => {
  test("the portal looks as it always has: Quorum, no logo, no colour rules, the default statement and licence", async () => {
    const a = createApp({ db });
    const home = (await get(a, "/")).body;
    has(home, /<title>Quorum<\/title>/);
    has(home, /<a href="\/" class="qm-header__service">Quorum<\/a><p class="qm-header__tagline">Committees, meetings and decisions<\/p>/);
    hasNot(home, /qm-header__logo|Contact /);
    has(home, new RegExp(`href="${OGL.url}" rel="license">Open Government Licence v3.0<`));
    const href = /href="(\/site.css\?v=[^"]+)"/.exec(home)![1];
    assert.equal((await get(a, href)).body.replace(/\/\*[^*]*\*\//g, "").trim(), "", "no colour rules");
    assert.deepEqual(DEFAULT_SITE.colours, DEFAULT_COLOURS);
    const statement = text((await get(a, "/accessibility")).body);
    has(statement, /This statement applies to the committee meetings, minutes and decisions published on this website by Quorum\./);
    has(statement, /WCAG\) version 2\.2 at level AA/);
    has(statement, /contact the council that published the minutes/);
    const root = JSON.parse((await get(a, "/api/v1")).body);
    assert.equal(root.name, "Quorum API");
    assert.deepEqual(root.licence, OGL);
  });

  test("the default statement lists the council's contact details when there are some", async () => {
    const a = createApp({ db, site: { ...DEFAULT_SITE, name: "Stoke Ferry Parish Council", contact: { email: "clerk@stokeferry.org" }, custom: true } });
    const body = (await get(a, "/accessibility")).body;
    has(text(body), /published on this website by Stoke Ferry Parish Council\./);
    has(body, /<li>email <a class="govuk-link" href="mailto:clerk@stokeferry.org">clerk@stokeferry.org<\/a><\/li>/);
  });
});
