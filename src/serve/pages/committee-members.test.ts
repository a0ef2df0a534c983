// A committee's page lists its members apart from the officers recorded at its meetings.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { goldenDb, type TestDb } from "../../../test/support/portal-db.ts";
import { createApp } from "../app.ts";

let t: TestDb;
let app: ReturnType<typeof createApp>;
before(async () => {
  t = await goldenDb();
  app = createApp({ db: t.db, now: () => new Date("2017-01-15T12:00:00Z") });
});
after(() => t.close());

/** The rows of each table on the page, by caption: the name cell and the role cell. */
function tables(html: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of html.matchAll(/<table[\s\S]*?<\/table>/g)) {
    const caption = /<caption[^>]*>([\s\S]*?)<\/caption>/.exec(m[0])?.[1].trim() ?? "";
    const rows = [...m[0].matchAll(/<tr class="govuk-table__row">\s*<th scope="row"[\s\S]*?<\/tr>/g)].map((r) => r[0].replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim());
    out.set(caption, rows);
  }
  return out;
}

test("the Cabinet's officers are not listed among its members", async () => {
  const res = await app.request("/committees/buckinghamshire-county-council-cabinet");
  assert.equal(res.status, 200);
  const byCaption = tables(await res.text());
  const memberRows = [...byCaption.entries()].filter(([c]) => /member/i.test(c)).flatMap(([, rows]) => rows);
  assert.ok(memberRows.some((r) => /Tett/.test(r)), "the Leader is a member");
  // Buckinghamshire's officers at the meeting (Head of Democratic Services, Director of Finance …)
  assert.ok(!memberRows.some((r) => /\bOfficer\b|Ambrose|Shimmin|Quinton/.test(r)), `officers among members: ${memberRows.join(" | ")}`);
  const officers = byCaption.get("Officers") ?? [];
  assert.ok(officers.some((r) => /Shimmin|Quinton|Ambrose/.test(r)), "officers have their own table");
});
