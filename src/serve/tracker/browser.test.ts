// The tracker's pages in Debian Chromium: each page type passes axe (WCAG 2.2 A/AA), the filter
// form works without JavaScript, and a recommendation link lands on its section.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { axe, chromiumUnavailable, describeViolations, launchBrowser, startServer, type Browser, type RunningServer } from "../../../test/support/browser.ts";
import { trackerFixture, type TrackerFixture } from "./test-app.ts";

const SHOTS = process.env.QUORUM_SCREENSHOTS;

describe("tracker pages in a browser", { skip: chromiumUnavailable() }, () => {
  let f: TrackerFixture;
  let server: RunningServer;
  let browser: Browser;
  let inquiry: string;
  let committee: string;

  before(async () => {
    f = await trackerFixture();
    server = await startServer(f.app);
    browser = await launchBrowser();
    const recs = (await (await f.app.request("/api/v1/recommendations")).json()) as { data: { inquiry: { id: string } }[] };
    inquiry = recs.data[0].inquiry.id;
    const actions = (await (await f.app.request("/api/v1/actions")).json()) as { data: { committee: { id: string } }[] };
    committee = actions.data[0].committee.id;
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await f?.close();
  });

  const pages = () => [
    ["tracker", "/recommendations"],
    ["tracker-filtered", "/recommendations?owner=Hazell&overdue=true"],
    ["inquiry", `/recommendations/${inquiry}`],
    ["actions", "/actions"],
    ["committee-actions", `/committees/${committee}/actions`],
    ["work-programme", "/work-programme"],
    ["committee-work-programme", `/committees/${committee}/work-programme`],
    ["forward-plan", "/forward-plan"],
    ["meeting-actions", `/meetings/${f.staffs.meetingSlug}/actions`],
  ];

  it("every tracker page type has no WCAG 2.2 A/AA violations", async () => {
    const page = await browser.page();
    for (const [name, path] of pages()) {
      const res = await page.goto(server.url + path);
      assert.equal(res?.status(), 200, path);
      const violations = await axe(page);
      assert.equal(violations.length, 0, `${path}\n${describeViolations(violations)}`);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 375, height: 800 });
    for (const [name, path] of pages().slice(0, 3)) {
      await page.goto(server.url + path);
      const violations = await axe(page);
      assert.equal(violations.length, 0, `${path} (phone)\n${describeViolations(violations)}`);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}-phone.png`, fullPage: true });
    }
    await page.close();
  });

  it("filter by owner and overdue, then open a recommendation", async () => {
    const page = await browser.page();
    await page.goto(server.url + "/recommendations");
    await page.getByLabel("Responsible member or officer").fill("Hazell");
    await page.getByLabel("Only overdue").check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/owner=Hazell/);
    assert.match(await page.getByRole("heading", { level: 2, name: /recommendations? match/ }).innerText(), /^3 recommendations match$/);
    await page.getByRole("link", { name: /^6\. We recommend that the Council should agree/ }).click();
    await page.waitForURL(/#recommendation-6$/);
    const section = page.locator("#recommendation-6");
    assert.match(await section.innerText(), /Julie Puddephatt & Head of First Response/);
    assert.match(await section.innerText(), /Next update due\s+23 October 2018/);
    await page.close();
  });

  it("the CSV link downloads the filtered tracker", async () => {
    const page = await browser.page();
    await page.goto(server.url + "/recommendations?owner=Hazell");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Download as a spreadsheet/ }).click()]);
    assert.equal(download.suggestedFilename(), "recommendations-2018-11-01.csv");
    await page.close();
  });
});
