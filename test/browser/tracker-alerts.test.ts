// Following a scrutiny inquiry or one of its recommendations, in Debian Chromium over a real
// server, with the links taken from what a real SMTP server on loopback received: the links on the
// inquiry's page, asking for alerts (and its error states), "check your email", confirming, and the
// manage page naming what is followed. axe-core finds no WCAG 2.2 A/AA violations on any of them.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { createApp } from "../../src/serve/app.ts";
import { openStore, type Db } from "../../src/store/db.ts";
import { sendDue, smtpTransport } from "../../src/store/mail/sender.ts";
import { respondToRecommendation } from "../../src/store/scrutiny/record.ts";
import { listRecommendations } from "../../src/store/scrutiny/recommendations.ts";
import { BUCKS, importFromCorpus } from "../../src/store/scrutiny/test-stores.ts";
import { axe, chromiumUnavailable, describeViolations, launchBrowser, startServer, type Browser, type RunningServer } from "../support/browser.ts";
import { linkIn, startSmtp, type TestSmtp } from "../support/smtp.ts";

const skip = chromiumUnavailable();

describe("following a recommendation or an inquiry, in Chromium", { skip }, () => {
  let db: Db;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let smtp: TestSmtp;
  let slug: string;

  before(async () => {
    db = await openStore(":memory:");
    slug = (await importFromCorpus(db, BUCKS)).tracked.inquiry!.slug;
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

  test("the inquiry: the link on its page, asking and its errors, check your email", async () => {
    await page.goto(`${server.url}/recommendations/${slug}`);
    await noViolations("inquiry page with its alerts links");
    await page.click(`a[href='/recommendations/${slug}/alerts']`);
    assert.equal(new URL(page.url()).pathname, `/recommendations/${slug}/alerts`);
    await page.waitForSelector("h1:has-text('Get email alerts for the inquiry')");
    await noViolations("inquiry subscribe");
    await page.click("main button[type=submit]");
    await page.waitForSelector(".govuk-error-summary");
    assert.match(await page.title(), /^Error: Get email alerts/);
    assert.match(await page.locator(".govuk-error-summary").innerText(), /Enter your email address/);
    await noViolations("inquiry subscribe, empty");
    await page.fill("#email", "not an address");
    await page.click("main button[type=submit]");
    await page.waitForSelector(".govuk-error-message");
    await noViolations("inquiry subscribe, bad address");
    await page.fill("#email", "ivy@example.org");
    await page.click("main button[type=submit]");
    await page.waitForSelector("h1:has-text('Check your email')");
    assert.match(await page.locator("main").innerText(), /alerts for the inquiry “What steps should the Council/);
    await noViolations("inquiry, check your email");
  });

  test("a recommendation: asking and its error, confirming, its alert and the manage page", async () => {
    await page.goto(`${server.url}/recommendations/${slug}`);
    await page.click(`a[href='/recommendations/${slug}/2/alerts']`);
    await page.waitForSelector("h1:has-text('Get email alerts for recommendation 2 of')");
    await noViolations("recommendation subscribe");
    await page.click("main button[type=submit]");
    await page.waitForSelector(".govuk-error-summary");
    await noViolations("recommendation subscribe, empty");
    await page.fill("#email", "joe@example.org");
    await page.check("#frequency-immediate");
    await page.click("main button[type=submit]");
    await page.waitForSelector("h1:has-text('Check your email')");
    await noViolations("recommendation, check your email");

    await send();
    const confirmation = smtp.received.find((m) => m.to === "joe@example.org")!;
    await page.goto(linkIn(confirmation, `${server.url}/alerts/confirm/`));
    assert.match(await page.locator("main").innerText(), /Send alerts about recommendation 2 of “What steps/);
    await noViolations("recommendation, confirm");
    await page.click("main button[type=submit]");
    await page.waitForSelector("h1:has-text('Email alerts confirmed')");
    await noViolations("recommendation, confirmed");

    const rec = (await listRecommendations(db, "2018-05-01", { inquiry: slug }))[1];
    await respondToRecommendation(db, rec.id, { response: "no", text: "Plans stay as they are", responsibleMember: null, responsibleOfficer: null, actionBy: null, respondedOn: "2018-05-01" });
    await send();
    const alert = smtp.received.filter((m) => m.to === "joe@example.org").at(-1)!;
    assert.match(alert.subject, /^Response recorded: recommendation 2 of /);
    await page.goto(linkIn(alert, `${server.url}/alerts/manage/`));
    assert.match(await page.locator("main").innerText(), /Recommendation 2 of “What steps/);
    await noViolations("manage, a recommendation");
  });
});
