// The outbox and its sender against a real SMTP server on loopback, on SQLite and PostgreSQL:
// what the server received is what is asserted. A new meeting reaches each follower once with
// its link and the one-click unsubscribe headers; a refusal is retried later; two senders on one
// database send each message once; a sender killed after the server has the message leaves it
// unsent-again, not duplicated; an exempt agenda item is named by title and ground only.
import { beforeEach, it } from "node:test";
import assert from "node:assert/strict";
import type { Db } from "../db.ts";
import { scheduleMeeting } from "../schedule/meetings.ts";
import { addAgendaItem, addPaper, agendaVersion } from "../agenda/items.ts";
import { publishAgenda } from "../agenda/publish.ts";
import { smtpTransport, sendDue, DEFAULT_LEASE_MS, type SenderOptions } from "./sender.ts";
import { claimDue } from "./outbox.ts";
import { mailDb } from "./schema.ts";
import { linkIn, rawHeader, suiteSmtp } from "../../../test/support/smtp.ts";
import { confirmedSubscriber, eachMailStore, outboxStates } from "../../../test/support/mail.ts";
import { committeeWithMinutes } from "../../../test/support/schedule.ts";
import { pdfPaper, scheduledMeeting, tempDocuments } from "../../../test/support/agenda.ts";
import { quorumProcess, kill } from "../../../test/support/crash.ts";

const BASE = "https://alerts.example.org";
const actor = { userId: null, label: "Clerk" };
const T0 = new Date("2026-03-02T09:00:00Z");
const later = (ms: number) => new Date(T0.getTime() + ms);

eachMailStore("the outbox and its sender", (stores) => {
  const smtp = suiteSmtp();
  let url: string;
  let db: Db;
  let body: string;
  const sender = (o: Partial<SenderOptions> = {}): SenderOptions => ({ transport: smtpTransport(smtp.url), baseUrl: BASE, from: "Alerts <alerts@alerts.example.org>", now: () => T0, ...o });
  beforeEach(async () => {
    smtp.beforeReply = undefined;
    smtp.refuseNext(0);
    url = await stores.newUrl();
    db = await stores.open(url);
    body = (await committeeWithMinutes(db)).body;
  });

  it("a new meeting reaches each follower once, with its link, both parts and the one-click unsubscribe headers", async () => {
    await confirmedSubscriber(db, "ann@example.org", body, "immediate", T0);
    await confirmedSubscriber(db, "bob@example.org", body, "immediate", T0);
    const m = await scheduleMeeting(db, { body, date: "2026-04-14", startTime: "18:30", venue: "Shire Hall" }, actor, T0);
    const r = await sendDue(db, sender());
    assert.equal(r.sent, 2);
    assert.deepEqual(smtp.received.map((x) => x.to).sort(), ["ann@example.org", "bob@example.org"]);
    const mail = smtp.received[0];
    assert.match(mail.subject, /New meeting .*14 April 2026/);
    assert.ok(mail.text.includes(`${BASE}/meetings/${m.slug}`), mail.text);
    assert.ok(mail.html.includes(`href="${BASE}/meetings/${m.slug}"`), mail.html);
    assert.doesNotMatch(mail.html, /<img/i, "no images, so no tracking pixels");
    const unsubscribe = linkIn(mail, `${BASE}/alerts/unsubscribe/`);
    assert.equal(rawHeader(mail, "List-Unsubscribe-Post"), "List-Unsubscribe=One-Click");
    assert.equal(rawHeader(mail, "List-Unsubscribe"), `<${unsubscribe}>`);
    assert.match(mail.messageId, /^<[0-9a-f]{32}@alerts\.example\.org>$/);
    // nothing is sent twice: a second run finds nothing due
    assert.equal((await sendDue(db, sender({ now: () => later(3600_000) }))).sent, 0);
    assert.equal(smtp.received.length, 2);
    // once sent, the row no longer holds the message's one-time link
    const rows = await mailDb(db).selectFrom("mail_outbox").select(["state", "payload_json"]).execute();
    assert.deepEqual(rows, [{ state: "sent", payload_json: null }, { state: "sent", payload_json: null }]);
  });

  it("a message the server refuses is sent again after a wait, once; after the last attempt it is marked failed", async () => {
    await confirmedSubscriber(db, "ann@example.org", body, "immediate", T0);
    await scheduleMeeting(db, { body, date: "2026-04-14", startTime: "18:30" }, actor, T0);
    smtp.refuseNext(1);
    const first = await sendDue(db, sender());
    assert.deepEqual([first.sent, first.retrying], [0, 1]);
    assert.equal(smtp.received.length, 0);
    assert.equal((await sendDue(db, sender({ now: () => later(30_000) }))).sent, 0, "not before its wait is over");
    const second = await sendDue(db, sender({ now: () => later(61_000) }));
    assert.equal(second.sent, 1);
    assert.equal(smtp.received.length, 1);
    assert.equal((await sendDue(db, sender({ now: () => later(86_400_000) }))).sent, 0);
    assert.equal(smtp.received.length, 1);

    await scheduleMeeting(db, { body, date: "2026-05-12", startTime: "18:30" }, actor, T0);
    smtp.refuseNext(5);
    const retry = { maxAttempts: 2, baseDelayMs: 1000, maxDelayMs: 1000 };
    assert.equal((await sendDue(db, sender({ retry }))).retrying, 1);
    assert.equal((await sendDue(db, sender({ retry, now: () => later(2000) }))).failed, 1);
    assert.equal((await sendDue(db, sender({ retry, now: () => later(86_400_000) }))).sent, 0);
    assert.deepEqual(await outboxStates(db), ["sent", "failed"]);
    assert.equal(smtp.received.length, 1);
  });

  it("two senders on one database send each message once", async () => {
    const people = Array.from({ length: 24 }, (_, i) => `p${i}@example.org`);
    for (const p of people) await confirmedSubscriber(db, p, body, "immediate", T0);
    await scheduleMeeting(db, { body, date: "2026-04-14", startTime: "18:30" }, actor, T0);
    const other = await stores.open(url);
    const [a, b] = await Promise.all([sendDue(db, sender({ batch: 3 })), sendDue(other, sender({ batch: 3 }))]);
    assert.equal(a.sent + b.sent, people.length);
    assert.deepEqual(smtp.received.map((x) => x.to).sort(), [...people].sort());
    assert.equal(new Set(smtp.received.map((x) => x.messageId)).size, people.length);
  });

  it("a sender killed after the server has the message, before marking it sent, causes no second copy", async () => {
    await confirmedSubscriber(db, "ann@example.org", body, "immediate", T0);
    await scheduleMeeting(db, { body, date: "2026-04-14", startTime: "18:30" }, actor, T0);
    const child = quorumProcess(["mail", "send-due", "--db", url], { SMTP_URL: smtp.url, PUBLIC_URL: BASE, QUORUM_MAIL_FROM: "alerts@alerts.example.org" });
    smtp.beforeReply = async () => {
      await kill(child);
    };
    const exit = await child.exited;
    assert.equal(exit.signal, "SIGKILL", child.out());
    assert.equal(smtp.received.length, 1);
    assert.deepEqual(await outboxStates(db), ["sending"]);
    smtp.beforeReply = undefined;
    // long after the dead sender's lease: the message is not sent again
    const r = await sendDue(db, sender({ now: () => new Date(Date.now() + DEFAULT_LEASE_MS + 60_000) }));
    assert.deepEqual([r.sent, r.uncertain], [0, 1]);
    assert.equal(smtp.received.length, 1);
    assert.deepEqual(await outboxStates(db), ["unknown"]);
  });

  it("a sender that died holding a message it had not handed over leaves it to be sent once its lease is over", async () => {
    await confirmedSubscriber(db, "ann@example.org", body, "immediate", T0);
    await scheduleMeeting(db, { body, date: "2026-04-14", startTime: "18:30" }, actor, T0);
    assert.equal((await claimDue(db, "dead-sender", T0, DEFAULT_LEASE_MS, 10)).length, 1);
    assert.equal((await sendDue(db, sender({ now: () => later(60_000) }))).sent, 0, "still leased");
    assert.equal((await sendDue(db, sender({ now: () => later(DEFAULT_LEASE_MS + 1000) }))).sent, 1);
    assert.equal(smtp.received.length, 1);
  });

  it("an agenda with an exempt item: the mail names it by title and ground only, never its paper", async () => {
    const docs = tempDocuments();
    try {
      const m = await scheduledMeeting(db, { date: "2026-03-20", body: "Licensing Committee" });
      const slug = (await db.selectFrom("bodies").where("id", "=", m.bodyId).select("slug").executeTakeFirstOrThrow()).slug;
      await confirmedSubscriber(db, "ann@example.org", slug, "immediate", T0);
      const item = (n: string, title: string, exempt = false) => ({ number: n, title, reportAuthor: exempt ? "Secret Author" : null, wards: null, decisionMaker: null, exempt, exemptParagraph: exempt ? "3" : null });
      const open = await addAgendaItem(db, m.slug, item("1", "Street trading licences"), actor, T0);
      const closed = await addAgendaItem(db, m.slug, item("2", "Depot demolition contract", true), actor, T0);
      const pub = await addPaper(db, docs.documents, m.slug, { itemId: open.id, title: "Street trading report", fileName: "st.pdf", bytes: await pdfPaper(["STREET TRADING"]), exempt: false, exemptParagraph: null }, actor, T0);
      const secret = await addPaper(db, docs.documents, m.slug, { itemId: closed.id, title: "Tender evaluation scores", fileName: "tenders.pdf", bytes: await pdfPaper(["BIDDER A SCORED 71"]), exempt: false, exemptParagraph: null }, actor, T0);
      const alsoSecret = await addPaper(db, docs.documents, m.slug, { itemId: open.id, title: "Objector home addresses", fileName: "o.pdf", bytes: await pdfPaper(["12 HIGH STREET"]), exempt: true, exemptParagraph: "1" }, actor, T0);
      await publishAgenda(db, docs.documents, m.slug, { version: await agendaVersion(db, m.id), lateReason: null, paperUrl: (id) => `/p/${id}` }, actor, T0);
      assert.equal((await sendDue(db, sender())).sent, 1);
      const mail = smtp.received[0];
      for (const part of [mail.text, mail.html]) {
        assert.ok(part.includes("Depot demolition contract"), "the exempt item's title is public");
        assert.match(part, /paragraph 3/);
        assert.ok(part.includes(`/meetings/${m.slug}/documents/paper-${pub.id}`), "a public paper is linked");
        for (const hidden of ["Tender evaluation scores", `paper-${secret.id}`, "Objector home addresses", `paper-${alsoSecret.id}`, "Secret Author", "BIDDER A"]) assert.ok(!part.includes(hidden), `${hidden} reached the mail:\n${part}`);
      }
    } finally {
      docs.close();
    }
  });
});
