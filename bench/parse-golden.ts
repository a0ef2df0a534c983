// A byte-for-byte check that a change to the reader or the parser leaves its output as it was.
//   node --import tsx bench/parse-golden.ts --write DIR [--root TREE]    records from TREE's code
//   node --import tsx bench/parse-golden.ts --compare DIR [--root TREE]  TREE's records against DIR
// TREE (default: this checkout) is a source tree holding src/ingest and src/parse, e.g. another
// branch's files exported with `git archive`. The documents: every one in ../shared/corpus/dev, a
// fixed sample of ../shared/corpus/real (every k-th of the sorted walk, across every folder and
// format), and the documents under test/fixtures and examples (the only .txt, .html and .docx).
// For each document the file holds the extracted text's hash and line table and every record
// `parseDocument` gives (or the one-line error), as JSON; the records carry no timing fields.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";
import { walkDocuments } from "../src/cli/files.ts";
import { sampleDocuments } from "./corpus-sample.ts";

const here = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const root = resolve(opt("--root") ?? here);
const writeDir = opt("--write");
const compareDir = opt("--compare");
const sample = Number(opt("--sample") ?? 400);
if (!writeDir === !compareDir) {
  console.error("usage: parse-golden.ts (--write DIR | --compare DIR) [--root TREE] [--sample N]");
  process.exit(2);
}

const shared = resolve(here, "../shared/corpus");
const { documents: dev } = await walkDocuments([join(shared, "dev")]);
const real = await sampleDocuments([join(shared, "real")], sample);
const { documents: local } = await walkDocuments([join(here, "test/fixtures"), join(here, "examples")]);
const files = [...dev, ...real, ...local];

const { fromBytes, formatOf } = await import(pathToFileURL(join(root, "src/ingest/read.ts")).href);
const { parseDocument } = await import(pathToFileURL(join(root, "src/parse/minutes.ts")).href);
const { DEFAULT_LIMITS } = await import(pathToFileURL(join(root, "src/ingest/limits.ts")).href);
// a loaded machine must not turn a scanned PDF's OCR into a time-out that differs run to run
const limits = { ...DEFAULT_LIMITS, timeoutMs: 3_600_000 };

/** Keys holding how long something took, were there any: they differ run to run. */
const TIMING = /^(elapsed|duration|took)|Ms$|Seconds$/;
const withoutTiming = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value), (key, v) => (TIMING.test(key) ? undefined : v));

const nameOf = (file: string) => relative(resolve(here, ".."), file).replace(/[^A-Za-z0-9._-]+/g, "_") + ".json";

let same = 0;
const differing: string[] = [];
const missing: string[] = [];
const byFormat = new Map<string, number>();
const t0 = performance.now();
if (writeDir) mkdirSync(writeDir, { recursive: true });
for (const file of files) {
  const format = formatOf(file);
  if (!format) continue;
  byFormat.set(format, (byFormat.get(format) ?? 0) + 1);
  let out: unknown;
  try {
    const source = await fromBytes(file, format, readFileSync(file), basename(file), limits);
    const lines = source.lines.map((l: { no: number; offset: number; page?: number }) => `${l.no}:${l.offset}:${l.page ?? ""}`).join(",");
    out = {
      file: relative(resolve(here, ".."), file),
      text: createHash("sha256").update(source.text).digest("hex"),
      lines: createHash("sha256").update(lines).digest("hex"),
      ocr: source.ocr ?? null,
      records: withoutTiming(parseDocument(source)),
    };
  } catch (err) {
    out = { file: relative(resolve(here, ".."), file), error: err instanceof Error ? err.message.split("\n")[0] : String(err) };
  }
  const json = JSON.stringify(out, null, 1) + "\n";
  const path = join((writeDir ?? compareDir)!, nameOf(file));
  if (writeDir) {
    writeFileSync(path, json);
  } else if (!existsSync(path)) {
    missing.push(file);
  } else if (readFileSync(path, "utf8") === json) {
    same++;
  } else {
    differing.push(file);
    writeFileSync(path.replace(/\.json$/, ".new.json.txt"), json);
  }
}
const seconds = ((performance.now() - t0) / 1000).toFixed(1);
const formats = [...byFormat].map(([f, n]) => `${n} ${f}`).join(", ");
if (writeDir) {
  console.log(`wrote ${files.length} documents' records (${formats}) from ${root} to ${writeDir} in ${seconds} s`);
} else {
  const stored = readdirSync(compareDir!).filter((n) => n.endsWith(".json")).length;
  console.log(`${files.length} documents (${formats}) from ${root} against ${compareDir} (${stored} stored) in ${seconds} s`);
  console.log(`identical: ${same}   differing: ${differing.length}   missing from the golden set: ${missing.length}`);
  for (const f of differing) console.log(`  differs: ${relative(resolve(here, ".."), f)} (new output beside it as .new.json.txt)`);
  for (const f of missing) console.log(`  missing: ${relative(resolve(here, ".."), f)}`);
  if (differing.length || missing.length) process.exitCode = 1;
}
