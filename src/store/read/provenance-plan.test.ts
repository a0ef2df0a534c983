// Provenance is packed on its document's row (migration 041), so reading it is one read of that row
// by its key: no read of provenance may scan the documents.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, type CompiledQuery } from "kysely";
import { STAFFS, importInto } from "../../../test/support/portal-db.ts";
import { openStore, type Db } from "../db.ts";
import type { Database } from "../schema.ts";
import { getMeetingProvenance, getProvenance } from "./index.ts";

const dir = mkdtempSync(join(tmpdir(), "quorum-plan-"));
const path = join(dir, "plan.db");
let db: Db;
let raw: SQLite.Database;
let logged: Kysely<Database>;
const queries: CompiledQuery[] = [];

before(async () => {
  db = await openStore(path);
  await importInto(db, [STAFFS]);
  raw = new SQLite(path, { readonly: true });
  logged = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(path, { readonly: true }) }), log: (e) => void (e.level === "query" && queries.push(e.query)) });
});
after(async () => {
  await logged.destroy();
  raw.close();
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

function documentPlans(): string[] {
  return queries.filter((q) => /\bfrom "source_documents"/i.test(q.sql)).map((q) => (raw.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.parameters as unknown[])) as { detail: string }[]).map((r) => r.detail).join("; "));
}

test("an entity's provenance and a meeting's are read from the document's row by its key, never a scan", async () => {
  queries.length = 0;
  const meeting = await db.selectFrom("meetings").select(["id", "slug"]).executeTakeFirstOrThrow();
  const resolution = await db.selectFrom("resolutions").where("meeting_id", "=", meeting.id).select("id").orderBy("id").executeTakeFirstOrThrow();
  const item = await db.selectFrom("items").where("meeting_id", "=", meeting.id).select("id").orderBy("id").executeTakeFirstOrThrow();
  const spans = [
    ...(await getProvenance(logged as Db, "resolution", resolution.id)),
    ...(await getProvenance(logged as Db, "item", item.id)),
    ...(await getProvenance(logged as Db, "meeting", meeting.id)),
  ];
  assert.deepEqual(new Set(spans.map((s) => s.entity)), new Set(["resolution", "item", "meeting"]));
  assert.ok((await getMeetingProvenance(logged as Db, meeting.slug)).length > 10);
  const plans = documentPlans();
  assert.equal(plans.length, 4);
  for (const plan of plans) {
    assert.match(plan, /SEARCH source_documents USING INTEGER PRIMARY KEY/, plan);
    assert.doesNotMatch(plan, /SCAN source_documents\b/, plan);
  }
});
