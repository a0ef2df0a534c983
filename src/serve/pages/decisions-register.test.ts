// The decisions register's work does not grow with the instance: its committee filter lists one
// council's committees (the chosen council's, the chosen committee's, or the only council's), never
// every committee of every council; and its reads, by EXPLAIN QUERY PLAN, scan no big table and
// read no committee row but by key (the total is summed from the committees' summaries).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CompiledQuery } from "kysely";
import { openStore, type Db } from "../../store/db.ts";
import { createApp } from "../app.ts";
import { recordingStore, type Recorded } from "../../../test/support/query-plans.ts";
import { buildSmallArchive } from "../../../test/support/small-archive.ts";

const tmp = mkdtempSync(join(tmpdir(), "quorum-decisions-register-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

const committeeOptions = (html: string) => {
  const select = /<select class="govuk-select" id="body" name="body">([\s\S]*?)<\/select>/.exec(html);
  return select ? [...select[1].matchAll(/<option value="([^"]*)"( selected="")?/g)].map((m) => `${m[1]}${m[2] ? " (selected)" : ""}`) : null;
};

describe("the decisions register on an instance of several councils", () => {
  let db: Db;
  let rec: Recorded;
  let app: ReturnType<typeof createApp>;
  before(async () => {
    const url = `sqlite:${join(tmp, "register.db")}`;
    db = await openStore(url);
    await buildSmallArchive(db);
    rec = recordingStore(url);
    app = createApp({ db: rec.db, now: () => new Date("2026-12-05T12:00:00Z") });
  });
  after(async () => {
    await rec?.destroy();
    await db?.destroy();
  });

  test("lists the committees of one council only", async () => {
    const all = await (await app.request("/decisions")).text();
    assert.equal(committeeOptions(all), null);
    assert.match(all, /Choose a council to filter by one of its committees/);
    assert.match(all, /<option value="southby-borough-council"/);

    const north = await (await app.request("/decisions?authority=northshire-county-council")).text();
    assert.deepEqual(committeeOptions(north), [" (selected)", "northshire-county-council-cabinet", "northshire-county-council-planning-committee"]);

    const licensing = await (await app.request("/decisions?body=southby-borough-council-licensing-committee")).text();
    assert.deepEqual(committeeOptions(licensing), ["", "southby-borough-council-licensing-committee (selected)"]);
    assert.match(licensing, /Licensing Committee/);
  });

  test("reads no table whole but the councils' names and, for the total, the committees' summaries", async () => {
    rec.statements.splice(0);
    const res = await app.request("/decisions");
    assert.equal(res.status, 200);
    const plans: { detail: string; sql: string }[] = [];
    for (const q of rec.statements.splice(0)) {
      if (!/^\s*select/i.test(q.sql)) continue;
      const rows = await rec.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`EXPLAIN QUERY PLAN ${q.sql}`, [...q.parameters]));
      plans.push(...rows.rows.map((r) => ({ detail: r.detail, sql: q.sql })));
    }
    rec.statements.splice(0);
    const shown = plans.map((p) => `${p.detail}  in: ${p.sql.slice(0, 160)}`).join("\n");
    const allowed = (p: { detail: string; sql: string }) =>
      /^SCAN authorities\b/.test(p.detail) ||
      // the page's walk along the register's order, stopped by its LIMIT
      /^SCAN meetings USING INDEX meetings_date_order\b/.test(p.detail) ||
      // a sum over the committees' summaries (a row per committee, summed in the database)
      (/^SCAN (bodies|body_summaries)\b/.test(p.detail) && /\bsum\(/.test(p.sql));
    assert.deepEqual(
      plans.filter((p) => /^SCAN /.test(p.detail) && !allowed(p)).map((p) => p.detail),
      [],
      shown,
    );
  });
});
