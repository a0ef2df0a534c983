// Several `quorum import` processes at once over overlapping sets of real documents, with
// `quorum serve` answering requests on the same database meanwhile: every run exits 0, nothing
// fails, and the store ends equal to one clean import of the union (counts and content digest).
import { test } from "node:test";
import assert from "node:assert/strict";
import { servingUrl } from "../../test/support/serving.ts";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../store/db.ts";
import { storeCounts, storeDigest } from "../store/digest.ts";
import { corpusLines, writeRecords } from "../../test/support/import-corpus.ts";
import { postgresUnavailable, startPostgres } from "../../test/support/postgres.ts";

const BIN = new URL("../../bin/quorum", import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), "quorum-concurrent-"));
test.after(() => rmSync(tmp, { recursive: true, force: true }));

interface Run {
  code: number | null;
  out: string;
}

function start(args: string[]): { child: ReturnType<typeof spawn>; done: Promise<Run> } {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, DATABASE_URL: "" } });
  let out = "";
  child.stdout!.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (out += c.toString()));
  const done = new Promise<Run>((resolve) => child.on("exit", (code) => resolve({ code, out })));
  return { child, done };
}

/** Keeps requesting pages from a running `quorum serve` until `until` settles; returns the statuses. */
async function load(db: string, until: Promise<unknown>): Promise<number[]> {
  const server = start(["serve", "--port", "0", "--host", "127.0.0.1", "--db", db]);
  try {
    const url = await servingUrl(server.child);
    const statuses: number[] = [];
    let settled = false;
    void until.finally(() => (settled = true));
    while (!settled) {
      for (const path of ["/", "/meetings", "/people", "/api/v1/meetings"]) statuses.push((await fetch(url + path)).status);
    }
    return statuses;
  } finally {
    server.child.kill("SIGTERM");
    await server.done;
  }
}

const summary = (out: string) => {
  const m = /^(\d+) documents?: ok (\d+) \((\d+) new, (\d+) updated in place\), unchanged (\d+), failed (\d+)/m.exec(out);
  assert.ok(m, `summary line in:\n${out}`);
  const [total, ok, , , unchanged, failed] = m.slice(1).map(Number);
  return { total, ok, unchanged, failed };
};

async function concurrentEqualsClean(concurrentDb: string, cleanDb: string, dir: string): Promise<void> {
  const lines = corpusLines(dir, 40);
  // three importers over overlapping thirds and halves of the 40 documents
  const parts = [lines.slice(0, 24), lines.slice(8, 32), lines.slice(16, 40).reverse()].map((ls, i) => writeRecords(join(dir, `part-${i}.jsonl`), ls));
  const all = writeRecords(join(dir, "all.jsonl"), lines);

  // the importers and the server start together on an empty database: they race for the schema too
  const runs = parts.map((p) => start(["import", "--db", concurrentDb, "--records", p]));
  const finished = Promise.all(runs.map((r) => r.done));
  const statuses = await load(concurrentDb, finished);
  const results = await finished;
  for (const r of results) {
    assert.equal(r.code, 0, r.out);
    assert.equal(summary(r.out).failed, 0, r.out);
  }
  assert.ok(statuses.length > 0 && statuses.every((s) => s === 200), `statuses while importing: ${[...new Set(statuses)].join(", ")}`);
  assert.ok(results.reduce((n, r) => n + summary(r.out).ok, 0) >= 40, "every document stored by one run or another");

  const clean = start(["import", "--db", cleanDb, "--records", all]);
  const c = await clean.done;
  assert.equal(c.code, 0, c.out);
  const a = await openStore(concurrentDb);
  const b = await openStore(cleanDb);
  try {
    const [ca, cb] = [await storeCounts(a), await storeCounts(b)];
    assert.equal(cb.meetings, 40);
    assert.deepEqual(ca, cb);
    assert.equal(await storeDigest(a), await storeDigest(b));
  } finally {
    await a.destroy();
    await b.destroy();
  }
}

test("three importers at once on SQLite, while serving, lose nothing and equal one clean import", async () => {
  const dir = mkdtempSync(join(tmp, "sqlite-"));
  await concurrentEqualsClean(`sqlite:${join(dir, "concurrent.db")}`, `sqlite:${join(dir, "clean.db")}`, dir);
});

test("three importers at once on PostgreSQL, while serving, lose nothing and equal one clean import", { skip: postgresUnavailable() ?? false }, async () => {
  const dir = mkdtempSync(join(tmp, "pg-"));
  const cluster = await startPostgres();
  try {
    await concurrentEqualsClean(await cluster.createDatabase(), await cluster.createDatabase(), dir);
  } finally {
    await cluster.stop();
  }
});
