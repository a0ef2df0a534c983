// Hostile and pathological documents through the real `quorum` command: each is parsed in a worker
// with a time and memory budget; one that exceeds it becomes a one-line error naming the file, the
// run goes on with the other documents, and the store is left as it was.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../../src/store/db.ts";
import { storeCounts, storeDigest } from "../../src/store/digest.ts";
import { docxBomb, manyItems, oneLongLine, presentList } from "../support/hostile.ts";

const bin = new URL("../../bin/quorum", import.meta.url).pathname;
const golden = new URL("../golden/dev/", import.meta.url).pathname;
const GOOD = "staffs-safe-strong-2016-12-12.txt";
const tmp = mkdtempSync(join(tmpdir(), "quorum-contained-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", env: { ...process.env, ...env }, maxBuffer: 256 * 1024 * 1024 });

function folder(name: string, files: Record<string, string | Buffer>): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content);
  return dir;
}

async function inStore<T>(db: string, read: (db: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const store = await openStore(db);
  try {
    return await read(store);
  } finally {
    await store.destroy();
  }
}

test("a DOCX bomb beside good minutes: the bomb fails on one line, the good minutes are stored", async () => {
  const dir = folder("bomb", { "a-bomb.docx": docxBomb(400) });
  copyFileSync(join(golden, GOOD), join(dir, GOOD));
  const db = join(tmp, "bomb.db");
  const r = run(["import", "--db", db, dir]);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /^2 documents: ok 1 \(1 new, 0 updated in place\), unchanged 0, failed 1$/m);
  assert.match(r.stdout, /^ {2}failed: .*a-bomb\.docx: the DOCX package inflates to more than 100 MiB \(limit set by QUORUM_MAX_INFLATED_BYTES\)$/m);
  assert.equal((await inStore(db, storeCounts)).meetings, 1);
});

test("a document that runs out of its memory is stopped and leaves the store unchanged", async () => {
  const good = folder("memory-good", {});
  copyFileSync(join(golden, GOOD), join(good, GOOD));
  const db = join(tmp, "memory.db");
  assert.equal(run(["import", "--db", db, good]).status, 0);
  const before = await inStore(db, storeDigest);

  // an agenda of 100,000 items needs more than a 48 MB heap to parse (its 6 MB of text is within what that heap allows)
  const bad = folder("memory-bad", { "items.txt": manyItems(100_000) });
  const r = run(["import", "--db", db, bad], { QUORUM_MAX_MEMORY_MB: "48" });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /failed: .*items\.txt: needed more than 48 MB of memory to read \(limit set by QUORUM_MAX_MEMORY_MB\)$/m);
  assert.equal(await inStore(db, storeDigest), before);
});

test("documents over the time budget each fail on their own line and the run goes on", () => {
  const dir = folder("slow", { "a.txt": presentList(24), "b.txt": presentList(30) });
  const r = run(["parse", "--jsonl", dir], { QUORUM_TIMEOUT_SECONDS: "0.001" });
  assert.equal(r.status, 1);
  const rows = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
  assert.deepEqual(
    rows.map((row) => row.file),
    [join(dir, "a.txt"), join(dir, "b.txt")],
  );
  for (const row of rows) assert.equal(row.error, `${row.file}: took longer than 0.001 s to read (limit set by QUORUM_TIMEOUT_SECONDS)`);
});

test("a county council's PRESENT list of 24 and of 500 names parses within the time budget", () => {
  const dir = folder("present", { "council.txt": presentList(24), "large.txt": presentList(500) });
  const r = run(["parse", "--jsonl", "--no-provenance", dir]);
  assert.equal(r.status, 0, r.stdout);
  const [council, large] = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
  assert.equal(council.record.attendance.length, 24);
  assert.equal(large.record.attendance.length, 500);
  assert.deepEqual(council.record.attendance.slice(0, 2).map((a: { name: string }) => a.name), ["Mrs C Abton", "Ms R S Bbton"]);
});

test("a single line of a megabyte parses within the time budget", () => {
  const dir = folder("line", { "line.txt": oneLongLine(1_000_000) });
  const r = run(["parse", "--json", "--no-provenance", join(dir, "line.txt")]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).items[0].title, "Apologies");
});

test("an agenda of 12,000 items is read to its end and stored whole", async () => {
  const dir = folder("items", { "items.txt": manyItems(12_000) });
  const parsed = run(["parse", "--json", "--no-provenance", join(dir, "items.txt")]);
  assert.equal(parsed.status, 0, parsed.stderr);
  const items = JSON.parse(parsed.stdout).items;
  assert.equal(items.length, 12_000);
  assert.equal(items.at(-1).number, "12000");
  const db = join(tmp, "items.db");
  const r = run(["import", "--db", db, dir]);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.equal((await inStore(db, storeCounts)).items, 12_000);
});
