import { QuorumError } from "../domain/errors.ts";

/**
 * Decodes text bytes: UTF-16 when a byte-order mark says so (Windows "Unicode" exports), else
 * UTF-8, falling back to Windows-1252 for older files; refuses binaries.
 */
export function plainText(bytes: Uint8Array, _name: string): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const head = bytes.subarray(0, 4096);
  let controls = 0;
  for (const b of head) if (b === 0 || b < 8 || (b > 13 && b < 32 && b !== 27)) controls++;
  if (controls > head.length * 0.05) throw new QuorumError("unreadable", "binary content, not text");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Node's decoder treats windows-1252 as Latin-1, so 0x80–0x9F (dashes, curly quotes, €) are mapped here.
    return new TextDecoder("latin1").decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80] || c);
  }
}

const CP1252 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
