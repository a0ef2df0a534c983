// One document into the store, as `quorum import` and `npm start` both do it: read its bytes once,
// skip it when this parser version already stored exactly those bytes, else parse and store.
// Parsing happens in a worker with a time and memory budget (parse-pool.ts): a document that
// exceeds it fails alone, before the store is touched.
import { createHash } from "node:crypto";
import type { ParsedMinutes } from "../domain/minutes.ts";
import type { SourceText } from "../domain/source.ts";
import { readDocumentBytes } from "../ingest/read.ts";
import { PARSER_VERSION } from "../parse/minutes.ts";
import type { Db } from "../store/db.ts";
import { importMinutes, isUnchanged, unstorableReason, type ImportInput, type ImportStatus } from "../store/import.ts";
import { sharedParsePool, type ParsePool } from "./parse-pool.ts";
import type { DocumentStore } from "../store/documents/store.ts";
import { keepOriginal, originalMissing, recordOriginal } from "../store/documents/originals.ts";

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
  /** which of the document's meetings the reviewed record is (from 1; `parse --jsonl` prints it) */
  meeting?: number;
  /** the workers to parse in (default: the process's shared pool) */
  pool?: ParsePool;
  /** where the original file is kept, to be downloaded from its meeting (none: only its text is stored) */
  documents?: DocumentStore;
}

/** One input per meeting the document holds, in the document's order. */
export type PreparedDocument = { status: "unchanged" } | { status: "parsed"; inputs: ImportInput[] };

/**
 * The source a document's later meeting is stored from: the same text under its own key, the
 * content hash with "#2", "#3"… after it, so that each meeting has its own source document row
 * (and record) and a re-import finds each again.
 */
export function meetingSource(source: SourceText, meeting: number): SourceText {
  return meeting > 1 ? { ...source, contentHash: meetingKey(source.contentHash, meeting) } : source;
}

const meetingKey = (hash: string, meeting: number) => (meeting > 1 ? `${hash}#${meeting}` : hash);

/** Reads and parses one document without storing it; "unchanged" when its bytes are already stored. */
export async function prepareDocument(db: Db, file: string, opts: ImportDocumentOptions = {}): Promise<PreparedDocument> {
  const parserVersion = opts.record ? "record" : PARSER_VERSION;
  const pool = opts.pool ?? sharedParsePool();
  const { format, bytes } = await readDocumentBytes(file, pool.limits);
  const hash = createHash("sha256").update(bytes).digest("hex");
  // a reviewed record of a later meeting is looked up under that meeting's own key; a parsed
  // document is stored whole, so its first meeting stands for all of them
  if (await isUnchanged(db, meetingKey(hash, opts.record ? (opts.meeting ?? 1) : 1), parserVersion, opts)) {
    // stored before originals were kept: keep it now, without parsing or storing it again
    if (opts.documents && (await originalMissing(db, hash))) await recordOriginal(db, hash, await keepOriginal(opts.documents, file, format, bytes));
    return { status: "unchanged" };
  }
  const parsed = await pool.parse({ file, format, bytes, textOnly: Boolean(opts.record) });
  const { authority, authorityOverride, timeZone, timeZoneOverride } = opts;
  const records = opts.record ? [{ record: opts.record, meeting: opts.meeting ?? 1 }] : (parsed.records ?? [parsed.record!]).map((record, k) => ({ record, meeting: k + 1 }));
  // Kept once it has parsed, before any transaction: an import that then fails or is rolled back
  // leaves at most a file no row names (found by `quorum check`), never a row without its file.
  // (a document that cannot be stored as a meeting is not kept)
  const original = opts.documents && records.some(({ record }) => !unstorableReason(record)) ? await keepOriginal(opts.documents, file, format, bytes) : undefined;
  const inputs = records.map(({ record, meeting }) => ({ source: meetingSource(parsed.source, meeting), record, authority, authorityOverride, timeZone, timeZoneOverride, parserVersion, ...(original ? { original } : {}) }));
  return { status: "parsed", inputs };
}

export async function importDocument(db: Db, file: string, opts: ImportDocumentOptions = {}): Promise<ImportStatus> {
  const prepared = await prepareDocument(db, file, opts);
  if (prepared.status === "unchanged") return "unchanged";
  // a document holding several meetings is new if any of them is, else updated if any is
  const statuses: ImportStatus[] = [];
  for (const input of prepared.inputs) statuses.push((await importMinutes(db, input)).status);
  return statuses.includes("created") ? "created" : statuses.includes("updated") ? "updated" : "unchanged";
}
