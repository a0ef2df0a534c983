// Inputs for import tests that run `quorum import` processes: distinct real documents (the golden
// texts with a line added) and their hand-checked records moved to other years, so every copy is a
// meeting of its own while authorities, bodies and people repeat across copies.
import { readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { goldenDocs } from "./golden.ts";

export interface CorpusLine {
  file: string;
  record: unknown;
}

/** `n` {file, record} lines, the documents written into `dir`. */
export function corpusLines(dir: string, n = 40): CorpusLine[] {
  const lines: CorpusLine[] = [];
  const docs = goldenDocs().filter((d) => !d.file.endsWith(".pdf") && d.record.date);
  for (let k = 0; k < n; k++) {
    const d = docs[k % docs.length];
    const file = join(dir, `${String(k).padStart(2, "0")}-${basename(d.file)}`);
    writeFileSync(file, readFileSync(d.file, "utf8") + `\nCopy ${k}\n`);
    const record = structuredClone(d.record);
    record.date = `${1980 + k}${record.date!.slice(4)}`;
    lines.push({ file, record });
  }
  return lines;
}

/** Writes lines as a `quorum parse --jsonl` file for `quorum import --records`. */
export function writeRecords(path: string, lines: CorpusLine[]): string {
  writeFileSync(path, lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
  return path;
}
