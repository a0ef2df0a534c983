// One document into the store, as `quorum import` and `npm start` both do it: read its bytes once,
// skip it when this parser version already stored exactly those bytes, else parse and store.
// Parsing happens in a worker with a time and memory budget (parse-pool.ts): a document that
// exceeds it fails alone, before the store is touched.
import { createHash } from "node:crypto";
import type { ParsedMinutes } from "../domain/minutes.ts";
import { readDocumentBytes } from "../ingest/read.ts";
import { PARSER_VERSION } from "../parse/minutes.ts";
import type { Db } from "../store/db.ts";
import { importMinutes, isUnchanged, type ImportInput, type ImportStatus } from "../store/import.ts";
import { sharedParsePool, type ParsePool } from "./parse-pool.ts";

export interface ImportDocumentOptions {
  /** the council, for documents that name none */
  authority?: string;
  /** the council whatever the document says (a folder's quorum.json) */
  authorityOverride?: string;
  timeZone?: string;
  /** the council's time zone whatever is stored (a folder's quorum.json) */
  timeZoneOverride?: string;
  /** a reviewed record to store instead of parsing the document */
  record?: ParsedMinutes;
  /** the workers to parse in (default: the process's shared pool) */
  pool?: ParsePool;
}

export type PreparedDocument = { status: "unchanged" } | { status: "parsed"; input: ImportInput };

/** Reads and parses one document without storing it; "unchanged" when its bytes are already stored. */
export async function prepareDocument(db: Db, file: string, opts: ImportDocumentOptions = {}): Promise<PreparedDocument> {
  const parserVersion = opts.record ? "record" : PARSER_VERSION;
  const pool = opts.pool ?? sharedParsePool();
  const { format, bytes } = await readDocumentBytes(file, pool.limits);
  if (await isUnchanged(db, createHash("sha256").update(bytes).digest("hex"), parserVersion, opts)) return { status: "unchanged" };
  const parsed = await pool.parse({ file, format, bytes, textOnly: Boolean(opts.record) });
  const source = parsed.source;
  const record = opts.record ?? parsed.record!;
  const { authority, authorityOverride, timeZone, timeZoneOverride } = opts;
  return { status: "parsed", input: { source, record, authority, authorityOverride, timeZone, timeZoneOverride, parserVersion } };
}

export async function importDocument(db: Db, file: string, opts: ImportDocumentOptions = {}): Promise<ImportStatus> {
  const prepared = await prepareDocument(db, file, opts);
  return prepared.status === "unchanged" ? "unchanged" : (await importMinutes(db, prepared.input)).status;
}
