// Taking the minutes from an agenda in Debian Chromium, across a lost connection: changes typed
// offline are kept in the browser; meanwhile a supplement adds an item to the agenda; when the sheet
// is opened again, the kept changes are put back and the added item stays on the sheet, and what is
// typed into it is saved.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { createApp } from "../../src/serve/app.ts";
import { openStore, type Db } from "../../src/store/db.ts";
import { addUser, setPasswordHash } from "../../src/store/accounts/users.ts";
import { hashPassword } from "../../src/serve/auth/password.ts";
import { openSheet } from "../../src/store/minute-taking/sheets.ts";
import { chromiumUnavailable, collectPageErrors, launchBrowser, startServer, type Browser, type RunningServer } from "../support/browser.ts";
import { PASSWORD } from "../support/accounts.ts";
import { tempDocuments, type TempDocuments } from "../support/agenda.ts";
import { NORTHSHIRE, scheduledMeeting } from "../support/meetings.ts";
import { publishItems, THREE_ITEMS } from "../support/take-minutes.ts";
import { expectAccessible, signInHere } from "../support/browser-steps.ts";

const skip = chromiumUnavailable();
const PUBLISHED = new Date("2026-02-20T10:00:00Z");
const AT = new Date("2026-03-10T12:00:00Z");

describe("taking the minutes from an agenda that changes while offline, in Chromium", { skip }, () => {
  let db: Db;
  let docs: TempDocuments;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let slug: string;
  let actor: { userId: number; label: string };

  before(async () => {
    db = await openStore(":memory:");
    docs = tempDocuments();
    const clerk = await addUser(db, { email: "clerk@council.gov.uk", role: "clerk", displayName: "Colin Clerk" }, PUBLISHED);
    await setPasswordHash(db, clerk.id, await hashPassword(PASSWORD), PUBLISHED);
    actor = { userId: clerk.id, label: clerk.email };
    slug = (await scheduledMeeting(db, NORTHSHIRE)).slug;
    await publishItems(db, docs.documents, slug, THREE_ITEMS, actor, PUBLISHED);
    server = await startServer(createApp({ db, now: () => AT, documents: docs.documents }));
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

  const saved = () => page.waitForFunction(`localStorage.getItem(${JSON.stringify(`quorum:take-minutes:${slug}`)}) === null && /Saved \\(save/.test(document.getElementById("sync-status").textContent)`);

  test("kept changes are put back beside the supplement's item, and what is typed into that item is saved", async () => {
    await page.goto(`${server.url}/admin/meetings/${slug}/take-minutes`);
    await signInHere(page, "clerk@council.gov.uk");
    await page.fill("#item-0-text", "Apologies were received from Cllr Kay Quill.");
    await saved();

    await browser.context.setOffline(true);
    await page.fill("#item-1-text", "Typed while the connection was down.");
    await page.waitForSelector("#sync-status:has-text('kept in this browser')");
    await page.close();
    await browser.context.setOffline(false);

    await publishItems(db, docs.documents, slug, [{ number: "4", title: "Flood grant" }], actor, AT, "The grant offer arrived after the agenda was published");

    page = await browser.page();
    errors = collectPageErrors(page);
    await page.goto(`${server.url}/admin/meetings/${slug}/take-minutes`);
    assert.match(await page.locator("#added-from-agenda").innerText(), /added at the end: item 4\./);
    await saved();
    assert.equal(await page.inputValue("#item-1-text"), "Typed while the connection was down.");
    await page.fill("#item-3-text", "The committee welcomed the grant.");
    await saved();
    await expectAccessible(page, errors, "take-minutes with an item added from the agenda", /net::ERR_INTERNET_DISCONNECTED/);

    const open = await openSheet(db, slug);
    assert.deepEqual(
      open.sheet.items.map((i) => [i.number, i.title, i.text]),
      [
        ["1", "Apologies for absence", "Apologies were received from Cllr Kay Quill."],
        ["2", "Highways maintenance programme 2026/27", "Typed while the connection was down."],
        ["3", "Depot site disposal", ""],
        ["4", "Flood grant", "The committee welcomed the grant."],
      ],
    );
    assert.deepEqual(open.addedFromAgenda, []);
  });
});
