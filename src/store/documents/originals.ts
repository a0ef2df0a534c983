// The original file of imported minutes, kept beside its extracted text: the bytes in the document
// store under their SHA-256, and against the source document the media type it is served as and a
// file name for the download. The name is the one the file was imported under, cleaned to letters,
// digits, dot, hyphen and underscore: it is only ever offered in a Content-Disposition header.
import type { SourceFormat } from "../../domain/source.ts";
import type { DocumentStore } from "./store.ts";
import type { Db } from "../db.ts";

/** What is recorded of a kept original against its source document. */
export interface KeptOriginal {
  /** the document store's key: the SHA-256 of the bytes, hex */
  key: string;
  mediaType: string;
  /** the file name offered on download (cleaned) */
  name: string;
}

export const ORIGINAL_MEDIA_TYPES: Record<SourceFormat, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  html: "text/html",
  md: "text/markdown",
  txt: "text/plain",
};

/** How a format is named to a reader ("Original minutes document (PDF, 312 KB)"). */
export const ORIGINAL_LABELS: Record<SourceFormat, string> = { pdf: "PDF", docx: "Word", html: "HTML", md: "Markdown", txt: "plain text" };

const EXTENSIONS: Record<SourceFormat, string> = { pdf: ".pdf", docx: ".docx", html: ".html", md: ".md", txt: ".txt" };

/** A file name safe to offer in a header: the last part of the path, cleaned, with its format's extension. */
export function originalName(file: string, format: SourceFormat): string {
  const base = (file.split(/[\\/]/).pop() ?? "").replace(/\.[^.]*$/, "");
  const clean = base.normalize("NFKD").replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[-.]+|[-.]+$/g, "").slice(0, 120) || "minutes";
  return clean + EXTENSIONS[format];
}

/** Keeps the bytes of an imported document (written once per distinct content) and says what to record. */
export async function keepOriginal(documents: DocumentStore, file: string, format: SourceFormat, bytes: Uint8Array): Promise<KeptOriginal> {
  const key = await documents.put(bytes);
  return { key, mediaType: ORIGINAL_MEDIA_TYPES[format], name: originalName(file, format) };
}

/** Whether the document stored from these bytes (a content hash) has no original recorded (stored before originals were kept). */
export async function originalMissing(db: Db, contentHash: string): Promise<boolean> {
  const row = await db.selectFrom("source_documents").where("content_hash", "=", contentHash).select("document_key").executeTakeFirst();
  return !!row && row.document_key === null;
}

/**
 * Records a kept original against the source documents stored from its bytes (every meeting's row,
 * "<hash>" and "<hash>#2"…) that have none; the file is already in the store, so no row is left
 * naming a missing file.
 */
export async function recordOriginal(db: Db, contentHash: string, original: KeptOriginal): Promise<void> {
  await db
    .updateTable("source_documents")
    .set({ document_key: original.key, media_type: original.mediaType, original_name: original.name })
    .where((eb) => eb.or([eb("content_hash", "=", contentHash), eb("content_hash", "like", `${contentHash}#%`)]))
    .where("document_key", "is", null)
    .execute();
}
