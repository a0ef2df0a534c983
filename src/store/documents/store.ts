// Where uploaded documents (agenda papers) and built reports packs are kept: an interface a folder
// implements today and an object store can implement later. Keys are made by the store from the
// content (its SHA-256), never from a name a user gave, so no request can name a path.
import { createHash } from "node:crypto";

export interface DocumentStore {
  /** Keeps the bytes; returns the key they are found by (the same bytes, the same key). */
  put(bytes: Uint8Array): Promise<string>;
  /** The bytes kept under `key`, or null when there are none. */
  get(key: string): Promise<Uint8Array | null>;
  /** Forgets the bytes under `key` (nothing when there are none). */
  remove(key: string): Promise<void>;
}

const KEY = /^[0-9a-f]{64}$/;

/** The key of some bytes: their SHA-256, in hex. */
export function documentKey(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Whether a string is a key this store could have made (and so is safe to look up). */
export function isDocumentKey(key: string): boolean {
  return KEY.test(key);
}
