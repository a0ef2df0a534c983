// Long text the store keeps whole but never searches in SQL (a document's source text, its parsed
// record) is stored deflated: minutes text shrinks to about a third, a record's JSON to a tenth.
// zlib's format carries a checksum, so a damaged value fails loudly instead of reading as other text.
import { deflateSync, inflateSync } from "node:zlib";

export function pack(text: string): Buffer {
  return deflateSync(Buffer.from(text, "utf8"));
}

export function unpack(bytes: Uint8Array): string {
  return inflateSync(bytes).toString("utf8");
}

export function packJson(value: unknown): Buffer {
  return pack(JSON.stringify(value));
}

export function unpackJson<T>(bytes: Uint8Array | null): T | null {
  return bytes === null ? null : (JSON.parse(unpack(bytes)) as T);
}
