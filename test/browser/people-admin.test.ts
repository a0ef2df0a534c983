// The people and committee pages in Debian Chromium over a real server: a clerk edits a person,
// adds, changes and ends a membership, splits and merges people and renames a committee, through
// the forms, seeing each form's error state, a stale save (409) and the result; axe-core finds no
// WCAG 2.2 A/AA violations on any of them.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { createApp } from "../../src/serve/app.ts";
import { openStore, type Db } from "../../src/store/db.ts";
import { axe, chromiumUnavailable, describeViolations, launchBrowser, startServer, type Browser, type RunningServer } from "../support/browser.ts";
import { PASSWORD } from "../support/accounts.ts";
import { addStaff, C_SHEEHY, CLLR_SHEEHY, COMMITTEE, importPeopleFixtures } from "../support/people.ts";

const skip = chromiumUnavailable();

describe("people and committee pages in Chromium", { skip }, () => {
  let db: Db;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let emails: Awaited<ReturnType<typeof addStaff>>;

  before(async () => {
    db = await openStore(":memory:");
    await importPeopleFixtures(db);
    emails = await addStaff(db);
    server = await startServer(createApp({ db }));
    browser = await launchBrowser();
    page = await browser.page();
    await page.goto(server.url + "/sign-in");
    await page.fill("#email", emails.clerk);
    await page.fill("#password", PASSWORD);
    await page.click("main button[type=submit]");
    await page.waitForURL(server.url + "/admin");
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
  async function submit(form: string, expectError: boolean) {
    await page.click(`${form} button[type=submit]`);
    await page.waitForLoadState();
    if (expectError) {
      await page.waitForSelector(".govuk-error-summary");
      assert.match(await page.title(), /^Error: /);
    }
  }
  const person = (slug: string) => `${server.url}/admin/people/${slug}`;

  test("the lists, from the dashboard", async () => {
    await page.click("main a[href='/admin/people']");
    await page.waitForURL(server.url + "/admin/people");
    await noViolations("people list");
    await page.fill("#q", "Sheehy");
    await page.click("main button[type=submit]");
    assert.match(await page.locator("main").innerText(), /C Sheehy[\s\S]*D Sheehy/);
    await page.goto(server.url + "/admin/committees");
    await noViolations("committees list");
  });

  test("a person's details: errors, a save, and a stale save", async () => {
    await page.goto(person(CLLR_SHEEHY));
    await noViolations("person");
    await page.fill("#displayName", "");
    await submit(`form[action='/admin/people/${CLLR_SHEEHY}']`, true);
    await noViolations("person, with errors");
    await page.fill("#displayName", "Cllr Brigid Sheehy");
    await page.fill("#party", "Fianna Fáil");
    await page.fill("#ward", "Kilmallock");
    await submit(`form[action='/admin/people/${CLLR_SHEEHY}']`, false);
    assert.match(await page.locator(".govuk-notification-banner").innerText(), /Details saved/);
    await noViolations("person, saved");
    // someone else saves while this form is open
    const v = (await db.selectFrom("people").where("slug", "=", CLLR_SHEEHY).select("version").executeTakeFirstOrThrow()).version;
    const { editPerson, personRow, fieldsOf } = await import("../../src/store/people/edit.ts");
    await editPerson(db, { slug: CLLR_SHEEHY, version: v, fields: { ...fieldsOf(await personRow(db, CLLR_SHEEHY)), ward: "Cappamore" }, actor: { userId: null, label: emails.clerk2 }, now: new Date() });
    await page.fill("#party", "Labour");
    await submit(`form[action='/admin/people/${CLLR_SHEEHY}']`, true);
    assert.match(await page.locator("#conflict").innerText(), new RegExp(emails.clerk2.replace(".", "\\.")));
    await noViolations("person, stale save");
  });

  test("memberships: add with errors, add, change, end", async () => {
    await page.goto(person(CLLR_SHEEHY));
    const add = `form[action='/admin/people/${CLLR_SHEEHY}/memberships']`;
    await page.fill("#from", "2019-02-30");
    await submit(add, true);
    await noViolations("add membership, with errors");
    await page.selectOption("#body", COMMITTEE);
    await page.selectOption("#role", "chair");
    await page.fill("#from", "2019-06-01");
    await submit(add, false);
    assert.match(await page.locator(".govuk-notification-banner").innerText(), /Membership saved/);
    await page.click("a:has-text('Change or end')");
    await noViolations("membership");
    await page.fill("#to", "2019-01-01");
    await submit("form:has(#to)", true);
    await noViolations("membership, with errors");
    await page.fill("#to", "");
    await page.fill("#on", "");
    await submit("form:has(#on)", true);
    await noViolations("end membership, with errors");
    await page.fill("#on", "2020-05-31");
    await submit("form:has(#on)", false);
    assert.match(await page.locator("main table").innerText(), /Chair\s+2019-06-01\s+2020-05-31|chair\s+2019-06-01\s+2020-05-31/);
  });

  test("merge: errors, then the merged person's page leads to the kept one", async () => {
    await page.goto(person(C_SHEEHY) + "/merge");
    await noViolations("merge");
    await submit("main form", true);
    await noViolations("merge, with errors");
    await page.selectOption("#into", CLLR_SHEEHY);
    await submit("main form", false);
    assert.equal(new URL(page.url()).pathname, `/admin/people/${CLLR_SHEEHY}`);
    const res = await page.goto(`${server.url}/people/${C_SHEEHY}`);
    assert.equal(new URL(page.url()).pathname, `/people/${CLLR_SHEEHY}`);
    assert.equal(res?.status(), 200);
    assert.match(await page.locator("main").innerText(), /Cllr Brigid Sheehy[\s\S]*Party\s+Fianna Fáil[\s\S]*Ward\s+Cappamore/);
  });

  test("split: errors, then a new person", async () => {
    await page.goto(person(CLLR_SHEEHY) + "/split");
    await noViolations("split");
    await submit("main form", true);
    await noViolations("split, with errors");
    const boxes = page.locator("input[name=rows]");
    const n = await boxes.count();
    for (let i = 0; i < n; i++) if (/Mr\. D\. Sheehy/.test((await page.locator(`label[for='${await boxes.nth(i).getAttribute("id")}']`).innerText()))) await boxes.nth(i).check();
    await submit("main form", false);
    assert.match(new URL(page.url()).pathname, /^\/admin\/people\/d-sheehy-/);
    assert.match(await page.locator(".govuk-notification-banner").innerText(), /split/);
    await noViolations("split result");
  });

  test("a committee: errors, then renamed", async () => {
    await page.goto(`${server.url}/admin/committees/${COMMITTEE}`);
    await noViolations("committee");
    await page.fill("#name", "");
    await submit("main form", true);
    await noViolations("committee, with errors");
    await page.fill("#name", "Cappamore-Kilmallock Municipal District");
    await page.selectOption("#kind", "municipal district");
    await submit("main form", false);
    await noViolations("committee, saved");
    await page.goto(`${server.url}/committees/${COMMITTEE}`);
    assert.match(await page.locator("h1").innerText(), /Cappamore-Kilmallock Municipal District/);
  });
});
