// Bytes → SourceText. Picks the reader by extension, checked against the content's magic bytes.
import { readFile, stat } from "node:fs/promises";
import { createHash } from "node:crypto";
import { extname, basename } from "node:path";
import { QuorumError } from "../domain/errors.ts";
import { splitLines, type OcrReading, type SourceFormat, type SourceText } from "../domain/source.ts";
import { plainText } from "./txt.ts";
import { markdownText } from "./markdown.ts";
import { htmlText } from "./html.ts";
import { pdfPages } from "./pdf.ts";
import { docxText } from "./docx.ts";
import { ocrBarePages, type OcrWatcher } from "./ocr.ts";
import { legacyOfficeError, legacyWordError, LEGACY_WORD_EXTENSIONS } from "./legacy.ts";
import { DEFAULT_LIMITS, formatBytes, LIMIT_VARIABLES, overLimit, type Limits } from "./limits.ts";

export const EXTENSIONS: Record<string, SourceFormat> = {
  ".txt": "txt",
  ".text": "txt",
  ".md": "md",
  ".markdown": "md",
  ".html": "html",
  ".htm": "html",
  ".pdf": "pdf",
  ".docx": "docx",
};

/** How a document is being read, beyond its limits. */
export interface ReadOptions {
  /** epoch milliseconds by which reading must be done (OCR's child processes are killed then) */
  deadline?: number;
  /** told of OCR's child processes and temporary folder */
  watch?: OcrWatcher;
}

export function formatOf(file: string): SourceFormat | undefined {
  return EXTENSIONS[extname(file).toLowerCase()];
}

export async function readDocument(file: string, limits: Limits = DEFAULT_LIMITS): Promise<SourceText> {
  const { format, bytes } = await readDocumentBytes(file, limits);
  return fromBytes(file, format, bytes, basename(file), limits);
}

/** A document's format (from its extension) and raw bytes, with a one-line error naming the file. */
export async function readDocumentBytes(file: string, limits: Pick<Limits, "maxBytes"> = DEFAULT_LIMITS): Promise<{ format: SourceFormat; bytes: Buffer }> {
  const format = formatOf(file);
  if (LEGACY_WORD_EXTENSIONS.includes(extname(file).toLowerCase())) throw legacyWordError(file);
  if (!format) throw new QuorumError("unsupported", `${file}: unsupported file type "${extname(file) || "(none)"}" (expected .txt, .md, .html, .pdf or .docx)`);
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new QuorumError("unreadable", `${file}: is a directory`);
    // checked before reading, so an oversized file is never held in memory
    const max = limits.maxBytes[format];
    if (info.size > max) throw overLimit(`${file}: ${formatBytes(info.size)}, larger than the ${formatBytes(max)} allowed for ${format.toUpperCase()} files`, `${LIMIT_VARIABLES.maxBytes}_${format.toUpperCase()}`);
    const bytes = await readFile(file);
    if (bytes.length > max) throw overLimit(`${file}: larger than the ${formatBytes(max)} allowed for ${format.toUpperCase()} files`, `${LIMIT_VARIABLES.maxBytes}_${format.toUpperCase()}`);
    return { format, bytes };
  } catch (err) {
    if (err instanceof QuorumError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new QuorumError("unreadable", `${file}: ${code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : "cannot be read"}`);
  }
}

export async function fromBytes(file: string, format: SourceFormat, bytes: Uint8Array, name = basename(file), limits: Limits = DEFAULT_LIMITS, options: ReadOptions = {}): Promise<SourceText> {
  if (bytes.length === 0) throw new QuorumError("unreadable", `${file}: empty file`);
  // a binary Word file renamed, or saved under a newer extension, is named for what it is
  const legacy = legacyOfficeError(file, bytes);
  if (legacy) throw legacy;
  const max = limits.maxBytes[format];
  if (bytes.length > max) throw overLimit(`${file}: ${formatBytes(bytes.length)}, larger than the ${formatBytes(max)} allowed for ${format.toUpperCase()} files`, `${LIMIT_VARIABLES.maxBytes}_${format.toUpperCase()}`);
  let extracted: string | string[][];
  let ocr: OcrReading | undefined;
  try {
    if (format === "pdf") {
      const deadline = options.deadline ?? Date.now() + limits.timeoutMs;
      extracted = await pdfPages(bytes, async (bare, pageCount) => {
        const read = await ocrBarePages(bytes, bare, pageCount, { deadline, budgetMs: limits.timeoutMs, maxPages: limits.maxOcrPages, watch: options.watch });
        if (read.pages.length) ocr = { pages: read.pages };
        return read.runs;
      });
    } else extracted = await extract(format, bytes, name, limits);
  } catch (err) {
    if (err instanceof QuorumError) throw new QuorumError(err.code, `${file}: ${err.message}`);
    throw new QuorumError("unreadable", `${file}: not a readable ${format.toUpperCase()} document (${whyUnreadable(err)})`);
  }
  // Paged formats come back as lines per page; the page of each line is kept for provenance.
  let text: string;
  let pageOfOffset: ((offset: number) => number | undefined) | undefined;
  if (typeof extracted === "string") {
    text = normalise(extracted);
  } else {
    const starts: number[] = [];
    const parts: string[] = [];
    let at = 0;
    for (const page of extracted) {
      const pageText = page.map((l) => normalise(l).replace(/\n/g, " ")).join("\n");
      starts.push(at);
      parts.push(pageText);
      at += pageText.length + 1;
    }
    text = parts.join("\n");
    pageOfOffset = (offset) => {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return starts.length ? lo + 1 : undefined;
    };
  }
  checkTextSize(file, text, limits);
  if (!/[A-Za-z]{2}/.test(text) || (Array.isArray(extracted) && scannedPages(extracted))) {
    throw new QuorumError("unreadable", `${file}: no text found${format === "pdf" ? " (a scanned PDF, and OCR found no text on its pages)" : ""}`);
  }
  return {
    ...(ocr ? { ocr } : {}),
    file,
    format,
    text,
    lines: splitLines(text, pageOfOffset),
    contentHash: createHash("sha256").update(bytes).digest("hex"),
    byteLength: bytes.length,
  };
}

async function extract(format: SourceFormat, bytes: Uint8Array, name: string, limits: Limits): Promise<string | string[][]> {
  switch (format) {
    case "txt":
      return plainText(bytes, name);
    case "md":
      return markdownText(plainText(bytes, name), limits.maxDepth);
    case "html":
      return htmlText(plainText(bytes, name), limits.maxDepth);
    case "pdf":
      return pdfPages(bytes);
    case "docx":
      return docxText(bytes, limits);
  }
}

/** Extracted text over the size limits is refused whole rather than cut short. */
function checkTextSize(file: string, text: string, limits: Limits): void {
  if (text.length > limits.maxTextChars) throw overLimit(`${file}: ${text.length} characters of text, more than the limit of ${limits.maxTextChars}`, LIMIT_VARIABLES.maxTextChars);
  let start = 0;
  for (let end = text.indexOf("\n"); ; end = text.indexOf("\n", start)) {
    const stop = end < 0 ? text.length : end;
    if (stop - start > limits.maxLineChars) throw overLimit(`${file}: a line of ${stop - start} characters, longer than the limit of ${limits.maxLineChars}`, LIMIT_VARIABLES.maxLineChars);
    if (end < 0) break;
    start = end + 1;
  }
}

function normalise(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/\u0000/g, "")
    .replace(/[\u00A0\u2007\u202F]/g, " ");
}

/**
 * Scanned documents often carry a sliver of text (a scanner's stamp, a page number) and nothing
 * else: most pages almost empty and too little text overall to be minutes.
 */
function scannedPages(pages: string[][]): boolean {
  const letters = pages.map((p) => p.join("").replace(/[^\p{L}]/gu, "").length);
  const sparse = letters.filter((n) => n < 20).length;
  return sparse * 2 > pages.length && letters.reduce((a, b) => a + b, 0) < 200;
}

/** pdf.js and the zip reader name their exceptions; say what that means rather than echo them. */
function whyUnreadable(err: unknown): string {
  const name = err instanceof Error ? err.name : "";
  if (name === "PasswordException") return "it is encrypted with a password";
  if (name === "InvalidPDFException") return "the file is corrupt or not a PDF";
  return firstLine(err);
}

function firstLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split("\n")[0].slice(0, 120);
}
