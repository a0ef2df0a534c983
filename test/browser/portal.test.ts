// The portal in a real browser: Debian Chromium driven by playwright-core, one instance for the
// whole file, serving the golden development minutes from a real SQLite database.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { createApp } from "../../src/serve/app.ts";
import { axe, chromiumUnavailable, collectPageErrors, describeViolations, launchBrowser, startServer, type Browser, type RunningServer } from "../support/browser.ts";
import { GOLDEN_DEV, goldenDb, parsedDb, type TestDb } from "../support/portal-db.ts";

const STAFFS = "safe-and-strong-communities-select-committee-2016-12-12";
const BUCKS = "buckinghamshire-county-council-cabinet-2018-04-23-1030";

let t: TestDb;
let server: RunningServer;
let browser: Browser;
let page: Page;
let consoleErrors: string[] = [];
const skip = chromiumUnavailable();

before(async () => {
  if (skip) return;
  t = await goldenDb();
  server = await startServer(createApp({ db: t.db, now: () => new Date("2017-01-15T12:00:00Z") }));
  browser = await launchBrowser();
  page = await browser.page();
  consoleErrors = collectPageErrors(page);
});

after(async () => {
  await browser?.close();
  await server?.close();
  await t?.close();
});

const go = async (path: string) => {
  const res = await page.goto(server.url + path);
  assert.equal(res?.status(), 200, `${path} answered ${res?.status()}`);
};

describe("journeys", { skip }, () => {
  test("search from the home page and open a result", async () => {
    await go("/");
    await page.getByLabel("Search the minutes").fill("modern slavery");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/\/search\?q=modern\+slavery/);
    const count = await page.locator("#results-count").innerText();
    assert.match(count, /^\d+ results? for “modern slavery”$/);
    assert.ok((await page.locator("mark").count()) > 0, "matches are highlighted");
    const first = page.locator(".qm-card h3 a").first();
    const title = (await first.innerText()).trim();
    const href = (await first.getAttribute("href")) ?? "";
    assert.match(href, /^\/meetings\/[^#]+#(item|decision)-/);
    await first.click();
    await page.waitForURL(server.url + href);
    assert.match(await page.locator("h1").innerText(), /^\w+day \d+ \w+ \d{4}$/);
    const target = page.locator(new URL(page.url()).hash);
    assert.ok(await target.isVisible(), `${href} points at something on the page`);
    const heading = title.replace(/^\S+\.\s*/, "");
    assert.ok((await page.locator("main").innerText()).includes(heading), `the page shows "${heading}"`);
  });

  test("open a meeting from its committee and follow a person", async () => {
    await go("/committees");
    await page.getByRole("link", { name: "Cabinet", exact: true }).click();
    await page.waitForURL(/\/committees\/buckinghamshire-county-council-cabinet$/);
    await page.getByRole("link", { name: /Monday 23 April 2018/ }).first().click();
    await page.waitForURL(new RegExp(`/meetings/${BUCKS}$`));
    await page.getByRole("link", { name: "Mr W Whyte" }).first().click();
    await page.waitForURL(/\/people\//);
    assert.match(await page.locator("h1").innerText(), /Whyte/);
    const record = await page.locator("#attendance").locator("xpath=..").innerText();
    assert.match(record, /expected at 1 meeting/);
    assert.match(record, /Apologies/);
    await page.getByRole("link", { name: "Monday 23 April 2018" }).click();
    await page.waitForURL(new RegExp(`/meetings/${BUCKS}$`));
  });

  test("a value's source link opens the minutes text at that line", async () => {
    await go(`/meetings/${BUCKS}`);
    const link = page.locator("dd", { hasText: "Mezzanine Rooms" }).getByRole("link");
    const href = await link.getAttribute("href");
    assert.match(href ?? "", new RegExp(`^/meetings/${BUCKS}/minutes#L\\d+$`));
    await link.click();
    await page.waitForURL(new RegExp(`/meetings/${BUCKS}/minutes#L\\d+$`));
    const line = page.locator(new URL(page.url()).hash);
    assert.match(await line.innerText(), /Mezzanine Rooms 1 & 2/i);
  });

  test("the first Tab reaches a visible skip link that jumps to the main content", async () => {
    await go(`/meetings/${BUCKS}`);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    assert.equal(await page.evaluate("document.activeElement && document.activeElement.getAttribute('href')"), "#main-content", "the skip link has focus");
    assert.ok(await skip.isVisible(), "the focused skip link is visible");
    await page.keyboard.press("Enter");
    assert.match(page.url(), /#main-content$/);
    assert.equal(await page.evaluate("document.activeElement && document.activeElement.id"), "main-content");
  });

  test("on a phone the menu opens from its button, and printing hides the navigation", async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    try {
      await go("/");
      const toggle = page.getByRole("button", { name: "Menu" });
      assert.ok(await toggle.isVisible(), "the menu button shows on a phone");
      assert.equal(await page.getByRole("link", { name: "Decisions", exact: true }).isVisible(), false);
      await toggle.click();
      assert.ok(await page.getByRole("link", { name: "Decisions", exact: true }).isVisible());
    } finally {
      await page.setViewportSize({ width: 1200, height: 900 });
    }
    await go(`/meetings/${STAFFS}`);
    await page.emulateMedia({ media: "print" });
    try {
      assert.equal(await page.locator(".qm-header").isVisible(), false);
      assert.equal(await page.locator(".govuk-footer").isVisible(), false);
      assert.ok(await page.locator("h1").isVisible());
    } finally {
      await page.emulateMedia({ media: "screen" });
    }
  });
});

describe("accessibility", { skip }, () => {
  const pageTypes: [string, string][] = [
    ["home", "/"],
    ["committees", "/committees"],
    ["committee", "/committees/buckinghamshire-county-council-cabinet"],
    ["meeting", `/meetings/${BUCKS}`],
    ["meeting-exempt", `/meetings/${STAFFS}`],
    ["people", "/people"],
    ["person", ""],
    ["decisions", "/decisions?body=buckinghamshire-county-council-cabinet"],
    ["search", "/search?q=budget"],
    ["search-empty", "/search?q=zzzznothing"],
    ["calendar", "/calendar/2016-12"],
    ["document", ""],
    ["not-found", "/meetings/no-such-meeting"],
    ["open-data", "/data"],
  ];

  for (const [name, path] of pageTypes) {
    test(`${name}: axe-core finds no WCAG 2.2 A/AA violations`, async () => {
      let target = path;
      if (name === "person") {
        const r = await fetch(`${server.url}/api/v1/meetings/${BUCKS}`);
        target = ((await r.json()) as { attendance: { name: string; person: { url: string } }[] }).attendance.find((a) => a.name === "Mrs J Teesdale")!.person.url;
      }
      if (name === "document") {
        const r = await fetch(`${server.url}/api/v1/meetings/${STAFFS}`);
        target = ((await r.json()) as { source: { url: string } }).source.url;
      }
      const res = await page.goto(server.url + target);
      assert.equal(res?.status(), name === "not-found" ? 404 : 200);
      await page.screenshot({ path: `/tmp/quorum-${name}.png`, fullPage: true });
      const violations = await axe(page);
      assert.equal(violations.length, 0, describeViolations(violations));
    });
  }

  test("the meeting page on a phone: axe-core finds no violations", async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    try {
      await go(`/meetings/${BUCKS}`);
      await page.screenshot({ path: "/tmp/quorum-meeting-phone.png", fullPage: true });
      const violations = await axe(page);
      assert.equal(violations.length, 0, describeViolations(violations));
    } finally {
      await page.setViewportSize({ width: 1200, height: 900 });
    }
  });

  test("a person page with motions moved and seconded, on a phone: axe-core finds no violations", async () => {
    // the hand-checked records carry no movers; these minutes go through the parser
    const parsed = await parsedDb([join(GOLDEN_DEV, "2018-11-stoke-ferry-parish-council-minutes-of-september-meeeting.md")]);
    const own = await startServer(createApp({ db: parsed.db }));
    await page.setViewportSize({ width: 375, height: 800 });
    try {
      const res = await page.goto(`${own.url}/people/jim-mcneill-stoke-ferry-parish-council`);
      assert.equal(res?.status(), 200);
      assert.equal(await page.locator("#motions ~ table tbody tr").count(), 2);
      await page.screenshot({ path: "/tmp/quorum-person-motions-phone.png", fullPage: true });
      const violations = await axe(page);
      assert.equal(violations.length, 0, describeViolations(violations));
    } finally {
      await page.setViewportSize({ width: 1200, height: 900 });
      await own.close();
      await parsed.close();
    }
  });

  test("no page logged a script error", () => {
    assert.deepEqual(consoleErrors, []);
  });
});
