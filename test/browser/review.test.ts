// The import review queue in Debian Chromium over a real server: a clerk opens the queue, filters
// it, opens an import, follows a value to its span in the source (no script needed: the page marks
// the span and the fragment scrolls to it), publishes it, and meets the error state of deciding
// twice; axe-core finds no WCAG 2.2 A/AA violations on any of these pages.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { createApp } from "../../src/serve/app.ts";
import type { Db } from "../../src/store/db.ts";
import { importMinutes } from "../../src/store/import.ts";
import { axe, chromiumUnavailable, collectPageErrors, describeViolations, launchBrowser, startServer, type Browser, type RunningServer } from "../support/browser.ts";
import { PASSWORD, storeWithPeople } from "../support/accounts.ts";
import { parsedInput, STAFFS_V1, STAFFS_V2 } from "../support/imports.ts";

const skip = chromiumUnavailable();

describe("import review in Chromium", { skip }, () => {
  let db: Db;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let newId: number;
  let heldId: number;

  before(async () => {
    const s = await storeWithPeople();
    db = s.db;
    const input = await parsedInput(STAFFS_V2, { review: true, actor: "cli" });
    input.record.warnings = ["two items numbered 31"];
    newId = (await importMinutes(db, input)).queued!.reviewId;
    // a second meeting, public, with a replacement held for review
    const other = await parsedInput(STAFFS_V1);
    other.record.date = "2017-01-16";
    await importMinutes(db, other);
    const replacement = await parsedInput(STAFFS_V2, { review: true });
    replacement.record.date = "2017-01-16";
    replacement.source.contentHash = replacement.source.contentHash.replace(/.$/, (c) => (c === "0" ? "1" : "0"));
    heldId = (await importMinutes(db, replacement)).queued!.reviewId;
    server = await startServer(createApp({ db }));
    browser = await launchBrowser();
    page = await browser.page();
    errors = collectPageErrors(page);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await db?.destroy();
  });

  async function noViolations(what: string) {
    const v = await axe(page);
    assert.deepEqual(v.map((x) => x.id), [], `${what}:\n${describeViolations(v)}`);
  }

  test("a clerk signs in to the queue, filters it and opens an import", async () => {
    await page.goto(server.url + "/admin/imports");
    assert.equal(new URL(page.url()).pathname, "/sign-in");
    await page.fill("#email", "clerk@council.gov.uk");
    await page.fill("#password", PASSWORD);
    await page.click("main button[type=submit]");
    await page.waitForURL(server.url + "/admin/imports");
    const rows = await page.locator("main tbody tr").allInnerTexts();
    assert.equal(rows.length, 2);
    assert.match(rows[1], /Safe and Strong Communities Select Committee, 12 December 2016[\s\S]*staffs-2016-12-12-v2-item-35-exempt\.txt[\s\S]*1[\s\S]*Waiting for review/);
    assert.match(rows[0], /Replaces the published minutes/);
    await noViolations("queue");
    await page.selectOption("#state", "published");
    await page.click("main button:has-text('Apply filter')");
    await page.waitForURL(/state=published/);
    assert.equal(await page.locator("main tbody tr").count(), 0);
    await noViolations("queue, filtered to none");
  });

  test("the review screen: a value's source link marks its span; exempt text is marked; then publish", async () => {
    await page.goto(`${server.url}/admin/imports/${newId}`);
    assert.match(await page.title(), /^Review import: Safe and Strong Communities Select Committee, 12 December 2016/);
    const main = await page.locator("main").innerText();
    assert.ok(main.indexOf("two items numbered 31") < main.indexOf("Parsed record"), "warnings come first");
    await noViolations("review screen");
    const link = page.locator("#f-attendance-0 a:has-text('Line')");
    await link.click();
    await page.waitForURL(/field=attendance%2F0#L\d+$/);
    const target = new URL(page.url()).hash.slice(1);
    assert.equal(await page.locator(`li#${target} mark.qm-mark`).count(), 1, "the span is marked on its line");
    assert.equal(await page.locator(`li#${target}`).evaluate((el) => el.matches(":target")), true);
    assert.ok(await page.locator(".qm-exempt").first().isVisible());
    await noViolations("review screen with a span marked");
    await page.click("main button:has-text('Publish')");
    await page.waitForURL(`${server.url}/admin/imports/${newId}?done=published`);
    assert.match(await page.locator(".govuk-notification-banner").innerText(), /Published/);
    await noViolations("review screen, published");
  });

  test("a held replacement says it replaces the published version; deciding twice shows the error state", async () => {
    await page.goto(`${server.url}/admin/imports/${heldId}`);
    assert.match(await page.locator("main").innerText(), /Publishing replaces the published version/);
    await noViolations("held replacement");
    // another clerk rejects it meanwhile; this page's Publish then meets the error
    const other = await browser.context.newPage();
    await other.goto(`${server.url}/admin/imports/${heldId}`);
    await other.click("main button:has-text('Reject')");
    await other.waitForURL(/done=rejected/);
    await other.close();
    await page.click("main button:has-text('Publish')");
    await page.waitForSelector(".govuk-error-summary");
    assert.match(await page.title(), /^Error: Review import/);
    assert.match(await page.locator(".govuk-error-summary").innerText(), /already rejected by clerk@council\.gov\.uk/);
    await noViolations("review screen, error");
    // the browser reports the 409 it was answered; nothing else went wrong on any page
    assert.deepEqual(errors.filter((e) => !/\/publish: .*status of 409/.test(e)), []);
  });
});
