// The clerk's whole journey in Debian Chromium over a real server: draft minutes imported for
// review, an attendee and an outcome corrected in the workspace, the meeting published; then the
// public page (signed out) shows the corrections and the "draft" label but not the exempt item,
// and a member granted the committee, signed in, sees the exempt item marked.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { createApp } from "../../src/serve/app.ts";
import type { Db } from "../../src/store/db.ts";
import { importMinutes } from "../../src/store/import.ts";
import { setCommitteeAccess } from "../../src/store/exempt/access.ts";
import { axe, chromiumUnavailable, collectPageErrors, describeViolations, launchBrowser, startServer, type Browser, type RunningServer } from "../support/browser.ts";
import { PASSWORD, storeWithPeople } from "../support/accounts.ts";
import { parsedInput, STAFFS_V2 } from "../support/imports.ts";

const skip = chromiumUnavailable();
const SLUG = "safe-and-strong-communities-select-committee-2016-12-12";
// words only item 35 (exempt) holds
const EXEMPT_WORDS = "Wolstanton depot";

describe("a clerk's journey from import to the public page", { skip }, () => {
  let db: Db;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let reviewId: number;
  let dir: string;
  /** the attendee the clerk corrects, as the minutes name them */
  let attendee: string;

  before(async () => {
    const s = await storeWithPeople();
    db = s.db;
    // The same real minutes as a council posts them before the next meeting: headed as a draft.
    dir = mkdtempSync(join(tmpdir(), "quorum-journey-"));
    const file = join(dir, "staffs-2016-12-12-draft.txt");
    writeFileSync(file, "DRAFT MINUTES\n\n" + readFileSync(STAFFS_V2, "utf8"));
    const input = await parsedInput(file, { review: true, actor: "cli" });
    attendee = input.record.attendance[2].name;
    assert.equal(input.record.attendance[2].status, "present");
    const queued = await importMinutes(db, input);
    reviewId = queued.queued!.reviewId;
    const body = await db.selectFrom("bodies").select("id").executeTakeFirstOrThrow();
    await setCommitteeAccess(db, s.member.id, [body.id], { userId: s.admin.id, label: "admin@council.gov.uk" }, new Date());
    server = await startServer(createApp({ db }));
    browser = await launchBrowser();
    page = await browser.page();
    errors = collectPageErrors(page);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await db?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  async function noViolations(what: string) {
    const v = await axe(page);
    assert.deepEqual(v.map((x) => x.id), [], `${what}:\n${describeViolations(v)}`);
  }

  async function signIn(email: string) {
    await page.goto(server.url + "/sign-in");
    await page.fill("#email", email);
    await page.fill("#password", PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click("main button[type=submit]")]);
  }

  async function signOut() {
    await Promise.all([page.waitForNavigation(), page.click("button:has-text('Sign out')")]);
  }

  test("before review, the public cannot see the meeting", async () => {
    const res = await page.goto(`${server.url}/meetings/${SLUG}`);
    assert.equal(res?.status(), 404);
  });

  test("the clerk opens the import in review, corrects an attendee and an outcome, and publishes", async () => {
    await signIn("clerk@council.gov.uk");
    await page.goto(server.url + "/admin/imports");
    await Promise.all([page.waitForNavigation(), page.click(`main a[href="/admin/imports/${reviewId}"]`)]);
    assert.match(await page.title(), /^Review import: Safe and Strong Communities Select Committee, 12 December 2016/);
    await noViolations("review screen");

    // attendee 2 sent apologies; item 30's decision was deferred
    await page.goto(`${server.url}/admin/meetings/${SLUG}/correct/attendance/2`);
    await page.selectOption("#status", "apologies");
    await Promise.all([page.waitForNavigation(), page.click("main button[type=submit]")]);
    await page.goto(`${server.url}/admin/meetings/${SLUG}/correct/items/2/decisions/0`);
    await page.selectOption("#outcome", "deferred");
    await Promise.all([page.waitForNavigation(), page.click("main button[type=submit]")]);
    await noViolations("after a correction");

    await page.goto(`${server.url}/admin/imports/${reviewId}`);
    await Promise.all([page.waitForNavigation(), page.click("main button:has-text('Publish')")]);
    await signOut();

    const res = await page.goto(`${server.url}/meetings/${SLUG}`);
    assert.equal(res?.status(), 200);
    const main = await page.locator("main").innerText();
    assert.match(main, /Draft, not yet approved/);
    assert.match(main, /Deferred/i);
    assert.ok(main.includes(attendee));
    assert.ok(!main.includes(EXEMPT_WORDS), "the exempt item's text is not public");
    assert.match(main, /Exempt under paragraphs 1 & 7 of Schedule 12A/);
    const api = (await (await page.request.get(`${server.url}/api/v1/meetings/${SLUG}`)).json()) as { data?: unknown };
    const body = JSON.stringify(api);
    assert.ok(!body.includes(EXEMPT_WORDS));
    assert.match(body, /"deferred"/);
    await noViolations("public meeting page");
  });

  test("the attendee's correction reaches the public attendance list", async () => {
    const api = (await (await page.request.get(`${server.url}/api/v1/meetings/${SLUG}`)).json()) as { attendance: { status: string; name: string }[] };
    assert.deepEqual(api.attendance.filter((a) => a.name === attendee).map((a) => a.status), ["apologies"]);
  });

  test("a member granted the committee, signed in, sees the exempt item marked", async () => {
    await signIn("member@council.gov.uk");
    await page.goto(`${server.url}/meetings/${SLUG}`);
    const main = await page.locator("main").innerText();
    assert.ok(main.includes(EXEMPT_WORDS), "the exempt item's text is shown to the member");
    assert.match(main, /Exempt — not for publication/);
    await noViolations("meeting page for a member");
    await signOut();
    await page.goto(`${server.url}/meetings/${SLUG}`);
    assert.ok(!(await page.locator("main").innerText()).includes(EXEMPT_WORDS), "signed out again, it is gone");
  });

  test("no page logged a script error", () => {
    assert.deepEqual(errors, []);
  });
});
