// The exempt crawl, for agendas: with the Staffordshire minutes imported and an upcoming meeting
// whose published agenda holds an exempt paper (on an exempt item) and an exempt appendix (on a
// public item), a crawl of every public page, API route and document reachable by links, signed
// out, finds none of the exempt papers' text (PDFs read back with poppler), and neither exempt
// file can be fetched by any address.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { parsedDb, STAFFS, type TestDb } from "../../../test/support/portal-db.ts";
import { calendarWithin, crawl } from "../../../test/support/crawl.ts";
import { pdfPagesText, pdfPaper, scheduledMeeting, tempDocuments, type TempDocuments } from "../../../test/support/agenda.ts";
import { createApp } from "../app.ts";
import { addUser } from "../../store/accounts/users.ts";
import { addAgendaItem, addPaper } from "../../store/agenda/items.ts";
import { publishAgenda } from "../../store/agenda/publish.ts";
import { readAgenda } from "../../store/agenda/read.ts";
import { paperText } from "../../ingest/paper-text.ts";

const SECRETS = ["Quarrybank Haulage", "settlement of 96,500 pounds", "Wexcombe disciplinary findings", "Thornleigh Sidings ward"];
const words = (s: string) => s.toLowerCase().replace(/&[a-z]+;|&#\d+;/g, " ").replace(/<[^>]+>/g, " ").replace(/[^a-z0-9]+/g, " ").trim();

let t: TestDb;
let docs: TempDocuments;
let slug: string;
const now = new Date("2026-03-10T15:00:00Z");

before(async () => {
  t = await parsedDb([STAFFS]);
  docs = tempDocuments();
  const clerk = await addUser(t.db, { email: "clerk@council.gov.uk", role: "clerk" }, now);
  const actor = { userId: clerk.id, label: clerk.email };
  const council = (await t.db.selectFrom("authorities").select("name").executeTakeFirstOrThrow()).name;
  slug = (await scheduledMeeting(t.db, { council, body: "Planning Committee", date: "2026-03-19" })).slug;
  const item = (number: string, title: string, exempt: string | null = null, wards = "All wards") => addAgendaItem(t.db, slug, { number, title, reportAuthor: "Jo Planner", wards, decisionMaker: "Planning Committee", exempt: !!exempt, exemptParagraph: exempt }, actor, now);
  const i1 = await item("1", "Land at Mill Lane");
  // the exempt item's wards are its own, so that a search for them can only find the item
  const i2 = await item("2", "Haulage contract", "3", SECRETS[3]);
  const paper = async (itemId: number, title: string, pages: string[], exempt: string | null = null) =>
    addPaper(t.db, docs.documents, slug, { itemId, title, fileName: `${title}.pdf`, bytes: await pdfPaper(pages), exempt: !!exempt, exemptParagraph: exempt }, actor, now);
  await paper(i1.id, "Officer report", ["MILL LANE OFFICER REPORT"]);
  await paper(i1.id, "Appendix B: staffing", [`${SECRETS[2]} for the site team`], "1");
  await paper(i2.id, "Tender report", [`${SECRETS[0]} offered a ${SECRETS[1]}`]);
  const version = (await readAgenda(t.db, slug, undefined, { all: true }))!.version;
  await publishAgenda(t.db, docs.documents, slug, { version, lateReason: null, paperUrl: (id) => `/meetings/${slug}/documents/paper-${id}`, readText: paperText }, actor, now);
});
after(async () => {
  await t?.close();
  docs?.close();
});

test("signed out, no page, API route or document holds an exempt paper's text, and no exempt file can be fetched", async () => {
  const app = createApp({ db: t.db, now: () => now, documents: docs.documents });
  // searches for a phrase found only in an exempt paper or in the exempt item's withheld details
  const searches = SECRETS.flatMap((s) => [`/search?q=${encodeURIComponent(`"${s}"`)}`, `/api/v1/search?q=${encodeURIComponent(`"${s}"`)}`]);
  const visits = await crawl(app, ["/", "/api/v1", "/api/v1/openapi.json", `/api/v1/meetings/${slug}/agenda`, "/search?q=Quarrybank", "/api/v1/search?q=Quarrybank", ...searches, "/search?q=Haulage+contract"], {
    follow: calendarWithin("2026-03", "2026-03"),
  });
  const pages = [...visits.values()];
  assert.deepEqual(pages.filter((v) => v.status !== 200).map((v) => `${v.status} ${v.url}`), []);
  // the meeting is reached from the home page's upcoming meetings, and its documents from it
  assert.ok(visits.has(`/meetings/${slug}`), "the meeting page was reached");
  const documents = pages.filter((v) => v.url.startsWith(`/meetings/${slug}/documents/`)).map((v) => v.url).sort();
  assert.deepEqual(documents.map((u) => u.replace(/paper-\d+/, "paper-N")), [`/meetings/${slug}/documents/pack`, `/meetings/${slug}/documents/paper-N`]);

  const leaks: string[] = [];
  for (const v of pages) {
    let text = v.body;
    if (v.type.includes("application/pdf")) text = pdfPagesText(new Uint8Array(await (await app.request(v.url)).arrayBuffer())).join("\n");
    for (const s of SECRETS) if (words(text).includes(words(s)) && !words(decodeURIComponent(v.url)).includes(words(s))) leaks.push(`${v.url}: "${s}"`);
  }
  assert.deepEqual(leaks, []);
  for (const s of SECRETS) assert.equal(((await (await app.request(`/api/v1/search?q=${encodeURIComponent(`"${s}"`)}`)).json()) as { total: number }).total, 0, `nothing is found for "${s}"`);
  // search does hold the published agenda: the exempt item by its title (linking to the agenda), the public paper by its text
  assert.match(visits.get("/search?q=Haulage+contract")!.body, new RegExp(`href="/meetings/${slug}#agenda-item-\\d+"`));
  const found = (await (await app.request(`/api/v1/search?q=${encodeURIComponent('"mill lane officer report"')}`)).json()) as { data: { type: string; url: string }[] };
  assert.deepEqual(found.data.map((h) => [h.type, h.url.replace(/\d+$/, "N")]), [["paper", `/meetings/${slug}#agenda-item-N`]]);
  // the crawl did read the public paper, and the exempt papers' titles and grounds are public
  const pack = pdfPagesText(new Uint8Array(await (await app.request(`/meetings/${slug}/documents/pack`)).arrayBuffer())).join("\n");
  assert.match(pack, /MILL LANE OFFICER REPORT/);
  assert.match(pack, /Appendix B: staffing: Not for publication by virtue of paragraph 1/);
  const meeting = visits.get(`/meetings/${slug}`)!.body;
  assert.match(meeting, /Tender report: not available/);

  // every paper address of the meeting, and under another meeting's address: exempt ones are 404
  const ids = (await readAgenda(t.db, slug, undefined, { all: true }))!.items.flatMap((i) => i.papers.map((p) => ({ id: p.id, exempt: p.exempt })));
  const other = (await t.db.selectFrom("meetings").where("slug", "!=", slug).select("slug").executeTakeFirstOrThrow()).slug;
  for (const { id, exempt } of ids) {
    assert.equal((await app.request(`/meetings/${slug}/documents/paper-${id}`)).status, exempt ? 404 : 200, `paper ${id}`);
    assert.equal((await app.request(`/meetings/${other}/documents/paper-${id}`)).status, 404);
  }
  assert.equal(ids.filter((p) => p.exempt).length, 2);
});

test("the imported minutes download from the meeting's documents as their text, exempt item withheld; draft minutes not at all", async () => {
  const app = createApp({ db: t.db, now: () => now, documents: docs.documents });
  const staffs = "safe-and-strong-communities-select-committee-2016-12-12";
  const res = await app.request(`/meetings/${staffs}/documents/minutes`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type")!, /^text\/plain/);
  assert.match(res.headers.get("content-disposition")!, /^attachment; filename="[A-Za-z0-9._-]+\.txt"$/);
  const text = await res.text();
  assert.ok(words(text).includes(words("the public be excluded from the meeting for the following items")), "public text is there");
  assert.ok(!words(text).includes(words("briefing note outlining a recent confidential HR matter")), "exempt item 35's text is not");
  assert.equal((await app.request(`/meetings/${slug}/documents/minutes`)).status, 404, "a meeting with no minutes yet");
  await t.db.updateTable("meetings").set({ minutes_status: "draft" }).where("slug", "=", staffs).execute();
  try {
    assert.equal((await app.request(`/meetings/${staffs}/documents/minutes`)).status, 404);
  } finally {
    await t.db.updateTable("meetings").set({ minutes_status: "published" }).where("slug", "=", staffs).execute();
  }
});
