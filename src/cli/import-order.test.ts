// The same documents give the same store whatever order `quorum import` is handed them in: the
// same people, the same person slugs, the same meetings. And when two files describe one meeting,
// the one stored is chosen by a stated rule (the later-modified file), and the summary says so.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../store/db.ts";
import { storeCounts, storeDigest } from "../store/digest.ts";
import { corpusLines, writeRecords, type CorpusLine } from "../../test/support/import-corpus.ts";
import { goldenDocs } from "../../test/support/golden.ts";
import type { ParsedMinutes } from "../domain/minutes.ts";

const BIN = new URL("../../bin/quorum", import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), "quorum-order-"));
test.after(() => rmSync(tmp, { recursive: true, force: true }));

function quorum(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env: { ...process.env, DATABASE_URL: "" } });
  return { code: r.status, out: r.stdout + r.stderr };
}

async function snapshot(url: string) {
  const db = await openStore(url);
  try {
    const people = await db.selectFrom("people").select(["slug", "display_name"]).orderBy("slug").execute();
    const meetings = await db.selectFrom("meetings").innerJoin("source_documents as d", "d.id", "meetings.source_document_id").select(["meetings.slug", "d.file_name"]).orderBy("meetings.slug").execute();
    return { counts: await storeCounts(db), digest: await storeDigest(db), people, meetings };
  } finally {
    await db.destroy();
  }
}

/** The real corpus, with the first and third copies of each document naming its members by surname only ("Cllr Tett"), as many minutes do. */
function mixedNames(dir: string): CorpusLine[] {
  const lines = corpusLines(dir, 30);
  const distinct = new Set(lines.map((l) => (l.record as ParsedMinutes).body)).size;
  return lines.map((line, k) => {
    const round = Math.floor(k / distinct);
    if (round !== 0 && round !== 2) return line;
    const record = line.record as ParsedMinutes;
    for (const a of record.attendance) {
      const surname = a.name.replace(/\([^)]*\)/g, "").trim().split(/\s+/).pop();
      if (surname) a.name = `Cllr ${surname}`;
    }
    return line;
  });
}

test("the same documents in reverse order give the same people, person slugs and meetings", async () => {
  const dir = mkdtempSync(join(tmp, "reverse-"));
  const lines = mixedNames(dir);
  const forward = writeRecords(join(dir, "forward.jsonl"), lines);
  const reverse = writeRecords(join(dir, "reverse.jsonl"), [...lines].reverse());
  const a = quorum(["import", "--db", `sqlite:${join(dir, "forward.db")}`, "--records", forward]);
  const b = quorum(["import", "--db", `sqlite:${join(dir, "reverse.db")}`, "--records", reverse]);
  assert.equal(a.code, 0, a.out);
  assert.equal(b.code, 0, b.out);
  const [fa, fb] = [await snapshot(`sqlite:${join(dir, "forward.db")}`), await snapshot(`sqlite:${join(dir, "reverse.db")}`)];
  assert.equal(fa.counts.meetings, 30);
  assert.deepEqual(fb.people, fa.people);
  assert.deepEqual(fb.counts, fa.counts);
  assert.equal(fb.digest, fa.digest);
});

test("the same documents split over two runs, later years first, equal one run of them all", async () => {
  const dir = mkdtempSync(join(tmp, "two-runs-"));
  const lines = mixedNames(dir);
  const url = `sqlite:${join(dir, "two-runs.db")}`;
  for (const part of [lines.slice(15), lines.slice(0, 15)]) {
    const run = quorum(["import", "--db", url, "--records", writeRecords(join(dir, `part-${part.length}-${part[0].file.length}.jsonl`), part)]);
    assert.equal(run.code, 0, run.out);
  }
  const all = quorum(["import", "--db", `sqlite:${join(dir, "one-run.db")}`, "--records", writeRecords(join(dir, "all.jsonl"), lines)]);
  assert.equal(all.code, 0, all.out);
  const [split, one] = [await snapshot(url), await snapshot(`sqlite:${join(dir, "one-run.db")}`)];
  assert.deepEqual(split.people, one.people);
  assert.deepEqual(split.counts, one.counts);
  assert.equal(split.digest, one.digest);
});

test("two files for one meeting: the later-modified one is stored, whatever the order given, and the summary names both", async () => {
  const dir = mkdtempSync(join(tmp, "twice-"));
  const golden = goldenDocs().find((d) => d.file.endsWith("staffs-safe-strong-2016-12-12.txt"))!;
  const text = readFileSync(golden.file, "utf8");
  const first = join(dir, "staffs-minutes.txt");
  const corrected = join(dir, "staffs-minutes-corrected.txt");
  writeFileSync(first, text);
  writeFileSync(corrected, text.replace(/\n/, "\nCorrected version\n"));
  const record = golden.record;
  const changed = structuredClone(record);
  changed.items[0].title = "Apologies (corrected)";
  const lines = [
    { file: first, record },
    { file: corrected, record: changed },
  ];
  utimesSync(first, new Date("2024-01-01T10:00:00Z"), new Date("2024-01-01T10:00:00Z"));
  utimesSync(corrected, new Date("2024-02-01T10:00:00Z"), new Date("2024-02-01T10:00:00Z"));
  for (const [name, order] of [["given", lines], ["reversed", [...lines].reverse()]] as const) {
    const url = `sqlite:${join(dir, `${name}.db`)}`;
    const run = quorum(["import", "--db", url, "--records", writeRecords(join(dir, `${name}.jsonl`), [...order])]);
    assert.equal(run.code, 0, run.out);
    assert.match(run.out, /^ {2}replaced: safe-and-strong-communities-select-committee-2016-12-12\S*: staffs-minutes\.txt by staffs-minutes-corrected\.txt$/m, `${name}:\n${run.out}`);
    const s = await snapshot(url);
    assert.equal(s.counts.meetings, 1);
    assert.deepEqual(s.meetings.map((m) => m.file_name), ["staffs-minutes-corrected.txt"], name);
    const db = await openStore(url);
    try {
      const titles = await db.selectFrom("items").select("title").orderBy("position").execute();
      assert.equal(titles[0].title, "Apologies (corrected)", name);
    } finally {
      await db.destroy();
    }
  }
});
