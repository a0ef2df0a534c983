// Draft minutes withhold the minutes, not the meeting. An announced meeting (scheduled, with a
// published agenda of one public and one exempt paper) whose minutes a clerk has taken as a draft
// stays on every public surface — its page, the calendar, "upcoming", its committee, the API, the
// agenda and the pack — while nothing from the draft (item text, attendance, resolutions,
// declarations, people named only there) reaches any of them, signed out, until the draft is
// published. Minutes imported for review with no announced meeting keep the whole meeting hidden.
// On SQLite and PostgreSQL.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import type { Db } from "../store/db.ts";
import { eachStore } from "../store/scrutiny/test-stores.ts";
import { addUser } from "../store/accounts/users.ts";
import { scheduleMeeting } from "../store/schedule/meetings.ts";
import { addAgendaItem, addPaper } from "../store/agenda/items.ts";
import { publishAgenda } from "../store/agenda/publish.ts";
import { readAgenda } from "../store/agenda/read.ts";
import { openSheet, saveAsDraftMinutes } from "../store/minute-taking/sheets.ts";
import { publishDraftMinutes } from "../store/lifecycle/minutes.ts";
import { importMinutes } from "../store/import.ts";
import { summaryDifferences } from "../store/summaries/recount.ts";
import { sheetRecord, sheetTexts, emptyItem, type MinuteSheet } from "../domain/minute-sheet.ts";
import { splitLines, type SourceText } from "../domain/source.ts";
import { documentFromRecord, minutesBlocks, minutesText } from "../render/minutes/document.ts";
import { NORTHSHIRE, scheduledMeeting } from "../../test/support/meetings.ts";
import { pdfPagesText, pdfPaper, tempDocuments, type TempDocuments } from "../../test/support/agenda.ts";
import { calendarWithin, crawl, type Visit } from "../../test/support/crawl.ts";
import { parsedInput, STAFFS_V1 } from "../../test/support/imports.ts";
import { createApp } from "./app.ts";

const words = (s: string) => s.toLowerCase().replace(/&[a-z]+;|&#\d+;/g, " ").replace(/<[^>]+>/g, " ").replace(/[^a-z0-9]+/g, " ").trim();

// what the draft says, and nothing public ever does
const DRAFT = [
  "Quillfeather bypass feasibility",
  "That the Quillfeather bypass be approved",
  "Zara Draftonly",
  "owns land beside the Quillfeather route",
];

const AGENDA_AT = new Date("2026-02-20T12:00:00Z");
const NOW = new Date("2026-03-10T15:00:00Z");

/** The draft a sheet makes, as the minute-taking route makes it. */
function draftOf(open: Awaited<ReturnType<typeof openSheet>>, sheet: MinuteSheet) {
  const m = open.meeting;
  const base = sheetRecord({ authority: m.authority, body: m.bodyName, date: m.date, startTime: m.startTime }, sheet);
  const { text, provenance } = minutesText(minutesBlocks(documentFromRecord(base, sheetTexts(sheet))));
  const source: SourceText = { file: `${m.slug}.docx`, format: "docx", text, lines: splitLines(text), contentHash: `draft-${m.slug}`, byteLength: text.length };
  return { record: { ...base, provenance }, source };
}

function leaks(pages: Visit[]): string[] {
  const out: string[] = [];
  for (const v of pages) {
    const asked = words(decodeURIComponent(v.url.replace(/\+/g, " ")));
    for (const phrase of DRAFT) if (words(v.body).includes(words(phrase)) && !asked.includes(words(phrase))) out.push(`${v.url}: "${phrase}"`);
  }
  return out;
}

eachStore("draft minutes of an announced meeting", (store) => {
  let db: Db;
  let docs: TempDocuments;
  let slug: string;
  let bodySlug: string;
  let actor: { userId: number; label: string };

  before(async () => {
    db = await store.open();
    docs = tempDocuments();
    const clerk = await addUser(db, { email: "clerk@council.gov.uk", role: "clerk" }, AGENDA_AT);
    actor = { userId: clerk.id, label: clerk.email };
    // the committee and its members, with an earlier meeting of theirs
    await scheduledMeeting(db, { ...NORTHSHIRE, date: "2026-02-10" });
    bodySlug = (await db.selectFrom("bodies").select("slug").executeTakeFirstOrThrow()).slug;
    slug = (await scheduleMeeting(db, { body: bodySlug, date: NORTHSHIRE.date, startTime: NORTHSHIRE.startTime, venue: NORTHSHIRE.venue }, actor, AGENDA_AT)).slug;
    const item = (number: string, title: string, exempt: string | null = null) => addAgendaItem(db, slug, { number, title, reportAuthor: "Jo Planner", wards: "All wards", decisionMaker: "Cabinet Committee", exempt: !!exempt, exemptParagraph: exempt }, actor, AGENDA_AT);
    const i1 = await item("1", "Town centre transport plan");
    const i2 = await item("2", "Depot lease terms", "3");
    await addPaper(db, docs.documents, slug, { itemId: i1.id, title: "Transport report", fileName: "transport.pdf", bytes: await pdfPaper(["TRANSPORT OFFICER REPORT"]), exempt: false, exemptParagraph: null }, actor, AGENDA_AT);
    await addPaper(db, docs.documents, slug, { itemId: i2.id, title: "Lease report", fileName: "lease.pdf", bytes: await pdfPaper(["Lease terms for the depot"]), exempt: false, exemptParagraph: null }, actor, AGENDA_AT);
    const version = (await readAgenda(db, slug, undefined, { all: true }))!.version;
    await publishAgenda(db, docs.documents, slug, { version, lateReason: null, paperUrl: (id) => `/meetings/${slug}/documents/paper-${id}` }, actor, AGENDA_AT);

    // the clerk takes the minutes as a draft, through the store path the minute-taking screen uses
    const open = await openSheet(db, slug);
    const sheet = structuredClone(open.sheet);
    for (const a of sheet.attendance) a.status = "present";
    sheet.attendance.push({ name: "Cllr Zara Draftonly", status: "present", kind: "member", role: "", substituteFor: "" });
    sheet.items = [
      { ...emptyItem("1", "Town centre transport plan"), text: "Members discussed the Quillfeather bypass feasibility study.", resolution: "That the Quillfeather bypass be approved.", declarations: [{ name: "Cllr Zara Draftonly", kind: "other_registrable", description: "owns land beside the Quillfeather route" }] },
    ];
    const { record, source } = draftOf(open, sheet);
    await saveAsDraftMinutes(db, { slug, baseVersion: open.version, sheet, record, source, parserVersion: "test" }, actor, NOW);
  });

  test("signed out, the meeting, its agenda, papers and pack stay public everywhere; nothing from the draft does", async () => {
    const app = createApp({ db, now: () => NOW, documents: docs.documents });
    const person = await db.selectFrom("people").where("surname_key", "=", "draftonly").select("slug").executeTakeFirstOrThrow();
    const starts = ["/", "/api/v1", `/committees/${bodySlug}`, `/meetings/${slug}`, `/api/v1/meetings/${slug}`, `/api/v1/meetings/${slug}/agenda`, "/calendar/2026-03", "/api/v1/meetings", "/people", "/api/v1/people", "/decisions", "/api/v1/decisions", "/search?q=Quillfeather", "/api/v1/search?q=Quillfeather", "/search?q=Shire+Hall", "/search?q=Draftonly", "/feed.atom", "/calendar.ics", `/committees/${bodySlug}/feed.atom`, `/committees/${bodySlug}/calendar.ics`, `/meetings/${slug}/calendar.ics`, "/search.atom?q=Quillfeather", "/sitemap.xml"];
    const follow = (url: string) => calendarWithin("2026-02", "2026-03")(url) && !/^\/(sign-out|sign-in|admin|account)\b/.test(url);
    const visits = await crawl(app, starts, { follow });
    const pages = [...visits.values()];
    assert.deepEqual(pages.filter((v) => v.status !== 200).map((v) => `${v.status} ${v.url}`), []);
    assert.deepEqual(leaks(pages), []);
    for (const url of [`/people/${person.slug}`, `/api/v1/people/${person.slug}`]) assert.equal((await app.request(url)).status, 404, url);
    assert.match(visits.get(`/meetings/${slug}/calendar.ics`)?.body ?? "", /BEGIN:VEVENT[\s\S]*END:VEVENT/, "the meeting's own calendar file holds it");

    // the meeting is reached from the home page's upcoming meetings, the calendar and its committee
    const linked = (url: string) => assert.ok(visits.get(url)?.body.includes(`/meetings/${slug}"`), `${url} links to the meeting`);
    for (const url of ["/", "/calendar/2026-03", `/committees/${bodySlug}`]) linked(url);
    const page = words(visits.get(`/meetings/${slug}`)!.body);
    assert.ok(page.includes(words("Town centre transport plan")), "the agenda is on the meeting page");
    assert.ok(page.includes(words("The minutes of this meeting have not been published yet")), "the page says the minutes are not yet published");
    const api = JSON.parse(visits.get(`/api/v1/meetings/${slug}`)!.body);
    assert.equal(api.date, NORTHSHIRE.date);
    assert.equal(api.minutesStatus, "draft");
    assert.equal(api.hasMinutes, false);
    assert.deepEqual([api.items, api.declarations, api.itemCount, api.decisionCount], [[], [], 0, 0]);
    assert.deepEqual(Object.values(api.attendance).flat(), []);
    const agenda = JSON.parse(visits.get(`/api/v1/meetings/${slug}/agenda`)!.body);
    assert.deepEqual(agenda.items.map((i: { title: string }) => i.title), ["Town centre transport plan", "Depot lease terms"]);
    const pack = await app.request(`/meetings/${slug}/documents/pack`);
    assert.equal(pack.status, 200);
    assert.match(pdfPagesText(new Uint8Array(await pack.arrayBuffer())).join("\n"), /TRANSPORT OFFICER REPORT/);
    const hits = JSON.parse(await (await app.request("/api/v1/search?q=%22Shire+Hall%22")).text()).data;
    assert.ok(hits.some((h: { type: string; meeting: { id: string } | null }) => h.type === "meeting" && h.meeting?.id === slug), "search finds the meeting by its venue");
    for (const p of (await readAgenda(db, slug, undefined, { all: true }))!.items.flatMap((i) => i.papers)) {
      assert.equal((await app.request(`/meetings/${slug}/documents/paper-${p.id}`)).status, p.exempt ? 404 : 200, `${p.title}: the public paper downloads, the exempt one does not`);
    }
    assert.equal((await app.request(`/meetings/${slug}/documents/minutes`)).status, 404, "the draft's text is not a download");
    assert.equal((await app.request(`/meetings/${slug}/minutes.html`)).status, 404, "nor the draft as a document");
    assert.deepEqual(await summaryDifferences(db), []);
  });

  test("published, the draft's business and the people it names are public", async () => {
    await publishDraftMinutes(db, slug, actor, NOW);
    const app = createApp({ db, now: () => NOW, documents: docs.documents });
    const person = await db.selectFrom("people").where("surname_key", "=", "draftonly").select("slug").executeTakeFirstOrThrow();
    const page = await (await app.request(`/meetings/${slug}`)).text();
    for (const phrase of DRAFT) assert.ok(words(page).includes(words(phrase)), `the meeting page: "${phrase}"`);
    assert.equal((await app.request(`/people/${person.slug}`)).status, 200);
    const search = await (await app.request("/api/v1/search?q=Quillfeather")).text();
    assert.ok(search.includes(slug), "search finds the published minutes");
    assert.deepEqual(await summaryDifferences(db), []);
  });

  test("minutes imported for review with no announced meeting keep the whole meeting hidden", async () => {
    const input = await parsedInput(STAFFS_V1);
    const r = await importMinutes(db, { ...input, review: true });
    const m = await db.selectFrom("meetings").where("id", "=", r.meetingId).select(["slug", "date"]).executeTakeFirstOrThrow();
    const app = createApp({ db, now: () => NOW, documents: docs.documents });
    for (const url of [`/meetings/${m.slug}`, `/api/v1/meetings/${m.slug}`, `/api/v1/meetings/${m.slug}/agenda`]) assert.equal((await app.request(url)).status, 404, url);
    const month = m.date.slice(0, 7);
    for (const url of [`/calendar/${month}`, `/api/v1/meetings?from=${month}-01&to=${month}-31`, "/committees"]) {
      assert.ok(!(await (await app.request(url)).text()).includes(m.slug), `${url} does not list it`);
    }
    assert.deepEqual(await summaryDifferences(db), []);
  });
});
