// A daily digest's day is the council's: alerts about a committee wait until the day is over in its
// council's time zone (the authorities table), not in one zone for all; alerts about a search or a
// person, which belong to no one council, keep the site's zone. Two councils, London and New York,
// against a real SMTP server on loopback, on SQLite and PostgreSQL.
import { beforeEach, it } from "node:test";
import assert from "node:assert/strict";
import type { Db } from "../../store/db.ts";
import { importMinutes } from "../../store/import.ts";
import { scheduleMeeting } from "../../store/schedule/meetings.ts";
import { sendDue, smtpTransport, type SenderOptions } from "../../store/mail/sender.ts";
import { suiteSmtp } from "../../../test/support/smtp.ts";
import { confirmedSubscriber, eachMailStore } from "../../../test/support/mail.ts";
import { committeeWithMinutes } from "../../../test/support/schedule.ts";
import { parsedInput, STAFFS_V1 } from "../../../test/support/imports.ts";

const BASE = "https://alerts.example.org";
const actor = { userId: null, label: "Clerk" };
// 09:00 in London and 04:00 in New York on 2 March 2026
const DAY1 = new Date("2026-03-02T09:00:00Z");

/** A committee of a council in New York's zone, from the same minutes read as another council's. */
async function newYorkCommittee(db: Db): Promise<string> {
  const input = await parsedInput(STAFFS_V1, { authorityOverride: "Wexcombe Township", timeZoneOverride: "America/New_York" });
  input.record = { ...input.record, date: "2016-10-10" };
  input.source = { ...input.source, contentHash: input.source.contentHash.replace(/..$/, "ff") };
  const r = await importMinutes(db, input);
  const m = await db.selectFrom("meetings").innerJoin("bodies", "bodies.id", "meetings.body_id").innerJoin("authorities", "authorities.id", "bodies.authority_id").where("meetings.id", "=", r.meetingId).select(["bodies.slug", "authorities.time_zone"]).executeTakeFirstOrThrow();
  assert.equal(m.time_zone, "America/New_York");
  return m.slug;
}

eachMailStore("daily digests by the council's day", (stores) => {
  const smtp = suiteSmtp();
  let db: Db;
  let clock: Date;
  let london: string;
  let newYork: string;
  const send = (o: Partial<SenderOptions> = {}) => sendDue(db, { transport: smtpTransport(smtp.url), baseUrl: BASE, from: "alerts@alerts.example.org", now: () => clock, timeZone: "Europe/London", ...o });
  beforeEach(async () => {
    clock = DAY1;
    db = await stores.open(await stores.newUrl());
    london = (await committeeWithMinutes(db)).body;
    newYork = await newYorkCommittee(db);
    assert.notEqual(london, newYork);
    const zone = await db.selectFrom("bodies").innerJoin("authorities", "authorities.id", "bodies.authority_id").where("bodies.slug", "=", london).select("authorities.time_zone").executeTakeFirstOrThrow();
    assert.equal(zone.time_zone, "Europe/London");
  });

  it("each committee's alerts wait for the end of the day in its council's zone", async () => {
    await confirmedSubscriber(db, "lon@example.org", london, "daily", DAY1);
    await confirmedSubscriber(db, "ny@example.org", newYork, "daily", DAY1);
    await confirmedSubscriber(db, "both@example.org", london, "daily", DAY1);
    await confirmedSubscriber(db, "both@example.org", newYork, "daily", DAY1);
    const a = await scheduleMeeting(db, { body: london, date: "2026-04-14", startTime: "18:30" }, actor, clock);
    const b = await scheduleMeeting(db, { body: newYork, date: "2026-04-15", startTime: "18:30" }, actor, clock);
    const digestsTo = (to: string) => smtp.received.filter((m) => m.to === to && /daily alerts/.test(m.subject));

    // 02:00 on 3 March in London, 21:00 on 2 March in New York: only London's day is over
    clock = new Date("2026-03-03T02:00:00Z");
    await send();
    assert.equal(digestsTo("lon@example.org").length, 1);
    assert.equal(digestsTo("ny@example.org").length, 0, "New York's 2 March is not over");
    const first = digestsTo("both@example.org");
    assert.equal(first.length, 1);
    assert.ok(first[0].text.includes(`${BASE}/meetings/${a.slug}`), first[0].text);
    assert.ok(!first[0].text.includes(`/meetings/${b.slug}`), "the New York meeting waits for its own day's end");
    assert.match(first[0].subject, /2 March 2026/);

    // 06:00 on 3 March in London, 01:00 in New York: now New York's 2 March is over too
    clock = new Date("2026-03-03T06:00:00Z");
    await send();
    const ny = digestsTo("ny@example.org");
    assert.equal(ny.length, 1);
    assert.ok(ny[0].text.includes(`${BASE}/meetings/${b.slug}`), ny[0].text);
    assert.match(ny[0].subject, /2 March 2026/);
    const second = digestsTo("both@example.org");
    assert.equal(second.length, 2);
    assert.ok(second[1].text.includes(`${BASE}/meetings/${b.slug}`) && !second[1].text.includes(`/meetings/${a.slug}`), second[1].text);
    assert.equal(digestsTo("lon@example.org").length, 1, "one digest a day, once");
  });
});
