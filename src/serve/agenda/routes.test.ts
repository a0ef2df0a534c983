// The agenda through the app, on SQLite and PostgreSQL: every agenda route for every role (a
// refused write changes nothing), a clerk building and publishing an agenda with two public papers
// and one exempt paper, the public meeting page, downloads, the API, and the forms' error states.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { Hono } from "hono";
import { sql } from "kysely";
import { readdirSync } from "node:fs";
import { createApp } from "../app.ts";
import type { Db } from "../../store/db.ts";
import { eachStore } from "../../store/scrutiny/test-stores.ts";
import { addRoleUsers, client, roleClients, signInAs, type Client, type Who } from "../../../test/support/accounts.ts";
import { pdfPagesText, pdfPaper, postMultipart, scheduledMeeting, tempDocuments, type TempDocuments } from "../../../test/support/agenda.ts";
import { readAudit } from "../../store/audit.ts";

const SECRET = "Acme Demolition Ltd tendered 412,000 pounds";
const AGENDA_TABLES = ["agendas", "agenda_items", "agenda_papers", "agenda_publications", "audit_log"];

eachStore("agenda routes", (store) => {
  let db: Db;
  let app: Hono;
  let docs: TempDocuments;
  const as = new Map<Who, Client>();
  const at = new Date("2026-03-10T15:00:00Z");
  let meeting: string;

  before(async () => {
    db = await store.open();
    docs = tempDocuments();
    await addRoleUsers(db, at);
    app = createApp({ db, now: () => at, documents: docs.documents });
    for (const [who, cl] of await roleClients(app)) as.set(who, cl);
    meeting = (await scheduledMeeting(db, { date: "2026-03-19", slug: "planning-2026-03-19" })).slug;
  });
  after(() => docs?.close());

  const counts = async () => {
    const out: Record<string, number> = {};
    for (const t of AGENDA_TABLES) out[t] = Number((await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.table(t)}`.execute(db)).rows[0].n);
    return out;
  };
  const csrfOf = (who: Who) => as.get(who)!.formToken(who === "signed out" ? "/sign-in" : "/admin");
  const page = (who: Who) => as.get(who)!.get(`/admin/meetings/${meeting}/agenda`);

  test("every agenda route, for every role: only clerks and admins may build and publish; a refused write changes nothing", async () => {
    // an item and a paper that exist, so the remove routes have something to refuse
    const clerk = as.get("clerk")!;
    const csrf = await csrfOf("clerk");
    assert.equal((await clerk.post(`/admin/meetings/${meeting}/agenda/items`, { csrf, "item-number": "1", "item-title": "Apologies" })).status, 303);
    const itemId = (await db.selectFrom("agenda_items" as never).select("id" as never).executeTakeFirstOrThrow() as { id: number }).id;
    const up = await postMultipart(app, clerk, `/admin/meetings/${meeting}/agenda/papers`, { csrf, "paper-item": String(itemId), "paper-title": "A note" }, { "paper-file": { name: "note.pdf", bytes: await pdfPaper(["A NOTE"]) } });
    assert.equal(up.status, 303);
    const paperId = (await db.selectFrom("agenda_papers" as never).select("id" as never).executeTakeFirstOrThrow() as { id: number }).id;

    for (const who of ["officer", "member", "signed out"] as const) {
      const cl = as.get(who)!;
      const res = await page(who);
      if (who === "signed out") {
        assert.equal(res.status, 302);
        assert.match(res.headers.get("location")!, /^\/sign-in\?next=/);
      } else assert.equal(res.status, 403, `${who} GET`);
      const token = await csrfOf(who);
      const before = await counts();
      const posts: [string, () => Promise<Response>][] = [
        ["add item", () => cl.post(`/admin/meetings/${meeting}/agenda/items`, { csrf: token, "item-number": "9", "item-title": "Refused" })],
        ["upload", async () => postMultipart(app, cl, `/admin/meetings/${meeting}/agenda/papers`, { csrf: token, "paper-item": String(itemId), "paper-title": "Refused" }, { "paper-file": { name: "x.pdf", bytes: await pdfPaper(["REFUSED"]) } })],
        ["remove paper", () => cl.post(`/admin/meetings/${meeting}/agenda/papers/${paperId}/remove`, { csrf: token })],
        ["remove item", () => cl.post(`/admin/meetings/${meeting}/agenda/items/${itemId}/remove`, { csrf: token })],
        ["publish", () => cl.post(`/admin/meetings/${meeting}/agenda/publish`, { csrf: token, version: "1", "late-reason": "x" })],
      ];
      for (const [what, post] of posts) {
        const r = await post();
        if (who === "signed out") {
          assert.equal(r.status, 303, `${who} ${what}`);
          assert.match(r.headers.get("location")!, /^\/sign-in\?next=/);
        } else assert.equal(r.status, 403, `${who} ${what}`);
        assert.deepEqual(await counts(), before, `${who} ${what} changed the store`);
      }
    }
    for (const who of ["admin", "clerk"] as const) {
      const res = await page(who);
      assert.equal(res.status, 200, who);
      assert.equal(res.headers.get("cache-control"), "no-store");
    }
    // the admin may remove what is not yet published
    const admin = as.get("admin")!;
    const token = await csrfOf("admin");
    assert.equal((await admin.post(`/admin/meetings/${meeting}/agenda/papers/${paperId}/remove`, { csrf: token })).status, 303);
    assert.equal((await admin.post(`/admin/meetings/${meeting}/agenda/items/${itemId}/remove`, { csrf: token })).status, 303);
    assert.deepEqual({ items: (await counts()).agenda_items, papers: (await counts()).agenda_papers }, { items: 0, papers: 0 });
    const audit = (await readAudit(db, { limit: 20 })).entries.map((e) => `${e.action} ${e.actorLabel}`);
    assert.ok(audit.includes("agenda.paper.remove admin@council.gov.uk"), audit.join(", "));
    assert.ok(audit.includes("agenda.item.add clerk@council.gov.uk"), audit.join(", "));
  });

  test("the forms' errors: a GOV.UK error summary, the title starting 'Error: ', and nothing written", async () => {
    const clerk = as.get("clerk")!;
    const csrf = await csrfOf("clerk");
    const before = await counts();
    const noTitle = await clerk.post(`/admin/meetings/${meeting}/agenda/items`, { csrf, "item-number": "1", "item-title": "  " });
    assert.equal(noTitle.status, 400);
    const html = await noTitle.text();
    assert.match(html, /<title>Error: Agenda/);
    assert.match(html, /govuk-error-summary/);
    assert.match(html, /href="#item-title">Enter the item&#39;s title|href="#item-title">Enter the item's title/);
    assert.equal((await clerk.post(`/admin/meetings/${meeting}/agenda/items`, { csrf, "item-number": "1", "item-title": "Bad paragraph", "item-exempt": "9" })).status, 400);
    assert.deepEqual(await counts(), before);
    assert.equal((await clerk.post(`/admin/meetings/${meeting}/agenda/items`, { csrf, "item-number": "5", "item-title": "Land at Mill Lane" })).status, 303);
    const itemId = String((await db.selectFrom("agenda_items" as never).where("number" as never, "=", "5" as never).select("id" as never).executeTakeFirstOrThrow() as { id: number }).id);
    const dup = await clerk.post(`/admin/meetings/${meeting}/agenda/items`, { csrf, "item-number": "5", "item-title": "Again" });
    assert.equal(dup.status, 409);
    assert.match(await dup.text(), /already has an item 5/);
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
    const notPdf = await postMultipart(app, clerk, `/admin/meetings/${meeting}/agenda/papers`, { csrf, "paper-item": itemId, "paper-title": "Photo" }, { "paper-file": { name: "photo.pdf", bytes: png, type: "application/pdf" } });
    assert.equal(notPdf.status, 422);
    assert.match(await notPdf.text(), /href="#paper-file">The selected file must be a PDF or a Word document/);
    const noFile = await postMultipart(app, clerk, `/admin/meetings/${meeting}/agenda/papers`, { csrf, "paper-item": itemId, "paper-title": "Nothing" }, {});
    assert.equal(noFile.status, 400);
    // publishing on 10 March for 19 March is on time; a stale version is refused
    const stale = await clerk.post(`/admin/meetings/${meeting}/agenda/publish`, { csrf, version: "1" });
    assert.equal(stale.status, 409);
    assert.match(await stale.text(), /has changed since this page was opened/);
    // tidy up for the journey below
    assert.equal((await clerk.post(`/admin/meetings/${meeting}/agenda/items/${itemId}/remove`, { csrf })).status, 303);
  });

  test("a clerk builds an agenda with two public papers and one exempt paper and publishes it; signed out, the meeting shows the pack and the exempt paper is named but cannot be fetched", async () => {
    const clerk = as.get("clerk")!;
    const csrf = await csrfOf("clerk");
    const add = (fields: Record<string, string>) => clerk.post(`/admin/meetings/${meeting}/agenda/items`, { csrf, ...fields });
    assert.equal((await add({ "item-number": "1", "item-title": "Apologies for absence" })).status, 303);
    assert.equal((await add({ "item-number": "2", "item-title": "Land at Mill Lane", "item-author": "Jo Planner", "item-wards": "Abbey; Castle", "item-decision-maker": "Planning Committee" })).status, 303);
    assert.equal((await add({ "item-number": "3", "item-title": "Depot demolition contract", "item-exempt": "3" })).status, 303);
    const ids = new Map((await db.selectFrom("agenda_items" as never).select(["id", "number"] as never[]).execute() as { id: number; number: string }[]).map((r) => [r.number, String(r.id)]));
    const upload = async (item: string, title: string, pages: string[], exempt = "") =>
      postMultipart(app, clerk, `/admin/meetings/${meeting}/agenda/papers`, { csrf, "paper-item": ids.get(item)!, "paper-title": title, "paper-exempt": exempt }, { "paper-file": { name: `${title}.pdf`, bytes: await pdfPaper(pages) } });
    assert.equal((await upload("2", "Officer report", ["MILL LANE REPORT ONE", "MILL LANE REPORT TWO"])).status, 303);
    assert.equal((await upload("2", "Site plan", ["MILL LANE SITE PLAN"])).status, 303);
    assert.equal((await upload("3", "Tender evaluation", [SECRET])).status, 303);

    // before publication: nothing public; the clerk's view of the meeting page links to the workspace
    const unpublished = await (await as.get("signed out")!.get(`/meetings/${meeting}`)).text();
    assert.ok(!unpublished.includes('id="agenda"') && !unpublished.includes("Land at Mill Lane"));
    assert.match(await (await clerk.get(`/meetings/${meeting}`)).text(), new RegExp(`Not published yet\\. <a class="govuk-link" href="/admin/meetings/${meeting}/agenda">`));
    assert.equal((await as.get("signed out")!.get(`/api/v1/meetings/${meeting}/agenda`)).status, 200);
    assert.deepEqual(((await (await as.get("signed out")!.get(`/api/v1/meetings/${meeting}/agenda`)).json()) as any).items, []);

    const adminPage = await (await page("clerk")).text();
    const version = /name="version" value="(\d+)"/.exec(adminPage)![1];
    const published = await clerk.post(`/admin/meetings/${meeting}/agenda/publish`, { csrf, version, "late-reason": "" });
    assert.equal(published.status, 303);
    assert.equal(published.headers.get("location"), `/meetings/${meeting}#agenda`);

    const pub = as.get("signed out")!;
    const meetingPage = await pub.get(`/meetings/${meeting}`);
    assert.equal(meetingPage.status, 200);
    const html = await meetingPage.text();
    assert.match(html, /Agenda reports pack \(PDF, 5 pages/);
    assert.match(html, /Tender evaluation: not available\. Not for publication by virtue of paragraph 3/);
    assert.match(html, /Report author<\/dt><dd class="govuk-summary-list__value">Jo Planner/);
    assert.ok(!html.includes(SECRET));
    const links = [...html.matchAll(/href="(\/meetings\/[^"]+\/documents\/[^"]+)"/g)].map((m) => m[1]);
    assert.equal(links.length, 3, links.join(" "));

    const exemptId = await db.selectFrom("agenda_papers" as never).where("title" as never, "=", "Tender evaluation" as never).select("id" as never).executeTakeFirstOrThrow() as { id: number };
    assert.equal((await pub.get(`/meetings/${meeting}/documents/paper-${exemptId.id}`)).status, 404);
    const entitled = await as.get("clerk")!.get(`/meetings/${meeting}/documents/paper-${exemptId.id}`);
    assert.equal(entitled.status, 200, "the clerk may fetch it");
    assert.equal(entitled.headers.get("cache-control"), "private, no-store");
    for (const link of links) {
      const res = await pub.get(link);
      assert.equal(res.status, 200, link);
      const bytes = new Uint8Array(await res.arrayBuffer());
      assert.equal(Buffer.from(bytes.subarray(0, 5)).toString("latin1"), "%PDF-");
      assert.ok(!pdfPagesText(bytes).join("").includes("Acme"), link);
    }
    const pack = new Uint8Array(await (await pub.get(`/meetings/${meeting}/documents/pack`)).arrayBuffer());
    const pages = pdfPagesText(pack);
    assert.deepEqual(pages.map((p) => (/MILL LANE [A-Z ]+/.exec(p)?.[0] ?? "").trim()), ["", "", "MILL LANE REPORT ONE", "MILL LANE REPORT TWO", "MILL LANE SITE PLAN"]);
    assert.equal((await pub.get(`/meetings/${meeting}/documents/supplement-1`)).status, 404);
    assert.equal((await pub.get(`/meetings/${meeting}/documents/..%2F..%2Fetc%2Fpasswd`)).status, 400);

    const api = await (await pub.get(`/api/v1/meetings/${meeting}/agenda`)).json() as any;
    assert.equal(api.publications[0].late, false);
    assert.equal(api.publications[0].clearWorkingDays, 6);
    assert.deepEqual(api.items.map((i: any) => [i.number, i.exempt, i.papers.map((p: any) => p.download !== null)]), [["1", false, []], ["2", false, [true, true]], ["3", true, [false]]]);
    assert.ok(!JSON.stringify(api).includes("Acme"));
    // the meeting's record links to the pack and the agenda, the agenda to the papers, each with the media type it is served as
    const record = await (await pub.get(`/api/v1/meetings/${meeting}`)).json() as any;
    assert.deepEqual(record.documents, [{ title: "Agenda reports pack", url: `/meetings/${meeting}/documents/pack`, mediaType: "application/pdf" }]);
    assert.equal(record.agendaApiUrl, `/api/v1/meetings/${meeting}/agenda`);
    const linked = [...record.documents, api.publications[0].pack, ...api.items.flatMap((i: any) => i.papers.filter((p: any) => p.download).map((p: any) => ({ url: p.download, mediaType: p.mediaType })))];
    assert.equal(linked.length, 4);
    for (const d of linked) assert.equal((await pub.get(d.url)).headers.get("content-type"), d.mediaType, d.url);
    const doc = await (await pub.get("/api/v1/openapi.json")).json() as any;
    assert.ok(doc.paths["/api/v1/meetings/{id}/agenda"]);
    assert.ok(doc.paths["/meetings/{id}/documents/{document}"].get.responses["200"].content["application/pdf"]);
    assert.ok(doc.components.schemas.AgendaPaper);
  });

  test("a paper over the size limit is refused before it is read, and nothing is kept", async () => {
    const clerk = as.get("clerk")!;
    const csrf = await csrfOf("clerk");
    const before = await counts();
    const files = readdirSync(docs.dir, { recursive: true }).length;
    const big = new Uint8Array(21 * 1024 * 1024);
    big.set(Buffer.from("%PDF-1.7\n"));
    const res = await postMultipart(app, clerk, `/admin/meetings/${meeting}/agenda/papers`, { csrf, "paper-item": "1", "paper-title": "Huge" }, { "paper-file": { name: "huge.pdf", bytes: big } });
    assert.equal(res.status, 413);
    assert.deepEqual(await counts(), before);
    assert.equal(readdirSync(docs.dir, { recursive: true }).length, files);
  });

  test("a late supplement needs its reason, which is shown publicly", async () => {
    const clerk = as.get("clerk")!;
    const csrf = await csrfOf("clerk");
    const late = client(createApp({ db, now: () => new Date("2026-03-16T09:00:00Z"), documents: docs.documents }));
    assert.equal((await signInAs(late, "clerk@council.gov.uk")).status, 303);
    const lateCsrf = await late.formToken("/admin");
    void clerk;
    void csrf;
    assert.equal((await late.post(`/admin/meetings/${meeting}/agenda/items`, { csrf: lateCsrf, "item-number": "4", "item-title": "Urgent item: flood repairs" })).status, 303);
    const adminPage = await (await late.get(`/admin/meetings/${meeting}/agenda`)).text();
    assert.match(adminPage, /Publishing today gives 2 clear working days/);
    const version = /name="version" value="(\d+)"/.exec(adminPage)![1];
    const refused = await late.post(`/admin/meetings/${meeting}/agenda/publish`, { csrf: lateCsrf, version, "late-reason": "" });
    assert.equal(refused.status, 422);
    const body = await refused.text();
    assert.match(body, /<title>Error: /);
    assert.match(body, /href="#late-reason">Publishing now gives 2 clear working days before the meeting, fewer than 5: give the reason it is late/);
    const ok = await late.post(`/admin/meetings/${meeting}/agenda/publish`, { csrf: lateCsrf, version, "late-reason": "The storm damage was assessed on 13 March" });
    assert.equal(ok.status, 303);
    const html = await (await as.get("signed out")!.get(`/meetings/${meeting}`)).text();
    assert.match(html, /Supplement 1 published Monday 16 March 2026 at 09:00, 2 clear working days before the meeting/);
    assert.match(html, /The reason: The storm damage was assessed on 13 March/);
    assert.match(html, /Supplementary agenda reports pack 1/);
  });
});
