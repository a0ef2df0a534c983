// Wards' pages in Debian Chromium over a real server: the list, a ward's page (with an exempt
// item signed out), asking for the ward's alerts and its error states, and "check your email".
// axe-core finds no WCAG 2.2 A/AA violations on any of them.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { createApp } from "../../src/serve/app.ts";
import { openStore, type Db } from "../../src/store/db.ts";
import { addAgendaItem } from "../../src/store/agenda/items.ts";
import { publishAgenda } from "../../src/store/agenda/publish.ts";
import { readAgenda } from "../../src/store/agenda/read.ts";
import { addKeyDecisionEntry } from "../../src/store/forward-plan/entries.ts";
import { axe, chromiumUnavailable, describeViolations, launchBrowser, startServer, type Browser, type RunningServer } from "../support/browser.ts";
import { scheduledMeeting, tempDocuments, type TempDocuments } from "../support/agenda.ts";

const skip = chromiumUnavailable();
const WARD = "northbrook-borough-council-abbey";

describe("wards' pages in Chromium", { skip }, () => {
  let db: Db;
  let docs: TempDocuments;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    db = await openStore(":memory:");
    docs = tempDocuments();
    const now = new Date();
    const today = now.toISOString().slice(0, 10);
    const soon = new Date(now.getTime() + 20 * 86_400_000).toISOString().slice(0, 10);
    const actor = { userId: null, label: "Clerk" };
    const meeting = (await scheduledMeeting(db, { date: soon })).slug;
    await scheduledMeeting(db, { council: "Southmere District Council", date: soon });
    const nb = (await db.selectFrom("authorities").where("slug", "=", "northbrook-borough-council").select("id").executeTakeFirstOrThrow()).id;
    await db.insertInto("people").values({ authority_id: nb, slug: "ann-abbot", display_name: "Ann Abbot", honorific: "Cllr", forenames: "Ann", initials: null, surname: "Abbot", surname_key: "abbot", kind: "member", party: "Independent", ward: "Abbey" }).execute();
    await addAgendaItem(db, meeting, { number: "5", title: "Land at Mill Lane", reportAuthor: null, wards: "Abbey; Castle", decisionMaker: null, exempt: false, exemptParagraph: null }, actor, now);
    await addAgendaItem(db, meeting, { number: "7", title: "Haulage contract", reportAuthor: null, wards: "Abbey", decisionMaker: null, exempt: true, exemptParagraph: "3" }, actor, now);
    const version = (await readAgenda(db, meeting, undefined, { all: true }))!.version;
    await publishAgenda(db, docs.documents, meeting, { version, lateReason: "Test", paperUrl: (id) => `/p/${id}` }, actor, now);
    const fields = { reference: null, details: null, body: null, decisionMaker: "Director of Place", plannedDate: new Date(now.getTime() + 60 * 86_400_000).toISOString().slice(0, 7), consultees: null, documents: [], exception: null };
    await addKeyDecisionEntry(db, { fields: { ...fields, decision: "Abbey depot staffing", wards: ["Abbey"], exempt: { paragraphs: "1", reason: "Information about individuals" } }, authority: "northbrook-borough-council", actor, now, today });
    server = await startServer(createApp({ db, documents: docs.documents }));
    browser = await launchBrowser();
    page = await browser.page();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await db?.destroy();
    docs?.close();
  });

  async function noViolations(what: string) {
    const v = await axe(page);
    assert.deepEqual(v.map((x) => x.id), [], `${what}:\n${describeViolations(v)}`);
  }

  test("the list, a ward's page, asking for its alerts with its errors, and check your email", async () => {
    await page.goto(`${server.url}/people`);
    await page.click("a:has-text('Councillors and business by ward')");
    assert.equal(new URL(page.url()).pathname, "/wards");
    await page.waitForSelector("h2:has-text('Northbrook Borough Council')");
    await noViolations("wards");
    await page.selectOption("#authority", "northbrook-borough-council");
    await page.click("main button:has-text('Show')");
    await page.waitForURL(/authority=northbrook-borough-council/);
    await noViolations("wards of one council");

    await page.click(`a[href="/wards/${WARD}"]`);
    await page.waitForSelector("h1:has-text('Abbey ward')");
    assert.match(await page.locator("main").innerText(), /Land at Mill Lane/);
    assert.doesNotMatch(await page.locator("main").innerText(), /Haulage contract/);
    await noViolations("ward");

    await page.click("a:has-text('Get email alerts')");
    assert.equal(new URL(page.url()).pathname, `/wards/${WARD}/alerts`);
    await noViolations("ward subscribe");
    await page.click("main button[type=submit]");
    await page.waitForSelector(".govuk-error-summary");
    assert.match(await page.title(), /^Error: Get email alerts: Abbey ward/);
    await noViolations("ward subscribe, empty");
    await page.fill("#email", "not an address");
    await page.click("main button[type=submit]");
    await page.waitForSelector(".govuk-error-message");
    await noViolations("ward subscribe, bad address");
    await page.fill("#email", "ann@example.org");
    await page.check("#frequency-daily");
    await page.click("main button[type=submit]");
    await page.waitForSelector("h1:has-text('Check your email')");
    assert.match(await page.locator("main").innerText(), /Abbey ward/);
    await noViolations("ward, check your email");
  });
});
