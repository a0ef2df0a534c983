// The /feeds page and the pages that offer feeds, in Debian Chromium: axe-core finds no WCAG 2.2
// A/AA violations, on a wide screen and a phone; the page's calendar and feed links answer with
// a calendar and a feed.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createApp } from "../../src/serve/app.ts";
import { axe, chromiumUnavailable, collectPageErrors, describeViolations, launchBrowser, startServer, type Browser, type RunningServer } from "../support/browser.ts";
import { followFixture, NOW, type FollowFixture } from "../support/follow.ts";

const skip = chromiumUnavailable();

describe("feeds and calendars in Chromium", { skip }, () => {
  let f: FollowFixture;
  let server: RunningServer;
  let browser: Browser;

  before(async () => {
    f = await followFixture();
    server = await startServer(createApp({ db: f.db, now: () => NOW }));
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await f?.close();
  });

  test("/feeds and the pages that advertise feeds have no axe violations, on a wide screen and a phone", async () => {
    const page = await browser.page();
    const errors = collectPageErrors(page);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      for (const path of ["/feeds", `/committees/${f.staffs}`, "/search?q=slavery", "/"]) {
        const res = await page.goto(server.url + path);
        assert.equal(res?.status(), 200, path);
        const v = await axe(page);
        assert.deepEqual(v.map((x) => x.id), [], `${path} at ${width}px:\n${describeViolations(v)}`);
      }
    }
    assert.deepEqual(errors, []);
  });

  test("the /feeds page lists every committee's calendar and feed, and they answer", async () => {
    const page = await browser.page();
    await page.goto(`${server.url}/feeds`);
    assert.equal(await page.locator("h1").innerText(), "Feeds and calendars");
    const hrefs = await page.locator("main a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    for (const href of ["/calendar.ics", "/feed.atom", `/committees/${f.staffs}/calendar.ics`, `/committees/${f.staffs}/feed.atom`, `/committees/${f.bucks}/calendar.ics`]) assert.ok(hrefs.includes(href), href);
    assert.match(await page.locator("main").innerText(), /Outlook/);
    assert.match(await page.locator("main").innerText(), /Google Calendar/);
    const ics = await fetch(`${server.url}/committees/${f.staffs}/calendar.ics`);
    assert.match(ics.headers.get("content-type") ?? "", /^text\/calendar/);
    assert.match(await ics.text(), /BEGIN:VCALENDAR/);
    const atom = await fetch(`${server.url}/committees/${f.staffs}/feed.atom`);
    assert.match(atom.headers.get("content-type") ?? "", /^application\/atom\+xml/);
  });
});
