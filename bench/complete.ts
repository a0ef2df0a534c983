// Completeness of the parser on a folder of real minutes, per sub-folder: a record is complete when
// it has a body, a date, at least one item and at least one attendance entry.
//   node --import tsx bench/complete.ts [DIR...]   (default ../shared/corpus/real)
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(process.argv[2] ?? fileURLToPath(new URL("../../shared/corpus/real", import.meta.url)));
const bin = fileURLToPath(new URL("../bin/quorum", import.meta.url));
const folders = readdirSync(root).filter((f) => statSync(join(root, f)).isDirectory()).sort();
const expandSubfolders = new Set(["more-councils"]);
const groups: string[] = [];
for (const f of folders) {
  const dir = join(root, f);
  const subs = readdirSync(dir).filter((s) => statSync(join(dir, s)).isDirectory());
  if (expandSubfolders.has(f) && subs.length) groups.push(...subs.sort().map((s) => join(dir, s)));
  else groups.push(dir);
}
let total = 0, complete = 0, crashes = 0;
for (const dir of groups) {
  const out = spawnSync(bin, ["parse", "--jsonl", "--no-provenance", dir], { encoding: "utf8", maxBuffer: 1 << 28 });
  let n = 0, ok = 0, bad = 0;
  const missing: string[] = [];
  for (const line of out.stdout.split("\n")) {
    if (!line.trim()) continue;
    const row = JSON.parse(line);
    if (!row.record) { bad++; continue; }
    n++;
    const r = row.record;
    const lacks = [!r.body && "body", !r.date && "date", !r.items?.length && "items", !r.attendance?.length && "attendance"].filter(Boolean);
    if (lacks.length) missing.push(`${relative(dir, row.file)}: ${lacks.join(",")}`);
    else ok++;
  }
  total += n; complete += ok; crashes += bad;
  console.log(`${relative(root, dir).padEnd(52)} ${ok}/${n} complete${bad ? `, ${bad} failed` : ""}`);
  if (process.env.VERBOSE) for (const m of missing) console.log(`    ${m}`);
}
console.log(`all: ${complete}/${total} complete (${((100 * complete) / Math.max(1, total)).toFixed(2)}%), ${crashes} failed`);
