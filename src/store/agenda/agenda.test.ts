// Agendas in the store, on SQLite and PostgreSQL: items and papers, the upload check by content,
// publishing with the five-clear-working-day check, supplements, the reports pack read back with
// poppler (page order, exempt text absent), and the visibility rule on reads and downloads.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";

import { postgresUnavailable } from "../../../test/support/postgres.ts";
import { docxPaper, emptyStore, stopAgendaPostgres, pdfInfo, pdfPagesText, pdfPaper, scheduledMeeting, tempDocuments, type TempDocuments } from "../../../test/support/agenda.ts";
import { addUser, type User } from "../accounts/users.ts";
import { readAudit } from "../audit.ts";
import { makeZip } from "../../ingest/zip.ts";
import { addAgendaItem, addPaper, MAX_PAPER_BYTES, removeAgendaItem, removePaper } from "./items.ts";
import { publishAgenda } from "./publish.ts";
import { packDownload, paperDownload, readAgenda } from "./read.ts";
import type { Viewer } from "../visibility.ts";

const PG_SKIP = postgresUnavailable();
after(() => stopAgendaPostgres());

const EXEMPT_TEXT = "Tender prices from Acme Demolition Ltd of 412,000 pounds";
const CLERK_VIEWER: Viewer = { kind: "staff", userId: 1, role: "clerk", bodies: "all", today: null };
const paperUrl = (id: number) => `/meetings/x/documents/paper-${id}`;

for (const dialect of ["sqlite", "postgres"] as const) {
  describe(`agendas on ${dialect}`, { skip: dialect === "postgres" && PG_SKIP ? PG_SKIP : false }, () => {
    let t: { db: import("../db.ts").Db; close(): Promise<void> };
    let docs: TempDocuments;
    let clerk: User;
    before(async () => {
      t = await emptyStore(dialect);
      docs = tempDocuments();
      clerk = await addUser(t.db, { email: "clerk@council.gov.uk", role: "clerk" }, new Date("2026-03-01T09:00:00Z"));
    });
    after(async () => {
      await t?.close();
      docs?.close();
    });
    const actor = () => ({ userId: clerk.id, label: clerk.email });
    const item = (number: string, title: string, extra: Partial<Parameters<typeof addAgendaItem>[2]> = {}) => ({ number, title, reportAuthor: null, wards: null, decisionMaker: null, exempt: false, exemptParagraph: null, ...extra });

    test("an agenda with two public papers and one exempt paper is published on time; its pack holds the public papers in order and none of the exempt text", async () => {
      const m = await scheduledMeeting(t.db, { date: "2026-03-19", slug: "planning-2026-03-19" });
      const at = new Date("2026-03-10T15:00:00Z");
      const i1 = await addAgendaItem(t.db, m.slug, item("1", "Apologies for absence"), actor(), at);
      const i2 = await addAgendaItem(t.db, m.slug, item("2", "Land at Mill Lane", { reportAuthor: "Jo Planner, Head of Planning", wards: "Abbey; Castle", decisionMaker: "Planning Committee" }), actor(), at);
      const i3 = await addAgendaItem(t.db, m.slug, item("3", "Depot demolition contract", { exempt: true, exemptParagraph: "3" }), actor(), at);
      void i1;
      await addPaper(t.db, docs.documents, m.slug, { itemId: i2.id, title: "Officer report", fileName: "report.pdf", bytes: await pdfPaper(["MILL LANE REPORT PAGE ONE", "MILL LANE REPORT PAGE TWO"]), exempt: false, exemptParagraph: null }, actor(), at);
      await addPaper(t.db, docs.documents, m.slug, { itemId: i2.id, title: "Site plan", fileName: "C:\\Users\\jo\\plan.pdf", bytes: await pdfPaper(["MILL LANE SITE PLAN"]), exempt: false, exemptParagraph: null }, actor(), at);
      await addPaper(t.db, docs.documents, m.slug, { itemId: i3.id, title: "Tender evaluation", fileName: "tenders.pdf", bytes: await pdfPaper([EXEMPT_TEXT]), exempt: false, exemptParagraph: null }, actor(), at);

      const before = await readAgenda(t.db, m.slug);
      assert.equal(before!.items.length, 0, "nothing is public before publication");

      const clerkView = await readAgenda(t.db, m.slug, CLERK_VIEWER, { all: true });
      const published = await publishAgenda(t.db, docs.documents, m.slug, { version: clerkView!.version, lateReason: null, paperUrl }, actor(), at);
      assert.equal(published.sequence, 0);
      assert.deepEqual({ clearDays: published.notice.clearDays, late: published.notice.late }, { clearDays: 6, late: false });

      const pack = await packDownload(t.db, docs.documents, m.slug, 0);
      assert.ok(pack);
      assert.equal(pdfInfo(pack.bytes).Pages, "5");
      const pages = pdfPagesText(pack.bytes);
      assert.equal(pages.length, 5);
      assert.match(pages[0], /Planning Committee/);
      assert.match(pages[0], /Agenda reports pack/);
      assert.match(pages[0], /19 March 2026/);
      assert.match(pages[0], /Published: 10 March 2026 at 15:00/);
      assert.match(pages[1], /^\s*Agenda/m);
      assert.match(pages[1], /2\s+Land at Mill Lane/);
      assert.match(pages[1], /Report author: Jo Planner/);
      assert.match(pages[1], /Officer report: page 3/);
      assert.match(pages[1], /Site plan: page 5/);
      assert.match(pages[1], /3\s+Depot demolition contract/);
      assert.match(pages[1], /Tender evaluation: Not for publication by virtue of paragraph 3/);
      assert.match(pages[2], /MILL LANE REPORT PAGE ONE/);
      assert.match(pages[3], /MILL LANE REPORT PAGE TWO/);
      assert.match(pages[4], /MILL LANE SITE PLAN/);
      assert.match(pages[4], /Page 5 of 5/);
      assert.ok(!pages.join("\n").includes("Acme"), "no exempt text in the pack");

      const publicView = await readAgenda(t.db, m.slug);
      assert.deepEqual(publicView!.items.map((i) => [i.number, i.withheld]), [["1", false], ["2", false], ["3", true]]);
      const exemptItem = publicView!.items[2];
      assert.equal(exemptItem.papers[0].title, "Tender evaluation");
      assert.equal(exemptItem.papers[0].downloadable, false);
      assert.equal(exemptItem.papers[0].exemptParagraph, "3");
      const plan = publicView!.items[1].papers[1];
      assert.equal(plan.fileName, "plan.pdf");
      const got = await paperDownload(t.db, docs.documents, m.slug, plan.id);
      assert.match(pdfPagesText(got!.bytes)[0], /MILL LANE SITE PLAN/);
      assert.equal(await paperDownload(t.db, docs.documents, m.slug, exemptItem.papers[0].id), null, "the public cannot fetch the exempt paper");
      assert.equal(await paperDownload(t.db, docs.documents, "another-meeting", plan.id), null, "a paper only under its own meeting");
      const forClerk = await paperDownload(t.db, docs.documents, m.slug, exemptItem.papers[0].id, CLERK_VIEWER);
      assert.match(pdfPagesText(forClerk!.bytes)[0], /Acme Demolition/);

      const audit = await readAudit(t.db, { limit: 50 });
      const actions = audit.entries.map((e) => e.action);
      assert.ok(actions.includes("agenda.publish"));
      assert.equal(actions.filter((a) => a === "agenda.paper.add").length, 3);
    });

    test("a paper added later goes out as a supplement with its own pack; published business cannot be removed", async () => {
      const m = await scheduledMeeting(t.db, { date: "2026-04-23", slug: "planning-2026-04-23" });
      const at = new Date("2026-04-01T10:00:00Z");
      const i1 = await addAgendaItem(t.db, m.slug, item("1", "Budget monitoring"), actor(), at);
      let v = (await readAgenda(t.db, m.slug, CLERK_VIEWER, { all: true }))!.version;
      await publishAgenda(t.db, docs.documents, m.slug, { version: v, lateReason: null, paperUrl }, actor(), at);
      await assert.rejects(removeAgendaItem(t.db, docs.documents, m.slug, i1.id, actor(), at), { code: "conflict" });
      v = (await readAgenda(t.db, m.slug, CLERK_VIEWER, { all: true }))!.version;
      await assert.rejects(publishAgenda(t.db, docs.documents, m.slug, { version: v, lateReason: null, paperUrl }, actor(), at), { code: "conflict" }, "nothing new to publish");
      const later = new Date("2026-04-20T10:00:00Z");
      await addPaper(t.db, docs.documents, m.slug, { itemId: i1.id, title: "Quarter 4 figures", fileName: "q4.pdf", bytes: await pdfPaper(["QUARTER FOUR FIGURES"]), exempt: false, exemptParagraph: null }, actor(), later);
      v = (await readAgenda(t.db, m.slug, CLERK_VIEWER, { all: true }))!.version;
      await assert.rejects(publishAgenda(t.db, docs.documents, m.slug, { version: v, lateReason: "  ", paperUrl }, actor(), later), { code: "invalid" }, "late without a reason");
      const sup = await publishAgenda(t.db, docs.documents, m.slug, { version: v, lateReason: "The outturn figures were confirmed on 17 April", paperUrl }, actor(), later);
      assert.equal(sup.sequence, 1);
      assert.equal(sup.notice.clearDays, 2); // Tue 21 and Wed 22 April
      const view = await readAgenda(t.db, m.slug);
      assert.deepEqual(view!.publications.map((p) => [p.sequence, p.late, p.lateReason]), [[0, false, null], [1, true, "The outturn figures were confirmed on 17 April"]]);
      const pages = pdfPagesText((await packDownload(t.db, docs.documents, m.slug, 1))!.bytes);
      assert.match(pages[0], /Supplementary agenda reports pack 1/);
      assert.match(pages[0], /Published: 20 April 2026 at 11:00/, "in the council's zone: British Summer Time");
      assert.match(pages[0], /The outturn figures were confirmed on 17 April/);
      assert.match(pages[2], /QUARTER FOUR FIGURES/);
      assert.equal(pages.length, 3);
    });

    test("a Word paper is listed in the pack with its address, not included; an exempt paper on a public item is listed and left out", async () => {
      const m = await scheduledMeeting(t.db, { date: "2026-07-16", slug: "planning-2026-07-16" });
      const at = new Date("2026-07-01T10:00:00Z");
      const i = await addAgendaItem(t.db, m.slug, item("4", "Housing allocations policy", { reportAuthor: "Sam Housing" }), actor(), at);
      const word = await addPaper(t.db, docs.documents, m.slug, { itemId: i.id, title: "Draft policy", fileName: "policy.docx", bytes: docxPaper("WORD POLICY TEXT"), exempt: false, exemptParagraph: null }, actor(), at);
      await addPaper(t.db, docs.documents, m.slug, { itemId: i.id, title: "Appendix C: named tenants", fileName: "c.pdf", bytes: await pdfPaper(["Tenant Wilhelmina Oddsock owes rent"]), exempt: true, exemptParagraph: "1" }, actor(), at);
      await addPaper(t.db, docs.documents, m.slug, { itemId: i.id, title: "Consultation summary", fileName: "s.pdf", bytes: await pdfPaper(["CONSULTATION SUMMARY"]), exempt: false, exemptParagraph: null }, actor(), at);
      const v = (await readAgenda(t.db, m.slug, CLERK_VIEWER, { all: true }))!.version;
      await publishAgenda(t.db, docs.documents, m.slug, { version: v, lateReason: null, paperUrl: (id) => `https://council.example/meetings/${m.slug}/documents/paper-${id}` }, actor(), at);
      const pages = pdfPagesText((await packDownload(t.db, docs.documents, m.slug, 0))!.bytes);
      assert.equal(pages.length, 3);
      assert.match(pages[1], new RegExp(`Draft policy: Word document, published separately:\\s+https://council.example/meetings/${m.slug}/documents/paper-${word.id}`));
      assert.match(pages[1], /Appendix C: named tenants: Not for publication by virtue of paragraph 1/);
      assert.match(pages[1], /Consultation summary: page 3/);
      assert.match(pages[2], /CONSULTATION SUMMARY/);
      assert.ok(!pages.join("").includes("Oddsock"));
      const pub = await readAgenda(t.db, m.slug);
      assert.deepEqual(pub!.items[0].papers.map((p) => [p.title, p.downloadable]), [["Draft policy", true], ["Appendix C: named tenants", false], ["Consultation summary", true]]);
      assert.equal(pub!.items[0].reportAuthor, "Sam Housing", "a public item with an exempt appendix stays public");
    });

    test("publishing from an out-of-date page is refused", async () => {
      const m = await scheduledMeeting(t.db, { date: "2026-05-21", slug: "planning-2026-05-21" });
      const at = new Date("2026-05-01T10:00:00Z");
      await addAgendaItem(t.db, m.slug, item("1", "Minutes"), actor(), at);
      const seen = (await readAgenda(t.db, m.slug, CLERK_VIEWER, { all: true }))!.version;
      await addAgendaItem(t.db, m.slug, item("2", "Another clerk's item"), actor(), at);
      await assert.rejects(publishAgenda(t.db, docs.documents, m.slug, { version: seen, lateReason: null, paperUrl }, actor(), at), { code: "conflict" });
      assert.equal((await readAgenda(t.db, m.slug))!.publications.length, 0);
      await assert.rejects(addAgendaItem(t.db, m.slug, item("2", "Same number"), actor(), at), { code: "conflict" });
      await assert.rejects(addAgendaItem(t.db, m.slug, item("9", "Exempt without ground", { exempt: true }), actor(), at), { code: "invalid" });
    });

    test("another clerk's change while the pack is built: the publish is refused and its pack not kept", async () => {
      const m = await scheduledMeeting(t.db, { date: "2026-09-17", slug: "planning-2026-09-17" });
      const at = new Date("2026-09-01T10:00:00Z");
      await addAgendaItem(t.db, m.slug, item("1", "Minutes"), actor(), at);
      const seen = (await readAgenda(t.db, m.slug, CLERK_VIEWER, { all: true }))!.version;
      const kept: string[] = [];
      // the pack is put in the store between the version check and the transaction: that is when the other clerk saves
      const racing = {
        ...docs.documents,
        async put(bytes: Uint8Array) {
          const key = await docs.documents.put(bytes);
          kept.push(key);
          await addAgendaItem(t.db, m.slug, item("2", "Added meanwhile"), actor(), at);
          return key;
        },
      };
      await assert.rejects(publishAgenda(t.db, racing, m.slug, { version: seen, lateReason: null, paperUrl }, actor(), at), { code: "conflict" });
      assert.equal(kept.length, 1);
      assert.equal(await docs.documents.get(kept[0]), null, "the pack of a refused publish is not kept");
      const after = await readAgenda(t.db, m.slug, CLERK_VIEWER, { all: true });
      assert.deepEqual(after!.items.map((i) => i.publicationSequence), [null, null]);
    });

    test("uploads are checked by their content, not their name", async () => {
      const m = await scheduledMeeting(t.db, { date: "2026-06-18", slug: "planning-2026-06-18" });
      const at = new Date("2026-06-01T10:00:00Z");
      const i = await addAgendaItem(t.db, m.slug, item("1", "Papers"), actor(), at);
      const paper = (bytes: Uint8Array, fileName = "paper.pdf") => addPaper(t.db, docs.documents, m.slug, { itemId: i.id, title: "A paper", fileName, bytes, exempt: false, exemptParagraph: null }, actor(), at);
      const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
      await assert.rejects(paper(png, "report.pdf"), { code: "invalid", message: /PDF or a Word document/ });
      await assert.rejects(paper(Buffer.from("<html>not a pdf</html>"), "report.docx"), { code: "invalid" });
      await assert.rejects(paper(makeZip({ "hello.txt": "a zip, not a Word document" }), "report.docx"), { code: "invalid" });
      await assert.rejects(paper(Buffer.from("%PDF-1.7\nbroken"), "report.pdf"), { code: "invalid", message: /could not be opened/ });
      await assert.rejects(paper(new Uint8Array(0)), { code: "invalid", message: /empty/ });
      const big = new Uint8Array(MAX_PAPER_BYTES + 1);
      big.set(Buffer.from("%PDF-1.7\n"));
      await assert.rejects(paper(big), { code: "invalid", message: /smaller than/ });
      const word = await paper(docxPaper("Word paper"), "minutes.pdf");
      const view = await readAgenda(t.db, m.slug, CLERK_VIEWER, { all: true });
      const stored = view!.items[0].papers.find((p) => p.id === word.id)!;
      assert.equal(stored.format, "docx");
      assert.equal(stored.fileName, "minutes.docx", "named for what it is");
      assert.equal((await t.db.selectFrom("meetings").where("slug", "=", m.slug).select("id").executeTakeFirst())?.id, m.id);
      await removePaper(t.db, docs.documents, m.slug, word.id, actor(), at);
      assert.equal((await readAgenda(t.db, m.slug, CLERK_VIEWER, { all: true }))!.items[0].papers.length, 0);
    });
  });
}
