// Email alerts about a person, on SQLite and PostgreSQL, against a real SMTP server: "Get email
// alerts" on the person's page → the form → confirmation → confirm → minutes published → an alert
// for a person the minutes name at the meeting, listing the public decisions they moved or
// seconded with links. Someone who sent apologies gets nothing; a decision of exempt business is
// never named, nor its text.
import { beforeEach, it } from "node:test";
import assert from "node:assert/strict";
import type { Hono } from "hono";
import { createApp } from "../app.ts";
import type { Db } from "../../store/db.ts";
import { importMinutes } from "../../store/import.ts";
import { publishDraftMinutes } from "../../store/lifecycle/minutes.ts";
import { sendDue, smtpTransport } from "../../store/mail/sender.ts";
import { client } from "../../../test/support/accounts.ts";
import { linkIn, suiteSmtp } from "../../../test/support/smtp.ts";
import { eachMailStore } from "../../../test/support/mail.ts";
import { committeeWithMinutes } from "../../../test/support/schedule.ts";
import { parsedInput, STAFFS_V2 } from "../../../test/support/imports.ts";

const BASE = "https://alerts.example.org";
const T0 = new Date("2026-03-02T09:00:00Z");
const clerk = { userId: null, label: "Clerk" };
const path = (url: string) => url.slice(BASE.length);
const ITEM_35 = ["Wolstanton", "briefing note", "Confidential HR Matter", "grievance"];

eachMailStore("email alerts about a person", (stores) => {
  const smtp = suiteSmtp();
  let db: Db;
  let app: Hono;
  const send = () => sendDue(db, { transport: smtpTransport(smtp.url), baseUrl: BASE, from: "alerts@alerts.example.org", now: () => T0 });
  beforeEach(async () => {
    db = await stores.open(await stores.newUrl());
    await committeeWithMinutes(db);
    app = createApp({ db, now: () => T0, publicUrl: BASE });
  });

  const slugOf = async (name: string) => (await db.selectFrom("people").where("display_name", "=", name).select("slug").executeTakeFirstOrThrow()).slug;

  async function follow(email: string, name: string): Promise<void> {
    const cl = client(app, BASE);
    const slug = await slugOf(name);
    const page = await (await cl.get(`/people/${slug}`)).text();
    assert.ok(page.includes(`href="/people/${slug}/alerts"`), "the person's page offers alerts");
    const form = `/people/${slug}/alerts`;
    const asked = await cl.post(form, { csrf: await cl.formToken(form), email, frequency: "immediate" });
    assert.equal(asked.status, 303);
    assert.equal(asked.headers.get("location"), `/people/${slug}/alerts/check-email`);
    await send();
    const confirmation = smtp.received.at(-1)!;
    assert.equal(confirmation.to, email);
    assert.match(confirmation.subject, new RegExp(`^Confirm your email alerts for ${name}`));
    const confirm = path(linkIn(confirmation, `${BASE}/alerts/confirm/`));
    const done = await cl.post(confirm, { csrf: await cl.formToken(confirm) });
    assert.match(await done.text(), /Email alerts confirmed/);
  }

  it("minutes published: an alert for who attended, naming the public decisions they moved, never the exempt one; nothing for apologies", async () => {
    await follow("ann@example.org", "Terry Finn");
    await follow("bob@example.org", "Gill Heath");
    const confirmations = smtp.received.length;

    const r = await importMinutes(db, await parsedInput(STAFFS_V2));
    await db.updateTable("meetings").set({ minutes_status: "draft" }).where("id", "=", r.meetingId).execute();
    const terry = (await db.selectFrom("people").where("slug", "=", await slugOf("Terry Finn")).select("id").executeTakeFirstOrThrow()).id;
    const decisions = await db.selectFrom("resolutions").innerJoin("items", "items.id", "resolutions.item_id").where("resolutions.meeting_id", "=", r.meetingId).select(["resolutions.id", "resolutions.slug", "items.title", "items.exempt"]).execute();
    const publicOne = decisions.find((d) => /Modern Slavery/.test(d.title))!;
    const exemptOne = decisions.find((d) => Boolean(d.exempt))!;
    assert.ok(publicOne && exemptOne, "the minutes hold a public and an exempt decision");
    await db.updateTable("resolutions").set({ moved_by_person_id: terry }).where("id", "in", [publicOne.id, exemptOne.id]).execute();
    await publishDraftMinutes(db, r.meetingSlug, clerk, T0);
    await send();

    const alerts = smtp.received.slice(confirmations).filter((m) => !/^Minutes published/.test(m.subject));
    assert.deepEqual(alerts.map((m) => m.to), ["ann@example.org"], "sent apologies: not at the meeting");
    const mail = alerts[0];
    assert.match(mail.subject, /^Terry Finn: minutes published, .*12 December 2016/);
    assert.ok(mail.text.includes(`Moved: Modern Slavery: ${BASE}/meetings/${r.meetingSlug}#decision-${publicOne.slug}`), mail.text);
    assert.ok(mail.html.includes(`href="${BASE}/meetings/${r.meetingSlug}#decision-${publicOne.slug}"`));
    assert.ok(!mail.text.includes(exemptOne.slug), "the exempt decision is not named");
    assert.ok(mail.text.includes(`${BASE}/meetings/${r.meetingSlug}/minutes`));
    for (const part of [mail.text, mail.html]) for (const phrase of ITEM_35) assert.ok(!part.includes(phrase), `"${phrase}" reached the mail`);
  });
});
