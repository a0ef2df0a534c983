// Parse MB/s over a fixed sample of real documents in text formats, beside a raw read of the same
// bytes (read from the file system and decoded), both in this process, median of repetitions.
import { readFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import { walkDocuments } from "../src/cli/files.ts";
import { formatOf, fromBytes } from "../src/ingest/read.ts";
import { parseMinutes } from "../src/parse/minutes.ts";
import type { ParseFigure } from "./lib/results.ts";
import { median } from "./lib/stats.ts";

const TEXT_FORMATS = new Set(["txt", "md", "html"]);

/** Every k-th text document of the sorted walk, so the same corpus gives the same sample. */
export async function textSample(dirs: string[], n: number): Promise<string[]> {
  const { documents } = await walkDocuments(dirs);
  const text = documents.filter((f) => TEXT_FORMATS.has(formatOf(f) ?? ""));
  if (text.length <= n) return text;
  const step = text.length / n;
  return Array.from({ length: n }, (_, i) => text[Math.floor(i * step)]);
}

export async function measureParse(files: string[], reps: number): Promise<ParseFigure[]> {
  const byFormat = new Map<string, { files: string[]; bytes: number; parse: number[]; raw: number[] }>();
  for (const f of files) {
    const format = formatOf(f)!;
    const e = byFormat.get(format) ?? { files: [], bytes: 0, parse: [], raw: [] };
    e.files.push(f);
    byFormat.set(format, e);
  }
  for (const e of byFormat.values()) for (const f of e.files) e.bytes += (await readFile(f)).length;
  for (let rep = 0; rep < reps; rep++) {
    for (const [format, e] of byFormat) {
      let t0 = performance.now();
      let chars = 0;
      for (const f of e.files) chars += (await readFile(f)).toString("utf8").length;
      e.raw.push(performance.now() - t0);
      if (!chars) throw new Error(`${format}: the sample is empty`);
      t0 = performance.now();
      for (const f of e.files) {
        // a document the parser refuses still costs its reading; the rate covers every document
        try {
          parseMinutes(await fromBytes(f, format as never, await readFile(f)));
        } catch {
          /* counted in the time */
        }
      }
      e.parse.push(performance.now() - t0);
    }
  }
  const MB = 2 ** 20;
  return [...byFormat].map(([format, e]) => ({
    format,
    documents: e.files.length,
    megabytes: e.bytes / MB,
    parseMBs: e.bytes / MB / (median(e.parse)! / 1000),
    rawReadMBs: e.bytes / MB / (median(e.raw)! / 1000),
  }));
}
