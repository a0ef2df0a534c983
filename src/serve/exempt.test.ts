// Exempt business must appear nowhere public. After importing the Staffordshire minutes through
// the parser, a crawl of every public page and API route reachable by links (plus searches for
// the exempt item's own words) finds none of item 35's minutes text or resolution.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { join, resolve } from "node:path";
import { sql } from "kysely";
import { GOLDEN_DEV, importInto, parsedDb, STAFFS, stopPostgres, type TestDb } from "../../test/support/portal-db.ts";
import { postgresUnavailable } from "../../test/support/postgres.ts";
import { calendarWithin, crawl, type Visit } from "../../test/support/crawl.ts";
import { trackerDb } from "../store/scrutiny/schema.ts";
import { addRecommendationUpdate } from "../store/scrutiny/record.ts";
import { createApp } from "./app.ts";
import { addUser } from "../store/accounts/users.ts";
import { createSession } from "../store/accounts/sessions.ts";
import { exemptDb } from "../store/exempt/schema.ts";
import { indexReleased } from "../store/exempt/release.ts";
import type { Db } from "../store/db.ts";
import { docxText } from "../ingest/docx.ts";
import { ITEM_35, leaksIn, words } from "../../test/support/item-35.ts";

let t: TestDb;
before(async () => {
  t = await parsedDb([STAFFS]);
});
after(() => t.close());

test("no public page, API route or search result holds the text of exempt item 35", async () => {
  const app = createApp({ db: t.db });
  const starts = [
    "/",
    "/api/v1",
    "/api/v1/openapi.json",
    "/search?q=briefing+note",
    "/search?q=confidential+HR",
    "/search?q=communication+timings",
    "/api/v1/search?q=briefing",
    "/api/v1/search?q=%22HR+matter%22",
    "/decisions?q=briefing",
    "/api/v1/decisions?q=briefing",
  ];
  const visits = await crawl(app, starts, { follow: calendarWithin("2016-12", "2016-12") });
  const pages = [...visits.values()];
  assert.deepEqual(pages.filter((v) => v.status !== 200).map((v) => `${v.status} ${v.url}`), []);

  const leaks: string[] = [];
  for (const v of pages) {
    const body = words(v.body);
    for (const phrase of ITEM_35) if (body.includes(words(phrase))) leaks.push(`${v.url}: "${phrase}"`);
  }
  assert.deepEqual(leaks, []);

  // The crawl did read the meeting, its source text and its API record, including the item next to
  // the exempt one and the exempt item's public title.
  const meeting = pages.find((v) => /^\/meetings\/[^?#]+$/.test(v.url));
  assert.ok(meeting, "the meeting page was reached");
  assert.ok(pages.some((v) => /^\/meetings\/[^/?#]+\/minutes$/.test(v.url)), "the source document was reached");
  assert.ok(pages.some((v) => /^\/api\/v1\/meetings\/[^?]+$/.test(v.url)), "the API meeting was reached");
  assert.ok(pages.some((v) => /^\/meetings\/[^/?#]+\/minutes\.html$/.test(v.url)), "the minutes as a document were reached");
  const all = pages.map((v) => words(v.body)).join(" ");
  assert.ok(all.includes(words("the public be excluded from the meeting for the following items")), "item 34's text is public");
  assert.ok(words(meeting.body).includes("confidential hr matter"), "item 35's title is public");
  assert.ok(words(meeting.body).includes(words("Exempt under paragraphs 1 & 7")), "item 35's ground for exemption is shown");
});

test("the minutes as Word and HTML name exempt item 35 and its ground, and hold none of its text", async () => {
  const app = createApp({ db: t.db });
  const slug = (await t.db.selectFrom("meetings").select("slug").executeTakeFirstOrThrow()).slug;
  const docx = await app.request(`/meetings/${slug}/minutes.docx`);
  assert.equal(docx.status, 200);
  const text = await docxText(new Uint8Array(await docx.arrayBuffer()));
  const html = await (await app.request(`/meetings/${slug}/minutes.html`)).text();
  for (const [what, body] of [["docx", text], ["html", html]]) {
    for (const phrase of ITEM_35) assert.ok(!words(body).includes(words(phrase)), `${what}: "${phrase}"`);
    assert.ok(words(body).includes("confidential hr matter"), `${what}: item 35's title`);
    assert.ok(words(body).includes(words("Exempt information under paragraph 1 & 7")), `${what}: item 35's ground`);
    assert.ok(words(body).includes(words("the public be excluded from the meeting for the following items")), `${what}: item 34's text`);
  }
});

test("with a single authority the council filter never shows", async () => {
  const app = createApp({ db: t.db });
  for (const path of ["/committees", "/calendar/2016-12", "/decisions", "/people", "/search?q=slavery"]) {
    const html = await (await app.request(path)).text();
    assert.ok(!/name="authority"/.test(html), `${path} offers a council filter`);
    assert.ok(!/<h3 class="govuk-heading-s govuk-!-margin-bottom-2">Council<\/h3>/.test(html), `${path} offers a council facet`);
  }
});

test("draft minutes are on no public surface: the meeting is a 404 and its text is nowhere", async () => {
  const app = createApp({ db: t.db });
  const slug = (await t.db.selectFrom("meetings").select("slug").executeTakeFirstOrThrow()).slug;
  const phrase = "multi agency task and finish group";
  await t.db.updateTable("meetings").set({ minutes_status: "draft" }).where("slug", "=", slug).execute();
  try {
    assert.equal((await app.request(`/meetings/${slug}`)).status, 404);
    assert.equal((await app.request(`/api/v1/meetings/${slug}`)).status, 404);
    const visits = await crawl(app, ["/", "/api/v1", "/search?q=modern+slavery", "/api/v1/search?q=slavery", "/decisions", "/api/v1/decisions", "/people", "/api/v1/people"], {
      follow: calendarWithin("2016-12", "2016-12"),
    });
    const leaks = [...visits.values()].filter((v) => words(v.body).includes(phrase) || v.body.includes(`/meetings/${slug}`)).map((v) => v.url);
    assert.deepEqual(leaks, []);
    assert.ok(visits.size > 10, `crawled ${visits.size} pages`);
  } finally {
    await t.db.updateTable("meetings").set({ minutes_status: "published" }).where("slug", "=", slug).execute();
  }
  const published = await (await app.request(`/meetings/${slug}`)).text();
  assert.ok(words(published).includes(phrase), "the phrase is on the page once the minutes are published");
});

// Everything parsed from an exempt item is sealed with it: the declaration of interest, the
// recommendation/response table and the work-programme changes in item 35 of this copy of the
// Staffordshire minutes, and every earlier version of the document. Each exempt phrase names
// "Wolstanton", which the public parts of the portal never do.
const FIXTURES = resolve(import.meta.dirname, "../../test/fixtures/exempt");
const V1_PUBLIC = join(FIXTURES, "staffs-2016-12-12-v1-item-35-public.txt");
const V2_EXEMPT = join(FIXTURES, "staffs-2016-12-12-v2-item-35-exempt.txt");
const V3_WITHDRAWN = join(FIXTURES, "staffs-2016-12-12-v3-item-35-withdrawn.txt");
const BUCKS = join(GOLDEN_DEV, "bucks-cabinet-2018-04-23.txt");
const MEETING = "safe-and-strong-communities-select-committee-2016-12-12";

/** The exempt meeting's original minutes document: the whole text, item 35 included. */
const ORIGINAL = "/meetings/safe-and-strong-communities-select-committee-2016-12-12/minutes/original";

/** Every visit but the original's, which is a 404 for a viewer it is refused to. */
const notOriginal = (pages: Visit[]) => pages.filter((v) => v.url !== ORIGINAL);

async function crawlAll(t: TestDb, opts: { now?: () => Date; cookie?: string } = {}) {
  const app = createApp({ db: t.db, now: opts.now, documents: t.documents });
  const body = (await t.db.selectFrom("bodies").select("slug").where("slug", "like", "%safe-and-strong%").executeTakeFirstOrThrow()).slug;
  const starts = [
    "/",
    "/api/v1",
    "/recommendations",
    "/recommendations.csv",
    "/api/v1/recommendations",
    "/work-programme",
    `/committees/${body}/work-programme`,
    "/api/v1/work-programme",
    `/api/v1/work-programme?body=${body}`,
    "/actions",
    "/api/v1/actions",
    `/meetings/${MEETING}/actions`,
    "/search?q=Wolstanton",
    "/api/v1/search?q=Wolstanton",
    "/search?q=settlement",
    "/search?q=disciplinary+panel",
    "/decisions?q=Wolstanton",
    "/api/v1/decisions?q=Wolstanton",
    "/decisions?q=briefing",
    "/api/v1/decisions?q=briefing",
    // feeds, calendars and what search engines read
    "/feeds",
    "/feed.atom",
    "/calendar.ics",
    `/committees/${body}/feed.atom`,
    `/committees/${body}/calendar.ics`,
    `/meetings/${MEETING}/calendar.ics`,
    "/search.atom?q=Wolstanton",
    "/search.atom?q=settlement",
    "/search.atom?q=briefing+note",
    "/robots.txt",
    "/sitemap.xml",
    // open data: the OParl API (its ids are absolute URLs on the request's origin) and the exports
    "/oparl/v1",
    "/api/v1/export",
    // linked only for a viewer it is given to; asked for by everyone
    ORIGINAL,
  ];
  const calendar = calendarWithin("2016-12", "2018-04");
  // signed in, the header's sign-out form and the workspace are not public surfaces
  const follow = (url: string) => calendar(url) && !/^\/(sign-out|sign-in|admin|account)\b/.test(url);
  const visits = await crawl(app, starts, { follow, origin: "http://localhost", headers: opts.cookie ? { cookie: opts.cookie } : undefined });
  return { app, body, pages: [...visits.values()] };
}

const NOW = new Date("2026-12-05T12:00:00Z");

/** A signed-in session for a new account of this role, granted these committees; its cookie. */
async function sessionFor(db: Db, role: "admin" | "clerk" | "officer" | "member", bodySlugs: string[]): Promise<string> {
  const user = await addUser(db, { email: `${role}-${bodySlugs.join("-") || "none"}@council.gov.uk`, role }, NOW);
  for (const slug of bodySlugs) {
    const body = await db.selectFrom("bodies").where("slug", "=", slug).select("id").executeTakeFirstOrThrow();
    await exemptDb(db).insertInto("committee_access").values({ user_id: user.id, body_id: body.id, granted_at: NOW.toISOString() }).execute();
  }
  return `quorum_session=${await createSession(db, user.id, NOW)}`;
}

const MARK = "Exempt — not for publication";
/** The surfaces each showing item 35 or something sealed with it to an entitled viewer. */
const SURFACES = [
  `/meetings/${MEETING}`,
  `/api/v1/meetings/${MEETING}`,
  `/meetings/${MEETING}/minutes`,
  "/decisions?q=briefing",
  "/api/v1/decisions?q=briefing",
  "/recommendations",
  "/recommendations.csv",
  "/api/v1/recommendations",
  "/work-programme",
  "/api/v1/work-programme",
];

for (const dialect of ["sqlite", "postgres"] as const) {
  const skip = dialect === "postgres" ? postgresUnavailable() ?? false : false;
  describe(`exempt item 35 with a declaration, a response table and work-programme changes, on ${dialect}`, { skip }, () => {
    after(() => stopPostgres());

    test("nothing parsed from the exempt item reaches a page, the API, the CSV or search; the public parts do", async () => {
      const t = await parsedDb([V2_EXEMPT, BUCKS], dialect);
      try {
        const { app, body, pages } = await crawlAll(t);
        assert.deepEqual(notOriginal(pages).filter((v) => v.status !== 200).map((v) => `${v.status} ${v.url}`), []);
        assert.deepEqual(leaksIn(pages), []);
        // the open data surfaces were walked: OParl from its System object, every export and CSV file
        for (const url of ["/oparl/v1", `/oparl/v1/meetings/${MEETING}`, "/api/v1/export/ocd/events", "/api/v1/export/ocd/vote-events", "/api/v1/export/oparl/meetings", "/api/v1/export/csv/decisions.csv", "/api/v1/export/csv/votes.csv"]) {
          assert.ok(pages.some((v) => v.url === url), `${url} was reached`);
        }
        assert.ok(words(pages.find((v) => v.url === `/oparl/v1/meetings/${MEETING}`)!.body).includes(words("Confidential HR Matter")), "item 35's title is in OParl");
        assert.equal(pages.find((v) => v.url === ORIGINAL)?.status, 404, "the original minutes document holds item 35: refused");
        assert.ok(pages.every((v) => !v.body.includes(ORIGINAL)), "and linked from nowhere");

        // The crawl reached every surface, and each shows the public parts.
        const at = (url: string) => {
          const v = pages.find((p) => p.url === url);
          assert.ok(v, `${url} was reached`);
          return words(v.body);
        };
        assert.ok(at(`/meetings/${MEETING}`).includes("foster carer"), "item 28's declaration is on the meeting page");
        // the feeds, calendars and sitemaps were read, and followed
        for (const url of ["/feed.atom", "/calendar.ics", "/sitemap.xml", "/sitemaps/meetings-1.xml", "/sitemaps/people-1.xml", `/committees/${body}/feed.atom`]) at(url);
        assert.ok(pages.some((v) => /^\/people\/[^/]+\/feed\.atom$/.test(v.url)), "a person's feed was reached");
        assert.ok(at("/feed.atom").includes(words(MEETING)), "the feed announces the meeting");
        assert.ok(at(`/api/v1/meetings/${MEETING}`).includes("foster carer"), "item 28's declaration is in the API");
        assert.ok(at(`/meetings/${MEETING}`).includes(words("Confidential HR Matter and Work Programme Review")), "item 35's title is public");
        assert.ok(at(`/meetings/${MEETING}/minutes`).includes(words("That the minutes of the Safe and Strong Communities Select Committee")), "the minutes text is public");
        for (const url of ["/recommendations", "/recommendations.csv", "/api/v1/recommendations"]) {
          assert.ok(at(url).includes(words("prepares a statement on anti-slavery")), `${url} lists the Bucks recommendations`);
        }
        for (const url of ["/work-programme", `/committees/${body}/work-programme`, "/api/v1/work-programme"]) {
          assert.ok(at(url).includes("serious case reviews"), `${url} lists item 33's changes`);
        }
        // item 35 moved "Missing persons"; the public programme knows only item 33's addition
        const wp = JSON.parse(pages.find((p) => p.url === "/api/v1/work-programme")!.body);
        const missing = wp.data.filter((e: { title: string }) => /missing persons/i.test(e.title));
        assert.equal(missing.length, 1);
        assert.equal(missing[0].history.length, 1, JSON.stringify(missing[0].history));

        // The exempt inquiry has no public page, even asked for by its slug.
        const inquiries = await trackerDb(t.db).selectFrom("inquiries").select("slug").execute();
        const sealed = inquiries.filter((i) => i.slug.startsWith(MEETING));
        assert.equal(sealed.length, 1, "the exempt table is tracked for officers");
        assert.equal((await app.request(`/recommendations/${sealed[0].slug}`)).status, 404);
        assert.equal((await app.request(`/api/v1/inquiries/${sealed[0].slug}`)).status, 404);
        // nor can it, or any of its recommendations, be followed by email
        const sealedNumbers = await trackerDb(t.db).selectFrom("tracked_recommendations").innerJoin("inquiries", "inquiries.id", "tracked_recommendations.inquiry_id").where("inquiries.slug", "=", sealed[0].slug).select("number").execute();
        assert.ok(sealedNumbers.length > 0);
        for (const url of [`/recommendations/${sealed[0].slug}/alerts`, ...sealedNumbers.map((r) => `/recommendations/${sealed[0].slug}/${encodeURIComponent(r.number)}/alerts`)]) {
          assert.equal((await app.request(url)).status, 404, url);
        }
        // the crawl followed "Get email alerts" on the public inquiry's page and beside its recommendations
        assert.ok(pages.some((v) => /^\/recommendations\/[^/]+\/alerts$/.test(v.url)), "an inquiry's alerts page was reached");
        assert.ok(pages.some((v) => /^\/recommendations\/[^/]+\/[^/]+\/alerts$/.test(v.url)), "a recommendation's alerts page was reached");
      } finally {
        await t.close();
      }
    });

    for (const [name, correction] of [
      ["re-imported as exempt", V2_EXEMPT],
      ["re-imported as exempt with its text withdrawn", V3_WITHDRAWN],
    ] as const) {
      test(`after item 35 is ${name}, no earlier version of the minutes is public at any URL`, async () => {
        const t = await parsedDb([V1_PUBLIC, BUCKS], dialect);
        try {
          // Version 1 published item 35's text: the crawl sees it, so it would see a leak.
          const before = await crawlAll(t);
          assert.ok(leaksIn(before.pages).length > 0, "version 1 shows item 35");
          assert.equal(before.pages.find((v) => v.url === ORIGINAL)?.status, 200, "version 1's original is public");
          // an officer has given a progress update on a recommendation version 1 published
          const tracked = await trackerDb(t.db)
            .selectFrom("tracked_recommendations")
            .innerJoin("inquiries", "inquiries.id", "tracked_recommendations.inquiry_id")
            .where("inquiries.slug", "like", `${MEETING}%`)
            .where("tracked_recommendations.number", "=", "1")
            .select("tracked_recommendations.id")
            .executeTakeFirstOrThrow();
          await addRecommendationUpdate(t.db, tracked.id, { date: "2017-01-10", rag: "amber", text: "Talks with the union have begun.", by: null });

          await importInto(t.db, [correction]);
          const { app, pages } = await crawlAll(t);
          assert.deepEqual(leaksIn(pages), []);
          assert.ok(pages.some((v) => v.url === `/meetings/${MEETING}/minutes`), "the current minutes text was reached");

          const ids = (await t.db.selectFrom("source_documents").select("id").execute()).map((d) => d.id);
          const guesses = [
            `/meetings/${MEETING}/minutes`,
            `/meetings/${MEETING}/minutes/text`,
            `/api/v1/meetings/${MEETING}`,
            ORIGINAL,
            ...[...ids, ...[1, 2, 3, 4, 5]].flatMap((id) => [
              `/documents/${id}`,
              `/documents/${id}/text`,
              `/meetings/${MEETING}/minutes/${id}`,
              `/meetings/${MEETING}/minutes/${id}/text`,
              `/api/v1/documents/${id}`,
            ]),
          ];
          const direct: Visit[] = [];
          for (const url of guesses) {
            const res = await app.request(url);
            direct.push({ url, status: res.status, type: res.headers.get("content-type") ?? "", body: await res.text(), from: null });
          }
          assert.deepEqual(leaksIn(direct), []);
          assert.equal(direct.find((v) => v.url === `/meetings/${MEETING}/minutes/text`)!.status, 200);
          assert.deepEqual(direct.filter((v) => v.url.startsWith("/documents/") && v.status !== 404).map((v) => `${v.status} ${v.url}`), []);
        } finally {
          await t.close();
        }
      });
    }

    test("signed in: a member or officer granted the committee, a clerk and an administrator see item 35 marked on every surface; another committee's member does not", async () => {
      const t = await parsedDb([V2_EXEMPT, BUCKS], dialect);
      try {
        const committee = (await t.db.selectFrom("bodies").select("slug").where("slug", "like", "%safe-and-strong%").executeTakeFirstOrThrow()).slug;
        const other = (await t.db.selectFrom("bodies").select("slug").where("slug", "not like", "%safe-and-strong%").executeTakeFirstOrThrow()).slug;
        const viewers = {
          member: await sessionFor(t.db, "member", [committee]),
          officer: await sessionFor(t.db, "officer", [committee, other]),
          clerk: await sessionFor(t.db, "clerk", []),
          admin: await sessionFor(t.db, "admin", []),
          otherMember: await sessionFor(t.db, "member", [other]),
          nobody: await sessionFor(t.db, "member", []),
        };
        for (const [who, cookie] of Object.entries(viewers)) {
          const { pages } = await crawlAll(t, { now: () => NOW, cookie });
          assert.deepEqual(notOriginal(pages).filter((v) => v.status !== 200).map((v) => `${v.status} ${v.url}`), [], who);
          // every response rendered for a signed-in viewer is private and never stored
          // (assets, the site's stylesheet and the accessibility statement are the same for everyone)
          // (and a refusal, an error page, is never stored by anyone)
          const perViewer = pages.filter((v) => !/^\/(assets\/|site\.css|accessibility)/.test(v.url) && !(v.url === ORIGINAL && v.status === 404));
          assert.deepEqual(perViewer.filter((v) => v.cacheControl !== "private, no-store" || !/Cookie/.test(v.vary ?? "")).map((v) => v.url), [], who);
          const entitled = who === "member" || who === "officer" || who === "clerk" || who === "admin";
          const shown = leaksIn(pages);
          assert.equal(pages.find((v) => v.url === ORIGINAL)?.status, entitled ? 200 : 404, `${who}: the original minutes document`);
          if (!entitled) {
            assert.deepEqual(shown, [], `${who} sees exempt business`);
            assert.ok(pages.every((v) => !v.body.includes(MARK)), `${who} sees a marking`);
            continue;
          }
          assert.ok(shown.some((l) => l.startsWith(`${ORIGINAL}: `)), `${who}: the original holds item 35`);
          for (const url of SURFACES) {
            const v = pages.find((p) => p.url === url);
            assert.ok(v, `${who}: ${url} reached`);
            assert.ok(shown.some((l) => l.startsWith(`${url}: `)), `${who}: ${url} shows item 35's business`);
            assert.ok(v.body.includes(MARK), `${who}: ${url} marks it "${MARK}"`);
          }
          const meeting = pages.find((p) => p.url === `/meetings/${MEETING}`)!.body;
          assert.ok(words(meeting).includes(words("by 8 votes for, 3 against and 1 abstention, the briefing note be received")), `${who}: item 35's resolution`);
          assert.ok(words(meeting).includes(words("Exempt under paragraphs 1 & 7")), `${who}: the paragraph with the marking`);
          const api = JSON.parse(pages.find((p) => p.url === `/api/v1/meetings/${MEETING}`)!.body);
          const item35 = api.items.find((i: { number: string }) => i.number === "35");
          assert.equal(item35.exempt, true);
          assert.equal(item35.notForPublication, true);
          assert.match(item35.text, /confidential HR matter/);
          assert.ok(api.declarations.some((d: { exempt?: boolean; description: string | null }) => d.exempt === true && /Wolstanton/.test(JSON.stringify(d))), `${who}: the sealed declaration, marked`);
          // search holds public content only, for everyone
          for (const v of pages.filter((p) => p.url.includes("search"))) assert.deepEqual(leaksIn([v]), [], `${who}: ${v.url}`);
        }
        // Signed out, a cookie that is no session changes not a byte, nor a cache header.
        const anon = await crawlAll(t, { now: () => NOW });
        const stale = await crawlAll(t, { now: () => NOW, cookie: "quorum_session=not-a-session" });
        // (a refusal's page names its own request; a form token, the alerts form's, differs per visitor)
        const shape = (pages: Visit[]) => pages.filter((v) => v.url !== "/sign-in").map((v) => [v.url, v.status, v.cacheControl, v.vary, v.url === ORIGINAL ? "" : v.body.replace(/name="csrf" value="[^"]*"/g, "")]);
        assert.deepEqual(shape(stale.pages), shape(anon.pages));
        assert.ok(anon.pages.every((v) => v.cacheControl !== "private, no-store" && !/Cookie/.test(v.vary ?? "")));
        assert.equal(anon.pages.find((v) => v.url === "/api/v1/recommendations")?.cacheControl, "public, max-age=60");
      } finally {
        await t.close();
      }
    });

    test("released: from its date item 35 and everything sealed with it is public, search included; the day before, nothing", async () => {
      const t = await parsedDb([V2_EXEMPT, BUCKS], dialect);
      try {
        await t.db.updateTable("items").set({ exempt_release_on: "2026-12-05" }).where(sql<boolean>`exempt`).execute();
        const dayBefore = new Date("2026-12-04T12:00:00Z");
        await indexReleased(t.db, "2026-12-04");
        const before = await crawlAll(t, { now: () => dayBefore });
        assert.deepEqual(leaksIn(before.pages), []);
        assert.equal(before.pages.find((v) => v.url === ORIGINAL)?.status, 404, "the original, the day before");

        assert.equal(await indexReleased(t.db, "2026-12-05"), 1, "the meeting is indexed again once");
        assert.equal(await indexReleased(t.db, "2026-12-05"), 0, "and only once");
        const { pages } = await crawlAll(t, { now: () => NOW });
        const shown = leaksIn(pages);
        // the exports read with the same date as the pages: released, item 35's business is open data too
        const EXPORTS = [`/oparl/v1/meetings/${MEETING}`, "/api/v1/export/ocd/events", "/api/v1/export/ocd/vote-events", "/api/v1/export/oparl/meetings", "/api/v1/export/csv/decisions.csv"];
        for (const url of [...SURFACES, ...EXPORTS, ORIGINAL, "/search?q=settlement", "/api/v1/search?q=Wolstanton"]) {
          assert.ok(shown.some((l) => l.startsWith(`${url}: `)), `${url} shows item 35's business once released`);
        }
        // public, so not marked, and cacheable as every public page
        assert.ok(pages.every((v) => !v.body.includes(MARK)));
        assert.ok(pages.every((v) => v.cacheControl !== "private, no-store"));
        const meeting = words(pages.find((p) => p.url === `/meetings/${MEETING}`)!.body);
        assert.ok(meeting.includes(words("Released on 2026-12-05")), "the page says when it was released");
      } finally {
        await t.close();
      }
    });
  });
}

// The forward plan: a key decision to be taken in private shows the public only that it is planned,
// its paragraph and why; taken at exempt item 35, its page and the meeting link each other, and no
// surface gives the decision's details, its documents or item 35's resolution.
const KEY_DECISION_SECRETS = ["Wolstanton depot staff settlement of 84,000 pounds", "https://intranet.example.gov.uk/hr-settlement.pdf", "HR settlement briefing"];

test("a key decision to be taken in private, and taken at exempt item 35, leaks nothing on any public surface", async () => {
  const t2 = await parsedDb([STAFFS]);
  try {
    const { addKeyDecisionEntry } = await import("../store/forward-plan/entries.ts");
    const { linkTaken } = await import("../store/forward-plan/taken.ts");
    const body = (await t2.db.selectFrom("bodies").select("slug").executeTakeFirstOrThrow()).slug;
    const meeting = (await t2.db.selectFrom("meetings").select("slug").executeTakeFirstOrThrow()).slug;
    const actor = { userId: null, label: "test" };
    const at = new Date("2016-11-01T12:00:00Z");
    const fields = { details: null, body, decisionMaker: null, wards: [], consultees: null, documents: [], exception: null };
    const secret = await addKeyDecisionEntry(t2.db, {
      fields: { ...fields, reference: "KD-HR", decision: "Staffing matter", plannedDate: "2016-12-12", details: KEY_DECISION_SECRETS[0], documents: [{ title: KEY_DECISION_SECRETS[2], url: KEY_DECISION_SECRETS[1] }], exempt: { paragraphs: "1", reason: "Information relating to an individual" } },
      actor,
      now: at,
      today: "2016-11-01",
    });
    await linkTaken(t2.db, { slug: secret, version: 1, meeting, itemNumber: "35", resolutionPosition: 1, actor, now: at });
    await addKeyDecisionEntry(t2.db, { fields: { ...fields, reference: "KD-PUB", decision: "Community safety strategy", plannedDate: "2017-01", exempt: null }, actor, now: at, today: "2016-11-01" });
    const app = createApp({ db: t2.db, now: () => at });
    const follow = (url: string) => calendarWithin("2016-12", "2017-01")(url) && !/^\/(sign-out|sign-in|admin|account)\b/.test(url);
    const visits = await crawl(app, ["/", "/forward-plan", "/forward-plan.csv", "/api/v1/forward-plan?withdrawn=true", `/meetings/${meeting}`], { follow });
    const pages = [...visits.values()];
    assert.deepEqual(pages.filter((v) => v.status !== 200).map((v) => `${v.status} ${v.url}`), []);
    const leaks: string[] = [];
    for (const v of pages) {
      const body = words(v.body);
      for (const phrase of [...ITEM_35, ...KEY_DECISION_SECRETS]) if (body.includes(words(phrase))) leaks.push(`${v.url}: "${phrase}"`);
    }
    assert.deepEqual(leaks, []);
    // the crawl reached the decision's page and API record, which say what the Regulations publish
    const page = visits.get(`/forward-plan/${secret}`);
    assert.ok(page, "the key decision's page was reached");
    assert.ok(visits.has(`/api/v1/forward-plan/${secret}`), "its API record was reached");
    assert.ok(words(page.body).includes(words("paragraph 1 of Schedule 12A")) && words(page.body).includes(words("Information relating to an individual")));
    assert.ok(page.body.includes(`href="/meetings/${meeting}"`), "it links to the meeting");
    assert.ok(words(page.body).includes("confidential hr matter"), "and to item 35 by its public title");
    assert.ok(visits.get(`/meetings/${meeting}`)!.body.includes(`href="/forward-plan/${secret}"`), "the meeting links back");
    assert.ok(pages.some((v) => words(v.body).includes("community safety strategy")), "the public decision is listed");
  } finally {
    await t2.close();
  }
});
