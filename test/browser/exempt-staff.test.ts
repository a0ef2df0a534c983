// Exempt business in Debian Chromium over a real server: a member granted the committee reads item
// 35 marked "Exempt — not for publication" on the meeting page; a clerk sets its release date and a
// member's committees through the workspace forms, including their error states. axe-core finds no
// WCAG 2.2 A/AA violations on any of them.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { createApp } from "../../src/serve/app.ts";
import { addUser, setPasswordHash, type User } from "../../src/store/accounts/users.ts";
import { hashPassword } from "../../src/serve/auth/password.ts";
import { exemptDb } from "../../src/store/exempt/schema.ts";
import { axe, chromiumUnavailable, describeViolations, launchBrowser, startServer, type Browser, type RunningServer } from "../support/browser.ts";
import { PASSWORD } from "../support/accounts.ts";
import { parsedDb, type TestDb } from "../support/portal-db.ts";

const skip = chromiumUnavailable();
const V2_EXEMPT = join(resolve(import.meta.dirname, "../fixtures/exempt"), "staffs-2016-12-12-v2-item-35-exempt.txt");
const MEETING = "safe-and-strong-communities-select-committee-2016-12-12";

describe("exempt business for signed-in staff in Chromium", { skip }, () => {
  let t: TestDb;
  let member: User;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let itemSlug: string;

  before(async () => {
    t = await parsedDb([V2_EXEMPT]);
    const at = new Date();
    const clerk = await addUser(t.db, { email: "clerk@council.gov.uk", role: "clerk", displayName: "Colin Clerk" }, at);
    member = await addUser(t.db, { email: "member@council.gov.uk", role: "member", displayName: "Meg Member" }, at);
    const hash = await hashPassword(PASSWORD);
    for (const u of [clerk, member]) await setPasswordHash(t.db, u.id, hash, at);
    const body = await t.db.selectFrom("bodies").select("id").executeTakeFirstOrThrow();
    await exemptDb(t.db).insertInto("committee_access").values({ user_id: member.id, body_id: body.id, granted_at: at.toISOString() }).execute();
    itemSlug = (await t.db.selectFrom("items").where("number", "=", "35").select("slug").executeTakeFirstOrThrow()).slug;
    server = await startServer(createApp({ db: t.db }));
    browser = await launchBrowser();
    page = await browser.page();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await t?.close();
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
    await page.waitForSelector(".qm-header__signout");
  }

  test("signed out, item 35 is withheld; signed in as a member of the committee, it is shown marked", async () => {
    await browser.context.clearCookies();
    await page.goto(`${server.url}/meetings/${MEETING}`);
    const item = page.locator(`#item-${itemSlug}`);
    assert.doesNotMatch(await item.innerText(), /briefing note/);
    await signIn("member@council.gov.uk");
    const res = await page.goto(`${server.url}/meetings/${MEETING}`);
    assert.equal(res?.headers()["cache-control"], "private, no-store");
    const text = await item.innerText();
    assert.match(text, /Exempt — not for publication/);
    assert.match(text, /paragraphs 1 & 7 of Schedule 12A/);
    assert.match(text, /briefing note outlining a recent confidential HR matter/);
    await noViolations("meeting page with the exempt item shown");
  });

  test("a clerk sets a release date: the list, the form, its error state", async () => {
    await signIn("clerk@council.gov.uk");
    await page.goto(server.url + "/admin/exempt");
    await noViolations("exempt business list");
    await page.click(`a[href="/admin/meetings/${MEETING}/items/${itemSlug}/release"]`);
    await page.waitForSelector("#releaseOn");
    await noViolations("release form");
    await page.fill("#releaseOn", "2027-02-30");
    await page.click("main button[type=submit]");
    await page.waitForSelector(".govuk-error-summary");
    assert.match(await page.title(), /^Error: /);
    await noViolations("release form with an error");
    await page.fill("#releaseOn", "2027-03-31");
    await page.click("main button[type=submit]");
    await page.waitForURL(/\/admin\/exempt/);
    assert.match(await page.locator("main").innerText(), /31 March 2027/);
  });

  test("a clerk sets a member's committees: the form and its error state", async () => {
    await signIn("clerk@council.gov.uk");
    await page.goto(`${server.url}/admin/users/${member.id}/committees`);
    await noViolations("committees form");
    // a committee that does not exist, as a tampered form would send it
    await page.evaluate(`(() => {
      const box = document.createElement("input");
      box.type = "hidden";
      box.name = "committee-99999";
      box.value = "yes";
      document.querySelector("main form").appendChild(box);
    })()`);
    await page.click("main button[type=submit]");
    await page.waitForSelector(".govuk-error-summary");
    assert.match(await page.title(), /^Error: /);
    await noViolations("committees form with an error");
    await page.uncheck(".govuk-checkboxes__input >> nth=0");
    await page.click("main button[type=submit]");
    await page.waitForURL(new RegExp(`/admin/users/${member.id}/committees$`));
    assert.equal(await page.isChecked(".govuk-checkboxes__input >> nth=0"), false);
  });
});
