// Changing an agenda item in Debian Chromium over a real server: a clerk moves an item, changes
// one (meeting a form error on the way), publishes, and changes a published item, which needs its
// reason (an error state first); the reason is shown on the public agenda. axe-core finds no WCAG
// 2.2 A/AA violations on the agenda page with its move buttons, the edit page, and its error states.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { createApp } from "../../src/serve/app.ts";
import { addUser, setPasswordHash } from "../../src/store/accounts/users.ts";
import { addAgendaItem } from "../../src/store/agenda/items.ts";
import { hashPassword } from "../../src/serve/auth/password.ts";
import { axe, chromiumUnavailable, collectPageErrors, describeViolations, launchBrowser, startServer, type Browser, type RunningServer } from "../support/browser.ts";
import { PASSWORD } from "../support/accounts.ts";
import { emptyStore, scheduledMeeting, tempDocuments, type TempDocuments } from "../support/agenda.ts";
import type { Db } from "../../src/store/db.ts";

const skip = chromiumUnavailable();

describe("changing agenda items in Chromium", { skip }, () => {
  let store: { db: Db; close(): Promise<void> };
  let docs: TempDocuments;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let slug: string;

  before(async () => {
    store = await emptyStore("sqlite");
    docs = tempDocuments();
    const at = new Date("2026-03-10T15:00:00Z");
    const clerk = await addUser(store.db, { email: "clerk@council.gov.uk", role: "clerk", displayName: "Colin Clerk" }, at);
    await setPasswordHash(store.db, clerk.id, await hashPassword(PASSWORD), at);
    slug = (await scheduledMeeting(store.db, { date: "2026-03-19", body: "Planning Committee" })).slug;
    const actor = { userId: clerk.id, label: clerk.email };
    for (const [number, title] of [["1", "Apologies for absence"], ["2", "Minutes of the last meeting"], ["3", "Land at Mill Lane"]]) {
      await addAgendaItem(store.db, slug, { number, title, reportAuthor: null, wards: null, decisionMaker: null, exempt: false, exemptParagraph: null }, actor, at);
    }
    server = await startServer(createApp({ db: store.db, now: () => at, documents: docs.documents }));
    browser = await launchBrowser();
    page = await browser.page();
    errors = collectPageErrors(page);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    docs?.close();
  });

  async function noViolations(what: string) {
    const v = await axe(page);
    assert.deepEqual(v.map((x) => x.id), [], `${what}:\n${describeViolations(v)}`);
    const unexpected = errors.filter((e) => !/Failed to load resource: the server responded with a status of (400|409|422)\b/.test(e));
    assert.deepEqual(unexpected, [], `${what}: page errors`);
  }
  const titles = async () => (await page.locator("#agenda-items > li h3").allInnerTexts()).map((t) => t.replace(/\s*(Not published|Published)\s*$/, "").trim());

  test("a clerk moves and changes items, publishes, and changes a published item with its reason", async () => {
    await page.goto(`${server.url}/admin/meetings/${slug}/agenda`);
    await page.fill("#email", "clerk@council.gov.uk");
    await page.fill("#password", PASSWORD);
    await page.click("main button[type=submit]");
    await page.waitForURL(`${server.url}/admin/meetings/${slug}/agenda`);
    await noViolations("agenda with move buttons");

    await page.click('button:has-text("Move up item 3")');
    await page.waitForLoadState();
    assert.deepEqual(await titles(), ["1. Apologies for absence", "3. Land at Mill Lane", "2. Minutes of the last meeting"]);

    await page.click('a:has-text("Change item 3")');
    await page.waitForLoadState();
    assert.match(await page.title(), /^Change item 3/);
    assert.equal(await page.inputValue("#item-title"), "Land at Mill Lane");
    await noViolations("edit page");
    await page.fill("#item-title", "");
    await page.click("#save-item");
    await page.waitForLoadState();
    assert.match(await page.title(), /^Error: /);
    assert.match(await page.locator(".govuk-error-summary").innerText(), /Enter the item's title/);
    await noViolations("edit page with an error");
    await page.fill("#item-number", "2");
    await page.fill("#item-title", "Land at Mill Lane");
    await page.click("#save-item");
    await page.waitForLoadState();
    assert.match(await page.locator(".govuk-error-summary").innerText(), /already has an item 2/);
    await noViolations("edit page with a conflict");
    await page.fill("#item-number", "3");
    await page.fill("#item-wards", "Abbey; Castle");
    await page.click("#save-item");
    await page.waitForLoadState();
    assert.equal(new URL(page.url()).pathname, `/admin/meetings/${slug}/agenda`);
    assert.match(await page.locator("#agenda-items").innerText(), /Wards: Abbey; Castle/);

    await page.click("button#publish");
    await page.waitForURL(`${server.url}/meetings/${slug}#agenda`);
    await page.goto(`${server.url}/admin/meetings/${slug}/agenda`);
    assert.equal(await page.locator('button:has-text("Move")').count(), 0, "published items keep their places");
    await noViolations("published agenda");
    await page.click('a:has-text("Change item 3")');
    await page.waitForLoadState();
    assert.match(await page.locator("#published-note").innerText(), /has been published/);
    await page.fill("#item-title", "Land at Mill Lane and Mill Farm");
    await page.click("#save-item");
    await page.waitForLoadState();
    assert.match(await page.title(), /^Error: /);
    assert.match(await page.locator(".govuk-error-summary").innerText(), /give the reason for the change/);
    await noViolations("published item's edit page with an error");
    await page.fill("#change-reason", "The site boundary now includes Mill Farm");
    await page.click("#save-item");
    await page.waitForLoadState();

    await browser.context.clearCookies();
    await page.goto(`${server.url}/meetings/${slug}`);
    const agenda = await page.locator("#agenda").innerText();
    assert.match(agenda, /3\. Land at Mill Lane and Mill Farm/);
    assert.match(agenda, /Changed on Tuesday 10 March 2026: The site boundary now includes Mill Farm/);
    await noViolations("the public agenda with a change");
  });
});
