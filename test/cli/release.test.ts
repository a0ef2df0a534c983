// `quorum release` as a real process: an exempt item whose release date has come gets its text into
// search; run again, it has nothing to do; an item whose date is still to come stays out.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { openStore } from "../../src/store/db.ts";
import { importDocuments } from "../../src/cli/start.ts";
import { entryTexts } from "../../src/store/search-read.ts";

const BIN = new URL("../../bin/quorum", import.meta.url).pathname;
const V2_EXEMPT = join(resolve(import.meta.dirname, "../fixtures/exempt"), "staffs-2016-12-12-v2-item-35-exempt.txt");
let dir: string;
let dbPath: string;

const quorum = (args: string[]) => spawnSync(process.execPath, [BIN, ...args, "--db", dbPath], { encoding: "utf8", timeout: 60_000 });

async function indexedText(): Promise<string> {
  const db = await openStore(dbPath);
  try {
    const item = await db.selectFrom("items").where("number", "=", "35").select("id").executeTakeFirstOrThrow();
    const { id } = await db.selectFrom("search_entries").where("kind", "=", "item").where("entity_id", "=", item.id).select("id").executeTakeFirstOrThrow();
    return (await entryTexts(db, [id]))[0].text;
  } finally {
    await db.destroy();
  }
}

async function releaseOn(date: string): Promise<void> {
  const db = await openStore(dbPath);
  try {
    await db.updateTable("items").set({ exempt_release_on: date }).where("number", "=", "35").execute();
  } finally {
    await db.destroy();
  }
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "quorum-release-"));
  dbPath = join(dir, "quorum.db");
  const db = await openStore(dbPath);
  await importDocuments(db, [V2_EXEMPT]);
  await db.destroy();
});
after(() => rmSync(dir, { recursive: true, force: true }));

test("quorum release indexes an item released by today, once; a date still to come waits", async () => {
  await releaseOn("2999-01-01");
  let r = quorum(["release"]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^released by \d{4}-\d{2}-\d{2}: 0 meetings indexed again\n$/);
  assert.equal(await indexedText(), "");

  await releaseOn("2000-01-01");
  r = quorum(["release"]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /: 1 meeting indexed again\n$/);
  assert.match(await indexedText(), /confidential HR matter/);
  r = quorum(["release"]);
  assert.match(r.stdout, /: 0 meetings indexed again\n$/);
});
