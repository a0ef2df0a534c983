// Owners keeping the tracker current, in Debian Chromium over a real server: the clerk makes a
// member the owner of a recommendation, the member posts an update from their dashboard, the clerk
// rejects one and accepts another from the queue, and a stale form shows the change that won.
// axe-core finds no WCAG 2.2 A/AA violations on any page, error states included.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { createApp } from "../../src/serve/app.ts";
import { openStore, type Db } from "../../src/store/db.ts";
import { addUser, setPasswordHash } from "../../src/store/accounts/users.ts";
import { hashPassword } from "../../src/serve/auth/password.ts";
import { listRecommendations } from "../../src/store/scrutiny/recommendations.ts";
import { BUCKS, importFromCorpus, migrateAll } from "../../src/store/scrutiny/test-stores.ts";
import { writeTransaction } from "../../src/store/write.ts";
import { extendDeadline } from "../../src/store/owners/updates.ts";
import { getTrackedItem } from "../../src/store/owners/items.ts";
import { axe, chromiumUnavailable, collectPageErrors, describeViolations, launchBrowser, startServer, type Browser, type RunningServer } from "../support/browser.ts";
import { PASSWORD } from "../support/accounts.ts";

const skip = chromiumUnavailable();
const NOW = new Date("2018-10-23T10:00:00Z");

describe("owners' updates in Chromium", { skip }, () => {
  let db: Db;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let recId: number;
  let inquirySlug: string;

  before(async () => {
    db = await openStore(":memory:", { migrate: false });
    await migrateAll(db);
    await importFromCorpus(db, BUCKS);
    const hash = await hashPassword(PASSWORD);
    for (const [email, role, name] of [["clerk@bucks.gov.uk", "clerk", "Colin Clerk"], ["hazell@bucks.gov.uk", "member", "Lin Hazell"], ["admin@bucks.gov.uk", "admin", "Ada Admin"]]) {
      const u = await addUser(db, { email, role, displayName: name }, NOW);
      await setPasswordHash(db, u.id, hash, NOW);
    }
    const rec = (await listRecommendations(db, "2018-10-01")).find((r) => r.number === "2")!;
    recId = rec.id;
    inquirySlug = rec.inquiry.slug;
    server = await startServer(createApp({ db, now: () => NOW }));
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

  async function signIn(email: string) {
    await browser.context.clearCookies();
    await page.goto(server.url + "/sign-in");
    await page.fill("#email", email);
    await page.fill("#password", PASSWORD);
    await page.click("main button[type=submit]");
    await page.waitForLoadState();
  }

  test("the clerk's tracker list and item page, an extension with errors, then making a member the owner", async () => {
    await signIn("clerk@bucks.gov.uk");
    await page.goto(server.url + "/admin");
    await page.click("text=Tracker owners");
    await page.waitForURL(server.url + "/admin/tracker");
    await noViolations("tracker owners");
    await page.goto(`${server.url}/admin/tracker/recommendation/${recId}`);
    assert.match(await page.locator("main").innerText(), /Cllr Lin Hazell and Claire Hawkes/);
    await noViolations("item page");
    await page.click("button:has-text('Extend the deadline')");
    await page.waitForSelector(".govuk-error-summary");
    assert.match(await page.title(), /^Error: /);
    await noViolations("item page, extension without a date");
    await page.selectOption("#owner", { label: "Lin Hazell (member)" });
    await page.click("button:has-text('Save owner')");
    await page.waitForSelector(".govuk-notification-banner");
    assert.match(await page.locator(".govuk-notification-banner").innerText(), /The owner was saved/);
    await noViolations("item page, owner saved");
  });

  test("the owner's dashboard and update form, empty and then sent", async () => {
    await signIn("hazell@bucks.gov.uk");
    assert.equal(new URL(page.url()).pathname, "/account/dashboard");
    assert.match(await page.locator("main").innerText(), /Recommendation 2: /);
    await noViolations("dashboard");
    await page.click("main a:has-text('Post an update')");
    await page.waitForURL(`${server.url}/account/tracker/recommendation/${recId}/update`);
    await noViolations("update form");
    await page.click("button:has-text('Send to the clerk')");
    await page.waitForSelector(".govuk-error-summary");
    assert.equal(await page.title(), "Error: Post an update – Quorum");
    assert.match(await page.locator(".govuk-error-summary").innerText(), /Choose how it is going[\s\S]*Enter what has happened/);
    await noViolations("update form, empty");
    await page.fill("#evidence", "not a link");
    await page.click("button:has-text('Send to the clerk')");
    await page.waitForSelector(".govuk-error-summary");
    await noViolations("update form, bad link");
    await page.check("#status-2");
    await page.fill("#text", "Template revised; training dates not yet fixed");
    await page.fill("#evidence", "https://example.org/plan.pdf");
    await page.click("button:has-text('Send to the clerk')");
    await page.waitForLoadState();
    assert.equal(new URL(page.url()).pathname, "/account/dashboard", `${await page.title()}: ${await page.locator("main").innerText()}`);
    assert.match(await page.locator("main").innerText(), /Waiting for the clerk/);
    await noViolations("dashboard, update sent");
    // a second, to be rejected
    await page.click("main a:has-text('Post an update')");
    await page.check("#status");
    await page.fill("#text", "All finished");
    await page.click("button:has-text('Send to the clerk')");
    await page.waitForURL(server.url + "/account/dashboard?sent");
  });

  test("the clerk's queue: a rejection needs a reason, an acceptance reaches the public tracker", async () => {
    await signIn("clerk@bucks.gov.uk");
    await page.goto(server.url + "/admin/tracker/updates");
    assert.match(await page.locator("main").innerText(), /2 updates are waiting/);
    await noViolations("queue");
    const second = page.locator("section", { hasText: "All finished" });
    await second.locator("button:has-text('Reject')").click();
    await page.waitForSelector(".govuk-error-summary");
    assert.match(await page.title(), /^Error: Updates waiting for review/);
    await noViolations("queue, rejection without a reason");
    await page.locator("section", { hasText: "All finished" }).locator("textarea").fill("Say which training dates are fixed");
    await page.locator("section", { hasText: "All finished" }).locator("button:has-text('Reject')").click();
    await page.waitForURL(server.url + "/admin/tracker/updates?rejected");
    await page.locator("section", { hasText: "Template revised" }).locator("button:has-text('Accept')").click();
    await page.waitForURL(server.url + "/admin/tracker/updates?accepted");
    assert.match(await page.locator("main").innerText(), /0 updates are waiting/);
    await noViolations("queue, accepted");

    await browser.context.clearCookies();
    await page.goto(`${server.url}/recommendations/${inquirySlug}?asOf=2018-10-24`);
    const section = page.locator("#recommendation-2");
    assert.match(await section.innerText(), /Lin Hazell: Template revised; training dates not yet fixed/);
    assert.match(await section.innerText(), /Next update due\s+23 April 2019/);
    assert.doesNotMatch(await page.locator("main").innerText(), /All finished/);
  });

  test("a stale close shows the extension that beat it", async () => {
    await signIn("clerk@bucks.gov.uk");
    await page.goto(`${server.url}/admin/tracker/recommendation/${recId}`);
    const item = (await getTrackedItem(db, { kind: "recommendation", id: recId }))!;
    const { findUserByEmail } = await import("../../src/store/accounts/users.ts");
    const admin = (await findUserByEmail(db, "admin@bucks.gov.uk"))!;
    await writeTransaction(db, (trx) => extendDeadline(trx, item, { due: "2019-01-31", reason: "Waiting for the new case system" }, item.version, { userId: admin.id, email: admin.email, name: admin.displayName }, "2018-10-23", NOW));
    await page.check("#outcome");
    await page.fill("#date", "2018-10-23");
    await page.click("button:has-text('Close the item')");
    await page.waitForSelector("#other-change");
    assert.match(await page.locator("#other-change").innerText(), /admin@bucks\.gov\.uk: extended the deadline to 31 Jan(uary)? 2019: Waiting for the new case system/);
    assert.match(await page.title(), /^Error: /);
    await noViolations("item page, conflict");
    // the error states answer 400 and 409 on purpose; nothing else may go wrong
    assert.deepEqual(errors.filter((e) => !/status of (400|409) /.test(e)), []);
  });
});
