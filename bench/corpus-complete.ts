// How much of a corpus the parser reads completely: per document, whether it crashed (no record) and
// whether the record is complete (a body, a date, at least one item and attendance).
//   node --import tsx bench/corpus-complete.ts [DIR] (default ../shared/corpus/real)
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

const dir = resolve(process.argv[2] ?? "../shared/corpus/real");
const run = spawnSync("./bin/quorum", ["parse", "--jsonl", "--no-provenance", dir], { encoding: "utf8", maxBuffer: 1 << 30 });
let docs = 0;
let crashed = 0;
let complete = 0;
const incomplete: string[] = [];
for (const line of run.stdout.split("\n")) {
  if (!line.trim()) continue;
  const row = JSON.parse(line) as { file: string; record?: { body: string | null; date: string | null; items: unknown[]; attendance: unknown[] }; error?: string };
  docs++;
  const r = row.record;
  if (!r) {
    crashed++;
    continue;
  }
  if (r.body && r.date && r.items.length && r.attendance.length) complete++;
  else incomplete.push(row.file);
}
console.log(`${docs} documents, ${crashed} without a record, ${complete} complete (${((100 * complete) / Math.max(1, docs)).toFixed(2)}%)`);
