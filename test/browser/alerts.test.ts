// Email alerts' pages in Debian Chromium over a real server, with the links taken from what a real
// SMTP server on loopback received: asking for alerts (and its error states), "check your email",
// confirming (and a used link), managing (and its error state, and a change saved), unsubscribing.
// axe-core finds no WCAG 2.2 A/AA violations on any of them.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { createApp } from "../../src/serve/app.ts";
import { openStore, type Db } from "../../src/store/db.ts";
import { scheduleMeeting } from "../../src/store/schedule/meetings.ts";
import { sendDue, smtpTransport } from "../../src/store/mail/sender.ts";
import { axe, chromiumUnavailable, describeViolations, launchBrowser, startServer, type Browser, type RunningServer } from "../support/browser.ts";
import { linkIn, startSmtp, type TestSmtp } from "../support/smtp.ts";
import { committeeWithMinutes } from "../support/schedule.ts";
import { importMinutes } from "../../src/store/import.ts";
import { publishImport } from "../../src/store/imports/decide.ts";
import { addUser } from "../../src/store/accounts/users.ts";
import { parsedInput, STAFFS_V2 } from "../support/imports.ts";

const skip = chromiumUnavailable();

describe("email alerts' pages in Chromium", { skip }, () => {
  let db: Db;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let smtp: TestSmtp;
  let body: string;

  before(async () => {
    db = await openStore(":memory:");
    body = (await committeeWithMinutes(db)).body;
    server = await startServer(createApp({ db }));
    browser = await launchBrowser();
    page = await browser.page();
    smtp = await startSmtp();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
    await db?.destroy();
  });

  const send = () => sendDue(db, { transport: smtpTransport(smtp.url), baseUrl: server.url, from: "alerts@example.org" });

  async function noViolations(what: string) {
    const v = await axe(page);
    assert.deepEqual(v.map((x) => x.id), [], `${what}:\n${describeViolations(v)}`);
  }

  test("asking for alerts, its errors, confirming, managing and unsubscribing", async () => {
    await page.goto(`${server.url}/committees/${body}`);
    await page.click("a:has-text('Get email alerts')");
    assert.equal(new URL(page.url()).pathname, `/committees/${body}/alerts`);
    await noViolations("subscribe");
    await page.click("main button[type=submit]");
    await page.waitForSelector(".govuk-error-summary");
    assert.match(await page.title(), /^Error: Get email alerts/);
    assert.match(await page.locator(".govuk-error-summary").innerText(), /Enter your email address/);
    await noViolations("subscribe, empty");
    await page.fill("#email", "not an address");
    await page.click("main button[type=submit]");
    await page.waitForSelector(".govuk-error-message");
    await noViolations("subscribe, bad address");
    await page.fill("#email", "ann@example.org");
    await page.check("#frequency-immediate");
    await page.click("main button[type=submit]");
    await page.waitForSelector("h1:has-text('Check your email')");
    await noViolations("check your email");

    await send();
    const confirm = linkIn(smtp.received[0], `${server.url}/alerts/confirm/`);
    await page.goto(confirm);
    await noViolations("confirm");
    await page.click("main button[type=submit]");
    await page.waitForSelector("h1:has-text('Email alerts confirmed')");
    await noViolations("confirmed");
    const used = await page.goto(confirm);
    assert.equal(used?.status(), 410);
    await noViolations("confirmation link used");

    await scheduleMeeting(db, { body, date: "2026-04-14", startTime: "18:30" }, { userId: null, label: "Clerk" }, new Date());
    await send();
    const alert = smtp.received.at(-1)!;
    await page.goto(linkIn(alert, `${server.url}/alerts/manage/`));
    await noViolations("manage");
    await page.check("input[value=daily]");
    await page.click("button[value=frequency]");
    await page.waitForSelector(".govuk-notification-banner");
    await noViolations("manage, saved");
    // a form changed in the page: the error state
    await page.locator("input[name=subscription]").evaluate((el) => el.setAttribute("value", "99999"));
    await page.click("button[value=remove]");
    await page.waitForSelector(".govuk-error-summary");
    await noViolations("manage, error");

    await page.goto(linkIn(alert, `${server.url}/alerts/unsubscribe/`));
    await noViolations("unsubscribe");
    await page.click("main button[type=submit]");
    await page.waitForSelector("h1:has-text('You have unsubscribed')");
    await noViolations("unsubscribed");
  });

  test("alerts for a saved search: the link on the results, asking and its error, confirming, and the alert's manage page", async () => {
    const before = smtp.received.length;
    await page.goto(`${server.url}/search?q=slavery`);
    await page.click("a:has-text('Get email alerts for this search')");
    assert.equal(new URL(page.url()).pathname, "/search/alerts");
    await page.waitForSelector("h1:has-text('Get email alerts for the search')");
    await noViolations("search subscribe");
    await page.click("main button[type=submit]");
    await page.waitForSelector(".govuk-error-summary");
    assert.match(await page.title(), /^Error: Get email alerts/);
    await noViolations("search subscribe, empty");
    await page.fill("#email", "sam@example.org");
    await page.click("main button[type=submit]");
    await page.waitForSelector("h1:has-text('Check your email')");
    assert.match(await page.locator("main").innerText(), /alerts for the search “slavery”/);
    await noViolations("search, check your email");

    await send();
    assert.equal(smtp.received.length, before + 1);
    await page.goto(linkIn(smtp.received.at(-1)!, `${server.url}/alerts/confirm/`));
    assert.match(await page.locator("main").innerText(), /Send alerts about the search “slavery”/);
    await noViolations("search, confirm");
    await page.click("main button[type=submit]");
    await page.waitForSelector("h1:has-text('Email alerts confirmed')");
    await noViolations("search, confirmed");

    const r = await importMinutes(db, await parsedInput(STAFFS_V2, { review: true }));
    const staff = await addUser(db, { email: "clerk@council.gov.uk", role: "clerk", displayName: "Cal Clerk" }, new Date());
    await publishImport(db, r.queued!.reviewId, { userId: staff.id, label: staff.email }, new Date());
    await send();
    const alert = smtp.received.at(-1)!;
    assert.match(alert.subject, /^New for the search “slavery”/);
    await page.goto(linkIn(alert, `${server.url}/alerts/manage/`));
    assert.match(await page.locator("main").innerText(), /Search “slavery”/);
    await noViolations("manage, a search");
  });

  test("alerts about a person: the link on their page, asking and its error, check your email", async () => {
    const p = await db.selectFrom("people").where("display_name", "=", "John Francis").select("slug").executeTakeFirstOrThrow();
    await page.goto(`${server.url}/people/${p.slug}`);
    await page.click("a:has-text('Get email alerts')");
    assert.equal(new URL(page.url()).pathname, `/people/${p.slug}/alerts`);
    await noViolations("person subscribe");
    await page.click("main button[type=submit]");
    await page.waitForSelector(".govuk-error-summary");
    await noViolations("person subscribe, empty");
    await page.fill("#email", "pat@example.org");
    await page.click("main button[type=submit]");
    await page.waitForSelector("h1:has-text('Check your email')");
    assert.match(await page.locator("main").innerText(), /alerts for John Francis/);
    await noViolations("person, check your email");
  });
});
