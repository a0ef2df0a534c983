// Published agendas in public search, on SQLite and PostgreSQL: items (number, title, report
// author, wards, decision maker) and papers (title, and the text read from the PDF or Word file)
// become entries of their own kinds once published; exempt business enters with its title and
// ground only, and an exempt paper's text never; the entries outlive the minutes' changes.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";

import { postgresUnavailable } from "../../../test/support/postgres.ts";
import { docxPaper, emptyStore, pdfPaper, scheduledMeeting, stopAgendaPostgres, tempDocuments, type TempDocuments } from "../../../test/support/agenda.ts";
import { paperText } from "../../ingest/paper-text.ts";
import { addUser, type User } from "../accounts/users.ts";
import { search } from "../search.ts";
import { reindexMeeting } from "../search.ts";
import { addAgendaItem, addPaper } from "./items.ts";
import { publishAgenda } from "./publish.ts";
import { readAgenda } from "./read.ts";
import { agendaDb } from "./schema.ts";

const PG_SKIP = postgresUnavailable();
after(() => stopAgendaPostgres());

const paperUrl = (id: number) => `/meetings/x/documents/paper-${id}`;

for (const dialect of ["sqlite", "postgres"] as const) {
  describe(`agendas in search on ${dialect}`, { skip: dialect === "postgres" && PG_SKIP ? PG_SKIP : false }, () => {
    let t: { db: import("../db.ts").Db; close(): Promise<void> };
    let docs: TempDocuments;
    let clerk: User;
    let slug: string;
    before(async () => {
      t = await emptyStore(dialect);
      docs = tempDocuments();
      clerk = await addUser(t.db, { email: "clerk@council.gov.uk", role: "clerk" }, new Date("2026-03-01T09:00:00Z"));
      const actor = { userId: clerk.id, label: clerk.email };
      const at = new Date("2026-03-10T15:00:00Z");
      slug = (await scheduledMeeting(t.db, { date: "2026-03-19", slug: "planning-2026-03-19" })).slug;
      const i1 = await addAgendaItem(t.db, slug, { number: "4", title: "Land at Mill Lane", reportAuthor: "Jo Hartington, Head of Planning", wards: "Abbey; Castlefield", decisionMaker: "Planning Committee", exempt: false, exemptParagraph: null }, actor, at);
      const i2 = await addAgendaItem(t.db, slug, { number: "5", title: "Depot demolition contract", reportAuthor: "Sam Quellbrook", wards: "Wexcombe Marsh ward", decisionMaker: "Cabinet", exempt: true, exemptParagraph: "3" }, actor, at);
      const paper = async (itemId: number, title: string, bytes: Uint8Array, exempt: string | null = null, fileName = `${title}.pdf`) =>
        addPaper(t.db, docs.documents, slug, { itemId, title, fileName, bytes, exempt: !!exempt, exemptParagraph: exempt }, actor, at);
      await paper(i1.id, "Officer report", await pdfPaper(["The proposed greenhouse terrace scheme", "Second page on hedgerow translocation"]));
      await paper(i1.id, "Consultation responses", docxPaper("Residents raised badger sett concerns"), null, "responses.docx");
      await paper(i1.id, "Appendix C: personal circumstances", await pdfPaper(["Mrs Pettigrew medical history"]), "1");
      await paper(i2.id, "Tender evaluation", await pdfPaper(["Acme Demolition tendered 412,000 pounds"]));
    });
    after(async () => {
      await t?.close();
      docs?.close();
    });
    const hits = async (q: string, type?: "agenda" | "paper") => (await search(t.db, q, type ? { type } : {})).data;

    test("nothing of an agenda is searchable before it is published", async () => {
      assert.deepEqual(await hits("Mill Lane"), []);
      assert.deepEqual(await hits("greenhouse terrace"), []);
    });

    test("once published, items and papers are found by their fields and text, and link to the meeting's agenda", async () => {
      const actor = { userId: clerk.id, label: clerk.email };
      const version = (await readAgenda(t.db, slug, undefined, { all: true }))!.version;
      await publishAgenda(t.db, docs.documents, slug, { version, lateReason: null, paperUrl, readText: paperText }, actor, new Date("2026-03-10T15:00:00Z"));

      const item = await hits("Mill Lane", "agenda");
      assert.deepEqual(item.map((h) => [h.type, h.title, h.slug]), [["agenda", "4. Land at Mill Lane", slug]]);
      assert.ok(item[0].agendaItemId! > 0);
      for (const q of ["Hartington", "Castlefield", "Planning Committee"]) assert.deepEqual((await hits(q, "agenda")).map((h) => h.title), ["4. Land at Mill Lane"], q);
      // the papers' text, read from the PDF and the Word document
      assert.deepEqual((await hits('"greenhouse terrace"')).map((h) => [h.type, h.title]), [["paper", "4. Land at Mill Lane: Officer report"]]);
      assert.deepEqual((await hits("hedgerow translocation")).map((h) => h.type), ["paper"]);
      assert.deepEqual((await hits("badger sett")).map((h) => h.title), ["4. Land at Mill Lane: Consultation responses"]);
      const paperHit = (await hits("badger sett"))[0];
      assert.equal(paperHit.agendaItemId, item[0].agendaItemId, "a paper links to its item on the agenda");
      assert.equal(paperHit.meeting?.slug, slug);
    });

    test("exempt business is found by its title and ground only; no exempt paper's text is", async () => {
      assert.deepEqual((await hits("Depot demolition", "agenda")).map((h) => h.title), ["5. Depot demolition contract"]);
      assert.deepEqual((await hits('"by virtue of paragraph 3"', "agenda")).map((h) => h.title), ["5. Depot demolition contract"], "with its ground");
      for (const q of ["Quellbrook", "Wexcombe Marsh", "Cabinet", "Acme Demolition", "412,000", "Pettigrew", "medical history"]) assert.deepEqual(await hits(q), [], q);
      // the exempt papers are named (their titles are public on the agenda)
      assert.deepEqual((await hits("Tender evaluation")).map((h) => h.type), ["paper"]);
      assert.deepEqual((await hits("personal circumstances")).map((h) => h.type), ["paper"]);
    });

    test("the agenda's entries stay when the meeting's minutes are taken as a draft and when the meeting is re-indexed", async () => {
      await t.db.updateTable("meetings").set({ minutes_status: "draft" }).where("slug", "=", slug).execute();
      assert.equal((await hits("Mill Lane", "agenda")).length, 1);
      await t.db.updateTable("meetings").set({ minutes_status: "published" }).where("slug", "=", slug).execute();
      const m = await t.db.selectFrom("meetings").where("slug", "=", slug).select("id").executeTakeFirstOrThrow();
      await reindexMeeting(t.db, m.id);
      assert.equal((await hits("badger sett")).length, 1);
    });

    test("a supplement adds its business to search and leaves what was published before as it was", async () => {
      const actor = { userId: clerk.id, label: clerk.email };
      const at = new Date("2026-03-16T09:00:00Z");
      const item = await addAgendaItem(t.db, slug, { number: "6", title: "Flood repairs at the depot", reportAuthor: null, wards: null, decisionMaker: null, exempt: false, exemptParagraph: null }, actor, at);
      await addPaper(t.db, docs.documents, slug, { itemId: item.id, title: "Engineer's note", fileName: "note.pdf", bytes: await pdfPaper(["Culvert collapse under Tanner Street"]), exempt: false, exemptParagraph: null }, actor, at);
      assert.deepEqual(await hits("culvert collapse"), [], "not before it is published");
      const read: string[] = [];
      const version = (await readAgenda(t.db, slug, undefined, { all: true }))!.version;
      const readText = async (format: "pdf" | "docx", bytes: Uint8Array) => {
        const text = await paperText(format, bytes);
        read.push(text);
        return text;
      };
      await publishAgenda(t.db, docs.documents, slug, { version, lateReason: "Storm damage on 13 March", paperUrl, readText }, actor, at);
      assert.deepEqual((await hits("culvert collapse")).map((h) => h.title), ["6. Flood repairs at the depot: Engineer's note"]);
      assert.equal(read.length, 1, "only the supplement's paper was read");
      assert.equal((await hits('"greenhouse terrace"')).length, 1, "the agenda's papers keep their text");
      assert.equal((await hits("badger sett")).length, 1);
    });

    test("a meeting deleted with its agenda leaves no entry behind", async () => {
      const m = await t.db.selectFrom("meetings").where("slug", "=", slug).select("id").executeTakeFirstOrThrow();
      const before = await t.db.selectFrom("search_entries").where("kind", "in", ["agenda", "paper"]).select("id").execute();
      assert.equal(before.length, 8);
      await agendaDb(t.db).deleteFrom("agenda_publications").where("meeting_id", "=", m.id).execute();
      await t.db.deleteFrom("meetings").where("id", "=", m.id).execute();
      assert.deepEqual(await t.db.selectFrom("search_entries").where("kind", "in", ["agenda", "paper"]).select("id").execute(), []);
    });
  });
}
