// The account pages in Debian Chromium over a real server: signing in through the form, its error
// states, setting a password from a link, /admin and /admin/audit; axe-core finds no WCAG 2.2
// A/AA violations on any of them.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { createApp } from "../../src/serve/app.ts";
import type { Db } from "../../src/store/db.ts";
import { issueSignInToken } from "../../src/store/accounts/tokens.ts";
import { appendAudit } from "../../src/store/audit.ts";
import { axe, chromiumUnavailable, describeViolations, launchBrowser, startServer, type Browser, type RunningServer } from "../support/browser.ts";
import { PASSWORD, storeWithPeople } from "../support/accounts.ts";

const skip = chromiumUnavailable();

describe("account pages in Chromium", { skip }, () => {
  let db: Db;
  let memberId: number;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    const s = await storeWithPeople();
    db = s.db;
    memberId = s.member.id;
    await appendAudit(db, { actorLabel: "cli", action: "user.add", recordKind: "user", recordId: "clerk@council.gov.uk", after: { role: "clerk" } }, new Date());
    server = await startServer(createApp({ db }));
    browser = await launchBrowser();
    page = await browser.page();
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

  test("/sign-in, empty and with errors", async () => {
    const res = await page.goto(server.url + "/sign-in");
    assert.equal(res?.status(), 200);
    await noViolations("sign-in");
    await page.click("button[type=submit]:has-text('Sign in')");
    await page.waitForSelector(".govuk-error-summary");
    assert.equal(await page.title(), "Error: Sign in – Quorum");
    await noViolations("sign-in, empty");
    await page.fill("#email", "clerk@council.gov.uk");
    await page.fill("#password", "not the password");
    await page.click("main button[type=submit]");
    await page.waitForSelector(".govuk-error-summary");
    assert.match(await page.locator(".govuk-error-summary").innerText(), /Enter a correct email address and password/);
    await noViolations("sign-in, wrong password");
  });

  test("/account/set-password, then signed in", async () => {
    const token = await issueSignInToken(db, memberId, new Date());
    const res = await page.goto(`${server.url}/account/set-password?token=${token}`);
    assert.equal(res?.status(), 200);
    await noViolations("set-password");
    await page.fill("#password", "short");
    await page.fill("#confirm", "short");
    await page.click("main button[type=submit]");
    await page.waitForSelector(".govuk-error-summary");
    await noViolations("set-password, too short");
    await page.fill("#password", "a long enough new passphrase");
    await page.fill("#confirm", "a long enough new passphrase");
    await page.click("main button[type=submit]");
    await page.waitForURL(server.url + "/");
    // public pages read the session now (exempt business may differ per viewer): the header says who
    assert.match(await page.locator(".qm-header__account").innerText(), /Sign out/);
    await browser.context.clearCookies();
  });

  test("/admin and /admin/audit for an administrator, and signing out", async () => {
    await page.goto(server.url + "/admin/audit");
    assert.equal(new URL(page.url()).pathname, "/sign-in");
    await page.fill("#email", "admin@council.gov.uk");
    await page.fill("#password", PASSWORD);
    await page.click("main button[type=submit]");
    await page.waitForURL(server.url + "/admin/audit");
    assert.match(await page.locator("main").innerText(), /user\.add/);
    await noViolations("admin/audit");
    await page.goto(server.url + "/admin");
    assert.match(await page.locator("main").innerText(), /Ada Admin/);
    assert.match(await page.locator(".qm-header__account").innerText(), /Ada Admin/);
    await noViolations("admin");
    await page.click(".qm-header__signout");
    await page.waitForURL(server.url + "/");
    const back = await page.goto(server.url + "/admin");
    assert.equal(new URL(page.url()).pathname, "/sign-in");
    assert.equal(back?.status(), 200);
  });
});
