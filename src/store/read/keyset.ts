// Keyset paging: a page of a long list starts after (or ends before) the row a cursor names, by
// the list's own order, so the database walks an index from that row instead of counting past
// every row before it, and rows sharing a date are neither repeated nor skipped. A cursor is the
// last (or first) row's sort key and the direction, as an opaque URL-safe string.
import { sql, type RawBuilder, type SelectQueryBuilder, type SqlBool } from "kysely";
import { QuorumError } from "../../domain/errors.ts";
import type { Db } from "../db.ts";
import { preparedRead, type Param } from "../prepared.ts";
import { MAX_LIMIT } from "./util.ts";

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

/**
 * A page's size, written into a kept list's SQL rather than bound: PostgreSQL plans `LIMIT $n` for
 * a tenth of the list, which made its plan for any values (pg-statements.ts) look dearer than the
 * plan for each request's, so it planned every request afresh. Sizes are whole and bounded (MAX_LIMIT),
 * so a list has at most that many shapes.
 */
export function pageSize(limit: number): number {
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw new Error(`a page's size must be a whole number from 1 to ${MAX_LIMIT}, not ${limit}`);
  return limit;
}

/** How far offset paging may go before a cursor is needed: the rows skipped are read and thrown away. */
export const MAX_OFFSET = 1000;

/** Counts stop here where no summary holds the count: "more than 1,000" is read from an index in bounded time. */
export const COUNT_CAP = 1000;

export function checkOffset(offset: number): void {
  if (offset > MAX_OFFSET) throw new QuorumError("invalid", `offset past ${MAX_OFFSET}: page on with the cursor of the next link`);
}

/** A column of a list's order: its SQL (never null: coalesce what may be) and whether newest-first runs down it. */
export interface KeyPart {
  ref: RawBuilder<unknown>;
  desc: boolean;
}

/** A page of a list that has no total: its rows and the cursors either side (null at either end). */
export interface Slice<T> {
  data: T[];
  next: string | null;
  previous: string | null;
}

/** Rows strictly beyond `key` in the list's order, or before it when walking `back`. */
export function keysetBeyond(parts: KeyPart[], key: unknown[], back: boolean): RawBuilder<SqlBool> {
  const from = (i: number): RawBuilder<SqlBool> => {
    const p = parts[i];
    const strict = sql<SqlBool>`${p.ref} ${sql.raw(p.desc !== back ? "<" : ">")} ${key[i]}`;
    return i === parts.length - 1 ? strict : sql<SqlBool>`(${strict} OR (${p.ref} = ${key[i]} AND ${from(i + 1)}))`;
  };
  return from(0);
}

/**
 * One page of a query in the order `parts` gives, after (or, for a "before" cursor, ending before)
 * the row the cursor names: limit + 1 rows are read to know whether more follow.
 */
export async function keysetPage<DB, TB extends keyof DB, O>(
  q: SelectQueryBuilder<DB, TB, O>,
  parts: KeyPart[],
  keyOf: (row: O) => (string | number)[],
  shape: ("s" | "n")[],
  opts: { limit: number; cursor?: string },
): Promise<{ rows: O[]; next: string | null; previous: string | null }> {
  const cursor = opts.cursor ? decodeCursor(opts.cursor, shape) : null;
  return pageOf(await walk(q, parts, cursor?.key ?? null, cursor?.dir === "before").limit(opts.limit + 1).execute(), opts.limit, cursor, keyOf);
}

/** `q` in the walk's order, beyond `key` when there is one (back: walking towards the newest). */
function walk<DB, TB extends keyof DB, O>(q: SelectQueryBuilder<DB, TB, O>, parts: KeyPart[], key: unknown[] | null, back: boolean): SelectQueryBuilder<DB, TB, O> {
  if (key) q = q.where(() => keysetBeyond(parts, key, back));
  for (const p of parts) q = q.orderBy(p.ref, p.desc !== back ? "desc" : "asc");
  return q;
}

/** The page among `read` (limit + 1 rows in the walk's order) and the cursors either side of it. */
function pageOf<O>(read: O[], limit: number, cursor: Cursor<unknown> | null, keyOf: (row: O) => (string | number)[]): { rows: O[]; next: string | null; previous: string | null } {
  const back = cursor?.dir === "before";
  const more = read.length > limit;
  const rows = read.slice(0, limit);
  if (back) rows.reverse();
  const hasBefore = cursor ? !back || more : false;
  const hasAfter = back ? true : more;
  const first = rows[0];
  const last = rows.at(-1);
  return {
    rows,
    next: hasAfter && last ? encodeCursor("after", keyOf(last)) : null,
    previous: hasBefore && first ? encodeCursor("before", keyOf(first)) : null,
  };
}

/**
 * keysetPage for a list kept as SQL once per shape (prepared.ts): `build` makes the list's query
 * from its values `p` (never branching on them) and what else shapes it `s`, named by `named`
 * (null: built afresh). The cursor's key is a bound value of the kept SQL; the first page, each
 * direction and each page size are shapes of their own (see pageSize). `once(s)`: PostgreSQL may
 * plan the first page once (prepared.ts).
 */
export function preparedKeysetPage<P extends Record<string, Param>, S, O>(
  build: (db: Db, p: P, s: S) => SelectQueryBuilder<any, any, O>,
  parts: KeyPart[],
  keyOf: (row: O) => (string | number)[],
  shape: ("s" | "n")[],
  named: (s: S) => string | null = () => "",
  once: (s: S) => boolean = () => false,
): (db: Db, p: P, s: S, paging: { limit: number; cursor?: string }) => Promise<{ rows: O[]; next: string | null; previous: string | null }> {
  const read = preparedRead(
    (db: Db, p: P & Record<string, Param>, w: { s: S; dir: Direction | "first"; take: number }) => {
      const key = w.dir === "first" ? null : parts.map((_, i) => p[`key${i}`]);
      return walk(build(db, p, w.s), parts, key, w.dir === "before").limit(sql.lit(w.take));
    },
    (w) => {
      const n = named(w.s);
      return n === null ? null : `${n}|${w.dir}|${w.take}`;
    },
    // a walk from a cursor is planned for its key: for any key PostgreSQL's plan read a person's
    // whole record (test/store/generic-plans.test.ts)
    (w) => w.dir === "first" && once(w.s),
  );
  return async (db, p, s, paging) => {
    const cursor = paging.cursor ? decodeCursor(paging.cursor, shape) : null;
    const key = Object.fromEntries(shape.map((kind, i) => [`key${i}`, cursor ? cursor.key[i] : kind === "s" ? "" : 0]));
    const rows = (await read(db, { ...p, ...key }, { s, dir: cursor?.dir ?? "first", take: pageSize(paging.limit) + 1 })) as O[];
    return pageOf(rows, paging.limit, cursor, keyOf);
  };
}
