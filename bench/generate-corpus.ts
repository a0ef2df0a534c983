// The templates the scale generator draws meetings from: every real document that parses into
// exactly one storable meeting with items, read and parsed once and cached under .bench/, keyed by
// the parser version and the corpus (its files' paths, sizes and modification times).
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { ParsedMinutes } from "../src/domain/minutes.ts";
import type { SourceFormat } from "../src/domain/source.ts";
import { walkDocuments } from "../src/cli/files.ts";
import { ParsePool } from "../src/cli/parse-pool.ts";
import { PARSER_VERSION } from "../src/parse/minutes.ts";
import { unstorableReason } from "../src/store/import.ts";

export interface Template {
  /** the document's path inside the corpus */
  file: string;
  format: SourceFormat;
  text: string;
  record: ParsedMinutes;
}

export interface Corpus {
  key: string;
  templates: Template[];
  /** documents read, and why the others were left out */
  documents: number;
  skipped: Record<string, number>;
}

export async function loadCorpus(dir: string, cacheDir: string, progress: (line: string) => void): Promise<Corpus> {
  const { documents } = await walkDocuments([dir]);
  const fingerprint = createHash("sha256").update(PARSER_VERSION);
  for (const f of documents) {
    const s = statSync(f);
    fingerprint.update(`${relative(dir, f)}\0${s.size}\0${s.mtimeMs}\n`);
  }
  const key = `${PARSER_VERSION}-${fingerprint.digest("hex").slice(0, 16)}`;
  const cache = join(cacheDir, `generate-corpus-${key}.json`);
  if (existsSync(cache)) {
    progress(`corpus: templates from ${cache}`);
    return JSON.parse(readFileSync(cache, "utf8")) as Corpus;
  }
  progress(`corpus: reading and parsing ${documents.length} documents under ${dir} (once; cached as ${cache})`);
  const pool = new ParsePool();
  const templates: (Template | null)[] = new Array(documents.length).fill(null);
  const skipped: Record<string, number> = {};
  const skip = (why: string) => (skipped[why] = (skipped[why] ?? 0) + 1);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < documents.length) {
      const i = next++;
      try {
        const parsed = await pool.parse({ file: documents[i] });
        const records = parsed.records ?? (parsed.record ? [parsed.record] : []);
        if (records.length !== 1) skip(records.length ? "several meetings in one document" : "no meeting");
        else if (unstorableReason(records[0])) skip("no date or committee");
        else if (!records[0].items.length) skip("no items");
        else templates[i] = { file: relative(dir, documents[i]), format: parsed.source.format, text: parsed.source.text, record: records[0] };
      } catch {
        skip("unreadable");
      }
      if (++done % 100 === 0) progress(`corpus: ${done}/${documents.length} parsed`);
    }
  };
  try {
    await Promise.all(Array.from({ length: pool.limits.workers }, worker));
  } finally {
    await pool.close();
  }
  const corpus: Corpus = { key, templates: templates.filter((t): t is Template => t !== null), documents: documents.length, skipped };
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(`${cache}.tmp`, JSON.stringify(corpus));
  renameSync(`${cache}.tmp`, cache);
  return corpus;
}
