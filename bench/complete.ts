// How much of a folder of real minutes the parser reads completely, folder by folder.
//   npm run bench:complete [-- DIR...]     (default: every folder of ../shared/corpus/real)
// Each document goes through `quorum parse --jsonl` (workers, time budget), as an import would.
// A record is complete when it has a body, a date, at least one item and at least one attendee;
// a crash is a document that gives an error line instead of a record. Scanned PDFs with no text
// layer count as crashes only where OCR is missing, so compare figures from one machine.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const dirs: string[] = args.map((a) => resolve(a));
if (!dirs.length) {
  const real = fileURLToPath(new URL("../../shared/corpus/real", import.meta.url));
  // a folder of folders (more-councils) is scored per council
  const walk = (d: string) => {
    const subs = readdirSync(d).filter((n) => !n.startsWith(".") && statSync(join(d, n)).isDirectory());
    const docs = readdirSync(d).filter((n) => /\.(txt|md|html?|pdf|docx)$/i.test(n) && statSync(join(d, n)).isFile());
    if (subs.length && !docs.length) for (const s of subs.sort()) walk(join(d, s));
    else dirs.push(d);
  };
  for (const n of readdirSync(real).sort()) if (statSync(join(real, n)).isDirectory()) walk(join(real, n));
}

let allDocs = 0;
let allComplete = 0;
let allCrashes = 0;
const rows: string[][] = [["folder", "docs", "crashes", "complete", "%", "no body", "no date", "no items", "no attendance"]];
for (const dir of dirs) {
  const run = spawnSync(join(root, "bin/quorum"), ["parse", "--jsonl", "--no-provenance", dir], { encoding: "utf8", maxBuffer: 1 << 30 });
  let docs = 0;
  let complete = 0;
  let crashes = 0;
  const missing = { body: 0, date: 0, items: 0, attendance: 0 };
  for (const line of run.stdout.split("\n")) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { file: string; error?: string; record?: { body: string | null; date: string | null; items: unknown[]; attendance: unknown[] } };
    docs++;
    if (row.error || !row.record) {
      crashes++;
      continue;
    }
    const r = row.record;
    if (!r.body) missing.body++;
    if (!r.date) missing.date++;
    if (!r.items.length) missing.items++;
    if (!r.attendance.length) missing.attendance++;
    if (r.body && r.date && r.items.length && r.attendance.length) complete++;
  }
  allDocs += docs;
  allComplete += complete;
  allCrashes += crashes;
  const name = dir.split("/").slice(-2).join("/");
  rows.push([name, String(docs), String(crashes), String(complete), docs ? ((100 * complete) / docs).toFixed(2) : "-", ...Object.values(missing).map(String)]);
}
rows.push(["all", String(allDocs), String(allCrashes), String(allComplete), allDocs ? ((100 * allComplete) / allDocs).toFixed(2) : "-", "", "", "", ""]);
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  "));
