// Which events send alerts, on SQLite and PostgreSQL, asserted on what a real SMTP server received:
// minutes published from the review queue (not while they wait in it), draft minutes published,
// a meeting cancelled with its reason. A mail about minutes links to them and carries none of an
// exempt item's text.
import { beforeEach, it } from "node:test";
import assert from "node:assert/strict";
import type { Db } from "../db.ts";
import { importMinutes } from "../import.ts";
import { publishImport } from "../imports/decide.ts";
import { addUser } from "../accounts/users.ts";
import { publishDraftMinutes } from "../lifecycle/minutes.ts";
import { changeMeeting, scheduleMeeting } from "../schedule/meetings.ts";
import { sendDue, smtpTransport } from "./sender.ts";
import { suiteSmtp } from "../../../test/support/smtp.ts";
import { confirmedSubscriber, eachMailStore } from "../../../test/support/mail.ts";
import { committeeWithMinutes } from "../../../test/support/schedule.ts";
import { parsedInput, STAFFS_V2 } from "../../../test/support/imports.ts";

const BASE = "https://alerts.example.org";
const T0 = new Date("2026-03-02T09:00:00Z");
const clerk = { userId: null, label: "Clerk" };
// the exempt item's own words (test/fixtures/exempt, item 35)
const ITEM_35 = ["briefing note outlining a recent confidential HR matter", "Members accepted the details shared", "That the briefing note be received"];

eachMailStore("what sends an alert", (stores) => {
  const smtp = suiteSmtp();
  let db: Db;
  let body: string;
  const send = () => sendDue(db, { transport: smtpTransport(smtp.url), baseUrl: BASE, from: "alerts@alerts.example.org", now: () => T0 });
  beforeEach(async () => {
    db = await stores.open(await stores.newUrl());
    body = (await committeeWithMinutes(db)).body;
    await confirmedSubscriber(db, "ann@example.org", body, "immediate", T0);
  });

  it("minutes waiting for review send nothing; published, they send one alert with their link and no exempt text", async () => {
    const r = await importMinutes(db, await parsedInput(STAFFS_V2, { review: true }));
    await send();
    assert.equal(smtp.received.length, 0, "not while they wait for review");
    const staff = await addUser(db, { email: "clerk@council.gov.uk", role: "clerk", displayName: "Cal Clerk" }, T0);
    await publishImport(db, r.queued!.reviewId, { userId: staff.id, label: staff.email }, T0);
    await send();
    assert.equal(smtp.received.length, 1);
    const mail = smtp.received[0];
    assert.match(mail.subject, /^Minutes published: .*12 December 2016/);
    assert.ok(mail.text.includes(`${BASE}/meetings/${r.meetingSlug}/minutes`), mail.text);
    for (const part of [mail.text, mail.html]) for (const phrase of ITEM_35) assert.ok(!part.includes(phrase), `"${phrase}" reached the mail`);
  });

  it("draft minutes made public send an alert", async () => {
    const r = await importMinutes(db, await parsedInput(STAFFS_V2));
    await db.updateTable("meetings").set({ minutes_status: "draft" }).where("id", "=", r.meetingId).execute();
    await publishDraftMinutes(db, r.meetingSlug, clerk, T0);
    await send();
    assert.deepEqual(smtp.received.map((m) => m.subject.replace(/:.*/, "")), ["Minutes published"]);
  });

  it("a meeting cancelled sends an alert with the reason", async () => {
    const m = await scheduleMeeting(db, { body, date: "2026-04-14", startTime: "18:30" }, clerk, T0);
    await changeMeeting(db, { slug: m.slug, version: 1, change: "cancel", reason: "Not quorate" }, clerk, T0);
    await send();
    assert.equal(smtp.received.length, 2);
    assert.match(smtp.received[1].subject, /^Meeting cancelled/);
    assert.match(smtp.received[1].text, /Reason: Not quorate/);
  });
});
