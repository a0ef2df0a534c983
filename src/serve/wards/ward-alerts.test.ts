// Email alerts about a ward, on SQLite and PostgreSQL, against a real SMTP server: the ward's page
// → "Get email alerts" → the form → confirmation → confirm → an agenda published with an item for
// the ward → an alert naming that item, its public paper and the agenda's link; a key decision for
// the ward added to the forward plan → an alert linking to it, with only what the Regulations
// publish of a private one; one-click unsubscribe → no further mail. An exempt item's wards are
// withheld from the public, so it is never named under a ward: neither it, its paper nor its
// author reach the mail, nor does an exempt appendix of the public item.
import { after, before, beforeEach, it } from "node:test";
import assert from "node:assert/strict";
import type { Hono } from "hono";
import { createApp } from "../app.ts";
import type { Db } from "../../store/db.ts";
import { addAgendaItem, addPaper } from "../../store/agenda/items.ts";
import { publishAgenda } from "../../store/agenda/publish.ts";
import { readAgenda } from "../../store/agenda/read.ts";
import { addKeyDecisionEntry } from "../../store/forward-plan/entries.ts";
import { sendDue, smtpTransport } from "../../store/mail/sender.ts";
import { client } from "../../../test/support/accounts.ts";
import { linkIn, rawHeader, suiteSmtp } from "../../../test/support/smtp.ts";
import { eachMailStore } from "../../../test/support/mail.ts";
import { pdfPaper, scheduledMeeting, tempDocuments, type TempDocuments } from "../../../test/support/agenda.ts";

const BASE = "https://alerts.example.org";
const T0 = new Date("2026-03-02T09:00:00Z");
const actor = { userId: null, label: "Clerk" };
const path = (url: string) => url.slice(BASE.length);
const WARD = "northbrook-borough-council-abbey";
/** what the public may never learn of the exempt item, nor of the public item's exempt appendix */
const SECRETS = ["Haulage contract", "Tender report", "Quentin Secretwood", "Appendix B: staffing", "Severance terms for named staff", "hr-settlement.pdf"];

eachMailStore("email alerts about a ward", (stores) => {
  const smtp = suiteSmtp();
  let db: Db;
  let app: Hono;
  let docs: TempDocuments;
  let meeting: string;
  const send = () => sendDue(db, { transport: smtpTransport(smtp.url), baseUrl: BASE, from: "alerts@alerts.example.org", now: () => T0 });

  before(async () => {
    docs = tempDocuments();
  });
  after(async () => {
    docs.close();
  });
  beforeEach(async () => {
    db = await stores.open(await stores.newUrl());
    meeting = (await scheduledMeeting(db, { date: "2026-03-19" })).slug;
    const authority = (await db.selectFrom("authorities").select("id").executeTakeFirstOrThrow()).id;
    // the ward is known from its councillor
    await db.insertInto("people").values({ authority_id: authority, slug: "ann-abbot", display_name: "Ann Abbot", honorific: "Cllr", forenames: "Ann", initials: null, surname: "Abbot", surname_key: "abbot", kind: "member", ward: "Abbey Ward" }).execute();
    app = createApp({ db, now: () => T0, publicUrl: BASE, documents: docs.documents });
  });

  async function follow(email: string): Promise<void> {
    const cl = client(app, BASE);
    const page = await (await cl.get(`/wards/${WARD}`)).text();
    const form = `/wards/${WARD}/alerts`;
    assert.ok(page.includes(`href="${form}"`), "the ward's page offers alerts");
    const asked = await cl.post(form, { csrf: await cl.formToken(form), email, frequency: "immediate" });
    assert.equal(asked.status, 303);
    assert.equal(asked.headers.get("location"), `/wards/${WARD}/alerts/check-email`);
    await send();
    const confirmation = smtp.received.at(-1)!;
    assert.equal(confirmation.to, email);
    assert.equal(confirmation.subject, "Confirm your email alerts for Abbey ward (Northbrook Borough Council)");
    const confirm = path(linkIn(confirmation, `${BASE}/alerts/confirm/`));
    const done = await cl.post(confirm, { csrf: await cl.formToken(confirm) });
    assert.match(await done.text(), /Email alerts confirmed/);
  }

  async function publishWith(items: { number: string; title: string; wards: string; author?: string; exempt?: boolean; papers?: { title: string; exempt?: boolean }[] }[]): Promise<Map<string, number>> {
    const ids = new Map<string, number>();
    for (const i of items) {
      const { id } = await addAgendaItem(db, meeting, { number: i.number, title: i.title, reportAuthor: i.author ?? "Jo Planner", wards: i.wards, decisionMaker: null, exempt: !!i.exempt, exemptParagraph: i.exempt ? "3" : null }, actor, T0);
      for (const p of i.papers ?? []) {
        const paper = await addPaper(db, docs.documents, meeting, { itemId: id, title: p.title, fileName: `${p.title}.pdf`, bytes: await pdfPaper([p.title]), exempt: !!p.exempt, exemptParagraph: p.exempt ? "1" : null }, actor, T0);
        ids.set(p.title, paper.id);
      }
    }
    const version = (await readAgenda(db, meeting, undefined, { all: true }))!.version;
    await publishAgenda(db, docs.documents, meeting, { version, lateReason: null, paperUrl: (id) => `/meetings/${meeting}/documents/paper-${id}` }, actor, T0);
    return ids;
  }

  it("an agenda with an item for the ward: an alert naming it, its public paper and the agenda; nothing of exempt business", async () => {
    await follow("ann@example.org");
    await follow("bob@example.org");
    const before = smtp.received.length;
    const papers = await publishWith([
      { number: "5", title: "Land at Mill Lane", wards: "Abbey; Castle", papers: [{ title: "Officer report" }, { title: "Appendix B: staffing", exempt: true }] },
      { number: "6", title: "Budget", wards: "All wards" },
      { number: "7", title: "Haulage contract", wards: "Abbey", author: "Quentin Secretwood", exempt: true, papers: [{ title: "Tender report" }] },
    ]);
    await send();
    const alerts = smtp.received.slice(before);
    assert.deepEqual(alerts.map((m) => m.to).sort(), ["ann@example.org", "bob@example.org"]);
    const mail = alerts.find((m) => m.to === "ann@example.org")!;
    assert.equal(mail.subject, "Abbey: agenda published, Planning Committee, 19 March 2026");
    assert.ok(mail.text.includes("- 5. Land at Mill Lane"), mail.text);
    assert.ok(mail.text.includes(`Officer report: ${BASE}/meetings/${meeting}/documents/paper-${papers.get("Officer report")}`), mail.text);
    assert.ok(mail.text.includes(`The agenda: ${BASE}/meetings/${meeting}`));
    assert.ok(mail.html.includes(`href="${BASE}/meetings/${meeting}"`));
    assert.ok(!mail.text.includes("Budget"), "an all-wards item is not the ward's own");
    for (const part of [mail.text, mail.html, mail.raw]) for (const s of SECRETS) assert.ok(!part.includes(s), `"${s}" reached the mail`);
    assert.ok(!mail.text.includes(`paper-${papers.get("Tender report")}`) && !mail.text.includes(`paper-${papers.get("Appendix B: staffing")}`));
  });

  it("a supplement with an item for the ward: an alert naming only what the supplement put out", async () => {
    await follow("ann@example.org");
    await publishWith([{ number: "5", title: "Land at Mill Lane", wards: "Abbey" }]);
    await send();
    const before = smtp.received.length;
    await publishWith([
      { number: "5A", title: "Mill Lane: late representations", wards: "Abbey Ward" },
      { number: "5B", title: "Castle Street trees", wards: "Castle" },
    ]);
    await send();
    const alerts = smtp.received.slice(before);
    assert.deepEqual(alerts.map((m) => m.subject), ["Abbey: agenda supplement published, Planning Committee, 19 March 2026"]);
    assert.ok(alerts[0].text.includes("- 5A. Mill Lane: late representations"), alerts[0].text);
    assert.ok(!alerts[0].text.includes("- 5. Land at Mill Lane") && !alerts[0].text.includes("Castle Street"), alerts[0].text);
  });

  it("a key decision for the ward enters the forward plan: an alert with its link, only what is published of a private one; after one-click unsubscribe, nothing", async () => {
    await follow("ann@example.org");
    const before = smtp.received.length;
    const fields = { reference: "KD7", decision: "Abbey depot staffing", details: SECRETS[4], body: null, decisionMaker: "Director of Place", plannedDate: "2026-05", wards: ["Abbey ward"], consultees: null, documents: [{ title: "Briefing", url: `https://intranet.example.gov.uk/${SECRETS[5]}` }], exempt: { paragraphs: "1", reason: "Information about individuals" }, exception: null };
    const slug = await addKeyDecisionEntry(db, { fields, actor, now: T0, today: "2026-03-02" });
    // a decision for another ward tells Abbey's followers nothing
    await addKeyDecisionEntry(db, { fields: { ...fields, reference: "KD8", decision: "Castle car park", wards: ["Castle"], exempt: null, details: null, documents: [] }, actor, now: T0, today: "2026-03-02" });
    await send();
    const alerts = smtp.received.slice(before);
    assert.equal(alerts.length, 1, alerts.map((m) => m.subject).join("\n"));
    const mail = alerts[0];
    assert.equal(mail.subject, "Key decision for Abbey: Abbey depot staffing");
    assert.ok(mail.text.includes(`The key decision: ${BASE}/forward-plan/${slug}`), mail.text);
    assert.ok(mail.text.includes("Expected: May 2026"));
    assert.ok(mail.text.includes("to be taken in private (Schedule 12A paragraph 1): Information about individuals"), mail.text);
    for (const part of [mail.text, mail.html]) for (const s of SECRETS) assert.ok(!part.includes(s), `"${s}" reached the mail`);

    // the manage page names the ward and links to it
    const manage = await (await app.request(path(linkIn(mail, `${BASE}/alerts/manage/`)))).text();
    assert.ok(manage.includes(`href="/wards/${WARD}"`) && manage.includes("Abbey ward"), "the manage page lists the ward");
    const unsubscribe = /^<(.+)>$/.exec(rawHeader(mail, "List-Unsubscribe") ?? "")![1];
    const oneClick = await app.request(unsubscribe, { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } });
    assert.match(await oneClick.text(), /You have unsubscribed/);
    await addKeyDecisionEntry(db, { fields: { ...fields, reference: "KD9", decision: "Abbey allotments" }, actor, now: T0, today: "2026-03-02" });
    await publishWith([{ number: "9", title: "Abbey green", wards: "Abbey" }]);
    assert.equal((await send()).sent, 0);
    assert.equal(smtp.received.length, before + 1, "no mail after unsubscribing");
  });

  it("asking for alerts about a ward no public record names is a 404; a bad address shows the form again", async () => {
    const cl = client(app, BASE);
    assert.equal((await cl.get(`/wards/northbrook-borough-council-nowhere/alerts`)).status, 404);
    const form = `/wards/${WARD}/alerts`;
    const res = await cl.post(form, { csrf: await cl.formToken(form), email: "not an address", frequency: "daily" });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /<title>Error: Get email alerts: Abbey ward/);
    assert.match(html, /Enter an email address in the correct format/);
  });
});
