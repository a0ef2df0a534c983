// The minute-taking page from a published agenda, through the app on SQLite and PostgreSQL: the
// agenda's items on the form (the exempt one ticked with its paragraph); an item the clerk takes off
// the form stays off (the form carries which agenda items it has taken in); a supplement's item
// published later is added at the end when the page opens, and the page says so.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { Hono } from "hono";
import { createApp } from "../app.ts";
import type { Db } from "../../store/db.ts";
import { addUser, setPasswordHash } from "../../store/accounts/users.ts";
import { hashPassword } from "../auth/password.ts";
import { eachStore } from "../../store/scrutiny/test-stores.ts";
import { client, PASSWORD, signInAs, type Client } from "../../../test/support/accounts.ts";
import { tempDocuments, type TempDocuments } from "../../../test/support/agenda.ts";
import { NORTHSHIRE, scheduledMeeting } from "../../../test/support/meetings.ts";
import { publishItems, sheetForm, THREE_ITEMS } from "../../../test/support/take-minutes.ts";

const at = new Date("2026-02-20T10:00:00Z");

eachStore("the minute-taking page from the agenda", (store) => {
  let db: Db;
  let app: Hono;
  let docs: TempDocuments;
  let slug: string;
  let clerk: Client;
  let actor: { userId: number; label: string };
  const page = () => `/admin/meetings/${slug}/take-minutes`;

  before(async () => {
    db = await store.open();
    docs = tempDocuments();
    const u = await addUser(db, { email: "clerk@council.gov.uk", role: "clerk", displayName: "Clerk" }, at);
    await setPasswordHash(db, u.id, await hashPassword(PASSWORD), at);
    actor = { userId: u.id, label: u.email };
    slug = (await scheduledMeeting(db, NORTHSHIRE)).slug;
    await publishItems(db, docs.documents, slug, THREE_ITEMS, actor, at);
    app = createApp({ db, now: () => at, documents: docs.documents });
    clerk = client(app);
    await signInAs(clerk, "clerk@council.gov.uk");
  });
  after(() => docs?.close());

  test("the form holds the agenda's items, the exempt one ticked with its paragraph", async () => {
    const form = await sheetForm(clerk, page());
    assert.deepEqual([form["item-count"], form["item-0-title"], form["item-1-title"], form["item-2-title"]], ["3", "Apologies for absence", "Highways maintenance programme 2026/27", "Depot site disposal"]);
    assert.deepEqual([form["item-1-exempt"], form["item-2-exempt"], form["item-2-paragraphs"]], [undefined, "yes", "3"]);
    assert.equal(form["agenda-items"].split(",").length, 3);
  });

  test("an item taken off the form stays off; a supplement's item is added at the end, and the page says so", async () => {
    // the clerk clears item 3's title: the form drops it
    const form = await sheetForm(clerk, page(), { "item-2-title": "", "item-2-exempt": "", "item-0-text": "Apologies from Cllr Kay Quill." });
    delete form["item-2-exempt"];
    assert.equal((await clerk.post(page(), { ...form, action: "save" })).status, 303);
    let html = await (await clerk.get(page())).text();
    assert.doesNotMatch(html, /Depot site disposal/);
    assert.doesNotMatch(html, /id="added-from-agenda"/);

    await publishItems(db, docs.documents, slug, [{ number: "4", title: "Flood grant" }], actor, at);
    html = await (await clerk.get(page())).text();
    assert.match(html, /id="added-from-agenda"[^>]*>\s*Published on the agenda since the last save, and added at the end: item 4\./);
    const after = await sheetForm(clerk, page());
    assert.deepEqual([after["item-count"], after["item-0-text"], after["item-2-title"]], ["3", "Apologies from Cllr Kay Quill.", "Flood grant"]);
  });
});
