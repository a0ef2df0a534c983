// Keyset paging: a page of a long list starts after (or ends before) the row a cursor names, by
// the list's own order, so the database walks an index from that row instead of counting past
// every row before it, and rows sharing a date are neither repeated nor skipped. A cursor is the
// last (or first) row's sort key and the direction, as an opaque URL-safe string.
import { QuorumError } from "../../domain/errors.ts";

export type Direction = "after" | "before";

export interface Cursor<K> {
  dir: Direction;
  key: K;
}

export function encodeCursor(dir: Direction, key: (string | number)[]): string {
  return Buffer.from(JSON.stringify([dir === "after" ? "a" : "b", ...key]), "utf8").toString("base64url");
}

/** Reads a cursor whose key has the given shape ("s" string, "n" integer); a cursor not of that shape is the client's error. */
export function decodeCursor(cursor: string, shape: ("s" | "n")[]): Cursor<(string | number)[]> {
  const invalid = () => new QuorumError("invalid", "cursor is not valid: use the next or previous link of a page");
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== shape.length + 1 || (parsed[0] !== "a" && parsed[0] !== "b")) throw invalid();
  const key = parsed.slice(1);
  shape.forEach((s, i) => {
    const v = key[i];
    if (s === "s" ? typeof v !== "string" || v.length > 200 : !Number.isSafeInteger(v)) throw invalid();
  });
  return { dir: parsed[0] === "a" ? "after" : "before", key };
}

/** How far offset paging may go before a cursor is needed: the rows skipped are read and thrown away. */
export const MAX_OFFSET = 1000;

/** Counts stop here where no summary holds the count: "more than 1,000" is read from an index in bounded time. */
export const COUNT_CAP = 1000;

export function checkOffset(offset: number): void {
  if (offset > MAX_OFFSET) throw new QuorumError("invalid", `offset past ${MAX_OFFSET}: page on with the cursor of the next link`);
}
