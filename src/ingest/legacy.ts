// Office's binary formats from before 2007 (Word .doc, Excel .xls, PowerPoint .ppt) are OLE2
// compound files. Quorum does not read them; it says what the file is and what to do about it,
// whatever the file happens to be called. A password-protected .docx is an OLE2 file too (its
// package is stored encrypted inside one), and is named as such rather than as a .doc.
import { QuorumError } from "../domain/errors.ts";

export const LEGACY_WORD_EXTENSIONS = [".doc", ".dot"];

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export const LEGACY_WORD_MESSAGE = "is a Word 97–2003 .doc; save it as .docx or PDF";

export function isOle2(bytes: Uint8Array): boolean {
  return bytes.length >= OLE2_MAGIC.length && OLE2_MAGIC.every((b, i) => bytes[i] === b);
}

/** The one-line error for a file named .doc, read or not. */
export function legacyWordError(file: string): QuorumError {
  return new QuorumError("unsupported", `${file}: ${LEGACY_WORD_MESSAGE}`);
}

/** The error for an OLE2 file, whatever its extension; undefined for anything else. */
export function legacyOfficeError(file: string, bytes: Uint8Array): QuorumError | undefined {
  if (!isOle2(bytes)) return undefined;
  // Stream names in the compound file's directory are UTF-16LE.
  const has = (name: string) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(name, "utf16le"));
  if (has("EncryptedPackage")) return new QuorumError("unreadable", `${file}: is an Office document encrypted with a password; save it without one`);
  if (has("WordDocument")) return legacyWordError(file);
  return new QuorumError("unsupported", `${file}: is an Office 97–2003 file (OLE2), not a document Quorum reads; save it as .docx or PDF`);
}
