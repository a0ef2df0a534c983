// The agenda in Debian Chromium over a real server: a clerk signs in, builds an agenda with two
// public papers and one exempt paper (meeting two form errors on the way), and publishes it;
// signed out, the meeting is under "upcoming" on the home page, its page offers the reports pack,
// and the exempt paper is named but cannot be fetched. axe-core finds no WCAG 2.2 A/AA violations
// on these pages, error states included.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { createApp } from "../../src/serve/app.ts";
import { addUser, setPasswordHash } from "../../src/store/accounts/users.ts";
import { hashPassword } from "../../src/serve/auth/password.ts";
import { axe, chromiumUnavailable, collectPageErrors, describeViolations, launchBrowser, startServer, type Browser, type RunningServer } from "../support/browser.ts";
import { PASSWORD } from "../support/accounts.ts";
import { emptyStore, pdfPagesText, scheduledMeeting, tempDocuments, type TempDocuments } from "../support/agenda.ts";
import { addItemInForm, pdfUpload, uploadInForm, type UploadFile } from "../support/browser-steps.ts";
import type { Db } from "../../src/store/db.ts";

const skip = chromiumUnavailable();
const SECRET = "Acme Demolition Ltd tendered 412,000 pounds";

describe("agendas in Chromium", { skip }, () => {
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

  const upload = (item: string, title: string, file: UploadFile, exempt = "") => uploadInForm(page, item, title, file, exempt);
  const pdf = pdfUpload;

  test("a clerk builds an agenda with two public papers and one exempt paper, and publishes it", async () => {
    await page.goto(`${server.url}/admin/meetings/${slug}/agenda`);
    assert.equal(new URL(page.url()).pathname, "/sign-in");
    await page.fill("#email", "clerk@council.gov.uk");
    await page.fill("#password", PASSWORD);
    await page.click("main button[type=submit]");
    await page.waitForURL(`${server.url}/admin/meetings/${slug}/agenda`);
    assert.match(await page.locator("#notice").innerText(), /Publishing today gives 6 clear working days/);
    await noViolations("empty agenda");

    // a form error: no title
    await page.fill("#item-number", "1");
    await page.click("#add-item");
    await page.waitForLoadState();
    assert.match(await page.title(), /^Error: /);
    assert.match(await page.locator(".govuk-error-summary").innerText(), /Enter the item's title/);
    await noViolations("item form with an error");

    const addItem = (number: string, title: string, extra: Record<string, string> = {}, exempt = "") => addItemInForm(page, { number, title, extra, exempt });
    await addItem("1", "Apologies for absence");
    await addItem("2", "Land at Mill Lane", { "item-author": "Jo Planner, Head of Planning", "item-wards": "Abbey; Castle", "item-decision-maker": "Planning Committee" });
    await addItem("3", "Depot demolition contract", {}, "3");
    assert.equal(await page.locator("#agenda-items > li").count(), 3);

    // an upload error: a picture named as a PDF
    await upload("2. Land at Mill Lane", "Photograph", { name: "photo.pdf", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]), mimeType: "application/pdf" });
    assert.match(await page.title(), /^Error: /);
    assert.match(await page.locator(".govuk-error-summary").innerText(), /must be a PDF or a Word document/);
    await noViolations("upload with an error");

    await upload("2. Land at Mill Lane", "Officer report", await pdf("report.pdf", ["MILL LANE REPORT ONE", "MILL LANE REPORT TWO"]));
    await upload("2. Land at Mill Lane", "Site plan", await pdf("plan.pdf", ["MILL LANE SITE PLAN"]));
    await upload("3. Depot demolition contract", "Tender evaluation", await pdf("tenders.pdf", [SECRET]), "3");
    assert.match(await page.locator("#agenda-items").innerText(), /Tender evaluation/);
    await noViolations("agenda with papers");

    await page.click("button#publish");
    await page.waitForURL(`${server.url}/meetings/${slug}#agenda`);
    assert.match(await page.locator("#agenda-publications").innerText(), /Agenda published Tuesday 10 March 2026 at 15:00, 6 clear working days before the meeting/);
    await noViolations("the meeting page, signed in");
    await page.goto(`${server.url}/admin/meetings/${slug}/agenda`);
    assert.match(await page.locator("main").innerText(), /Everything on the agenda has been published/);
    await noViolations("published agenda, workspace");
  });

  test("signed out, the meeting is upcoming with its reports pack, and the exempt paper is named but cannot be fetched", async () => {
    await browser.context.clearCookies();
    await page.goto(`${server.url}/`);
    await page.click(`main a[href="/meetings/${slug}"]`);
    await page.waitForURL(`${server.url}/meetings/${slug}`);
    const agenda = await page.locator("#agenda").innerText();
    assert.match(agenda, /Agenda reports pack \(PDF, 5 pages/);
    assert.match(agenda, /Tender evaluation: not available\. Not for publication by virtue of paragraph 3/);
    assert.equal(await page.locator('#agenda a:has-text("Tender evaluation")').count(), 0);
    assert.ok(!(await page.content()).includes("Acme"));
    await noViolations("the meeting page, signed out");

    const packHref = await page.locator('#agenda a:has-text("Agenda reports pack")').getAttribute("href");
    const pack = await page.request.get(`${server.url}${packHref}`);
    assert.equal(pack.status(), 200);
    assert.equal(pack.headers()["content-type"], "application/pdf");
    const pages = pdfPagesText(new Uint8Array(await pack.body()));
    assert.equal(pages.length, 5);
    assert.match(pages[2], /MILL LANE REPORT ONE/);
    assert.ok(!pages.join("").includes("Acme"));

    const ids = (await store.db.selectFrom("agenda_papers" as never).select(["id", "title"] as never[]).execute()) as { id: number; title: string }[];
    for (const p of ids) {
      const res = await page.request.get(`${server.url}/meetings/${slug}/documents/paper-${p.id}`);
      assert.equal(res.status(), p.title === "Tender evaluation" ? 404 : 200, p.title);
    }
  });
});
