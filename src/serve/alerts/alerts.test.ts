// Email alerts end to end, on SQLite and PostgreSQL, against a real SMTP server on loopback: ask
// for alerts on a committee's page → confirmation mail → confirm → a new meeting → alert mail with
// its link → one-click unsubscribe (as a mail client posts it) → no further mail. Then the forms'
// refusals, the limits, the manage page and the daily digest, each asserted on what the server received.
import { beforeEach, it } from "node:test";
import assert from "node:assert/strict";
import type { Hono } from "hono";
import { createApp } from "../app.ts";
import type { Db } from "../../store/db.ts";
import { scheduleMeeting } from "../../store/schedule/meetings.ts";
import { sendDue, smtpTransport, type SenderOptions } from "../../store/mail/sender.ts";
import { mailDb } from "../../store/mail/schema.ts";
import { MAX_REQUESTS_PER_EMAIL, MAX_REQUESTS_PER_IP } from "../../store/mail/subscriptions.ts";
import { client, type Client } from "../../../test/support/accounts.ts";
import { linkIn, rawHeader, suiteSmtp } from "../../../test/support/smtp.ts";
import { eachMailStore, outboxStates } from "../../../test/support/mail.ts";
import { committeeWithMinutes } from "../../../test/support/schedule.ts";

const BASE = "https://alerts.example.org";
const actor = { userId: null, label: "Clerk" };
const DAY1 = new Date("2026-03-02T09:00:00Z");
const path = (url: string) => url.slice(BASE.length);

eachMailStore("email alerts", (stores) => {
  const smtp = suiteSmtp();
  let db: Db;
  let app: Hono;
  let body: string;
  let clock: Date;
  const send = (o: Partial<SenderOptions> = {}) => sendDue(db, { transport: smtpTransport(smtp.url), baseUrl: BASE, from: "alerts@alerts.example.org", now: () => clock, ...o });
  beforeEach(async () => {
    clock = DAY1;
    db = await stores.open(await stores.newUrl());
    body = (await committeeWithMinutes(db)).body;
    app = createApp({ db, now: () => clock, publicUrl: BASE });
  });

  async function ask(cl: Client, email: string, frequency = "immediate"): Promise<Response> {
    const csrf = await cl.formToken(`/committees/${body}/alerts`);
    return cl.post(`/committees/${body}/alerts`, { csrf, email, frequency });
  }

  async function subscribe(email: string, frequency = "immediate"): Promise<void> {
    const cl = client(app, BASE);
    assert.equal((await ask(cl, email, frequency)).status, 303);
    await send();
    const mail = smtp.received.findLast((m) => m.to === email && /Confirm/.test(m.subject))!;
    const confirm = path(linkIn(mail, `${BASE}/alerts/confirm/`));
    const csrf = await cl.formToken(confirm);
    assert.equal((await cl.post(confirm, { csrf })).status, 200);
  }

  it("subscribe, confirm, a new meeting's alert, one-click unsubscribe, and nothing more", async () => {
    const cl = client(app, BASE);
    const committee = await (await cl.get(`/committees/${body}`)).text();
    assert.ok(committee.includes(`href="/committees/${body}/alerts"`), "the committee page offers alerts");
    const asked = await ask(cl, "Ann@Example.org");
    assert.equal(asked.status, 303);
    assert.equal(asked.headers.get("location"), `/committees/${body}/alerts/check-email`);
    assert.equal(smtp.received.length, 0, "nothing is sent by the request itself");
    await send();
    assert.equal(smtp.received.length, 1);
    const confirmation = smtp.received[0];
    assert.equal(confirmation.to, "ann@example.org");
    assert.match(confirmation.subject, /^Confirm your email alerts/);
    assert.equal(rawHeader(confirmation, "List-Unsubscribe"), undefined, "nothing to unsubscribe from yet");

    // before confirming, a new meeting sends nothing
    await scheduleMeeting(db, { body, date: "2026-03-30", startTime: "10:00" }, actor, clock);
    await send();
    assert.equal(smtp.received.length, 1);

    const confirm = path(linkIn(confirmation, `${BASE}/alerts/confirm/`));
    const page = await cl.get(confirm);
    assert.equal(page.status, 200, "a GET only shows the button: a link scanner confirms nothing");
    assert.equal(page.headers.get("cache-control"), "no-store");
    assert.equal((await mailDb(db).selectFrom("mail_subscriptions").select("status").executeTakeFirstOrThrow()).status, "pending");
    const done = await cl.post(confirm, { csrf: await cl.formToken(confirm) });
    assert.equal(done.status, 200);
    assert.match(await done.text(), /Email alerts confirmed/);
    assert.equal((await cl.post(confirm, { csrf: await cl.formToken(`/committees/${body}/alerts`) })).status, 410, "the link works once");

    const m = await scheduleMeeting(db, { body, date: "2026-04-14", startTime: "18:30", venue: "Shire Hall" }, actor, clock);
    await send();
    assert.equal(smtp.received.length, 2);
    const alert = smtp.received[1];
    assert.match(alert.subject, /New meeting/);
    assert.ok(alert.text.includes(`${BASE}/meetings/${m.slug}`));
    const unsubscribe = /^<(.+)>$/.exec(rawHeader(alert, "List-Unsubscribe") ?? "")![1];
    assert.equal(unsubscribe, linkIn(alert, `${BASE}/alerts/unsubscribe/`));

    // the GET asks; a mail client's one-click POST (no cookie, no form token, no Origin) unsubscribes
    const ask2 = await app.request(unsubscribe);
    assert.equal(ask2.status, 200);
    assert.match(await ask2.text(), /Unsubscribe/);
    const oneClick = await app.request(unsubscribe, { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } });
    assert.equal(oneClick.status, 200);
    assert.match(await oneClick.text(), /You have unsubscribed/);

    await scheduleMeeting(db, { body, date: "2026-05-12", startTime: "18:30" }, actor, clock);
    const after = await send({ now: () => new Date(clock.getTime() + 3 * 86_400_000) });
    assert.equal(after.sent, 0);
    assert.equal(smtp.received.length, 2, "no mail after unsubscribing");
  });

  it("an alert queued before unsubscribing is not sent", async () => {
    await subscribe("ann@example.org");
    await scheduleMeeting(db, { body, date: "2026-04-14", startTime: "18:30" }, actor, clock);
    await send();
    const first = smtp.received.length;
    await scheduleMeeting(db, { body, date: "2026-05-12", startTime: "18:30" }, actor, clock);
    const unsubscribe = linkIn(smtp.received[first - 1], `${BASE}/alerts/unsubscribe/`);
    assert.equal((await app.request(unsubscribe, { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } })).status, 200);
    const r = await send();
    assert.equal(r.sent, 0);
    assert.equal(smtp.received.length, first);
    assert.equal((await outboxStates(db)).at(-1), "cancelled");
  });

  it("asking for alerts is refused without the form token, from another site, for a bad address, and past the limits", async () => {
    const cl = client(app, BASE);
    await cl.formToken(`/committees/${body}/alerts`);
    assert.equal((await cl.post(`/committees/${body}/alerts`, { email: "ann@example.org" })).status, 403, "no form token");
    const csrf = await cl.formToken(`/committees/${body}/alerts`);
    assert.equal((await cl.post(`/committees/${body}/alerts`, { csrf, email: "ann@example.org" }, { origin: "https://elsewhere.example" })).status, 403, "another site");
    const bad = await cl.post(`/committees/${body}/alerts`, { csrf, email: "not an address" });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /govuk-error-summary[\s\S]*correct format/);
    assert.equal((await mailDb(db).selectFrom("mail_outbox").select("id").execute()).length, 0);

    // every request here comes from one client address
    for (let i = 0; i < MAX_REQUESTS_PER_EMAIL; i++) assert.equal((await ask(cl, "ann@example.org")).status, 303);
    const limited = await ask(cl, "ann@example.org");
    assert.equal(limited.status, 429, "per address");
    assert.match(await limited.text(), /too many requests/);
    let allowed = 0;
    while ((await ask(cl, `p${allowed}@example.org`)).status === 303) allowed++;
    assert.equal(allowed, MAX_REQUESTS_PER_IP - MAX_REQUESTS_PER_EMAIL, "per IP");
    // a later request replaces an earlier one still waiting: one subscription per address, one confirmation queued
    assert.equal((await mailDb(db).selectFrom("mail_subscriptions").select("id").execute()).length, 1 + allowed);
    assert.equal((await mailDb(db).selectFrom("mail_outbox").where("state", "=", "queued").select("id").execute()).length, 1 + allowed);
  });

  it("the manage page lists one's alerts, changes how often and removes one", async () => {
    await subscribe("ann@example.org");
    await scheduleMeeting(db, { body, date: "2026-04-14", startTime: "18:30" }, actor, clock);
    await send();
    const manage = path(linkIn(smtp.received.at(-1)!, `${BASE}/alerts/manage/`));
    const cl = client(app, BASE);
    const page = await (await cl.get(manage)).text();
    assert.match(page, /ann@example\.org/);
    const id = Number(/name="subscription" value="(\d+)"/.exec(page)![1]);
    const csrf = await cl.formToken(manage);
    assert.equal((await cl.post(manage, { subscription: String(id), action: "frequency", frequency: "daily" })).status, 403, "no form token");
    const changed = await cl.post(manage, { csrf, subscription: String(id), action: "frequency", frequency: "daily" });
    assert.equal(changed.status, 303);
    assert.equal((await mailDb(db).selectFrom("mail_subscriptions").where("id", "=", id).select("frequency").executeTakeFirstOrThrow()).frequency, "daily");
    assert.match(await (await cl.get(changed.headers.get("location")!)).text(), /How often you get this alert has been changed/);
    const wrong = await cl.post(manage, { csrf, subscription: "99999", action: "remove" });
    assert.equal(wrong.status, 400);
    assert.match(await wrong.text(), /govuk-error-summary/);
    assert.equal((await cl.post(manage, { csrf, subscription: String(id), action: "remove" })).status, 303);
    assert.match(await (await cl.get(manage)).text(), /You have no email alerts/);
  });

  it("a daily digest gathers a day's alerts in one mail, sent once the day is over", async () => {
    await subscribe("dee@example.org", "daily");
    const confirmations = smtp.received.length;
    const a = await scheduleMeeting(db, { body, date: "2026-04-14", startTime: "18:30" }, actor, clock);
    const b = await scheduleMeeting(db, { body, date: "2026-05-12", startTime: "18:30" }, actor, clock);
    clock = new Date("2026-03-02T22:00:00Z");
    assert.equal((await send()).sent, 0, "not before the day is over");
    clock = new Date("2026-03-03T07:00:00Z");
    const r = await send();
    assert.deepEqual([r.digests, r.sent], [1, 1]);
    assert.equal(smtp.received.length, confirmations + 1);
    const digest = smtp.received.at(-1)!;
    assert.match(digest.subject, /daily alerts for 2 March 2026: 2 updates/);
    for (const m of [a, b]) assert.ok(digest.text.includes(`${BASE}/meetings/${m.slug}`), digest.text);
    assert.equal(rawHeader(digest, "List-Unsubscribe-Post"), "List-Unsubscribe=One-Click");
    assert.equal((await send({ now: () => new Date("2026-03-05T07:00:00Z") })).sent, 0, "one digest, once");
  });
});
