// How much a document may cost to read. A council's minutes are rarely more than a few megabytes;
// these bounds stop a hostile or broken file (a zip bomb, a line of a million characters, a tree
// nested a hundred thousand deep) from taking the whole import down with it. Every limit can be
// set through an environment variable (docs/LIMITS.md); exceeding one is a one-line error.
import { availableParallelism } from "node:os";
import { QuorumError } from "../domain/errors.ts";
import type { SourceFormat } from "../domain/source.ts";

export interface Limits {
  /** bytes of the file itself, per format */
  maxBytes: Record<SourceFormat, number>;
  /** bytes inflated from a DOCX (zip) package, all members together */
  maxInflatedBytes: number;
  /** members listed in a zip's central directory */
  maxZipEntries: number;
  /** elements open at once in XML or HTML */
  maxDepth: number;
  /** characters of extracted text */
  maxTextChars: number;
  /** characters of one line of extracted text */
  maxLineChars: number;
  /** pages of one PDF read by OCR (pages without a text layer) */
  maxOcrPages: number;
  /** wall-clock time to read and parse one document, in milliseconds */
  timeoutMs: number;
  /** heap of the worker that reads one document, in megabytes */
  maxMemoryMb: number;
  /** workers reading documents side by side */
  workers: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: Limits = {
  maxBytes: { txt: 20 * MiB, md: 20 * MiB, html: 50 * MiB, pdf: 200 * MiB, docx: 100 * MiB },
  maxInflatedBytes: 100 * MiB,
  maxZipEntries: 10_000,
  maxDepth: 500,
  maxTextChars: 20_000_000,
  maxLineChars: 5_000_000,
  maxOcrPages: 50,
  timeoutMs: 30_000,
  maxMemoryMb: 1024,
  workers: Math.max(1, availableParallelism()),
};

/** The environment variable that sets each limit, for settings and for error messages. */
export const LIMIT_VARIABLES = {
  maxBytes: "QUORUM_MAX_BYTES",
  maxInflatedBytes: "QUORUM_MAX_INFLATED_BYTES",
  maxZipEntries: "QUORUM_MAX_ZIP_ENTRIES",
  maxDepth: "QUORUM_MAX_DEPTH",
  maxTextChars: "QUORUM_MAX_TEXT_CHARS",
  maxLineChars: "QUORUM_MAX_LINE_CHARS",
  maxOcrPages: "QUORUM_OCR_MAX_PAGES",
  timeoutMs: "QUORUM_TIMEOUT_SECONDS",
  maxMemoryMb: "QUORUM_MAX_MEMORY_MB",
  workers: "QUORUM_PARSE_WORKERS",
} as const;

/**
 * Limits from the environment over the defaults. QUORUM_MAX_BYTES sets every format's file size;
 * QUORUM_MAX_BYTES_PDF (…_TXT, _MD, _HTML, _DOCX) one format's. A value that is not a positive
 * number is refused rather than ignored, so a typo cannot silently lift a limit.
 */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): Limits {
  const read = (name: string, scale = 1): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === "") return undefined;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new QuorumError("invalid", `${name}=${raw}: expected a positive number`);
    return Math.max(1, Math.round(n * scale));
  };
  const all = read(LIMIT_VARIABLES.maxBytes);
  const maxBytes = { ...DEFAULT_LIMITS.maxBytes };
  for (const format of Object.keys(maxBytes) as SourceFormat[]) {
    maxBytes[format] = read(`${LIMIT_VARIABLES.maxBytes}_${format.toUpperCase()}`) ?? all ?? maxBytes[format];
  }
  return {
    maxBytes,
    maxInflatedBytes: read(LIMIT_VARIABLES.maxInflatedBytes) ?? DEFAULT_LIMITS.maxInflatedBytes,
    maxZipEntries: read(LIMIT_VARIABLES.maxZipEntries) ?? DEFAULT_LIMITS.maxZipEntries,
    maxDepth: read(LIMIT_VARIABLES.maxDepth) ?? DEFAULT_LIMITS.maxDepth,
    maxTextChars: read(LIMIT_VARIABLES.maxTextChars) ?? DEFAULT_LIMITS.maxTextChars,
    maxLineChars: read(LIMIT_VARIABLES.maxLineChars) ?? DEFAULT_LIMITS.maxLineChars,
    maxOcrPages: read(LIMIT_VARIABLES.maxOcrPages) ?? DEFAULT_LIMITS.maxOcrPages,
    timeoutMs: read(LIMIT_VARIABLES.timeoutMs, 1000) ?? DEFAULT_LIMITS.timeoutMs,
    maxMemoryMb: read(LIMIT_VARIABLES.maxMemoryMb) ?? DEFAULT_LIMITS.maxMemoryMb,
    workers: read(LIMIT_VARIABLES.workers) ?? DEFAULT_LIMITS.workers,
  };
}

/** "50 MiB", "800 KiB", "12 bytes": sizes in error messages. */
export function formatBytes(n: number): string {
  if (n >= MiB) return `${+(n / MiB).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

/** The one-line error for a document over a limit, naming the variable that sets it. */
export function overLimit(what: string, variable: string): QuorumError {
  return new QuorumError("unreadable", `${what} (limit set by ${variable})`);
}
