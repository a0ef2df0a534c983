// A council's own settings (examples/quorum.site.json: name, logo, colours, footer, contact,
// statement) in Debian Chromium: the colours and logo are applied, and axe-core finds no WCAG
// 2.2 A/AA violations on the pages that show them.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { createApp } from "../../src/serve/app.ts";
import { loadSiteSettings } from "../../src/serve/site/load.ts";
import { axe, collectPageErrors, describeViolations, launchBrowser, startServer, type Browser, type RunningServer } from "../support/browser.ts";
import { goldenDb, type TestDb } from "../support/portal-db.ts";

const SETTINGS = resolve(import.meta.dirname, "../../examples/quorum.site.json");
const BUCKS = "buckinghamshire-county-council-cabinet-2018-04-23-1030";

let t: TestDb;
let server: RunningServer;
let browser: Browser;
let page: Page;
let consoleErrors: string[] = [];

before(async () => {
  t = await goldenDb();
  server = await startServer(createApp({ db: t.db, site: loadSiteSettings(SETTINGS), now: () => new Date("2017-01-15T12:00:00Z") }));
  browser = await launchBrowser();
  page = await browser.page();
  consoleErrors = collectPageErrors(page);
});

after(async () => {
  await browser?.close();
  await server?.close();
  await t?.close();
});

test("the header takes the council's colours and shows its logo and name", async () => {
  const res = await page.goto(server.url + "/");
  assert.equal(res?.status(), 200);
  assert.equal(await page.title(), "Example Borough Council");
  // Strings, not functions: the test code is type-checked without the DOM library.
  const style = (selector: string, property: string) =>
    page.evaluate<string>(`getComputedStyle(document.querySelector(${JSON.stringify(selector)})).getPropertyValue(${JSON.stringify(property)})`);
  assert.equal(await style(".qm-header", "background-color"), "rgb(0, 89, 79)");
  assert.equal(await style(".qm-header", "border-bottom-color"), "rgb(240, 179, 35)");
  assert.equal(await style(".qm-header__service", "color"), "rgb(255, 255, 255)");
  assert.equal(await style("main .govuk-link", "color"), "rgb(0, 89, 79)");
  assert.ok(Number(await page.evaluate<number>(`document.querySelector(".qm-header__logo").naturalWidth`)) > 0, "the logo loaded");
  assert.equal((await page.locator(".qm-header__service").innerText()).trim(), "Example Borough Council");
});

describe("accessibility with the council's settings", () => {
  const pages: [string, string, number][] = [
    ["home", "/", 200],
    ["meeting", `/meetings/${BUCKS}`, 200],
    ["accessibility statement", "/accessibility", 200],
    ["not found", "/meetings/no-such-meeting", 404],
  ];
  for (const [name, path, status] of pages) {
    test(`${name}: axe-core finds no WCAG 2.2 A/AA violations`, async () => {
      const res = await page.goto(server.url + path);
      assert.equal(res?.status(), status);
      await page.screenshot({ path: `/tmp/quorum-site-${name.replace(/ /g, "-")}.png`, fullPage: true });
      const violations = await axe(page);
      assert.equal(violations.length, 0, describeViolations(violations));
    });
  }

  test("home on a phone: axe-core finds no violations", async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    try {
      assert.equal((await page.goto(server.url + "/"))?.status(), 200);
      await page.screenshot({ path: "/tmp/quorum-site-home-phone.png", fullPage: true });
      const violations = await axe(page);
      assert.equal(violations.length, 0, describeViolations(violations));
    } finally {
      await page.setViewportSize({ width: 1200, height: 900 });
    }
  });

  test("no page logged a script error", () => {
    assert.deepEqual(consoleErrors, []);
  });
});
