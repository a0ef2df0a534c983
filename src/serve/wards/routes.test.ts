// Wards on the portal, on SQLite and PostgreSQL: the list of each council's wards, a ward's page
// (councillors, agenda items to come and past, key decisions) advertising its Atom feed, the feed
// read back by an independent parser, and the links to a ward from a councillor's page, a key
// decision's page and /feeds. An exempt agenda item's wards are withheld from the public: it is
// on neither the page nor the feed, nor are a private key decision's details.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { parseFeed } from "@rowanmanning/feed-parser";
import { postgresUnavailable } from "../../../test/support/postgres.ts";
import { emptyStore, scheduledMeeting, stopAgendaPostgres, tempDocuments, type TempDocuments } from "../../../test/support/agenda.ts";
import { addAgendaItem } from "../../store/agenda/items.ts";
import { publishAgenda } from "../../store/agenda/publish.ts";
import { readAgenda } from "../../store/agenda/read.ts";
import { addKeyDecisionEntry } from "../../store/forward-plan/entries.ts";
import type { Db } from "../../store/db.ts";
import { createApp } from "../app.ts";

const PG_SKIP = postgresUnavailable();
after(() => stopAgendaPostgres());

const BASE = "https://wards.example.org";
const actor = { userId: null, label: "Clerk" };
const now = new Date("2026-03-02T10:00:00Z");
const NB = "northbrook-borough-council";
const ABBEY = `${NB}-abbey`;
const SECRET = "Severance terms for named staff";

for (const dialect of ["sqlite", "postgres"] as const) {
  describe(`ward pages on ${dialect}`, { skip: dialect === "postgres" && PG_SKIP ? PG_SKIP : false }, () => {
    let t: { db: Db; close(): Promise<void> };
    let docs: TempDocuments;
    let next: string;
    let past: string;
    let privateSlug: string;
    before(async () => {
      t = await emptyStore(dialect);
      docs = tempDocuments();
      const db = t.db;
      past = (await scheduledMeeting(db, { date: "2026-02-10" })).slug;
      next = (await scheduledMeeting(db, { date: "2026-03-19" })).slug;
      await scheduledMeeting(db, { council: "Southmere District Council", date: "2026-03-20" });
      const nb = (await db.selectFrom("authorities").where("slug", "=", NB).select("id").executeTakeFirstOrThrow()).id;
      await db.insertInto("people").values({ authority_id: nb, slug: "ann-abbot", display_name: "Ann Abbot", honorific: "Cllr", forenames: "Ann", initials: null, surname: "Abbot", surname_key: "abbot", kind: "member", party: "Independent", ward: "Abbey Ward" }).execute();
      for (const [slug, items] of [
        [past, [{ number: "4", title: "Abbey Road resurfacing", wards: "Abbey", exempt: false }]],
        [next, [{ number: "5", title: "Land at Mill Lane", wards: "Abbey; Castle", exempt: false }, { number: "7", title: "Haulage contract", wards: "Abbey", exempt: true }]],
      ] as const) {
        for (const i of items) await addAgendaItem(db, slug, { number: i.number, title: i.title, reportAuthor: null, wards: i.wards, decisionMaker: null, exempt: i.exempt, exemptParagraph: i.exempt ? "3" : null }, actor, now);
        const version = (await readAgenda(db, slug, undefined, { all: true }))!.version;
        await publishAgenda(db, docs.documents, slug, { version, lateReason: "Test", paperUrl: (id) => `/p/${id}` }, actor, now);
      }
      const fields = { reference: null, details: null, body: null, decisionMaker: "Director of Place", plannedDate: "2026-05", consultees: null, documents: [], exception: null };
      await addKeyDecisionEntry(db, { fields: { ...fields, decision: "North Hill library", wards: ["North Hill", "Abbey"], exempt: null }, authority: NB, actor, now, today: "2026-03-02" });
      privateSlug = await addKeyDecisionEntry(db, { fields: { ...fields, decision: "Abbey depot staffing", wards: ["Abbey"], details: SECRET, exempt: { paragraphs: "1", reason: "Information about individuals" } }, authority: NB, actor, now, today: "2026-03-02" });
    });
    after(async () => {
      await t?.close();
      docs?.close();
    });
    const app = () => createApp({ db: t.db, now: () => now, publicUrl: BASE });
    const get = async (path: string, status = 200) => {
      const res = await app().request(path);
      assert.equal(res.status, status, path);
      return res.text();
    };

    test("the wards of each council, and of one", async () => {
      const all = await get("/wards");
      for (const slug of [ABBEY, `${NB}-castle`, `${NB}-north-hill`, "southmere-district-council-x"].slice(0, 3)) assert.ok(all.includes(`href="/wards/${slug}"`), slug);
      assert.match(all, /<h2 class="govuk-heading-m">Northbrook Borough Council<\/h2>/);
      const one = await get("/wards?authority=southmere-district-council");
      assert.ok(!one.includes(`href="/wards/${ABBEY}"`));
      assert.match(one, /No wards have been named yet/);
    });

    test("a ward's page: councillors, items to come and past, key decisions, its feed advertised; not the exempt item", async () => {
      const html = await get(`/wards/${ABBEY}`);
      assert.match(html, /<h1 class="govuk-heading-xl">Abbey ward<\/h1>/);
      assert.ok(html.includes(`<link rel="alternate" type="application/atom+xml" title="Atom feed" href="/wards/${ABBEY}/feed.atom"`), "the feed is advertised");
      assert.ok(html.includes(`href="/wards/${ABBEY}/alerts"`), "alerts are offered");
      assert.ok(html.includes('href="/people/ann-abbot"'));
      const coming = html.slice(html.indexOf("Coming up"), html.indexOf("Recently considered"));
      assert.match(coming, new RegExp(`href="/meetings/${next}#agenda-item-\\d+">5\\. Land at Mill Lane`));
      assert.ok(html.slice(html.indexOf("Recently considered")).includes("4. Abbey Road resurfacing"));
      assert.ok(html.includes(`href="/forward-plan/${privateSlug}"`));
      assert.match(html, /To be taken in private \(Schedule 12A paragraph 1\)/);
      assert.ok(!html.includes("Haulage contract"), "an exempt item's wards are withheld, so it is not placed here");
      assert.ok(!html.includes(SECRET));
      await get(`/wards/${NB}-nowhere`, 404);
      await get(`/wards/${NB}-all-wards`, 404);
    });

    test("a ward's feed, read by an independent parser: its items and key decisions, each with a permanent id; nothing withheld", async () => {
      const res = await app().request(`/wards/${ABBEY}/feed.atom`);
      assert.match(res.headers.get("content-type") ?? "", /^application\/atom\+xml/);
      const text = await res.text();
      const feed = parseFeed(text);
      assert.equal(feed.self, `${BASE}/wards/${ABBEY}/feed.atom`);
      assert.equal(feed.url, `${BASE}/wards/${ABBEY}`);
      const titles = feed.items.map((i) => i.title);
      assert.deepEqual(titles.filter((x) => /^Agenda item/.test(x ?? "")).sort(), ["Agenda item: 4. Abbey Road resurfacing (Planning Committee, Tuesday 10 February 2026)", "Agenda item: 5. Land at Mill Lane (Planning Committee, Thursday 19 March 2026)"]);
      assert.deepEqual(titles.filter((x) => /^Key decision/.test(x ?? "")).sort(), ["Key decision: Abbey depot staffing", "Key decision: North Hill library"]);
      const kd = feed.items.find((i) => i.title === "Key decision: Abbey depot staffing")!;
      assert.equal(kd.id, `${BASE}/forward-plan/${privateSlug}`);
      assert.equal(kd.url, `${BASE}/forward-plan/${privateSlug}`);
      assert.ok(!text.includes("Haulage contract") && !text.includes(SECRET));
    });

    test("a councillor's ward, a key decision's wards, an agenda item's wards and /feeds link to the wards", async () => {
      assert.ok((await get("/people/ann-abbot")).includes(`href="/wards/${ABBEY}"`), "the councillor's page");
      const decision = await get(`/forward-plan/${privateSlug}`);
      assert.ok(decision.includes(`href="/wards/${ABBEY}"`), "the key decision's page");
      const meeting = await get(`/meetings/${next}`);
      assert.ok(meeting.includes(`<a class="govuk-link" href="/wards/${ABBEY}">Abbey</a>`), "an agenda item's wards affected, on its meeting's page");
      const feeds = await get("/feeds");
      assert.ok(feeds.includes('href="/wards"'), "/feeds");
      assert.ok((await get("/people")).includes('href="/wards"'), "the people page");
    });
  });
}
