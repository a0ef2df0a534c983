// An item's minutes text is stored as where it lies in the meeting's source text (`items.text_start`,
// `text_end`), since that text is kept anyway: a second copy of every item's text was a fifth of
// the database. The text is that cut with runs of blank lines joined into one (as itemText gives
// it). Where no cut of the source gives the text, the item keeps it whole in `text_uncut`. Reads go
// through itemTexts / cutItemText, never the columns.
import type { Kysely, Transaction } from "kysely";
import type { Database } from "./schema.ts";
import { unpack } from "./packed.ts";

type Reader = Kysely<Database> | Transaction<Database>;

export interface StoredItemText {
  text_start: number | null;
  text_end: number | null;
  text_uncut: string | null;
}

export const ITEM_TEXT_COLUMNS = ["text_start", "text_end", "text_uncut"] as const;

/** Blank lines joined: what an item's text is made of its cut of the source (frozen with migration 017). */
function joinBlankLines(cut: string): string {
  return cut.replace(/\n{3,}/g, "\n\n");
}

/** Where in `source` (at or after `from`, else anywhere) a cut lies that gives `text`, or null. */
export function findCut(source: string, text: string, from = 0): [number, number] | null {
  for (const start of [from, 0]) {
    const at = source.indexOf(text, start);
    if (at >= 0) return [at, at + text.length];
  }
  if (!text.includes("\n\n")) return null;
  // blank lines the text joined may be longer runs in the source
  const pattern = new RegExp(text.split("\n\n").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\n{2,}"), "g");
  for (const start of [from, 0]) {
    pattern.lastIndex = start;
    const m = pattern.exec(source);
    if (m && joinBlankLines(m[0]) === text) return [m.index, m.index + m[0].length];
  }
  return null;
}

/** The columns that keep `text`, an item's text, found in `source` at or after `from`. */
export function itemTextColumns(source: string, text: string | null, from = 0): StoredItemText {
  if (text === null) return { text_start: null, text_end: null, text_uncut: null };
  const cut = findCut(source, text, from);
  return cut ? { text_start: cut[0], text_end: cut[1], text_uncut: null } : { text_start: null, text_end: null, text_uncut: text };
}

/** An item's text from its stored columns and the meeting's current source text. */
export function cutItemText(source: string | null, row: StoredItemText): string | null {
  if (row.text_uncut !== null) return row.text_uncut;
  if (row.text_start === null || row.text_end === null || source === null) return null;
  return joinBlankLines(source.slice(row.text_start, row.text_end));
}

// The last source text inflated for a cut, kept because an index write or snippets for one
// meeting's entries cut the same document many times in a row. One text, so the memory is bounded.
let lastPacked: Uint8Array | null = null;
let lastText = "";

/**
 * The text of a cut of a deflated source document, as itemText gives it (blank lines joined). Search
 * entries keep an item's text this way (migration 019); SQLite calls it as `quorum_cut`.
 */
export function cutPacked(packed: Uint8Array, start: number, end: number): string {
  if (!lastPacked || !Buffer.from(lastPacked.buffer, lastPacked.byteOffset, lastPacked.byteLength).equals(packed)) {
    lastText = unpack(packed);
    lastPacked = Uint8Array.from(packed);
  }
  return joinBlankLines(lastText.slice(start, end));
}

/** The source text a meeting now rests on (its items' text is cut from it), or null. */
export async function meetingSourceText(db: Reader, meetingId: number): Promise<string | null> {
  const doc = await db
    .selectFrom("meetings")
    .innerJoin("source_documents as d", "d.id", "meetings.source_document_id")
    .where("meetings.id", "=", meetingId)
    .select("d.packed_text")
    .executeTakeFirst();
  return doc ? unpack(doc.packed_text) : null;
}

/** One meeting's items with their text in place of the stored columns. */
export async function itemTexts<T extends StoredItemText>(db: Reader, meetingId: number, rows: T[]): Promise<(Omit<T, keyof StoredItemText> & { text: string | null })[]> {
  const source = rows.some((r) => r.text_uncut === null && r.text_start !== null) ? await meetingSourceText(db, meetingId) : null;
  return rows.map(({ text_start, text_end, text_uncut, ...rest }) => ({ ...rest, text: cutItemText(source, { text_start, text_end, text_uncut }) }));
}

/** Items of any meetings with their text, each cut from its own meeting's source text. */
export async function itemTextsOf<T extends StoredItemText & { meeting_id: number }>(db: Reader, rows: T[]): Promise<(Omit<T, keyof StoredItemText> & { text: string | null })[]> {
  const sources = new Map<number, string | null>();
  const out: (Omit<T, keyof StoredItemText> & { text: string | null })[] = [];
  for (const { text_start, text_end, text_uncut, ...rest } of rows) {
    const stored = { text_start, text_end, text_uncut };
    if (text_uncut === null && text_start !== null && !sources.has(rest.meeting_id)) sources.set(rest.meeting_id, await meetingSourceText(db, rest.meeting_id));
    out.push({ ...rest, text: cutItemText(sources.get(rest.meeting_id) ?? null, stored) });
  }
  return out;
}
