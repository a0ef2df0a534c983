// Reads (and, for fixtures, writes) zip archives such as OOXML packages, in memory. Only what DOCX files use:
// stored and deflated members, sizes taken from the central directory.
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Thrown when an archive is over one of the caller's limits, so the reader can name the limit. */
export class ZipLimitError extends Error {
  constructor(
    message: string,
    readonly limit: "entries" | "inflated",
  ) {
    super(message);
    this.name = "ZipLimitError";
  }
}

export function zipEntries(bytes: Uint8Array, maxEntries = Infinity): Map<string, ZipEntry> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 22 || buf.readUInt32LE(0) !== LOCAL) throw new Error("not a zip archive");
  // The end-of-central-directory record sits in the last 64 KiB (its comment can be up to 65535 bytes).
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("truncated zip archive (no central directory)");
  const count = buf.readUInt16LE(eocd + 10);
  if (count > maxEntries) throw new ZipLimitError(`${count} zip members, more than the limit of ${maxEntries}`, "entries");
  let at = buf.readUInt32LE(eocd + 16);
  const entries = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) throw new Error("damaged zip archive");
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const name = buf.toString("utf8", at + 46, at + 46 + nameLength);
    entries.set(name, {
      name,
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * A member's bytes. `maxSize` bounds what inflating may produce: the sizes a zip declares can lie,
 * so the inflater itself stops there rather than trusting them (a 1.6 MB file can inflate to
 * gigabytes).
 */
export function zipRead(bytes: Uint8Array, entry: ZipEntry, maxSize = Infinity): Buffer {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) throw new Error(`damaged zip member ${entry.name}`);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length) throw new Error(`truncated zip member ${entry.name}`);
  const data = buf.subarray(start, end);
  const tooLarge = () => new ZipLimitError(`zip member ${entry.name} inflates to more than ${maxSize} bytes`, "inflated");
  if (entry.size > maxSize) throw tooLarge();
  if (entry.method === 0) {
    if (data.length > maxSize) throw tooLarge();
    return data;
  }
  if (entry.method === 8) {
    try {
      return Number.isFinite(maxSize) ? inflateRawSync(data, { maxOutputLength: Math.max(1, maxSize) }) : inflateRawSync(data);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge();
      throw new Error(`damaged zip member ${entry.name}`);
    }
  }
  throw new Error(`zip member ${entry.name} uses an unsupported compression method (${entry.method})`);
}

/** A zip archive of deflated members (no zip64, fixed timestamp so the output is reproducible). */
export function makeZip(files: Record<string, string | Uint8Array>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content);
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, "utf8");
    const crc = crc32(data);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6);
    header.writeUInt16LE(8, 8);
    header.writeUInt16LE(0, 10);
    header.writeUInt16LE(0x5a21, 12); // 2025-01-01
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(packed.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    header.copy(central, 8, 6, 30); // flags … name length are the same fields
    central.writeUInt16LE(0, 32);
    central.writeUInt32LE(offset, 42);
    locals.push(header, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += header.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
