// A clerk's merge and split against `quorum import` as a real process: import real minutes, merge
// (or split), import again (the same files, then corrected copies that recreate every attendance
// row), and the clerk's decision still holds.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore, type Db } from "../../src/store/db.ts";
import { mergePeople, splitPerson } from "../../src/store/people/merge.ts";
import { C_SHEEHY, CLLR_SHEEHY, PEOPLE_FIXTURES, whoIsWho } from "../support/people.ts";

const BIN = new URL("../../bin/quorum", import.meta.url).pathname;
const D_SHEEHY = "d-sheehy-limerick-city-and-county-council";
const actor = { userId: null, label: "clerk@council.gov.uk" };
let dir: string;
let docs: string;
let dbPath: string;

function importAll() {
  const r = spawnSync(process.execPath, [BIN, "import", docs, "--db", dbPath], { encoding: "utf8", timeout: 120_000 });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

/** Re-exported copies: the same minutes with a line added, so every row is written again. */
function correctDocuments(n: number) {
  for (const f of readdirSync(docs).filter((x) => x.endsWith(".md") && x !== "SOURCE.md")) appendFileSync(join(docs, f), `\n\nRe-exported ${n}.\n`);
}

async function withDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const db = await openStore(`sqlite:${dbPath}`);
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

const attendanceIds = () => withDb(async (db) => (await db.selectFrom("attendance").select("id").orderBy("id").execute()).map((r) => r.id));

before(() => {
  dir = mkdtempSync(join(tmpdir(), "quorum-people-"));
  docs = join(dir, "minutes");
  // the minutes and their folder settings, not the fixture's SOURCE.md
  cpSync(PEOPLE_FIXTURES, docs, { recursive: true, filter: (src) => !src.endsWith("SOURCE.md") });
  dbPath = join(dir, "quorum.db");
});
after(() => rmSync(dir, { recursive: true, force: true }));

test("a merge holds through `quorum import` of the same files and of corrected copies", async () => {
  importAll();
  assert.match((await withDb((db) => whoIsWho(db, "%C. Sheehy%")))[0], new RegExp(`→ ${C_SHEEHY}$`), "the rules keep Ms C. Sheehy apart");
  await withDb(async (db) => {
    const v = (await db.selectFrom("people").where("slug", "=", C_SHEEHY).select("version").executeTakeFirstOrThrow()).version;
    await mergePeople(db, { slug: C_SHEEHY, version: v, into: CLLR_SHEEHY, actor, now: new Date() });
  });
  const merged = await withDb((db) => whoIsWho(db, "%Sheehy%"));
  assert.ok(merged.every((l) => l.endsWith(`→ ${CLLR_SHEEHY}`)), merged.join("\n"));
  assert.match(importAll(), /unchanged 2/);
  assert.deepEqual(await withDb((db) => whoIsWho(db, "%Sheehy%")), merged);
  const ids = await attendanceIds();
  correctDocuments(1);
  assert.match(importAll(), /2 updated in place/);
  assert.notDeepEqual(await attendanceIds(), ids, "the corrected copies recreated the attendance rows");
  assert.deepEqual(await withDb((db) => whoIsWho(db, "%Sheehy%")), merged);
  assert.equal(await withDb(async (db) => (await db.selectFrom("people").where("slug", "=", C_SHEEHY).select("id").executeTakeFirst()) ?? null), null);
});

test("a split holds through `quorum import` of the same files and of corrected copies", async () => {
  await withDb(async (db) => {
    const p = await db.selectFrom("people").where("slug", "=", CLLR_SHEEHY).select(["id", "version"]).executeTakeFirstOrThrow();
    const rows = await db.selectFrom("attendance").where("person_id", "=", p.id).where("raw_name", "=", "Mr. D. Sheehy").select("id").execute();
    assert.equal(rows.length, 2);
    assert.equal((await splitPerson(db, { slug: CLLR_SHEEHY, version: p.version, attendanceIds: rows.map((r) => r.id), actor, now: new Date() })).slug, D_SHEEHY);
  });
  const split = await withDb((db) => whoIsWho(db, "%Sheehy%"));
  assert.deepEqual(split.map((l) => l.replace(/^\w+#\d+ /, "")), [
    `Councillor Sheehy → ${CLLR_SHEEHY}`,
    `Mr. D. Sheehy → ${D_SHEEHY}`,
    `Councillor Sheehy → ${CLLR_SHEEHY}`,
    `Mr. D. Sheehy → ${D_SHEEHY}`,
    `Ms. C. Sheehy → ${CLLR_SHEEHY}`,
  ]);
  importAll();
  assert.deepEqual(await withDb((db) => whoIsWho(db, "%Sheehy%")), split);
  correctDocuments(2);
  assert.match(importAll(), /2 updated in place/);
  assert.deepEqual(await withDb((db) => whoIsWho(db, "%Sheehy%")), split);
});
