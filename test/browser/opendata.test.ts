// The open data page in Debian Chromium, with two councils publishing under different licences:
// axe-core finds no WCAG 2.2 A/AA violations, the licences are listed per council, and every
// dataset's link answers.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { createApp } from "../../src/serve/app.ts";
import { setAuthorityLicence } from "../../src/store/opendata/licence.ts";
import { axe, chromiumUnavailable, describeViolations, launchBrowser, startServer, type Browser, type RunningServer } from "../support/browser.ts";
import { parsedDb, type TestDb } from "../support/portal-db.ts";
import { BUCKS, EXEMPT_V2 } from "../support/opendata.ts";

const skip = chromiumUnavailable();
let t: TestDb;
let server: RunningServer;
let browser: Browser;
let page: Page;

before(async () => {
  if (skip) return;
  t = await parsedDb([EXEMPT_V2, BUCKS]);
  await setAuthorityLicence(t.db, "Buckinghamshire County Council", { name: "Creative Commons Attribution 4.0 International", url: "https://creativecommons.org/licenses/by/4.0/" });
  server = await startServer(createApp({ db: t.db }));
  browser = await launchBrowser();
  page = await browser.page();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await t?.close();
});

test("/data: no axe violations; each council's licence; every dataset link answers", { skip }, async () => {
  const res = await page.goto(`${server.url}/data`);
  assert.equal(res?.status(), 200);
  const violations = await axe(page);
  assert.equal(violations.length, 0, describeViolations(violations));
  const rows = await page.locator("table").first().locator("tbody tr").allInnerTexts();
  assert.deepEqual(rows.map((r) => r.replace(/\s+/g, " ").trim()).sort(), [
    "Buckinghamshire County Council Creative Commons Attribution 4.0 International",
    "Safe and Strong Communities Select Committee Open Government Licence v3.0",
  ]);
  const links = await page.locator("table").nth(1).locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  assert.ok(links.length >= 16, `${links.length} datasets`);
  for (const href of links) {
    const r = await fetch(server.url + href);
    assert.equal(r.status, 200, href);
    await r.arrayBuffer();
  }
  assert.equal(await page.locator("main").getByRole("link", { name: "feeds and calendars" }).getAttribute("href"), "/feeds");
});
