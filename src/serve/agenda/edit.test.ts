// Editing an agenda item through the app, on SQLite and PostgreSQL: the edit page and the edit and
// move writes for every role (a refused write changes nothing), each change audited, two clerks
// from one page (the second refused with 409), the forms' error states, and after publication a
// change only with its reason, which is shown publicly and reaches search; a published item keeps
// its place.
import { before, after, test } from "node:test";
import assert from "node:assert/strict";
import type { Hono } from "hono";
import { sql } from "kysely";
import { createApp } from "../app.ts";
import type { Db } from "../../store/db.ts";
import { eachStore } from "../../store/scrutiny/test-stores.ts";
import { addRoleUsers, roleClients, type Client, type Who } from "../../../test/support/accounts.ts";
import { pdfPaper, postMultipart, scheduledMeeting, tempDocuments, type TempDocuments } from "../../../test/support/agenda.ts";
import { readAudit } from "../../store/audit.ts";
import { search } from "../../store/search.ts";
import { paperText } from "../../ingest/paper-text.ts";

const TABLES = ["agendas", "agenda_items", "agenda_papers", "agenda_publications", "agenda_item_changes", "audit_log"];

eachStore("editing agenda items", (store) => {
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
    app = createApp({ db, now: () => at, documents: docs.documents, paperText });
    for (const [who, cl] of await roleClients(app)) as.set(who, cl);
    meeting = (await scheduledMeeting(db, { date: "2026-03-19", slug: "planning-2026-03-19" })).slug;
  });
  after(() => docs?.close());

  const counts = async () => {
    const out: Record<string, string> = {};
    for (const t of TABLES) out[t] = JSON.stringify((await sql`SELECT * FROM ${sql.table(t)} ORDER BY 1`.execute(db)).rows);
    return out;
  };
  const csrfOf = (who: Who) => as.get(who)!.formToken(who === "signed out" ? "/sign-in" : "/admin");
  const itemId = async (number: string) => String(((await db.selectFrom("agenda_items" as never).where("number" as never, "=", number as never).select("id" as never).executeTakeFirstOrThrow()) as { id: number }).id);
  const versionOf = async () => /name="version" value="(\d+)"/.exec(await (await as.get("clerk")!.get(`/admin/meetings/${meeting}/agenda`)).text())![1];
  const order = async () => [...(await (await as.get("clerk")!.get(`/admin/meetings/${meeting}/agenda`)).text()).matchAll(/<h3 class="govuk-heading-s govuk-!-margin-bottom-1">([^<.]+)\./g)].map((m) => m[1]);
  const fields = (over: Record<string, string> = {}) => ({ "item-number": "2", "item-title": "Land at Mill Lane", "item-author": "", "item-wards": "", "item-decision-maker": "", "item-exempt": "", ...over });

  test("the edit page and the edit and move writes: only clerks and admins; a refused write changes nothing", async () => {
    const clerk = as.get("clerk")!;
    const csrf = await csrfOf("clerk");
    for (const [n, title] of [["1", "Apologies for absence"], ["2", "Land at Mill Lane"], ["3", "Depot contract"]]) assert.equal((await clerk.post(`/admin/meetings/${meeting}/agenda/items`, { csrf, "item-number": n, "item-title": title })).status, 303);
    const id = await itemId("2");
    const version = await versionOf();
    for (const who of ["officer", "member", "signed out"] as const) {
      const cl = as.get(who)!;
      const get = await cl.get(`/admin/meetings/${meeting}/agenda/items/${id}`);
      if (who === "signed out") assert.equal(get.status, 302);
      else assert.equal(get.status, 403, `${who} GET`);
      const token = await csrfOf(who);
      const before = await counts();
      for (const [what, path, body] of [
        ["edit", `/admin/meetings/${meeting}/agenda/items/${id}`, { csrf: token, version, ...fields({ "item-title": "Refused" }) }],
        ["move", `/admin/meetings/${meeting}/agenda/items/${id}/move`, { csrf: token, version, direction: "up" }],
      ] as const) {
        const r = await cl.post(path, body);
        if (who === "signed out") {
          assert.equal(r.status, 303, `${who} ${what}`);
          assert.match(r.headers.get("location")!, /^\/sign-in\?next=/);
        } else assert.equal(r.status, 403, `${who} ${what}`);
        assert.deepEqual(await counts(), before, `${who} ${what} changed the store`);
      }
    }
    for (const who of ["admin", "clerk"] as const) {
      const res = await as.get(who)!.get(`/admin/meetings/${meeting}/agenda/items/${id}`);
      assert.equal(res.status, 200, who);
      assert.equal(res.headers.get("cache-control"), "no-store");
      const html = await res.text();
      // the add form's field names, prefilled
      assert.match(html, /name="item-title"[^>]*value="Land at Mill Lane"|value="Land at Mill Lane"[^>]*name="item-title"/);
    }
    // the admin edits, the clerk moves: each audited
    const admin = as.get("admin")!;
    const edited = await admin.post(`/admin/meetings/${meeting}/agenda/items/${id}`, { csrf: await csrfOf("admin"), version, ...fields({ "item-title": "Land at Mill Lane, Abbey", "item-author": "Jo Planner", "item-wards": "Abbey", "item-decision-maker": "Planning Committee", "item-exempt": "" }) });
    assert.equal(edited.status, 303);
    assert.equal(edited.headers.get("location"), `/admin/meetings/${meeting}/agenda#agenda-item-${id}`);
    const moved = await clerk.post(`/admin/meetings/${meeting}/agenda/items/${id}/move`, { csrf, version: await versionOf(), direction: "down" });
    assert.equal(moved.status, 303);
    assert.deepEqual(await order(), ["1", "3", "2"]);
    assert.equal((await clerk.post(`/admin/meetings/${meeting}/agenda/items/${id}/move`, { csrf, version: await versionOf(), direction: "up" })).status, 303);
    assert.deepEqual(await order(), ["1", "2", "3"]);
    const audit = (await readAudit(db, { limit: 20 })).entries.map((e) => `${e.action} ${e.actorLabel}`);
    assert.ok(audit.includes("agenda.item.edit admin@council.gov.uk"), audit.join(", "));
    assert.ok(audit.includes("agenda.item.move clerk@council.gov.uk"), audit.join(", "));
    const entry = (await readAudit(db, { limit: 20 })).entries.find((e) => e.action === "agenda.item.edit")!;
    assert.equal((entry.before as { title: string }).title, "Land at Mill Lane");
    assert.equal((entry.after as { title: string }).title, "Land at Mill Lane, Abbey");
  });

  test("two clerks from one page: the second change is refused with 409 and the first stays", async () => {
    const id = await itemId("2");
    const version = await versionOf();
    const first = await as.get("clerk")!.post(`/admin/meetings/${meeting}/agenda/items/${id}`, { csrf: await csrfOf("clerk"), version, ...fields({ "item-title": "Land at Mill Lane (first clerk)" }) });
    assert.equal(first.status, 303);
    const before = await counts();
    const second = await as.get("admin")!.post(`/admin/meetings/${meeting}/agenda/items/${id}`, { csrf: await csrfOf("admin"), version, ...fields({ "item-title": "Land at Mill Lane (second clerk)" }) });
    assert.equal(second.status, 409);
    const html = await second.text();
    assert.match(html, /<title>Error: /);
    assert.match(html, /has changed since this page was opened/);
    assert.deepEqual(await counts(), before);
    const move = await as.get("admin")!.post(`/admin/meetings/${meeting}/agenda/items/${id}/move`, { csrf: await csrfOf("admin"), version, direction: "up" });
    assert.equal(move.status, 409);
    assert.deepEqual(await counts(), before);
  });

  test("the edit form's errors: a GOV.UK error summary, the title starting 'Error: ', and nothing written", async () => {
    const clerk = as.get("clerk")!;
    const csrf = await csrfOf("clerk");
    const id = await itemId("2");
    const version = await versionOf();
    const before = await counts();
    const noTitle = await clerk.post(`/admin/meetings/${meeting}/agenda/items/${id}`, { csrf, version, ...fields({ "item-title": " " }) });
    assert.equal(noTitle.status, 400);
    const html = await noTitle.text();
    assert.match(html, /<title>Error: /);
    assert.match(html, /govuk-error-summary/);
    assert.match(html, /href="#item-title">Enter the item/);
    const dup = await clerk.post(`/admin/meetings/${meeting}/agenda/items/${id}`, { csrf, version, ...fields({ "item-number": "3" }) });
    assert.equal(dup.status, 409);
    assert.match(await dup.text(), /already has an item 3/);
    assert.equal((await clerk.post(`/admin/meetings/${meeting}/agenda/items/${await itemId("1")}/move`, { csrf, version, direction: "up" })).status, 409, "the first item cannot move up");
    assert.equal((await clerk.post(`/admin/meetings/${meeting}/agenda/items/${id}/move`, { csrf, version, direction: "sideways" })).status, 400);
    assert.deepEqual(await counts(), before);
  });

  test("after publication: a change needs its reason, shown publicly with the agenda and followed by search; a published item keeps its place", async () => {
    const clerk = as.get("clerk")!;
    const csrf = await csrfOf("clerk");
    const id = await itemId("2");
    const up = await postMultipart(app, clerk, `/admin/meetings/${meeting}/agenda/papers`, { csrf, "paper-item": id, "paper-title": "Officer report" }, { "paper-file": { name: "report.pdf", bytes: await pdfPaper(["The quarry extension at Mill Lane"]) } });
    assert.equal(up.status, 303);
    assert.equal((await clerk.post(`/admin/meetings/${meeting}/agenda/publish`, { csrf, version: await versionOf(), "late-reason": "" })).status, 303);
    assert.equal((await search(db, "quarry extension")).total, 1, "the paper's text is searchable");

    // unpublished-only actions are gone from a published item
    const before = await counts();
    const noReason = await clerk.post(`/admin/meetings/${meeting}/agenda/items/${id}`, { csrf, version: await versionOf(), ...fields({ "item-title": "Land at Mill Lane, withdrawn in part" }) });
    assert.equal(noReason.status, 422);
    const html = await noReason.text();
    assert.match(html, /<title>Error: /);
    assert.match(html, /href="#change-reason">Item 2 has been published: give the reason for the change/);
    assert.equal((await clerk.post(`/admin/meetings/${meeting}/agenda/items/${id}/move`, { csrf, version: await versionOf(), direction: "up" })).status, 409);
    assert.deepEqual(await counts(), before);

    const ok = await clerk.post(`/admin/meetings/${meeting}/agenda/items/${id}`, { csrf, version: await versionOf(), ...fields({ "item-title": "Land at Mill Lane, northern field", "item-exempt": "3", "change-reason": "The officer's report names the bidders" }) });
    assert.equal(ok.status, 303);
    const pub = await (await as.get("signed out")!.get(`/meetings/${meeting}`)).text();
    assert.match(pub, /2\. Land at Mill Lane, northern field/);
    assert.match(pub, /Changed on Tuesday 10 March 2026: The officer(&#39;|')s report names the bidders/);
    assert.match(pub, /Officer report: not available/);
    // search follows: the new title, and the paper's text is gone now that its item is exempt
    assert.deepEqual((await search(db, "northern field", { type: "agenda" })).data.map((h) => h.title), ["2. Land at Mill Lane, northern field"]);
    assert.equal((await search(db, "quarry extension")).total, 0);
    // and back to public: the paper's text is read again
    assert.equal((await clerk.post(`/admin/meetings/${meeting}/agenda/items/${id}`, { csrf, version: await versionOf(), ...fields({ "item-title": "Land at Mill Lane, northern field", "change-reason": "Bidders' names taken out of the report" }) })).status, 303);
    assert.equal((await search(db, "quarry extension")).total, 1);
    const api = (await (await as.get("signed out")!.get(`/api/v1/meetings/${meeting}/agenda`)).json()) as { items: { number: string; changes: { on: string; reason: string }[] }[] };
    assert.deepEqual(api.items.find((i) => i.number === "2")!.changes.map((c) => c.reason), ["The officer's report names the bidders", "Bidders' names taken out of the report"]);
  });
});
