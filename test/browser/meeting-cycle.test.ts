// The meeting cycle in Debian Chromium over a real server, end to end in one journey: a clerk
// schedules a meeting through the schedule form, builds its agenda (three items, two public papers,
// one exempt paper) and publishes it with enough notice, then signs out. Signed out, the meeting is
// under "upcoming" on the home page and its committee's page; its page offers the reports pack,
// which (read back by pdftotext) holds the public papers' text and none of the exempt paper's; the
// exempt paper is named but its address, as the clerk saw it, is refused. After the meeting, the
// clerk signs in, opens the minute-taking sheet from the agenda (items and members prefilled),
// records attendance, a decision and a vote, and saves draft minutes, which the workspace then
// lists. axe-core finds no WCAG 2.2 A/AA violations on any page on the way.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { createApp } from "../../src/serve/app.ts";
import { openStore, type Db } from "../../src/store/db.ts";
import { addUser, setPasswordHash } from "../../src/store/accounts/users.ts";
import { hashPassword } from "../../src/serve/auth/password.ts";
import { chromiumUnavailable, collectPageErrors, launchBrowser, startServer, type Browser, type RunningServer } from "../support/browser.ts";
import { PASSWORD } from "../support/accounts.ts";
import { pdfPagesText, tempDocuments, type TempDocuments } from "../support/agenda.ts";
import { committeeWithMinutes } from "../support/schedule.ts";
import { addItemInForm, expectAccessible, pdfUpload, signInHere, uploadInForm } from "../support/browser-steps.ts";

const skip = chromiumUnavailable();
// a Monday; the meeting is fifteen days on, ten clear working days after publication
const PLANNING = new Date("2027-01-04T10:00:00Z");
const MEETING_DATE = "2027-01-19";
// the morning after the meeting
const AFTER = new Date("2027-01-20T09:00:00Z");
const SECRET = "Northgate Salvage offered 2,310,000 pounds";
const COMMITTEE = "Safe and Strong Communities Select Committee";

describe("the meeting cycle in Chromium", { skip }, () => {
  let db: Db;
  let docs: TempDocuments;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let body: string;
  let clock = PLANNING;

  before(async () => {
    db = await openStore(":memory:");
    docs = tempDocuments();
    ({ body } = await committeeWithMinutes(db));
    const clerk = await addUser(db, { email: "clerk@council.gov.uk", role: "clerk", displayName: "Colin Clerk" }, PLANNING);
    await setPasswordHash(db, clerk.id, await hashPassword(PASSWORD), PLANNING);
    server = await startServer(createApp({ db, now: () => clock, documents: docs.documents }));
    browser = await launchBrowser();
    page = await browser.page();
    errors = collectPageErrors(page);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await db?.destroy();
    docs?.close();
  });

  const accessible = (what: string) => expectAccessible(page, errors, what);
  const go = async (selector: string) => {
    await Promise.all([page.waitForNavigation(), page.click(selector)]);
  };

  test("schedule, agenda and papers, publish; signed out, upcoming with the pack and the exempt paper withheld; then the minutes taken and the draft listed", async () => {
    // --- the clerk schedules the meeting
    await page.goto(`${server.url}/admin/committees/${body}/schedule`);
    assert.equal(new URL(page.url()).pathname, "/sign-in");
    await accessible("sign-in");
    await signInHere(page, "clerk@council.gov.uk");
    assert.equal(new URL(page.url()).pathname, `/admin/committees/${body}/schedule`);
    await accessible("committee schedule");
    await page.fill("#date", MEETING_DATE);
    await page.fill("#startTime", "19:00");
    await page.fill("#venue", "Council Chamber, County Buildings");
    await go("button:has-text('Schedule the meeting')");
    await page.waitForSelector("text=Meeting scheduled");
    await accessible("committee schedule, meeting scheduled");
    const slug = (await db.selectFrom("meetings").where("date", "=", MEETING_DATE).select("slug").executeTakeFirstOrThrow()).slug;

    // --- from the meeting's schedule page to its public page, and on to its agenda
    await go(`main a[href="/admin/meetings/${slug}/schedule"]`);
    await accessible("meeting schedule page");
    await go(`main a[href="/meetings/${slug}"]`);
    await accessible("meeting page, signed in, no agenda yet");
    await go("text=Build and publish the agenda");
    assert.equal(new URL(page.url()).pathname, `/admin/meetings/${slug}/agenda`);
    assert.match(await page.locator("#notice").innerText(), /Publishing today gives 10 clear working days/);
    await accessible("agenda form, empty");

    await addItemInForm(page, { number: "1", title: "Apologies for absence" });
    await addItemInForm(page, { number: "2", title: "Community safety partnership plan", extra: { "item-author": "Sam Reed, Head of Community Safety", "item-wards": "All wards", "item-decision-maker": COMMITTEE } });
    await addItemInForm(page, { number: "3", title: "Youth centre lease", exempt: "3" });
    assert.equal(await page.locator("#agenda-items > li").count(), 3);
    await accessible("agenda form with three items");
    await uploadInForm(page, "2. Community safety partnership plan", "Officer report", await pdfUpload("report.pdf", ["SAFER STREETS REPORT PAGE ONE", "SAFER STREETS REPORT PAGE TWO"]));
    await uploadInForm(page, "2. Community safety partnership plan", "Appendix A: crime figures", await pdfUpload("appendix.pdf", ["SAFER STREETS APPENDIX"]));
    await uploadInForm(page, "3. Youth centre lease", "Heads of terms", await pdfUpload("terms.pdf", [SECRET]), "3");
    await accessible("agenda form with papers");
    // the addresses the clerk sees for the papers
    const href = async (title: string) => (await page.locator(`#agenda-items a:has-text("${title}")`).getAttribute("href"))!;
    const exemptHref = await href("Heads of terms");
    const publicHref = await href("Officer report");
    assert.match(exemptHref, /^\/meetings\//);

    await go("button#publish");
    assert.equal(new URL(page.url()).pathname, `/meetings/${slug}`);
    assert.match(await page.locator("#agenda-publications").innerText(), /Agenda published Monday 4 January 2027 at 10:00, 10 clear working days before the meeting/);
    await accessible("meeting page with its agenda, signed in");

    // --- signed out
    await go("button:has-text('Sign out')");
    assert.deepEqual((await browser.context.cookies()).filter((c) => c.name.endsWith("quorum_session")), [], "no session cookie left");
    await page.goto(`${server.url}/`);
    assert.equal(await page.locator("button:has-text('Sign out')").count(), 0);
    const home = await page.locator("main").innerText();
    assert.match(home, new RegExp(`Upcoming meetings\\s+${COMMITTEE}\\s+Tuesday 19 January 2027, 7pm · Council Chamber, County Buildings`));
    await accessible("home page, signed out");
    await page.goto(`${server.url}/committees/${body}`);
    assert.match(await page.locator("#upcoming").locator("..").innerText(), /Upcoming meetings\s+Tuesday 19 January 2027, 7pm, Council Chamber, County Buildings/);
    await accessible("committee page, signed out");
    await go(`#upcoming ~ * a[href="/meetings/${slug}"]`);
    const agenda = await page.locator("#agenda").innerText();
    assert.match(agenda, /Agenda reports pack \(PDF, 5 pages/);
    assert.match(agenda, /3\. Youth centre lease/);
    assert.match(agenda, /Heads of terms: not available\. Not for publication by virtue of paragraph 3/);
    assert.equal(await page.locator('#agenda a:has-text("Heads of terms")').count(), 0);
    assert.ok(!(await page.content()).includes("Northgate"));
    await accessible("meeting page, signed out");

    const packHref = (await page.locator('#agenda a:has-text("Agenda reports pack")').getAttribute("href"))!;
    const pack = await page.request.get(`${server.url}${packHref}`);
    assert.equal(pack.status(), 200);
    assert.equal(pack.headers()["content-type"], "application/pdf");
    const packText = pdfPagesText(new Uint8Array(await pack.body())).join("\n");
    for (const phrase of ["SAFER STREETS REPORT PAGE ONE", "SAFER STREETS REPORT PAGE TWO", "SAFER STREETS APPENDIX"]) assert.ok(packText.includes(phrase), phrase);
    assert.match(packText, /Heads of terms: Not for publication by virtue of paragraph 3/);
    assert.ok(!packText.includes("Northgate"), "the exempt paper's text is not in the pack");

    const refused = await page.request.get(`${server.url}${exemptHref}`);
    assert.ok([403, 404].includes(refused.status()), `the exempt paper's address answered ${refused.status()}`);
    assert.ok(!(await refused.text()).includes("Northgate"));
    assert.equal((await page.request.get(`${server.url}${publicHref}`)).status(), 200, "a public paper can be fetched");

    // --- after the meeting, the clerk takes the minutes from the agenda
    clock = AFTER;
    await page.goto(`${server.url}/admin/meetings/${slug}/agenda`);
    assert.equal(new URL(page.url()).pathname, "/sign-in");
    await signInHere(page, "clerk@council.gov.uk");
    assert.equal(new URL(page.url()).pathname, `/admin/meetings/${slug}/agenda`);
    await accessible("agenda page, published, after the meeting");
    await go("#take-minutes-link");
    assert.equal(new URL(page.url()).pathname, `/admin/meetings/${slug}/take-minutes`);
    await accessible("take-minutes form");
    assert.deepEqual(
      [await page.inputValue("#item-0-title"), await page.inputValue("#item-1-title"), await page.inputValue("#item-2-title")],
      ["Apologies for absence", "Community safety partnership plan", "Youth centre lease"],
    );
    assert.equal(await page.isChecked("#item-2-exempt"), true);
    assert.equal(await page.inputValue("#item-2-paragraphs"), "3");
    assert.equal(await page.isChecked("#item-1-exempt"), false);
    // the committee's twelve members at its last meeting, and a blank row for anyone else
    assert.equal(await page.locator(".quorum-attendee").count(), 13);
    const names = await Promise.all([0, 1, 2].map((i) => page.inputValue(`#att-${i}-name`)));
    assert.ok(names.every(Boolean));

    await page.selectOption("#att-0-status", "present");
    await page.selectOption("#att-1-status", "apologies");
    await page.selectOption("#att-2-status", "present");
    await page.fill("#att-12-name", "Jo Stand");
    await page.selectOption("#att-12-status", "present");
    await page.fill("#att-12-sub", names[1]);
    await page.fill("#item-1-text", "The Head of Community Safety introduced the plan.");
    await page.fill("#item-1-resolution", "That the community safety partnership plan be endorsed.");
    await page.fill("#item-1-for", "3");
    await page.fill("#item-1-against", "1");
    await page.fill("#item-1-abstain", "0");
    // everything typed has reached the server before the sheet is stored as draft minutes
    await page.waitForFunction(`localStorage.getItem(${JSON.stringify(`quorum:take-minutes:${slug}`)}) === null && /Saved \\(save/.test(document.getElementById("sync-status").textContent)`);
    await accessible("take-minutes form, saved in the background");
    await go("button[value=draft]");
    assert.equal(new URL(page.url()).pathname, `/admin/meetings/${slug}/minutes`);
    assert.match(await page.locator("#minutes-status").innerText(), /Draft: not public/);
    await accessible("the draft minutes' page");

    await page.goto(`${server.url}/admin`);
    assert.match(await page.locator("#minutes-to-take").innerText(), new RegExp(`${COMMITTEE}, 19 Jan(uary)? 2027 \\(save \\d+\\)`));
    assert.equal(await page.locator(`main a[href="/admin/meetings/${slug}/minutes"]`).count(), 1, "the draft is in the minutes panel");
    await accessible("workspace with the draft");

    // what was stored: the agenda's items in order, the exempt one with its ground, the vote and who came
    const m = await db.selectFrom("meetings").where("slug", "=", slug).select(["id", "minutes_status"]).executeTakeFirstOrThrow();
    assert.equal(m.minutes_status, "draft");
    const items = await db.selectFrom("items").where("meeting_id", "=", m.id).select(["number", "title", "exempt", "exempt_paragraphs"]).orderBy("position").execute();
    assert.deepEqual(items.map((i) => [i.number, i.title, !!i.exempt, i.exempt_paragraphs]), [
      ["1", "Apologies for absence", false, null],
      ["2", "Community safety partnership plan", false, null],
      ["3", "Youth centre lease", true, "3"],
    ]);
    const decision = await db.selectFrom("resolutions").where("meeting_id", "=", m.id).select(["text", "votes_for", "votes_against", "votes_abstain"]).executeTakeFirstOrThrow();
    assert.deepEqual(decision, { text: "That the community safety partnership plan be endorsed.", votes_for: 3, votes_against: 1, votes_abstain: 0 });
    const came = await db.selectFrom("attendance").where("meeting_id", "=", m.id).select(["raw_name", "status", "substitute_for"]).orderBy("position").execute();
    assert.equal(came.length, 4);
    assert.deepEqual(came.find((a) => a.raw_name === "Jo Stand"), { raw_name: "Jo Stand", status: "present", substitute_for: names[1] });
    assert.equal(came.find((a) => a.raw_name === names[1])?.status, "apologies");
  });
});
