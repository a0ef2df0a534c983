// `quorum import` end to end: a folder walk, unchanged re-runs, and an import killed mid-way that,
// run again, ends in the same state as one clean run.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import SQLite from "better-sqlite3";
import pg from "pg";
import { openStore } from "../store/db.ts";
import { storeCounts, storeDigest } from "../store/digest.ts";
import { goldenDocs, GOLDEN_DIR } from "../../test/support/golden.ts";
import { postgresUnavailable, startPostgres } from "../../test/support/postgres.ts";

const BIN = new URL("../../bin/quorum", import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), "quorum-import-"));
test.after(() => rmSync(tmp, { recursive: true, force: true }));

function quorum(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env: { ...process.env, DATABASE_URL: "" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const summary = (out: string) => {
  const m = /^(\d+) documents?: ok (\d+) \((\d+) new, (\d+) updated in place\), unchanged (\d+), failed (\d+)(?:; (\d+) other files? ignored)?$/m.exec(out);
  assert.ok(m, `summary line in:\n${out}`);
  const [total, ok, created, updated, unchanged, failed, ignored] = m.slice(1).map((x) => Number(x ?? 0));
  return { total, ok, created, updated, unchanged, failed, ignored };
};

test("import walks a folder, counts ignored files, reports failures and re-runs as unchanged", () => {
  const db = `sqlite:${join(tmp, "walk.db")}`;
  const empty = join(tmp, "empty-minutes.txt");
  writeFileSync(empty, "");
  const missing = join(tmp, "missing.txt");
  const first = quorum(["import", "--db", db, GOLDEN_DIR, empty, missing]);
  const s1 = summary(first.stdout);
  assert.equal(s1.ignored, goldenDocs().length + 1, "the .expected.json files and NOTES.md");
  assert.equal(s1.total, s1.ok + s1.unchanged + s1.failed);
  assert.ok(s1.failed >= 1);
  assert.match(first.stdout, /failed: .*empty-minutes\.txt: empty file$/m);
  assert.match(first.stdout, /failed: .*northwold.*: no meeting date found/);
  assert.match(first.stdout, /failed: .*missing\.txt: no such file$/m);
  assert.equal(first.code, 1);
  assert.equal(first.stderr.includes("Error:"), false);

  const second = quorum(["import", "--db", db, GOLDEN_DIR, empty, missing]);
  const s2 = summary(second.stdout);
  assert.deepEqual([s2.ok, s2.unchanged, s2.failed], [0, s1.ok, s1.failed]);
  assert.equal(second.code, 1);
});

/** 40 distinct documents: the golden texts with a line added, their expected records moved to other years. */
function corpus(dir: string): string {
  const lines: string[] = [];
  const docs = goldenDocs().filter((d) => !d.file.endsWith(".pdf") && d.record.date);
  for (let k = 0; k < 40; k++) {
    const d = docs[k % docs.length];
    const file = join(dir, `${String(k).padStart(2, "0")}-${basename(d.file)}`);
    writeFileSync(file, readFileSync(d.file, "utf8") + `\nCopy ${k}\n`);
    const record = structuredClone(d.record);
    record.date = `${1980 + k}${record.date!.slice(4)}`;
    lines.push(JSON.stringify({ file, record }));
  }
  const records = join(dir, "records.jsonl");
  writeFileSync(records, lines.join("\n") + "\n");
  return records;
}

async function countSources(path: string): Promise<number> {
  if (!existsSync(path)) return 0;
  try {
    const db = new SQLite(path, { readonly: true, fileMustExist: true });
    try {
      return Number((db.prepare("SELECT count(*) AS n FROM source_documents").get() as { n: number }).n);
    } finally {
      db.close();
    }
  } catch {
    return 0; // not migrated yet
  }
}

async function countPgSources(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return Number((await client.query("SELECT count(*) AS n FROM source_documents")).rows[0].n);
  } catch {
    return 0; // not migrated yet
  } finally {
    await client.end().catch(() => {});
  }
}

/** Starts an import, SIGKILLs it once `minimum` documents are stored, and returns how many were. */
async function killMidway(db: string, records: string, stored: () => Promise<number>, minimum = 5): Promise<number> {
  // a killed run leaves its parsed documents in its temporary folder: keep that inside this test's
  const child = spawn(process.execPath, [BIN, "import", "--db", db, "--records", records], { stdio: "ignore", env: { ...process.env, TMPDIR: tmp } });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
  for (let waited = 0; waited < 60_000; waited += 10) {
    if ((await stored()) >= minimum) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  child.kill("SIGKILL");
  assert.equal(await exited, "SIGKILL");
  return stored();
}

let records = "";
let cleanDigest = "";
let cleanCounts: unknown = null;

test("an import killed mid-way and run again ends in the same state as one clean run", async () => {
  const dir = mkdtempSync(join(tmp, "corpus-"));
  records = corpus(dir);
  const killedPath = join(tmp, "killed.db");
  const cleanPath = join(tmp, "clean.db");

  const afterKill = await killMidway(`sqlite:${killedPath}`, records, () => countSources(killedPath));
  assert.ok(afterKill >= 5 && afterKill < 40, `killed after ${afterKill} of 40 documents`);

  const rerun = quorum(["import", "--db", `sqlite:${killedPath}`, "--records", records]);
  assert.equal(rerun.code, 0, rerun.stdout + rerun.stderr);
  const s = summary(rerun.stdout);
  assert.equal(s.unchanged, afterKill);
  assert.equal(s.ok, 40 - afterKill);

  const clean = quorum(["import", "--db", `sqlite:${cleanPath}`, "--records", records]);
  assert.equal(clean.code, 0, clean.stdout + clean.stderr);
  assert.equal(summary(clean.stdout).ok, 40);

  const a = await openStore(`sqlite:${killedPath}`);
  const b = await openStore(`sqlite:${cleanPath}`);
  try {
    const [ca, cb] = [await storeCounts(a), await storeCounts(b)];
    assert.deepEqual(ca, cb);
    assert.equal(ca.meetings, 40);
    cleanDigest = await storeDigest(b);
    cleanCounts = cb;
    assert.equal(await storeDigest(a), cleanDigest);
  } finally {
    await a.destroy();
    await b.destroy();
  }
});

test("on PostgreSQL too, a killed and resumed import equals the clean SQLite run", { skip: postgresUnavailable() ?? false }, async () => {
  assert.ok(records && cleanDigest, "runs after the SQLite test");
  const cluster = await startPostgres();
  try {
    const url = await cluster.createDatabase();
    const afterKill = await killMidway(url, records, () => countPgSources(url));
    assert.ok(afterKill >= 5 && afterKill < 40, `killed after ${afterKill} of 40 documents`);
    const rerun = quorum(["import", "--db", url, "--records", records]);
    assert.equal(rerun.code, 0, rerun.stdout + rerun.stderr);
    assert.equal(summary(rerun.stdout).unchanged, afterKill);
    const db = await openStore(url);
    try {
      assert.deepEqual(await storeCounts(db), cleanCounts);
      assert.equal(await storeDigest(db), cleanDigest);
    } finally {
      await db.destroy();
    }
  } finally {
    await cluster.stop();
  }
});
