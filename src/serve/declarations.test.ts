// Declarations of interest end to end: minutes imported through the parser, as `quorum import`
// does, show their declaration on the meeting page and in the meeting's API record.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { GOLDEN_DEV, parsedDb, type TestDb } from "../../test/support/portal-db.ts";
import { createApp } from "./app.ts";

const STOKE_FERRY = join(GOLDEN_DEV, "2018-11-stoke-ferry-parish-council-minutes-of-september-meeeting.md");

let t: TestDb;
before(async () => {
  t = await parsedDb([STOKE_FERRY]);
});
after(() => t.close());

async function meetingSlug(app: ReturnType<typeof createApp>): Promise<string> {
  const list = (await (await app.request("/api/v1/meetings")).json()) as { data?: { id: string }[]; items?: { id: string }[] };
  const rows = list.data ?? list.items ?? [];
  assert.equal(rows.length, 1, JSON.stringify(list).slice(0, 300));
  return rows[0].id;
}

test("the meeting's API record lists Cllr Grant Tomkins's declaration", async () => {
  const app = createApp({ db: t.db });
  const slug = await meetingSlug(app);
  const res = await app.request(`/api/v1/meetings/${slug}`);
  assert.equal(res.status, 200);
  const m = (await res.json()) as { declarations: { name: string; interest: string | null; description: string | null }[] };
  assert.equal(m.declarations.length, 1, JSON.stringify(m.declarations));
  assert.equal(m.declarations[0].name, "Cllr Grant Tomkins");
  assert.match(m.declarations[0].description ?? "", /^Planning Application: Installation of ground mounted solar PV array/);
});

test("the meeting page shows the declaration", async () => {
  const app = createApp({ db: t.db });
  const slug = await meetingSlug(app);
  const res = await app.request(`/meetings/${slug}`);
  assert.equal(res.status, 200);
  const html = await res.text();
  const section = html.slice(html.indexOf('id="declarations"'), html.indexOf('id="items"'));
  assert.match(section, /Grant Tomkins/);
  assert.match(section, /solar PV array/);
});
