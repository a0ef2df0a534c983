// What building an agenda reports pack costs, over real PDFs as its papers.
//   npm run bench:pack [-- DIR... [--papers N] [--runs N]]   (default DIR: ../shared/corpus/real, 20 papers, 7 runs)
// Each run builds the pack (front sheet, agenda, every paper's pages, each page numbered) of N
// papers on N agenda items. The reference, measured in the same run over the same papers, is the
// bare merge: pdf-lib loading each paper and copying its pages into one document, nothing drawn.
// Timings are medians; heap growth is what one build adds, measured after a forced GC.
import { readFileSync } from "node:fs";
import { cpus, loadavg, platform, release, totalmem } from "node:os";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { PDFDocument } from "pdf-lib";
import { walkDocuments } from "../src/cli/files.ts";
import { buildPack, type PackItem } from "../src/store/agenda/pack.ts";

const args = process.argv.slice(2);
let runs = 7;
let count = 20;
const dirs: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--runs") runs = Math.max(1, Number(args[++i]) || 1);
  else if (args[i] === "--papers") count = Math.max(1, Number(args[++i]) || 1);
  else dirs.push(resolve(args[i]));
}
if (!dirs.length) dirs.push(fileURLToPath(new URL("../../shared/corpus/real", import.meta.url)));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

console.log(`machine: ${cpus()[0]?.model ?? "?"} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${platform()} ${release()}, node ${process.version}, load ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
const { documents } = await walkDocuments(dirs);
const papers: { name: string; bytes: Uint8Array; pages: number }[] = [];
for (const d of documents.filter((p) => p.toLowerCase().endsWith(".pdf"))) {
  if (papers.length >= count) break;
  const bytes = new Uint8Array(readFileSync(d));
  try {
    papers.push({ name: d, bytes, pages: (await PDFDocument.load(bytes)).getPageCount() });
  } catch {
    // encrypted or damaged: an upload would refuse it too
  }
}
const totalPages = papers.reduce((n, p) => n + p.pages, 0);
const totalBytes = papers.reduce((n, p) => n + p.bytes.byteLength, 0);
console.log(`papers: ${papers.length} PDFs, ${totalPages} pages, ${(totalBytes / 2 ** 20).toFixed(1)} MiB, from ${dirs.join(", ")}`);

const items: PackItem[] = papers.map((p, i) => ({
  number: String(i + 1),
  title: `Item ${i + 1}: ${p.name.replace(/^.*\//, "")}`,
  reportAuthor: "Head of Democratic Services",
  wards: "All wards",
  decisionMaker: "Cabinet",
  exempt: false,
  exemptParagraph: null,
  papers: [{ title: "Report", format: "pdf", exempt: false, exemptParagraph: null, url: `/papers/${i}`, bytes: async () => p.bytes }],
}));
const meeting = { councilName: "Northbrook Borough Council", bodyName: "Cabinet", date: "2026-03-19", startTime: "19:00", venue: "Council Chamber" };

async function bareMerge(): Promise<number> {
  const out = await PDFDocument.create();
  for (const p of papers) {
    const doc = await PDFDocument.load(p.bytes);
    for (const page of await out.copyPages(doc, doc.getPageIndices())) out.addPage(page);
  }
  return (await out.save({ useObjectStreams: false })).byteLength;
}

const gc = (globalThis as { gc?: () => void }).gc;
const packMs: number[] = [];
const refMs: number[] = [];
const heap: number[] = [];
let packBytes = 0;
let packPages = 0;
for (let r = 0; r < runs; r++) {
  let t = performance.now();
  await bareMerge();
  refMs.push(performance.now() - t);
  gc?.();
  const before = process.memoryUsage().heapUsed;
  t = performance.now();
  const pack = await buildPack({ meeting, sequence: 0, publishedAt: "2026-03-10T15:00:00.000Z", lateReason: null, items });
  packMs.push(performance.now() - t);
  heap.push(process.memoryUsage().heapUsed - before);
  packBytes = pack.bytes.byteLength;
  packPages = pack.pages;
}
console.log(`pack: ${packPages} pages, ${(packBytes / 2 ** 20).toFixed(1)} MiB`);
console.log(`build pack     median ${median(packMs).toFixed(0)} ms over ${runs} runs (min ${Math.min(...packMs).toFixed(0)}, max ${Math.max(...packMs).toFixed(0)})`);
console.log(`bare merge ref median ${median(refMs).toFixed(0)} ms (the same papers copied into one PDF, nothing drawn)`);
console.log(`ratio          ${(median(packMs) / median(refMs)).toFixed(2)}× the bare merge`);
if (gc) console.log(`heap added by one build, median ${(median(heap) / 2 ** 20).toFixed(1)} MiB (before the pack is collected)`);
