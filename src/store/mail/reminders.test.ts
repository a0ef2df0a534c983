// Owners' reminders through the outbox, on SQLite and PostgreSQL, asserted on what a real SMTP
// server received: the owner of recommendation 2 (update due 23 October 2018) hears nothing two
// weeks before, once when it is a week away, once when it is overdue, and never twice.
import { after, before, it } from "node:test";
import assert from "node:assert/strict";
import { addUser } from "../accounts/users.ts";
import { writeTransaction } from "../write.ts";
import { listRecommendations } from "../scrutiny/recommendations.ts";
import { BUCKS, importFromCorpus } from "../scrutiny/test-stores.ts";
import { assignOwner } from "../owners/updates.ts";
import { sendDue, smtpTransport } from "./sender.ts";
import { startSmtp, type TestSmtp } from "../../../test/support/smtp.ts";
import { eachMailStore } from "../../../test/support/mail.ts";

const BASE = "https://alerts.example.org";

eachMailStore("owners' reminders", (stores) => {
  let smtp: TestSmtp;
  before(async () => {
    smtp = await startSmtp();
  });
  after(async () => {
    await smtp.close();
  });

  it("an update due soon, then overdue: one reminder each, to the owner, linking to the dashboard", async () => {
    const db = await stores.open(await stores.newUrl());
    const at = new Date("2018-10-01T09:00:00Z");
    await importFromCorpus(db, BUCKS);
    const clerk = await addUser(db, { email: "clerk@bucks.gov.uk", role: "clerk", displayName: "Colin Clerk" }, at);
    const owner = await addUser(db, { email: "hazell@bucks.gov.uk", role: "member", displayName: "Lin Hazell" }, at);
    const rec = (await listRecommendations(db, "2018-10-01")).find((r) => r.number === "2")!;
    await writeTransaction(db, (trx) => assignOwner(trx, { kind: "recommendation", id: rec.id }, owner.id, 1, { userId: clerk.id, email: clerk.email, name: clerk.displayName }, at));
    const send = (iso: string) => sendDue(db, { transport: smtpTransport(smtp.url), baseUrl: BASE, from: "alerts@alerts.example.org", now: () => new Date(iso) });

    assert.equal((await send("2018-10-09T10:00:00Z")).sent, 0, "two weeks before: nothing");
    assert.equal((await send("2018-10-17T10:00:00Z")).sent, 1);
    assert.equal((await send("2018-10-18T10:00:00Z")).sent, 0, "not again the next day");
    assert.equal((await send("2018-10-24T10:00:00Z")).sent, 1);
    assert.equal((await send("2018-10-25T10:00:00Z")).sent, 0);
    const mine = smtp.received.filter((m) => m.to === "hazell@bucks.gov.uk");
    assert.deepEqual(mine.map((m) => m.subject.replace(/:.*/, "")), ["Due soon", "Overdue"]);
    assert.ok(mine[0].subject.includes(`recommendation 2 of "${rec.inquiry.title}"`), mine[0].subject);
    assert.match(mine[0].text, /is due on 23 October 2018/);
    assert.match(mine[1].text, /was due on 23 October 2018/);
    for (const m of mine) assert.ok(m.text.includes(`${BASE}/account/dashboard`));
  });
});
