// Long text the store keeps whole but never searches in SQL (a document's source text, its parsed
// record) is stored deflated: minutes text shrinks to about a third, a record's JSON to a sixth.
// zlib's format carries a checksum, so a damaged value fails loudly instead of reading as other text.
import { deflateSync, inflateSync } from "node:zlib";

export function pack(text: string): Buffer {
  return deflateSync(Buffer.from(text, "utf8"));
}

export function unpack(bytes: Uint8Array): string {
  return inflateSync(bytes).toString("utf8");
}

/**
 * A document's parsed record, deflated with the document's own text as the preset dictionary: the
 * names, titles and decisions it holds are copied from that text, so they cost a few bytes each.
 */
export function packRecord(record: unknown, text: string): Buffer {
  return deflateSync(Buffer.from(JSON.stringify(record), "utf8"), { dictionary: recordDictionary(text) });
}

export function unpackRecord<T>(bytes: Uint8Array | null, text: string): T | null {
  return bytes === null ? null : (JSON.parse(inflateSync(bytes, { dictionary: recordDictionary(text) }).toString("utf8")) as T);
}

// deflate looks back 32 KiB at most; the start of the text is where attendance and the first items are
function recordDictionary(text: string): Buffer {
  return Buffer.from(text, "utf8").subarray(0, 32768);
}
