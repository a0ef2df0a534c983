// The schedule in Debian Chromium over a real server: a clerk schedules a meeting (after a form
// error), a series of second Tuesdays with one date taken out, moves one meeting and cancels
// another; signed out, the home page, the committee page, the calendar and the meetings' pages show
// what is planned and what changed. axe-core finds no WCAG 2.2 A/AA violations on any new page or
// form, error states included.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { createApp } from "../../src/serve/app.ts";
import { openStore, type Db } from "../../src/store/db.ts";
import { addUser, setPasswordHash } from "../../src/store/accounts/users.ts";
import { hashPassword } from "../../src/serve/auth/password.ts";
import { axe, chromiumUnavailable, collectPageErrors, describeViolations, launchBrowser, startServer, type Browser, type RunningServer } from "../support/browser.ts";
import { PASSWORD } from "../support/accounts.ts";
import { committeeWithMinutes } from "../support/schedule.ts";

const skip = chromiumUnavailable();
const NOW = new Date("2026-12-05T10:00:00Z");

describe("the schedule in Chromium", { skip }, () => {
  let db: Db;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let body: string;
  const slugOn = async (date: string) => (await db.selectFrom("meetings").where("date", "=", date).select("slug").executeTakeFirstOrThrow()).slug;

  before(async () => {
    db = await openStore(":memory:");
    ({ body } = await committeeWithMinutes(db));
    const clerk = await addUser(db, { email: "clerk@council.gov.uk", role: "clerk", displayName: "Colin Clerk" }, NOW);
    await setPasswordHash(db, clerk.id, await hashPassword(PASSWORD), NOW);
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
    const unexpected = errors.filter((e) => !/Failed to load resource: the server responded with a status of (400|409|422)\b/.test(e));
    assert.deepEqual(unexpected, [], `${what}: page errors`);
  }

  test("a clerk schedules one meeting, after the form's error", async () => {
    await page.goto(`${server.url}/admin/committees/${body}/schedule`);
    assert.equal(new URL(page.url()).pathname, "/sign-in");
    await page.fill("#email", "clerk@council.gov.uk");
    await page.fill("#password", PASSWORD);
    await page.click("main button[type=submit]");
    await page.waitForURL(`${server.url}/admin/committees/${body}/schedule`);
    assert.match(await page.locator("main").innerText(), /No meetings are scheduled/);
    await noViolations("committee schedule, empty");

    await page.click("button:has-text('Schedule the meeting')");
    await page.waitForSelector(".govuk-error-summary");
    assert.match(await page.title(), /^Error: Schedule/);
    await noViolations("schedule one, no date");
    await page.click(".govuk-error-summary a");
    assert.equal(await page.evaluate("document.activeElement && document.activeElement.id"), "date");

    await page.fill("#date", "2027-01-12");
    await page.fill("#startTime", "19:00");
    await page.fill("#venue", "Council Chamber");
    await page.click("button:has-text('Schedule the meeting')");
    await page.waitForSelector("text=Meeting scheduled");
    assert.match(await page.locator("table").innerText(), /Tuesday 12 January 2027\n: change this meeting\s+7pm\s+Council Chamber\s+Scheduled/);
    await noViolations("committee schedule, one meeting");
  });

  test("a series of second Tuesdays, previewed, with one date taken out", async () => {
    await page.check("#kind");
    await page.selectOption("#nth", "2");
    await page.selectOption("#weekday", "2");
    await page.fill("#from", "2027-02");
    await page.fill("#to", "2027-05");
    await page.fill("#seriesTime", "19:00");
    await page.fill("#seriesVenue", "Council Chamber");
    await page.click("button:has-text('See the dates')");
    await page.waitForSelector("h1:has-text('Check the dates')");
    assert.match(await page.locator("main").innerText(), /Second Tuesday of each month at 7pm, Council Chamber/);
    await noViolations("series preview");
    await page.uncheck("input[name=keep][value='2027-04-13']");
    await page.click("button:has-text('Make these meetings')");
    await page.waitForSelector("text=Series scheduled");
    const table = await page.locator("table").innerText();
    for (const d of ["9 February 2027", "9 March 2027", "11 May 2027"]) assert.match(table, new RegExp(d));
    assert.doesNotMatch(table, /13 April 2027/);
    await noViolations("committee schedule with a series");
    // changing the series from a date on: the form's error comes back with the form open
    await page.click("text=Change or cancel this series from a date on");
    await noViolations("series change form");
    await page.click("button:has-text('Change the series')");
    await page.waitForSelector(".govuk-error-summary");
    assert.match(await page.locator(".govuk-error-summary").innerText(), /Enter the date the change starts from[\s\S]*Give the reason/);
    assert.ok(await page.locator("details[open] button:has-text('Change the series')").isVisible());
    await noViolations("series change, errors");
  });

  test("one meeting moved (after a missing reason) and another cancelled; the history names who", async () => {
    await page.goto(`${server.url}/admin/meetings/${await slugOn("2027-03-09")}/schedule`);
    await noViolations("meeting schedule page");
    await page.fill("#date", "2027-03-16");
    await page.click("button:has-text('Move the meeting')");
    await page.waitForSelector(".govuk-error-summary");
    assert.match(await page.locator(".govuk-error-summary").innerText(), /Give the reason/);
    await noViolations("move, no reason");
    await page.fill("#date", "2027-03-16");
    await page.fill("#reschedule-reason", "The chamber is needed for the budget meeting");
    await page.click("button:has-text('Move the meeting')");
    await page.waitForSelector("text=Meeting moved");
    assert.match(await page.locator("#history").innerText(), /clerk@council\.gov\.uk\s+Moved from Tuesday 9 March 2027 at 7pm to Tuesday 16 March 2027 at 7pm, Council Chamber\s+The chamber is needed/);
    await noViolations("meeting moved");

    await page.goto(`${server.url}/admin/meetings/${await slugOn("2027-05-11")}/schedule`);
    await page.fill("#cancel-reason", "No business to transact");
    await page.click("button:has-text('Cancel the meeting')");
    await page.waitForSelector("text=Meeting cancelled");
    assert.match(await page.locator("#meeting-state").innerText(), /Cancelled/);
    assert.match(await page.locator("main").innerText(), /Restore the meeting/);
    await noViolations("meeting cancelled");
  });

  test("signed out: upcoming meetings lead the home and committee pages, the calendar opens on the next meeting, the changes are shown", async () => {
    await browser.context.clearCookies();
    await page.goto(`${server.url}/`);
    const upcoming = await page.locator("main").innerText();
    assert.match(upcoming, /Upcoming meetings\s+Safe and Strong Communities Select Committee\s+Tuesday 12 January 2027, 7pm · Council Chamber\s*Scheduled/);
    await noViolations("home with upcoming meetings");

    await page.goto(`${server.url}/committees/${body}`);
    const committee = await page.locator("#upcoming").locator("..").innerText();
    assert.match(committee, /Upcoming meetings\s+Tuesday 12 January 2027, 7pm, Council Chamber Scheduled\s+Tuesday 9 February 2027/);
    assert.match(committee, /Tuesday 11 May 2027, 7pm, Council Chamber Cancelled/);
    await noViolations("committee page with upcoming meetings");

    await page.goto(`${server.url}/calendar`);
    assert.equal(await page.locator("h1").innerText(), "January 2027");
    await noViolations("calendar on the next meeting's month");

    await page.goto(`${server.url}/meetings/${await slugOn("2027-03-16")}`);
    const moved = await page.locator("main").innerText();
    assert.match(moved, /This meeting has been moved from Tuesday 9 March 2027 at 7pm\.\s+Reason: The chamber is needed for the budget meeting/);
    assert.match(moved, /Minutes are published after the meeting/);
    assert.doesNotMatch(moved, /clerk@council/);
    await page.click("text=Changes to this meeting");
    await noViolations("public page of a moved meeting");

    await page.goto(`${server.url}/meetings/${await slugOn("2027-05-11")}`);
    assert.match(await page.locator("#schedule-notice").innerText(), /This meeting has been cancelled\.\s+Reason: No business to transact/);
    await noViolations("public page of a cancelled meeting");
  });
});
