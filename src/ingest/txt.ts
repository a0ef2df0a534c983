import { QuorumError } from "../domain/errors.ts";

/** Decodes text bytes as UTF-8 (falling back to Windows-1252), refusing binaries. */
export function plainText(bytes: Uint8Array, _name: string): string {
  const head = bytes.subarray(0, 4096);
  let controls = 0;
  for (const b of head) if (b === 0 || (b < 8) || (b > 13 && b < 32 && b !== 27)) controls++;
  if (controls > head.length * 0.05) throw new QuorumError("unreadable", "binary content, not text");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}
