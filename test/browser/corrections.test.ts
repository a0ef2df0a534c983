// The correction pages in Debian Chromium over a real server: a clerk signs in, opens a meeting's
// corrections, and uses every form, including their error states, a save refused because someone
// else saved first, and the conflicts a re-import leaves; axe-core finds no WCAG 2.2 A/AA
// violations on any of them.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { createApp } from "../../src/serve/app.ts";
import type { Db } from "../../src/store/db.ts";
import { readDocument } from "../../src/ingest/read.ts";
import { parseMinutes } from "../../src/parse/minutes.ts";
import type { ParsedMinutes } from "../../src/domain/minutes.ts";
import { importMinutes } from "../../src/store/import.ts";
import { saveCorrections } from "../../src/store/corrections/corrections.ts";
import { axe, chromiumUnavailable, collectPageErrors, describeViolations, launchBrowser, startServer, type Browser, type RunningServer } from "../support/browser.ts";
import { PASSWORD, storeWithPeople } from "../support/accounts.ts";

const skip = chromiumUnavailable();
const FIXTURE = fileURLToPath(new URL("../fixtures/exempt/staffs-2016-12-12-v2-item-35-exempt.txt", import.meta.url));
const SLUG = "safe-and-strong-communities-select-committee-2016-12-12";
const BASE = `/admin/meetings/${SLUG}/correct`;

async function importFixture(db: Db, change?: (r: ParsedMinutes) => void, parserVersion = "1") {
  const source = await readDocument(FIXTURE);
  const record = parseMinutes(source);
  change?.(record);
  return importMinutes(db, { source, record, parserVersion });
}

describe("correction pages in Chromium", { skip }, () => {
  let db: Db;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  before(async () => {
    const s = await storeWithPeople();
    db = s.db;
    await importFixture(db);
    server = await startServer(createApp({ db }));
    browser = await launchBrowser();
    page = await browser.page();
    errors = collectPageErrors(page);
    await page.goto(server.url + "/sign-in");
    await page.fill("#email", "clerk@council.gov.uk");
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

  test("the list of meetings leads to a meeting's corrections", async () => {
    const res = await page.goto(server.url + "/admin/meetings");
    assert.equal(res?.status(), 200);
    await noViolations("meetings list");
    await page.click(`a[href="${BASE}"]`);
    await page.waitForURL(server.url + BASE);
  });

  test("the overview lists every part of the meeting", async () => {
    const res = await page.goto(server.url + BASE);
    assert.equal(res?.status(), 200);
    assert.match(await page.title(), /^Correct Safe and Strong Communities Select Committee, 2016-12-12/);
    await noViolations("overview");
  });

  const FORMS: { path: string; fill: [string, string][]; bad: [string, string][]; expectError: RegExp }[] = [
    { path: "/header", fill: [["#venue", "County Buildings, Stafford"]], bad: [["#date", "12 Dec"]], expectError: /Date must be a date/ },
    { path: "/attendance/2", fill: [["#role", "Vice-Chairman"]], bad: [["#role", "x".repeat(501)]], expectError: /Role must be 500 characters or fewer/ },
    { path: "/items/2", fill: [["#title", "Modern Slavery Partnership"]], bad: [["#title", ""]], expectError: /Enter the title/ },
    { path: "/items/2/decisions/0", fill: [["#votesFor", "7"]], bad: [["#votesFor", "seven"]], expectError: /Votes for must be a whole number/ },
    { path: "/declarations/0", fill: [["#interest", "pecuniary"]], bad: [["#name", ""]], expectError: /Enter the who declared/ },
    { path: "/recommendations/0", fill: [["#actionBy", "2017-06"]], bad: [["#actionBy", "June"]], expectError: /Action by must be a month/ },
  ];

  for (const f of FORMS) {
    test(`${f.path}: the form, its error state, and a saved correction`, async () => {
      const res = await page.goto(server.url + BASE + f.path);
      assert.equal(res?.status(), 200);
      await noViolations(`${f.path} form`);
      for (const [sel, v] of f.bad) await page.fill(sel, v);
      await page.click("main button[type=submit]");
      await page.waitForSelector(".govuk-error-summary");
      assert.match(await page.title(), /^Error: /);
      assert.match(await page.locator(".govuk-error-summary").innerText(), f.expectError);
      await noViolations(`${f.path} with errors`);
      await page.goto(server.url + BASE + f.path);
      for (const [sel, v] of f.fill) await page.fill(sel, v);
      await page.click("main button[type=submit]");
      await page.waitForURL(`${server.url}${BASE}?saved=1`);
      assert.match(await page.locator(".govuk-notification-banner--success").innerText(), /Your correction was saved/);
      await noViolations(`overview after saving ${f.path}`);
    });
  }

  test("a save refused because someone else saved first shows their change", async () => {
    await page.goto(server.url + BASE + "/header");
    const version = Number(await page.locator("input[name=version]").inputValue());
    await saveCorrections(db, { slug: SLUG, expectedVersion: version, changes: [{ path: "venue", value: "Oak Room" }], actor: { userId: null, label: "other.clerk@council.gov.uk" }, now: new Date() });
    await page.fill("#venue", "Council Chamber");
    const [res] = await Promise.all([page.waitForNavigation(), page.click("main button[type=submit]")]);
    assert.equal(res?.status(), 409);
    assert.match(await page.title(), /^Error: /);
    const notice = await page.locator(".govuk-notification-banner").innerText();
    assert.match(notice, /Someone else changed this meeting/);
    assert.match(notice, /other\.clerk@council\.gov\.uk/);
    assert.match(notice, /Oak Room/);
    assert.equal(await page.locator("#venue").inputValue(), "Oak Room");
    await noViolations("refused save");
  });

  test("approved minutes ask for a reason", async () => {
    await db.updateTable("meetings").set({ minutes_status: "approved" }).execute();
    await page.goto(server.url + BASE + "/items/3");
    await page.fill("#title", "Children and Families Progress");
    await page.click("main button[type=submit]");
    await page.waitForSelector(".govuk-error-summary");
    assert.match(await page.locator(".govuk-error-summary").innerText(), /Enter the reason for correcting approved minutes/);
    await noViolations("approved, no reason");
    await db.updateTable("meetings").set({ minutes_status: "published" }).execute();
  });

  test("conflicts after a re-import come first, and each can be settled", async () => {
    await importFixture(db, (r) => void (r.attendance[2].role = "Chair"), "2");
    await page.goto(server.url + BASE);
    const headings = await page.locator("h2").allInnerTexts();
    assert.ok(headings.findIndex((h) => /Corrections to check/.test(h)) < headings.indexOf("Meeting details"), headings.join(" | "));
    await noViolations("overview with a conflict");
    await page.click("button:has-text('Keep the correction')");
    await page.waitForURL(`${server.url}${BASE}?saved=1`);
    assert.equal(await page.locator("#conflicts").count(), 0);
    await noViolations("overview after settling");
    // the browser reports each 409 and 422 answer; nothing else may go wrong on these pages
    assert.deepEqual(errors.filter((e) => !/responded with a status of (409|422)\b/.test(e)), []);
  });
});
