// Snippets mark the match wherever it lies in a long text: PostgreSQL makes them from a window of
// the text around a query word, falling back to the whole text, so a match far into the text, a
// phrase whose words first appear apart, and a word whose stem is not spelled in the text are all
// still shown marked; an entry matched by its title shows its title. On both databases.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore, type Db } from "./db.ts";
import { search } from "./search.ts";
import { postgresUnavailable, startPostgres, type PostgresCluster } from "../../test/support/postgres.ts";

const PG_SKIP = postgresUnavailable();
const tmp = mkdtempSync(join(tmpdir(), "quorum-search-snippets-"));
let cluster: Promise<PostgresCluster> | null = null;

after(async () => {
  if (cluster) await (await cluster).stop();
  rmSync(tmp, { recursive: true, force: true });
});

const filler = (n: number) => Array.from({ length: n }, (_, i) => `Members noted paragraph ${i} of the quarterly budget monitoring report.`).join(" ");

const ITEMS = [
  { number: "1", title: "Budget monitoring", text: `${filler(120)} The zebra crossing on Mill Lane was approved.` },
  { number: "2", title: "Traffic matters", text: `The road was resurfaced. ${filler(60)} Safety of pupils was raised. ${filler(60)} A road safety audit was commissioned.` },
  { number: "3", title: "Housing", text: `${filler(40)} Two policies on empty homes were adopted.` },
  { number: "4", title: "Allotment tenancies", text: filler(30) },
];

for (const dialect of ["sqlite", "postgres"] as const) {
  describe(`search snippets on ${dialect}`, { skip: dialect === "postgres" && PG_SKIP ? PG_SKIP : false }, () => {
    let db: Db;

    before(async () => {
      let url: string;
      if (dialect === "sqlite") url = `sqlite:${join(tmp, "snippets.db")}`;
      else {
        cluster ??= startPostgres();
        url = await (await cluster).createDatabase();
      }
      db = await openStore(url);
      // the index rows themselves: what a snippet is made from
      const { id } = await db.insertInto("authorities").values({ slug: "crossley-borough-council", name: "Crossley Borough Council" }).returning("id").executeTakeFirstOrThrow();
      await db.insertInto("search_entries").values(ITEMS.map((i, k) => ({ kind: "item", entity_id: k + 1, meeting_id: null, body_id: null, authority_id: id, year: 2019, title: i.title, text: i.text }))).execute();
    });
    after(async () => db?.destroy());

    const snippetOf = async (q: string, title: string) => {
      const hit = (await search(db, q, { type: "item" })).data.find((h) => h.title === title);
      assert.ok(hit, `no item "${title}" found for ${q}: ${JSON.stringify((await search(db, q)).data.map((h) => [h.type, h.title]))}`);
      return hit.snippet;
    };

    test("a match far into a long text is shown marked", async () => {
      assert.match(await snippetOf("zebra", "Budget monitoring"), /<mark>zebra<\/mark> crossing on Mill Lane/i);
    });

    // PostgreSQL only: FTS5's snippet() shows the first fragment holding a phrase's first word here
    if (dialect === "postgres")
      test("a phrase whose words first appear apart is shown where it occurs", async () => {
        assert.match(await snippetOf(`"road safety"`, "Traffic matters"), /<mark>road( |<\/mark> <mark>)safety<\/mark> audit/i);
      });

    test("a word whose stem is not spelled in the text is shown marked", async () => {
      assert.match(await snippetOf("policy", "Housing"), /<mark>policies<\/mark> on empty homes/i);
    });

    test("an entry matched by its title alone shows its title", async () => {
      const snippet = await snippetOf("allotment", "Allotment tenancies");
      assert.match(snippet, /<mark>Allotment<\/mark>/);
      assert.doesNotMatch(snippet, /quarterly/);
    });
  });
}
