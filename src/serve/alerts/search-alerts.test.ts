// Email alerts for a saved search, on SQLite and PostgreSQL, against a real SMTP server: "Get email
// alerts for this search" on the results page → the form → confirmation mail → confirm → minutes
// published from the review queue → an alert naming the matching items with their links. A search
// that finds nothing in what was published sends nothing, and a search for an exempt item's own
// words finds nothing, so its text never reaches a mail.
import { beforeEach, it } from "node:test";
import assert from "node:assert/strict";
import type { Hono } from "hono";
import { createApp } from "../app.ts";
import type { Db } from "../../store/db.ts";
import { importMinutes } from "../../store/import.ts";
import { publishImport } from "../../store/imports/decide.ts";
import { addUser } from "../../store/accounts/users.ts";
import { sendDue, smtpTransport } from "../../store/mail/sender.ts";
import { client } from "../../../test/support/accounts.ts";
import { linkIn, rawHeader, suiteSmtp } from "../../../test/support/smtp.ts";
import { eachMailStore } from "../../../test/support/mail.ts";
import { committeeWithMinutes } from "../../../test/support/schedule.ts";
import { parsedInput, STAFFS_V1, STAFFS_V2 } from "../../../test/support/imports.ts";

const BASE = "https://alerts.example.org";
const T0 = new Date("2026-03-02T09:00:00Z");
const path = (url: string) => url.slice(BASE.length);
// the exempt item's own words (test/fixtures/exempt, item 35)
const ITEM_35 = ["Wolstanton", "briefing note outlining a recent confidential HR matter", "Members accepted the details shared", "grievance"];

eachMailStore("email alerts for a saved search", (stores) => {
  const smtp = suiteSmtp();
  let db: Db;
  let app: Hono;
  const send = () => sendDue(db, { transport: smtpTransport(smtp.url), baseUrl: BASE, from: "alerts@alerts.example.org", now: () => T0 });
  beforeEach(async () => {
    db = await stores.open(await stores.newUrl());
    // an earlier meeting of the committee, public, in which item 35's words are not exempt
    await committeeWithMinutes(db);
    app = createApp({ db, now: () => T0, publicUrl: BASE });
  });

  /** From the search results page's link to a confirmed subscription, as a visitor does it. */
  async function follow(email: string, query: string): Promise<void> {
    const cl = client(app, BASE);
    const results = await (await cl.get(`/search?q=${encodeURIComponent(query)}`)).text();
    const href = /<a class="govuk-link" href="(\/search\/alerts\?[^"]+)">\s*Get email alerts for this search/.exec(results)?.[1].replace(/&amp;/g, "&");
    assert.ok(href, "the results page offers alerts for the search");
    const form = await cl.get(href);
    assert.equal(form.status, 200);
    assert.match(await form.text(), new RegExp(`Get email alerts for the search \u201c${query}\u201d`));
    const asked = await cl.post(href, { csrf: await cl.formToken(href), email, frequency: "immediate" });
    assert.equal(asked.status, 303);
    assert.match(asked.headers.get("location") ?? "", /^\/search\/alerts\/check-email\?q=/);
    const before = smtp.received.length;
    await send();
    assert.equal(smtp.received.length, before + 1);
    const confirmation = smtp.received.at(-1)!;
    assert.equal(confirmation.to, email);
    assert.match(confirmation.subject, new RegExp(`^Confirm your email alerts for the search \u201c${query}\u201d`));
    const confirm = path(linkIn(confirmation, `${BASE}/alerts/confirm/`));
    assert.match(await (await cl.get(confirm)).text(), new RegExp(`Send alerts about the search \u201c${query}\u201d`));
    const done = await cl.post(confirm, { csrf: await cl.formToken(confirm) });
    assert.equal(done.status, 200);
    assert.match(await done.text(), /Email alerts confirmed/);
  }

  async function publish(file: string): Promise<string> {
    const r = await importMinutes(db, await parsedInput(file, { review: true }));
    const staff = await addUser(db, { email: "clerk@council.gov.uk", role: "clerk", displayName: "Cal Clerk" }, T0);
    await publishImport(db, r.queued!.reviewId, { userId: staff.id, label: staff.email }, T0);
    return r.meetingSlug;
  }

  it("subscribe, confirm, minutes published: an alert naming the matches with links; other searches get nothing; no exempt text", async () => {
    await follow("ann@example.org", "slavery");
    await follow("bob@example.org", "Wolstanton");
    await follow("cat@example.org", "kangaroo");
    await send();
    const confirmations = smtp.received.length;

    const slug = await publish(STAFFS_V2);
    await send();
    const alerts = smtp.received.slice(confirmations);
    assert.deepEqual(
      alerts.map((m) => m.to),
      ["ann@example.org"],
      "only the search that finds something in the published minutes alerts; an exempt item's words find nothing",
    );
    const mail = alerts[0];
    assert.match(mail.subject, /^New for the search \u201cslavery\u201d: .*12 December 2016/);
    assert.match(mail.text, /Modern Slavery/);
    assert.ok(mail.text.includes(`${BASE}/meetings/${slug}#item-`), mail.text);
    assert.ok(mail.html.includes(`href="${BASE}/meetings/${slug}#item-`), mail.html);
    assert.ok(mail.text.includes(`${BASE}/search?q=slavery`), "a link to all the search's results");
    assert.ok(rawHeader(mail, "List-Unsubscribe"), "an alert can be unsubscribed from in one click");
    for (const part of [mail.text, mail.html]) for (const phrase of ITEM_35) assert.ok(!part.includes(phrase), `"${phrase}" reached the mail`);

    // the manage page names the search
    const manage = await (await app.request(path(linkIn(mail, `${BASE}/alerts/manage/`)))).text();
    assert.match(manage, /Search \u201cslavery\u201d/);
  });

  it("the same words alert when the minutes hold them in public business", async () => {
    await follow("bob@example.org", "Wolstanton");
    const confirmations = smtp.received.length;
    await publish(STAFFS_V1);
    await send();
    const alerts = smtp.received.slice(confirmations);
    assert.equal(alerts.length, 1);
    assert.match(alerts[0].text, /Wolstanton|Confidential HR Matter/);
  });
});
