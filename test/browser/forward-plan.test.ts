// The forward plan in Debian Chromium over a real server: a clerk adds key decisions through the
// workspace form (its error states, short notice refused until the general exception is recorded,
// one to be taken in private), links one to the meeting where it was taken and tries to withdraw
// another without a reason; signed out, the public page filters by month, the private decision's
// page gives its paragraph and reason but not its details, and the meeting links back. axe-core
// finds no WCAG 2.2 A/AA violations on any of them.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { createApp } from "../../src/serve/app.ts";
import type { Db } from "../../src/store/db.ts";
import { openStore } from "../../src/store/db.ts";
import { BUCKS, importFromCorpus } from "../../src/store/scrutiny/test-stores.ts";
import { axe, chromiumUnavailable, describeViolations, launchBrowser, startServer, type Browser, type RunningServer } from "../support/browser.ts";
import { PASSWORD } from "../support/accounts.ts";
import { addStaff } from "../support/people.ts";

const skip = chromiumUnavailable();
const CABINET = "buckinghamshire-county-council-cabinet";
const SECRET = "Acme Care Ltd bid 4.2 million pounds";

describe("the forward plan in Chromium", { skip }, () => {
  let db: Db;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let meetingSlug: string;

  before(async () => {
    db = await openStore(":memory:");
    meetingSlug = (await importFromCorpus(db, BUCKS)).meetingSlug;
    const emails = await addStaff(db);
    server = await startServer(createApp({ db, now: () => new Date("2018-03-01T10:00:00Z") }));
    browser = await launchBrowser();
    page = await browser.page();
    await page.goto(server.url + "/sign-in");
    await page.fill("#email", emails.clerk);
    await page.fill("#password", PASSWORD);
    await page.click("main button[type=submit]");
    await page.waitForURL(server.url + "/admin");
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
  async function submit(expectError: boolean, form = "main form[method=post]") {
    await page.click(`${form} button[type=submit]`);
    await page.waitForLoadState();
    if (expectError) {
      await page.waitForSelector(".govuk-error-summary");
      assert.match(await page.title(), /^Error: /);
    }
  }

  test("a clerk adds a key decision: errors, short notice refused, then recorded under the general exception", async () => {
    await page.click("main a[href='/admin/forward-plan']");
    await page.waitForURL(server.url + "/admin/forward-plan");
    await noViolations("workspace list, empty");
    await page.click("main a[href='/admin/forward-plan/new']");
    await noViolations("add form");
    await submit(true);
    await noViolations("add form, with errors");
    await page.fill("#reference", "KD-2018-14");
    await page.fill("#decision", "Direct Care and Support Services: future commissioning");
    await page.selectOption("#body", CABINET);
    await page.fill("#plannedDate", "2018-03-20");
    await page.fill("#wards", "Aylesbury North\nChesham");
    await page.fill("#consultees", "Service users, staff and trade unions");
    await page.fill("#documents", "Cabinet report https://democracy.example.gov.uk/report.pdf");
    await submit(true);
    assert.match(await page.locator(".govuk-error-summary").innerText(), /short of the 28/);
    await noViolations("add form, short notice");
    await page.check("#exception-2");
    await page.fill("#exceptionChair", "Cllr Ann Scrutiny, Chair of the Health and Adult Social Care Select Committee");
    await page.fill("#exceptionOn", "2018-03-01");
    await page.fill("#exceptionReason", "The provider gave notice on 27 February");
    await submit(false);
    assert.match(await page.locator(".govuk-notification-banner").innerText(), /added/);
    assert.match(await page.locator("main").innerText(), /general exception/);
    await noViolations("edit form, after adding");
  });

  test("a decision to be taken in private, linked to the meeting where it was taken", async () => {
    await page.goto(server.url + "/admin/forward-plan/new");
    await page.fill("#reference", "KD-2018-15");
    await page.fill("#decision", "Award of the home care contract");
    await page.fill("#details", SECRET);
    await page.selectOption("#body", CABINET);
    await page.fill("#plannedDate", "2018-04-23");
    await page.check("#exempt");
    await page.fill("#exemptParagraphs", "3");
    await page.fill("#exemptReason", "Commercially sensitive tender prices");
    await submit(false);
    await page.click("main a:has-text('Record the meeting where it was taken')");
    await noViolations("where it was taken");
    await page.click(`main a[href*='meeting=${meetingSlug}']`);
    await noViolations("where it was taken, meeting chosen");
    await submit(true, "main form[method=post]");
    await noViolations("where it was taken, with errors");
    await page.check("main input[name=resolution][value='10|1']");
    await submit(false, "main form[method=post]");
    assert.match(await page.locator(".govuk-notification-banner").innerText(), /Linked to the meeting/);
    assert.match(await page.locator("#taken-heading + p").innerText(), /Cabinet, 23 April 2018, item 10/);
  });

  test("withdrawing needs a reason", async () => {
    await page.goto(server.url + "/admin/forward-plan/buckinghamshire-county-council-kd-2018-14");
    await submit(true, "form[action$='/withdraw']");
    await noViolations("withdraw, with errors");
    await page.goto(server.url + "/admin/forward-plan");
    await noViolations("workspace list");
  });

  test("signed out: the public plan, filtered by month; the private decision gives its paragraph, not its details; the meeting links back", async () => {
    await browser.context.clearCookies();
    await page.goto(server.url + "/forward-plan");
    await noViolations("public forward plan");
    assert.match(await page.locator("main table").innerText(), /KD-2018-14[\s\S]*KD-2018-15/);
    await page.selectOption("#month", "2018-04");
    await page.click("main form[method=get] button[type=submit]");
    await page.waitForURL(/month=2018-04/);
    const filtered = await page.locator("main table").innerText();
    assert.match(filtered, /Award of the home care contract/);
    assert.doesNotMatch(filtered, /Direct Care/);
    await noViolations("public forward plan, filtered");
    await page.click("main a:has-text('Award of the home care contract')");
    // the text is read from the decision's own page, not the list still on screen
    await page.waitForURL(/\/forward-plan\/[^/?]+$/);
    const text = await page.locator("main").innerText();
    assert.match(text, /paragraph 3 of Schedule 12A/);
    assert.match(text, /Commercially sensitive tender prices/);
    assert.ok(!text.includes(SECRET));
    await noViolations("private key decision");
    await page.click("#taken a[href^='/meetings/']");
    await page.waitForURL(/\/meetings\//);
    assert.match(await page.locator("#key-decisions").locator("xpath=..").innerText(), /KD-2018-15: Award of the home care contract/);
    await noViolations("meeting with its key decision");
    await page.goto(server.url + "/forward-plan/buckinghamshire-county-council-kd-2018-14");
    assert.match(await page.locator("main").innerText(), /general exception \(regulation 10/);
    await noViolations("key decision under the general exception");
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(server.url + "/forward-plan");
    await noViolations("public forward plan on a phone");
  });
});
