// Following a scrutiny recommendation or inquiry by email, on SQLite and PostgreSQL, against a real
// SMTP server: "Get email alerts" on the inquiry's page → the form → confirmation → confirm → the
// executive's response recorded → an alert with its link → a monitoring update overdue → one alert
// however often the daily check runs → one-click unsubscribe → nothing more. A follower of an
// inquiry gets one alert naming every recommendation an import answered. A recommendation from
// exempt business, or from minutes that are not public, cannot be followed and never makes an alert.
import { beforeEach, it } from "node:test";
import assert from "node:assert/strict";
import type { Hono } from "hono";
import { createApp } from "../app.ts";
import type { Db } from "../../store/db.ts";
import { createInquiry, listRecommendations } from "../../store/scrutiny/recommendations.ts";
import { addRecommendationUpdate, respondToRecommendation } from "../../store/scrutiny/record.ts";
import { trackerDb } from "../../store/scrutiny/schema.ts";
import { BUCKS, STAFFS, importFromCorpus } from "../../store/scrutiny/test-stores.ts";
import { sendDue, smtpTransport } from "../../store/mail/sender.ts";
import { requestTrackerSubscription } from "../../store/mail/subscriptions.ts";
import { QuorumError } from "../../domain/errors.ts";
import { addUser, type User } from "../../store/accounts/users.ts";
import { writeTransaction } from "../../store/write.ts";
import { acceptUpdate, assignOwner, submitUpdate, type Actor } from "../../store/owners/updates.ts";
import { client } from "../../../test/support/accounts.ts";
import { linkIn, rawHeader, suiteSmtp } from "../../../test/support/smtp.ts";
import { eachMailStore } from "../../../test/support/mail.ts";

const BASE = "https://alerts.example.org";
const path = (url: string) => url.slice(BASE.length);
const TITLE = "Modern slavery: partnership response";

eachMailStore("email alerts about a scrutiny recommendation or inquiry", (stores) => {
  const smtp = suiteSmtp();
  let db: Db;
  let app: Hono;
  let clock: Date;
  const send = () => sendDue(db, { transport: smtpTransport(smtp.url), baseUrl: BASE, from: "alerts@alerts.example.org", now: () => clock });
  beforeEach(async () => {
    clock = new Date("2017-01-05T10:00:00Z");
    db = await stores.open(await stores.newUrl());
    await importFromCorpus(db, STAFFS);
    app = createApp({ db, now: () => clock, publicUrl: BASE });
  });

  /** An inquiry entered by hand, awaiting the executive's response; its recommendations' ids. */
  async function inquiry(): Promise<{ slug: string; ids: number[] }> {
    const authority = (await db.selectFrom("authorities").select("slug").executeTakeFirstOrThrow()).slug;
    const slug = await createInquiry(db, {
      authority,
      title: TITLE,
      committee: "Safe & Strong Communities Select Committee",
      reportDate: "2016-12-12",
      monitoringMonths: [3],
      recommendations: [
        { number: "1", text: "That modern slavery training be mandatory for all elected members." },
        { number: "2", text: "That a quarterly data report be shared with the Select Committee." },
      ],
    });
    const recs = await listRecommendations(db, "2017-01-05", { inquiry: slug });
    return { slug, ids: recs.map((r) => r.id) };
  }

  /** Follows what the page at `form` offers, from the link on the inquiry's page, and confirms it. */
  async function follow(email: string, inquirySlug: string, form: string, frequency: "immediate" | "daily" = "immediate"): Promise<void> {
    const cl = client(app, BASE);
    const page = await (await cl.get(`/recommendations/${inquirySlug}`)).text();
    assert.ok(page.includes(`href="${form}"`), `the inquiry's page links to ${form}`);
    const asked = await cl.post(form, { csrf: await cl.formToken(form), email, frequency });
    assert.equal(asked.status, 303);
    assert.equal(asked.headers.get("location"), `${form}/check-email`);
    assert.equal((await cl.get(`${form}/check-email`)).status, 200);
    const before = smtp.received.length;
    await send();
    const confirmation = smtp.received.slice(before).find((m) => m.to === email)!;
    assert.ok(confirmation, "a confirmation was sent");
    assert.match(confirmation.subject, /^Confirm your email alerts for /);
    const confirm = path(linkIn(confirmation, `${BASE}/alerts/confirm/`));
    const done = await cl.post(confirm, { csrf: await cl.formToken(confirm) });
    assert.match(await done.text(), /Email alerts confirmed/);
  }

  const mailsTo = (email: string, from = 0) => smtp.received.slice(from).filter((m) => m.to === email);

  it("a recommendation: response recorded → alert with its link; update overdue → one alert however often the check runs; unsubscribed → nothing more", async () => {
    const { slug, ids } = await inquiry();
    await follow("ann@example.org", slug, `/recommendations/${slug}/1/alerts`);
    const start = smtp.received.length;

    // the executive answers both; Ann follows recommendation 1 only
    await respondToRecommendation(db, ids[0], { response: "yes", text: "Training will be part of every member's induction", responsibleMember: "Mark Sutton", responsibleOfficer: null, actionBy: "2017-06", respondedOn: "2017-01-05" }, clock);
    await respondToRecommendation(db, ids[1], { response: "no", text: "The data is already published", responsibleMember: null, responsibleOfficer: null, actionBy: null, respondedOn: "2017-01-05" }, clock);
    await send();
    const alerts = mailsTo("ann@example.org", start);
    assert.equal(alerts.length, 1, alerts.map((m) => m.subject).join("; "));
    const mail = alerts[0];
    assert.equal(mail.subject, `Response recorded: recommendation 1 of \u201c${TITLE}\u201d`);
    assert.ok(mail.text.includes(`${BASE}/recommendations/${slug}#recommendation-1`), mail.text);
    assert.ok(mail.html.includes(`href="${BASE}/recommendations/${slug}#recommendation-1"`));
    assert.match(mail.text, /accepted, action by June 2017: Training will be part of every member's induction/);
    assert.ok(!mail.text.includes("already published"), "recommendation 2's response is not Ann's news");
    const unsubscribe = rawHeader(mail, "List-Unsubscribe");
    assert.match(unsubscribe ?? "", new RegExp(`^<${BASE}/alerts/unsubscribe/[^>]+>$`));

    // three months on the first monitoring update is due; a few days later it is overdue
    const due = (await listRecommendations(db, "2017-01-06", { inquiry: slug }))[0].nextUpdateDue!;
    assert.ok(due > "2017-03-31" && due < "2017-04-30", due);
    clock = new Date(`${due}T12:00:00Z`);
    await send();
    assert.equal(mailsTo("ann@example.org", start).length, 1, "not overdue on its due date");
    clock = new Date(new Date(`${due}T12:00:00Z`).getTime() + 3 * 86400_000);
    await send();
    await send();
    clock = new Date(clock.getTime() + 86400_000);
    await send();
    const overdue = mailsTo("ann@example.org", start).filter((m) => m.subject.startsWith("Overdue"));
    assert.equal(overdue.length, 1, "the overdue update is told once");
    assert.equal(overdue[0].subject, `Overdue: recommendation 1 of \u201c${TITLE}\u201d`);
    assert.match(overdue[0].text, /a monitoring update was due on /);

    // one click in the mail client, then nothing more
    const unsub = await app.request(path(unsubscribe!.slice(1, -1)), { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" });
    assert.equal(unsub.status, 200);
    const before = smtp.received.length;
    await addRecommendationUpdate(db, ids[0], { date: "2017-04-20", rag: "green", text: "Induction sessions booked", by: "Mark Sutton" }, clock);
    await send();
    assert.deepEqual(mailsTo("ann@example.org", before), []);
  });

  it("an inquiry: an import answering several of its recommendations makes one alert naming each; so do a monitoring update and the overdue check", async () => {
    // an import is stamped with the time it runs
    clock = new Date();
    const bucks = await importFromCorpus(db, BUCKS);
    const slug = bucks.tracked.inquiry!.slug;
    await follow("bob@example.org", slug, `/recommendations/${slug}/alerts`);
    await follow("cat@example.org", slug, `/recommendations/${slug}/3/alerts`);
    const start = smtp.received.length;

    // a corrected version of the minutes records new responses to recommendations 2 and 3
    await importFromCorpus(db, BUCKS, (r) => ({ ...r, recommendations: r.recommendations.map((x) => (x.number === "2" || x.number === "3" ? { ...x, response: "partially" as const, responseText: `In part (${x.number})` } : x)) }));
    clock = new Date();
    await send();
    const bob = mailsTo("bob@example.org", start).filter((m) => !m.subject.startsWith("Overdue"));
    assert.equal(bob.length, 1, bob.map((m) => m.subject).join("; "));
    assert.match(bob[0].subject, /^Response recorded: the inquiry /);
    assert.ok(bob[0].text.includes(`${BASE}/recommendations/${slug}#recommendation-2`) && bob[0].text.includes(`${BASE}/recommendations/${slug}#recommendation-3`), bob[0].text);
    assert.ok(!bob[0].text.includes("#recommendation-4"), "only what the import changed");
    assert.match(bob[0].text, /partially accepted, action by October 2018: In part \(2\)/);
    const cat = mailsTo("cat@example.org", start).filter((m) => !m.subject.startsWith("Overdue"));
    assert.equal(cat.length, 1);
    assert.match(cat[0].subject, /^Response recorded: recommendation 3 of /);
    assert.ok(!cat[0].text.includes("#recommendation-2"));

    // every update has been overdue since 2018: the check that ran once Bob had confirmed told him
    // in one alert naming each; Cat, of hers alone
    const overdue = mailsTo("bob@example.org").filter((m) => m.subject.startsWith("Overdue"));
    assert.equal(overdue.length, 1);
    assert.equal((overdue[0].text.match(/a monitoring update was due on 23 October 2018/g) ?? []).length, 8, overdue[0].text);
    const catOverdue = mailsTo("cat@example.org").filter((m) => m.subject.startsWith("Overdue"));
    assert.equal(catOverdue.length, 1);
    assert.match(catOverdue[0].subject, /^Overdue: recommendation 3 of /);

    const recs = await listRecommendations(db, "2018-05-01", { inquiry: slug });
    await addRecommendationUpdate(db, recs[2].id, { date: "2018-05-01", rag: "amber", text: "Procurement clauses being drafted", by: "Claire Hawkes" }, clock);
    clock = new Date();
    await send();
    for (const to of ["bob@example.org", "cat@example.org"]) {
      const u = mailsTo(to, start).filter((m) => m.subject.startsWith("Monitoring update"));
      assert.equal(u.length, 1, to);
      assert.match(u[0].text, /amber \(at risk\): Procurement clauses being drafted/);
    }
  });

  it("an owner's update: nothing while it waits for a clerk; accepted, an alert with its RAG and words; the form refuses a post without its token", async () => {
    clock = new Date("2018-10-23T10:00:00Z");
    const slug = (await importFromCorpus(db, BUCKS)).tracked.inquiry!.slug;
    await follow("gus@example.org", slug, `/recommendations/${slug}/2/alerts`);
    const noToken = await client(app, BASE).post(`/recommendations/${slug}/2/alerts`, { email: "gus@example.org" });
    assert.equal(noToken.status, 403);
    const start = smtp.received.length;
    const actor = (u: User): Actor => ({ userId: u.id, email: u.email, name: u.displayName });
    const clerk = await addUser(db, { email: "clerk@bucks.gov.uk", role: "clerk", displayName: "Colin Clerk" }, clock);
    const owner = await addUser(db, { email: "hazell@bucks.gov.uk", role: "member", displayName: "Lin Hazell" }, clock);
    const rec = { kind: "recommendation" as const, id: (await listRecommendations(db, "2018-10-23", { inquiry: slug })).find((r) => r.number === "2")!.id };
    await writeTransaction(db, (trx) => assignOwner(trx, rec, owner.id, 1, actor(clerk), clock));
    const id = await writeTransaction(db, (trx) => submitUpdate(trx, rec, { status: "at_risk", text: "Template revised; training dates not yet fixed", evidenceUrl: null }, actor(owner), "2018-10-23", clock));
    await send();
    assert.deepEqual(mailsTo("gus@example.org", start), [], "a pending update is not public");
    await writeTransaction(db, (trx) => acceptUpdate(trx, id, 2, actor(clerk), clock));
    await send();
    const mail = mailsTo("gus@example.org", start);
    assert.equal(mail.length, 1);
    assert.match(mail[0].subject, /^Monitoring update: recommendation 2 of /);
    assert.match(mail[0].text, /23 October 2018, amber \(at risk\): Template revised; training dates not yet fixed/);
  });

  it("daily: the response waits for the day's digest, which names it with its link", async () => {
    const { slug, ids } = await inquiry();
    await follow("hal@example.org", slug, `/recommendations/${slug}/alerts`, "daily");
    const start = smtp.received.length;
    await respondToRecommendation(db, ids[1], { response: "partially", text: "A report twice a year", responsibleMember: null, responsibleOfficer: null, actionBy: null, respondedOn: "2017-01-05" }, clock);
    await send();
    assert.deepEqual(mailsTo("hal@example.org", start), [], "not until the day is over");
    clock = new Date("2017-01-06T09:00:00Z");
    await send();
    const digest = mailsTo("hal@example.org", start);
    assert.equal(digest.length, 1);
    assert.match(digest[0].subject, /^Your daily alerts for 5 January 2017: 1 update/);
    assert.ok(digest[0].text.includes(`Response recorded: recommendation 2 of \u201c${TITLE}\u201d`), digest[0].text);
    assert.ok(digest[0].text.includes(`${BASE}/recommendations/${slug}#recommendation-2`));
  });

  it("a recommendation from exempt business, or from minutes that are not public: no page, no follow, no alert", async () => {
    const { slug, ids } = await inquiry();
    await follow("dan@example.org", slug, `/recommendations/${slug}/alerts`);
    await follow("dan@example.org", slug, `/recommendations/${slug}/2/alerts`);
    // recommendation 2 is sealed as exempt business
    await trackerDb(db).updateTable("tracked_recommendations").set({ exempt: (stores.dialect === "postgres" ? true : 1) as never }).where("id", "=", ids[1]).execute();
    const page = await (await app.request(`/recommendations/${slug}`)).text();
    assert.ok(page.includes(`href="/recommendations/${slug}/1/alerts"`));
    assert.ok(!page.includes(`/recommendations/${slug}/2/alerts`), "no link for the sealed recommendation");
    assert.equal((await app.request(`/recommendations/${slug}/2/alerts`)).status, 404);
    assert.equal((await app.request(`/recommendations/${slug}/2/alerts/check-email`)).status, 404);
    const cl = client(app, BASE);
    const form = `/recommendations/${slug}/1/alerts`;
    const refused = await cl.post(`/recommendations/${slug}/2/alerts`, { csrf: await cl.formToken(form), email: "eve@example.org", frequency: "immediate" });
    assert.equal(refused.status, 404);
    await assert.rejects(requestTrackerSubscription(db, { email: "eve@example.org", inquiry: slug, number: "2", frequency: "immediate", ip: "192.0.2.9" }, clock), (e: unknown) => e instanceof QuorumError && e.code === "not_found");

    const start = smtp.received.length;
    await respondToRecommendation(db, ids[1], { response: "yes", text: "Sealed answer about a named victim", responsibleMember: null, responsibleOfficer: null, actionBy: null, respondedOn: "2017-01-05" }, clock);
    await send();
    assert.deepEqual(mailsTo("dan@example.org", start), [], "the sealed recommendation's response makes no alert");
    await respondToRecommendation(db, ids[0], { response: "yes", text: "Public answer", responsibleMember: null, responsibleOfficer: null, actionBy: null, respondedOn: "2017-01-05" }, clock);
    await send();
    const dan = mailsTo("dan@example.org", start);
    assert.equal(dan.length, 1);
    assert.ok(!dan[0].text.includes("Sealed answer") && !dan[0].text.includes("#recommendation-2"), dan[0].text);
    // the manage page still lists the sealed one, so it can be removed, without a word of it
    const manage = await (await app.request(path(linkIn(dan[0], `${BASE}/alerts/manage/`)))).text();
    assert.ok(manage.includes(`The inquiry \u201c${TITLE}\u201d`), "the inquiry is named");
    assert.ok(manage.includes("A tracked recommendation that is not public"));
    assert.ok(!manage.includes("quarterly data report") && !manage.includes("recommendation 2 of"));
    // months later both updates are overdue: only the public one is told
    clock = new Date("2017-06-01T12:00:00Z");
    await send();
    const overdue = mailsTo("dan@example.org", start).filter((m) => m.subject.startsWith("Overdue"));
    assert.equal(overdue.length, 1);
    assert.ok(overdue[0].text.includes("#recommendation-1") && !overdue[0].text.includes("#recommendation-2"), overdue[0].text);

    // an inquiry answered in minutes that are not public: its page and its alerts page are 404
    const bucks = await importFromCorpus(db, BUCKS);
    const bucksSlug = bucks.tracked.inquiry!.slug;
    await follow("fay@example.org", bucksSlug, `/recommendations/${bucksSlug}/alerts`);
    await db.updateTable("meetings").set({ minutes_status: "draft" }).where("id", "=", bucks.meetingId).execute();
    assert.equal((await app.request(`/recommendations/${bucksSlug}`)).status, 404);
    assert.equal((await app.request(`/recommendations/${bucksSlug}/alerts`)).status, 404);
    assert.equal((await app.request(`/recommendations/${bucksSlug}/1/alerts`)).status, 404);
    const before = smtp.received.length;
    const recs = await listRecommendations(db, "2017-06-01", { inquiry: bucksSlug, includeNonPublic: true });
    await addRecommendationUpdate(db, recs[0].id, { date: "2018-06-01", rag: "red", text: "Draft-only update", by: null }, clock);
    clock = new Date("2019-06-01T12:00:00Z");
    await send();
    assert.deepEqual(mailsTo("fay@example.org", before), [], "nothing from minutes that are not public");
  });
});
