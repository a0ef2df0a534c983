// The real-corpus check: every document read and parsed as `quorum import` does (worker pool, time
// budget), counting crashes (documents that fail) and complete records: body, date, at least one
// item and attendance. Scanned PDFs (records whose text came from OCR) are counted apart, with
// their pages' confidence. (Documents wait in the pool's queue, so no per-page time is given here.)
//   npm run bench:complete [-- DIR...]       (default DIR: ../shared/corpus/real)
// Scanned documents take seconds a page: raise QUORUM_TIMEOUT_SECONDS to count them all.
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";
import { walkDocuments } from "../src/cli/files.ts";
import { ParsePool } from "../src/cli/parse-pool.ts";
import type { ParsedMinutes } from "../src/domain/minutes.ts";

const dirs = process.argv.slice(2).map((d) => resolve(d));
if (!dirs.length) dirs.push(fileURLToPath(new URL("../../shared/corpus/real", import.meta.url)));
const { documents } = await walkDocuments(dirs);
const pool = new ParsePool();

const complete = (r: ParsedMinutes) => !!r.body && !!r.date && r.items.length > 0 && r.attendance.length > 0;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

const errors: string[] = [];
const scanned: { file: string; complete: boolean; pages: number; confidence: number[] }[] = [];
let completeCount = 0;
await Promise.all(
  documents.map(async (file) => {
    try {
      const { record } = await pool.parse({ file });
      if (complete(record!)) completeCount++;
      if (record!.ocr) {
        const pages = record!.ocr.pages.length;
        scanned.push({ file, complete: complete(record!), pages, confidence: record!.ocr.pages.map((p) => p.confidence) });
      }
    } catch (err) {
      errors.push(err instanceof Error ? err.message : String(err));
    }
  }),
);
await pool.close();

const pct = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(2)}%`;
console.log(`quorum bench:complete — ${documents.length} documents from ${dirs.join(", ")} (${pool.limits.workers} workers, ${pool.limits.timeoutMs / 1000} s budget each)`);
console.log(`failed: ${errors.length}`);
for (const e of errors.sort()) console.log(`  ${e}`);
console.log(`complete (body, date, >=1 item, attendance): ${completeCount}/${documents.length} = ${pct(completeCount, documents.length)}`);
console.log(`read by OCR: ${scanned.length} documents, ${scanned.reduce((n, s) => n + s.pages, 0)} pages; complete ${scanned.filter((s) => s.complete).length}/${scanned.length}`);
if (scanned.length) {
  console.log(`page confidence, median over pages: ${median(scanned.flatMap((s) => s.confidence))}; lowest ${Math.min(...scanned.flatMap((s) => s.confidence))}`);
  for (const s of scanned.sort((a, b) => a.file.localeCompare(b.file))) {
    console.log(`  ${s.complete ? "complete  " : "incomplete"} ${s.pages} p, conf ${s.confidence.join(" ")}  ${s.file}`);
  }
}
