// What kind of document some bytes are, by their content and never by their name: a PDF starts
// "%PDF-"; a Word document (DOCX) is a zip archive whose central directory names
// "[Content_Types].xml" and "word/document.xml". Anything else is refused.

export type PaperFormat = "pdf" | "docx";

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

export function sniffFormat(bytes: Uint8Array): PaperFormat | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length >= 8 && buf.subarray(0, 5).toString("latin1") === "%PDF-") return "pdf";
  if (buf.length >= 22 && buf.readUInt32LE(0) === 0x04034b50) {
    const names = centralNames(buf);
    if (names && names.has("[Content_Types].xml") && names.has("word/document.xml")) return "docx";
  }
  return null;
}

/** The member names in a zip's central directory; null when it cannot be found or read. */
function centralNames(buf: Buffer): Set<string> | null {
  // the end-of-central-directory record is in the last 22 + 65535 (comment) bytes
  const from = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const names = new Set<string>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) return null;
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    if (at + 46 + nameLength > buf.length) return null;
    names.add(buf.subarray(at + 46, at + 46 + nameLength).toString("utf8"));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}
