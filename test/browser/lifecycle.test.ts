// The minutes workspace in Debian Chromium over a real server: a clerk signs in, publishes draft
// minutes (and meets the conflict when another tab already did), approves minutes through the
// offered item after two kinds of form error, and the public pages show the result. axe-core finds
// no WCAG 2.2 A/AA violations on any of these pages, error states included.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { createApp } from "../../src/serve/app.ts";
import { addUser, setPasswordHash } from "../../src/store/accounts/users.ts";
import { hashPassword } from "../../src/serve/auth/password.ts";
import { reindexMeeting } from "../../src/store/search.ts";
import { axe, chromiumUnavailable, collectPageErrors, describeViolations, launchBrowser, startServer, type Browser, type RunningServer } from "../support/browser.ts";
import { PASSWORD } from "../support/accounts.ts";
import { parsedDb, type TestDb } from "../support/portal-db.ts";
import { NEWCASTLE_NOV, NEWCASTLE_OCT, slugOf, WEST_DEREHAM } from "../support/lifecycle.ts";

const skip = chromiumUnavailable();

describe("the minutes workspace in Chromium", { skip }, () => {
  let t: TestDb;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let oct: string;
  let nov: string;
  let dereham: string;

  before(async () => {
    t = await parsedDb([NEWCASTLE_OCT, NEWCASTLE_NOV, WEST_DEREHAM]);
    const at = new Date();
    const clerk = await addUser(t.db, { email: "clerk@council.gov.uk", role: "clerk", displayName: "Colin Clerk" }, at);
    await setPasswordHash(t.db, clerk.id, await hashPassword(PASSWORD), at);
    oct = (await slugOf(t.db, "2016-10-05")).slug;
    nov = (await slugOf(t.db, "2016-11-09")).slug;
    const d = await t.db.selectFrom("meetings").where("slug", "like", "%dereham%").select(["id", "slug"]).executeTakeFirstOrThrow();
    dereham = d.slug;
    // as if it had come in as a draft for review
    await t.db.updateTable("meetings").set({ minutes_status: "draft", minutes_draft: 0 }).where("id", "=", d.id).execute();
    await reindexMeeting(t.db, d.id);
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

  async function noViolations(what: string) {
    const v = await axe(page);
    assert.deepEqual(v.map((x) => x.id), [], `${what}:\n${describeViolations(v)}`);
    // a form answered with its errors comes back 400/409/422, which the browser logs as a failed load
    const unexpected = errors.filter((e) => !/Failed to load resource: the server responded with a status of (400|409|422)\b/.test(e));
    assert.deepEqual(unexpected, [], `${what}: page errors`);
  }

  test("a clerk signs in and sees the minutes to confirm and the drafts on /admin", async () => {
    await page.goto(`${server.url}/admin/meetings/${oct}/minutes`);
    assert.equal(new URL(page.url()).pathname, "/sign-in");
    await page.fill("#email", "clerk@council.gov.uk");
    await page.fill("#password", PASSWORD);
    await page.click("main button[type=submit]");
    await page.waitForURL(`${server.url}/admin/meetings/${oct}/minutes`);
    await page.goto(`${server.url}/admin`);
    const main = await page.locator("main").innerText();
    assert.match(main, /Agreed at a later meeting, to confirm/);
    assert.match(main, /Municipal District of Newcastle West, 5 October 2016: item 1 \(Adoption of Minutes\)/);
    assert.match(main, /West Dereham/);
    await noViolations("admin with minutes");
  });

  test("publishing draft minutes, and the conflict when another tab already published them", async () => {
    await page.goto(`${server.url}/admin/meetings/${dereham}/minutes`);
    assert.match(await page.locator("#minutes-status").innerText(), /Draft: not public/);
    await noViolations("draft minutes page");
    const other = await browser.page();
    await other.goto(`${server.url}/admin/meetings/${dereham}/minutes`);
    await page.click("#publish");
    await page.waitForSelector("text=Published draft");
    await noViolations("published draft");
    await other.click("#publish");
    await other.waitForSelector(".govuk-error-summary");
    assert.match(await other.title(), /^Error: Minutes/);
    assert.match(await other.locator(".govuk-error-summary").innerText(), /already published/);
    const v = await axe(other);
    assert.deepEqual(v.map((x) => x.id), [], `publish conflict:\n${describeViolations(v)}`);
    await other.close();
    await page.goto(`${server.url}/meetings/${dereham}`);
    assert.match(await page.locator("main").innerText(), /Draft, not yet approved/);
    await noViolations("public page of a published draft");
  });

  test("approving: errors first, then the offered item; the public pages show the approval", async () => {
    await page.goto(`${server.url}/admin/meetings/${oct}/minutes`);
    await noViolations("minutes page with a suggestion");
    await page.check("#approval-other");
    await page.click("main button[type=submit]:has-text('Approve minutes')");
    await page.waitForSelector(".govuk-error-summary");
    assert.match(await page.title(), /^Error: Minutes/);
    assert.match(await page.locator(".govuk-error-summary").innerText(), /Choose the later meeting that agreed these minutes/);
    await noViolations("approve, no meeting chosen");
    await page.selectOption("#approvedAt", nov);
    await page.fill("#item", "99");
    await page.click("main button[type=submit]:has-text('Approve minutes')");
    await page.waitForSelector("text=The approving meeting has no item 99");
    assert.match(await page.title(), /^Error: Minutes/);
    await noViolations("approve, no such item");
    // the summary's link takes the keyboard to the field
    await page.click(".govuk-error-summary a");
    assert.equal(await page.evaluate("document.activeElement && document.activeElement.id"), "item");

    await page.check("#approval");
    await page.click("main button[type=submit]:has-text('Approve minutes')");
    await page.waitForSelector("text=Approved as a correct record");
    assert.doesNotMatch(await page.title(), /^Error/);
    await noViolations("approved minutes page");

    await page.goto(`${server.url}/meetings/${oct}`);
    assert.match(await page.locator("main").innerText(), /Approved as a correct record at the Municipal District of Newcastle West meeting of Wednesday 9 November 2016 \(item 1, Adoption of Minutes\) on 9 November 2016/);
    await noViolations("public page of approved minutes");
    await page.click("text=Read the minutes as approved");
    await page.waitForURL(`${server.url}/meetings/${oct}/minutes/approved`);
    assert.match(await page.locator("h1").innerText(), /Minutes as approved/);
    await noViolations("the minutes as approved");
  });
});
