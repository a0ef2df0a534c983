// Import inputs for the review queue's tests: real minutes read and parsed as `quorum import` does.
import { resolve } from "node:path";
import { readDocument } from "../../src/ingest/read.ts";
import { parseMinutes, PARSER_VERSION } from "../../src/parse/minutes.ts";
import type { ImportInput } from "../../src/store/import.ts";

export const EXEMPT_FIXTURES = resolve(import.meta.dirname, "../fixtures/exempt");
/** Item 35 exempt: a declaration, a response table, work-programme changes and a vote inside it. */
export const STAFFS_V2 = resolve(EXEMPT_FIXTURES, "staffs-2016-12-12-v2-item-35-exempt.txt");
/** The earlier version, item 35 public. */
export const STAFFS_V1 = resolve(EXEMPT_FIXTURES, "staffs-2016-12-12-v1-item-35-public.txt");

export async function parsedInput(file: string, extra: Partial<ImportInput> = {}): Promise<ImportInput> {
  const source = await readDocument(file);
  return { source, record: parseMinutes(source), parserVersion: PARSER_VERSION, ...extra };
}
