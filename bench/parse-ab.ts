// Parse throughput of two source trees side by side, runs alternating (A, B, A, B…) in separate
// processes so that load on a shared machine falls on both alike; the reference, a raw read of the
// same bytes (read from the file system and decoded), is timed in every run.
//   node --import tsx bench/parse-ab.ts --a TREE --b TREE [--runs N] [--md N] [--pdf N]
// TREE holds src/ingest and src/parse (e.g. main's files from `git archive`, with node_modules
// beside them). Documents: every k-th Markdown file of ../shared/corpus/real (as `bench` takes
// them), every k-th PDF with a text layer (scanned ones would time the OCR program), and the .txt,
// .html and .docx under test/fixtures and examples. Figures: medians over runs, per format, of
// MB/s (wall) and MB per CPU-second (user + system, which other load inflates less).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg, platform, release, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";
import { walkDocuments } from "../src/cli/files.ts";
import { formatOf } from "../src/ingest/read.ts";
import { median } from "./lib/stats.ts";

const here = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const opt = (name: string, fallback?: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};

interface Figure {
  format: string;
  documents: number;
  bytes: number;
  parseMs: number;
  cpuMs: number;
  rawMs: number;
}

if (args[0] === "--child") {
  // one run of one tree: each format's documents read and parsed once, after a raw read of them
  const root = args[1];
  const files: string[] = JSON.parse(readFileSync(0, "utf8"));
  const { fromBytes } = await import(pathToFileURL(join(root, "src/ingest/read.ts")).href);
  const { parseDocument } = await import(pathToFileURL(join(root, "src/parse/minutes.ts")).href);
  const byFormat = new Map<string, string[]>();
  for (const f of files) byFormat.set(formatOf(f)!, [...(byFormat.get(formatOf(f)!) ?? []), f]);
  const out: Figure[] = [];
  for (const [format, list] of byFormat) {
    let t0 = performance.now();
    let bytes = 0;
    let chars = 0;
    for (const f of list) {
      const b = readFileSync(f);
      bytes += b.length;
      chars += b.toString("utf8").length;
    }
    const rawMs = performance.now() - t0;
    if (!chars) throw new Error(`${format}: the sample is empty`);
    const c0 = process.cpuUsage();
    t0 = performance.now();
    for (const f of list) {
      try {
        parseDocument(await fromBytes(f, format, readFileSync(f)));
      } catch {
        /* a refused document still costs its reading */
      }
    }
    const parseMs = performance.now() - t0;
    const c = process.cpuUsage(c0);
    out.push({ format, documents: list.length, bytes, parseMs, cpuMs: (c.user + c.system) / 1000, rawMs });
  }
  process.stdout.write(JSON.stringify(out));
  process.exit(0);
}

const trees = { A: resolve(opt("--a", "/tmp/parsefast-main")!), B: resolve(opt("--b", here)!) };
const runs = Number(opt("--runs", "5"));
const every = (list: string[], n: number) => (list.length <= n ? list : Array.from({ length: n }, (_, i) => list[Math.floor((i * list.length) / n)]));
const real = join(here, "../shared/corpus/real");
const { documents } = await walkDocuments([real]);
const md = every(documents.filter((f) => formatOf(f) === "md"), Number(opt("--md", "200")));
const { pdfPages } = await import("../src/ingest/pdf.ts");
const textPdfs: string[] = [];
for (const f of documents.filter((x) => formatOf(x) === "pdf")) {
  let bare = false;
  await pdfPages(readFileSync(f), async () => {
    bare = true;
    return new Map();
  });
  if (!bare) textPdfs.push(f);
}
const pdf = every(textPdfs, Number(opt("--pdf", "30")));
const { documents: local } = await walkDocuments([join(here, "test/fixtures"), join(here, "examples")]);
const other = local.filter((f) => ["txt", "html", "docx"].includes(formatOf(f) ?? ""));
const files = [...md, ...pdf, ...other];

const load0 = loadavg();
const results: Record<"A" | "B", Figure[][]> = { A: [], B: [] };
for (let r = 0; r < runs; r++) {
  for (const side of r % 2 ? (["B", "A"] as const) : (["A", "B"] as const)) {
    const stdout = execFileSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--child", trees[side]], { input: JSON.stringify(files), cwd: here, maxBuffer: 1 << 26 });
    results[side].push(JSON.parse(stdout.toString()));
    process.stderr.write(`run ${r + 1} ${side} done\n`);
  }
}
const load1 = loadavg();
const MB = 2 ** 20;
const row = (side: "A" | "B", format: string) => {
  const figs = results[side].map((run) => run.find((f) => f.format === format)!);
  const f0 = figs[0];
  return {
    documents: f0.documents,
    mb: f0.bytes / MB,
    parse: median(figs.map((f) => f.bytes / MB / (f.parseMs / 1000)))!,
    cpu: median(figs.map((f) => f.bytes / MB / (f.cpuMs / 1000)))!,
    msPerDoc: median(figs.map((f) => f.cpuMs / f.documents))!,
    raw: median(figs.map((f) => f.bytes / MB / (f.rawMs / 1000)))!,
  };
};
const cpu = cpus();
console.log(`A = ${trees.A}\nB = ${trees.B}`);
console.log(`${cpu[0]?.model ?? "?"} × ${cpu.length}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${platform()} ${release()}, Node ${process.version}`);
console.log(`load average at start ${load0.map((x) => x.toFixed(2)).join(" / ")}, at end ${load1.map((x) => x.toFixed(2)).join(" / ")}; ${runs} runs each, alternating; medians\n`);
console.log("| format | documents | MB | A MB/s | B MB/s | A MB/cpu-s | B MB/cpu-s | A cpu ms/doc | B cpu ms/doc | B/A (cpu) | raw read MB/s (A runs / B runs) |");
console.log("|---|---|---|---|---|---|---|---|---|---|---|");
for (const format of results.A[0].map((f) => f.format)) {
  const a = row("A", format);
  const b = row("B", format);
  console.log(
    `| ${format} | ${a.documents} | ${a.mb.toFixed(2)} | ${a.parse.toFixed(2)} | ${b.parse.toFixed(2)} | ${a.cpu.toFixed(2)} | ${b.cpu.toFixed(2)} | ${a.msPerDoc.toFixed(1)} | ${b.msPerDoc.toFixed(1)} | ${(b.cpu / a.cpu).toFixed(2)}× | ${a.raw.toFixed(0)} / ${b.raw.toFixed(0)} |`,
  );
}
