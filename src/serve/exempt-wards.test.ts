// The exempt crawl, for wards (kept in a file of its own so that each file's crawls stay within
// the test runner's time for one file): with the Staffordshire minutes imported, exempt item 35
// and everything sealed with it, an upcoming meeting whose published agenda holds a public item
// and an exempt item for the same ward, and a key decision for the ward to be taken in private.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { join, resolve } from "node:path";
import { parsedDb, stopPostgres } from "../../test/support/portal-db.ts";
import { postgresUnavailable } from "../../test/support/postgres.ts";
import { calendarWithin, crawl } from "../../test/support/crawl.ts";
import { createApp } from "./app.ts";
import { ITEM_35, leaksIn, words } from "../../test/support/item-35.ts";

const V2_EXEMPT = join(resolve(import.meta.dirname, "../../test/fixtures/exempt"), "staffs-2016-12-12-v2-item-35-exempt.txt");
// A ward is named by a councillor, an agenda item and a key decision. Signed out, the ward
// list, the ward's page and its feed (and everything they link to), and the alert a ward's
// follower is sent, hold nothing of an exempt agenda item (not even that it affects the ward, since
// its wards are withheld: a ward only it names is not listed at all), nothing of an exempt appendix
// or a private key decision's details and documents, and nothing of exempt item 35. (An exempt
// paper's title is public on the meeting's agenda, as every exempt title is, but no ward surface
// or alert names it.)
const WARD_SECRETS = ["Thornleigh Sidings", "Quentin Secretwood", "Wolstanton depot staff settlement of 84,000 pounds", "hr-settlement.pdf"];

for (const dialect of ["sqlite", "postgres"] as const) {
  const skip = dialect === "postgres" ? postgresUnavailable() ?? false : false;
  describe(`a ward's page, list, feed and alert signed out, on ${dialect}`, { skip }, () => {
    after(() => stopPostgres());

    test("hold nothing of exempt business, and do show the ward's public business", async () => {
      const t = await parsedDb([V2_EXEMPT], dialect);
      try {
        const { scheduledMeeting, pdfPaper } = await import("../../test/support/agenda.ts");
        const { addAgendaItem, addPaper } = await import("../store/agenda/items.ts");
        const { publishAgenda } = await import("../store/agenda/publish.ts");
        const { readAgenda } = await import("../store/agenda/read.ts");
        const { addKeyDecisionEntry } = await import("../store/forward-plan/entries.ts");
        const { confirmSubscription, requestWardSubscription } = await import("../store/mail/subscriptions.ts");
        const { queuedToken } = await import("../../test/support/mail.ts");
        const { mailDb } = await import("../store/mail/schema.ts");
        const at = new Date("2026-03-02T10:00:00Z");
        const actor = { userId: null, label: "Clerk" };
        const council = await t.db.selectFrom("authorities").select(["id", "slug", "name"]).executeTakeFirstOrThrow();
        const member = await t.db.selectFrom("people").where("authority_id", "=", council.id).where("kind", "=", "member").select("id").orderBy("id").executeTakeFirstOrThrow();
        await t.db.updateTable("people").set({ ward: "Kidsgrove" }).where("id", "=", member.id).execute();
        const ward = `${council.slug}-kidsgrove`;
        // a follower of the ward, confirmed before the agenda is published
        await requestWardSubscription(t.db, { email: "ann@example.org", ward, frequency: "immediate", ip: "198.51.100.7" }, at);
        await confirmSubscription(t.db, await queuedToken(t.db, "ann@example.org", "confirm"), at);

        const meeting = (await scheduledMeeting(t.db, { council: council.name, body: "Planning Committee", date: "2026-03-19" })).slug;
        const item = (number: string, title: string, wards: string, author: string, exempt: boolean) =>
          addAgendaItem(t.db, meeting, { number, title, reportAuthor: author, wards, decisionMaker: null, exempt, exemptParagraph: exempt ? "3" : null }, actor, at);
        const mill = await item("5", "Land at Mill Lane", "Kidsgrove", "Jo Planner", false);
        const haulage = await item("7", "Haulage contract", "Kidsgrove; Thornleigh Sidings", "Quentin Secretwood", true);
        const paper = async (itemId: number, title: string, exempt: boolean) => addPaper(t.db, t.documents!, meeting, { itemId, title, fileName: "paper.pdf", bytes: await pdfPaper([title]), exempt, exemptParagraph: exempt ? "1" : null }, actor, at);
        await paper(mill.id, "Officer report", false);
        await paper(mill.id, "Appendix B staffing", true);
        await paper(haulage.id, "Tender report", false);
        const version = (await readAgenda(t.db, meeting, undefined, { all: true }))!.version;
        await publishAgenda(t.db, t.documents!, meeting, { version, lateReason: null, paperUrl: (id) => `/meetings/${meeting}/documents/paper-${id}` }, actor, at);
        const kd = await addKeyDecisionEntry(t.db, {
          fields: { reference: "KD-W", decision: "Depot staffing", details: WARD_SECRETS[3], body: null, decisionMaker: "Director of Place", plannedDate: "2026-05", wards: ["Kidsgrove"], consultees: null, documents: [{ title: "Briefing", url: `https://intranet.example.gov.uk/${WARD_SECRETS[4]}` }], exempt: { paragraphs: "1", reason: "Information relating to an individual" }, exception: null },
          authority: council.slug,
          actor,
          now: at,
          today: "2026-03-02",
        });

        const app = createApp({ db: t.db, now: () => at, documents: t.documents });
        const follow = (url: string) => calendarWithin("2016-12", "2026-05")(url) && !/^\/(sign-out|sign-in|admin|account)\b/.test(url);
        const visits = await crawl(app, ["/wards", `/wards/${ward}`, `/wards/${ward}/feed.atom`, "/feeds", `/forward-plan/${kd}`], { follow });
        const pages = [...visits.values()];
        assert.deepEqual(pages.filter((v) => v.status !== 200).map((v) => `${v.status} ${v.url}`), []);
        assert.deepEqual(leaksIn(pages), [], "nothing of item 35");
        const leaks: string[] = [];
        for (const v of pages) for (const s of WARD_SECRETS) if (words(v.body).includes(words(s))) leaks.push(`${v.url}: "${s}"`);
        assert.deepEqual(leaks, []);
        // the ward's own surfaces do not place the exempt item (or its paper) under the ward
        const page = visits.get(`/wards/${ward}`)!.body;
        const feed = visits.get(`/wards/${ward}/feed.atom`)!.body;
        for (const [what, body] of [["page", page], ["feed", feed]]) {
          for (const s of ["Haulage contract", "Tender report", "Appendix B staffing"]) assert.ok(!words(body).includes(words(s)), `the ward's ${what} names "${s}"`);
          assert.ok(words(body).includes(words("Land at Mill Lane")), `the ward's ${what} shows the public item`);
          assert.ok(words(body).includes(words("Depot staffing")), `the ward's ${what} shows the key decision`);
        }
        assert.ok(visits.has(`/meetings/${meeting}`), "the crawl followed the ward's links");
        assert.equal((await app.request(`/wards/${council.slug}-thornleigh-sidings`)).status, 404, "a ward only an exempt item names is not public");

        // the alert the follower is sent, as queued
        const mail = (await mailDb(t.db).selectFrom("mail_outbox").where("to_address", "=", "ann@example.org").where("kind", "=", "alert").select("payload_json").execute()).map((r) => r.payload_json ?? "").join("\n");
        assert.ok(mail.includes("Land at Mill Lane") && mail.includes("Depot staffing"), "the follower is alerted of both");
        for (const s of [...WARD_SECRETS, "Haulage contract", "Tender report", "Appendix B staffing", ...ITEM_35]) assert.ok(!mail.includes(s), `the alert holds "${s}"`);
      } finally {
        await t.close();
      }
    });
  });
}
