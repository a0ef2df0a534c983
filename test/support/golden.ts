// The hand-checked dev documents with their expected records, as import inputs that do not depend
// on the state of the parser.
import { readdirSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import type { ParsedMinutes } from "../../src/domain/minutes.ts";
import { splitLines, type SourceText } from "../../src/domain/source.ts";

export const GOLDEN_DIR = new URL("../golden/dev/", import.meta.url).pathname;

export interface GoldenDoc {
  file: string;
  record: ParsedMinutes;
}

export function goldenDocs(dir = GOLDEN_DIR): GoldenDoc[] {
  const names = readdirSync(dir).sort();
  return names
    .filter((n) => n.endsWith(".expected.json"))
    .map((n) => {
      const base = n.slice(0, -".expected.json".length);
      const doc = names.find((x) => x.startsWith(base + ".") && !x.endsWith(".json"));
      if (!doc) throw new Error(`no document beside ${n}`);
      const record = JSON.parse(readFileSync(join(dir, n), "utf8")) as ParsedMinutes;
      record.provenance ??= {};
      return { file: join(dir, doc), record };
    });
}

/** A SourceText for text made up in a test. */
export function sourceOf(file: string, text: string): SourceText {
  return { file, format: "txt", text, lines: splitLines(text), contentHash: createHash("sha256").update(text).digest("hex"), byteLength: Buffer.byteLength(text) };
}

export function minutes(partial: Partial<ParsedMinutes>): ParsedMinutes {
  return {
    schema: "quorum.minutes/1",
    authority: null,
    body: null,
    date: null,
    startTime: null,
    endTime: null,
    venue: null,
    attendance: [],
    items: [],
    recommendations: [],
    nextMeeting: null,
    warnings: [],
    provenance: {},
    ...partial,
  };
}
