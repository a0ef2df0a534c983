// Taking the minutes in Debian Chromium over a real server: a clerk records attendance and items,
// the page saves in the background; the connection drops (the browser's offline mode) while more is
// typed and the tab is closed; back online, the page opened again puts the kept changes back and
// sends them; "Save as draft minutes" makes draft minutes that the workspace lists. axe-core finds
// no WCAG 2.2 A/AA violations on the page, its error state, or the pages it leads to.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { createApp } from "../../src/serve/app.ts";
import { addUser, setPasswordHash } from "../../src/store/accounts/users.ts";
import { hashPassword } from "../../src/serve/auth/password.ts";
import { openSheet } from "../../src/store/minute-taking/sheets.ts";
import { axe, chromiumUnavailable, collectPageErrors, describeViolations, launchBrowser, startServer, type Browser, type RunningServer } from "../support/browser.ts";
import { PASSWORD } from "../support/accounts.ts";
import { parsedDb, type TestDb } from "../support/portal-db.ts";
import { NEWCASTLE_OCT } from "../support/lifecycle.ts";
import { NORTHSHIRE, scheduledMeeting } from "../support/meetings.ts";

const skip = chromiumUnavailable();

describe("taking the minutes in Chromium", { skip }, () => {
  let t: TestDb;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let slug: string;
  const url = () => `${server.url}/admin/meetings/${slug}/take-minutes`;

  before(async () => {
    t = await parsedDb([NEWCASTLE_OCT]);
    const at = new Date();
    const clerk = await addUser(t.db, { email: "clerk@council.gov.uk", role: "clerk", displayName: "Colin Clerk" }, at);
    await setPasswordHash(t.db, clerk.id, await hashPassword(PASSWORD), at);
    slug = (await scheduledMeeting(t.db, NORTHSHIRE)).slug;
    server = await startServer(createApp({ db: t.db }));
    browser = await launchBrowser();
    page = await browser.page();
    errors = collectPageErrors(page);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await t?.close();
  });

  async function noViolations(p: Page, what: string) {
    const v = await axe(p);
    assert.deepEqual(v.map((x) => x.id), [], `${what}:\n${describeViolations(v)}`);
    // answers with errors (422) and fetches made while offline are logged by the browser as failed loads
    const unexpected = errors.filter((e) => !/Failed to load resource: (the server responded with a status of (409|422)\b|net::ERR_INTERNET_DISCONNECTED)/.test(e));
    assert.deepEqual(unexpected, [], `${what}: page errors`);
  }

  test("a clerk opens the sheet: the committee's members and the opening items are there", async () => {
    await page.goto(`${server.url}/admin`);
    await page.fill("#email", "clerk@council.gov.uk");
    await page.fill("#password", PASSWORD);
    await page.click("main button[type=submit]");
    await page.waitForURL(`${server.url}/admin`);
    await noViolations(page, "workspace with minutes to take");
    await page.click(`#minutes-to-take a[href="/admin/meetings/${slug}/take-minutes"]`);
    await page.waitForURL(url());
    assert.equal(await page.inputValue("#att-0-name"), "Cllr Mark Abel");
    assert.equal(await page.inputValue("#item-0-title"), "Apologies for absence");
    await noViolations(page, "take-minutes page");
  });

  test("changes are saved in the background", async () => {
    await page.selectOption("#att-0-status", "present");
    await page.selectOption("#att-1-status", "present");
    await page.fill("#item-0-text", "Apologies were received from Cllr Kay Quill.");
    await page.waitForSelector("#sync-status:has-text('Saved (save')");
    const open = await openSheet(t.db, slug);
    assert.ok(open.version >= 1);
    assert.equal(open.sheet.items[0].text, "Apologies were received from Cllr Kay Quill.");
    assert.equal(open.sheet.attendance[1].status, "present");
    await noViolations(page, "after a background save");
  });

  test("the connection drops mid-way: changes stay in the browser, and reach the server when it returns", async () => {
    const before = (await openSheet(t.db, slug)).version;
    await browser.context.setOffline(true);
    await page.fill("#item-1-text", "Cllr Dan Brook declared a personal interest in item 3.");
    await page.fill("#item-2-resolution", "That the minutes of the previous meeting be approved.");
    await page.fill("#item-2-for", "4");
    await page.waitForSelector("#sync-status:has-text('kept in this browser')");
    // nothing reached the server
    assert.equal((await openSheet(t.db, slug)).version, before);
    const kept = await page.evaluate(`localStorage.getItem(${JSON.stringify(`quorum:take-minutes:${slug}`)})`);
    assert.match(String(kept ?? ""), /approved/);
    // the tab is lost while offline
    await page.close();
    await browser.context.setOffline(false);
    page = await browser.page();
    errors = collectPageErrors(page);
    await page.goto(url());
    await page.waitForSelector("#sync-status:has-text('Saved (save')");
    assert.equal(await page.inputValue("#item-2-resolution"), "That the minutes of the previous meeting be approved.");
    const open = await openSheet(t.db, slug);
    assert.ok(open.version > before);
    assert.equal(open.sheet.items[2].resolution, "That the minutes of the previous meeting be approved.");
    assert.equal(open.sheet.items[2].votesFor, "4");
    assert.equal(open.sheet.items[1].text, "Cllr Dan Brook declared a personal interest in item 3.");
    assert.equal(await page.evaluate(`localStorage.getItem(${JSON.stringify(`quorum:take-minutes:${slug}`)})`), null, "the browser's copy is dropped once saved");
    await noViolations(page, "after coming back online");
  });

  test("a wrong closing time is shown as an error, then the draft minutes are saved and listed in the workspace", async () => {
    await page.fill("#endTime", "quarter to twelve");
    await page.click("button[value=save]");
    await page.waitForSelector(".govuk-error-summary");
    assert.match(await page.title(), /^Error: Take the minutes/);
    await noViolations(page, "take-minutes error state");
    await page.fill("#endTime", "11:45");
    await page.click("button[value=draft]");
    await page.waitForURL(`${server.url}/admin/meetings/${slug}/minutes`);
    assert.match(await page.locator("main").innerText(), /Draft: not public/);
    await noViolations(page, "the draft's minutes page");
    await page.goto(`${server.url}/admin`);
    assert.match(await page.locator("main").innerText(), /Growth and Communities Cabinet Committee/);
    assert.ok(await page.locator(`main a[href="/admin/meetings/${slug}/minutes"]`).count());
    const m = await t.db.selectFrom("meetings").where("slug", "=", slug).select(["minutes_status", "end_time"]).executeTakeFirstOrThrow();
    assert.deepEqual(m, { minutes_status: "draft", end_time: "11:45" });
  });
});
