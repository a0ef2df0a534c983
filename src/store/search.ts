// Public search behind one interface: FTS5 (bm25, snippet) on SQLite, tsvector (websearch_to_tsquery,
// ts_headline) on PostgreSQL. Both read `search_entries`, which is written only here and only with
// content that passed the visibility rule, so exempt text is never indexed.
import { sql, type Insertable } from "kysely";
import type { SearchEntriesTable } from "./schema.ts";
import { dialectOf, type Db } from "./db.ts";
import { areMinutesPublic, isMeetingListed, isReleased, publicSearchContent, publicMinutesOnly, publicViewer } from "./visibility.ts";
import { bool } from "./read/util.ts";
import { ITEM_TEXT_COLUMNS, itemTexts } from "./item-body.ts";

export { parseQuery, toFts5, toWebsearch, type ParsedQuery } from "./search-query.ts";
export { search, SEARCH_TYPES, type SearchOptions } from "./search-read.ts";
export { SEARCH_CAP } from "./search-candidates.ts";

// --- writing the index ---

export interface MeetingIndexInput {
  meeting: { id: number; date: string; startTime: string | null; venue: string | null; minutesStatus: string; announcedAt: string | null; bodyId: number; bodyName: string; authorityId: number; sourceDocumentId?: number | null };
  /** the names as written, in attendance order */
  names: string[];
  /**
   * `cut`: where the item's text lies in the meeting's source document `sourceDocumentId`, when it
   * is a cut of it (items keep it so, item-body.ts); the entry then keeps the place, not the text.
   */
  items: { id: number; number: string; title: string; exempt: boolean; text: string | null; exemptReleaseOn?: string | null; cut?: [number, number] | null }[];
  resolutions: { id: number; itemId: number; text: string }[];
  /** the council's date, for exempt items released by then; null: none is */
  today?: string | null;
}

/** An entry as the index sees it (`text` whole); `cut`: where that text lies in a source document, when it is a cut of one. */
export type EntryRow = { kind: string; entity_id: number; meeting_id: number; body_id: number; authority_id: number; year: number; title: string; text: string; cut?: { doc: number; start: number; end: number } };

/**
 * The search entries of a meeting, its items and decisions — only what the visibility rule lets
 * through: a listed meeting's own entry, and, once its minutes are public, the names they record,
 * their items and decisions.
 */
export function meetingEntries({ meeting: m, names, items, resolutions, today = null }: MeetingIndexInput): EntryRow[] {
  if (!isMeetingListed(m)) return [];
  const minutes = areMinutesPublic(m);
  const common = { meeting_id: m.id, body_id: m.bodyId, authority_id: m.authorityId, year: Number(m.date.slice(0, 4)) };
  const rows: EntryRow[] = [
    { ...common, kind: "meeting", entity_id: m.id, title: `${m.bodyName}, ${m.date}${m.startTime ? " " + m.startTime : ""}`, text: [m.venue, ...(minutes ? names : [])].filter(Boolean).join("\n") },
  ];
  if (!minutes) return rows;
  const exemptItems = new Set<number>();
  for (const i of items) {
    if (i.exempt && !isReleased(i.exemptReleaseOn, publicViewer(today))) exemptItems.add(i.id);
    const content = publicSearchContent(m, i, today);
    if (!content) continue;
    // only text the rule let through whole is kept as a cut: a withheld item's entry holds ''
    const cut = content.text !== "" && content.text === i.text && i.cut && m.sourceDocumentId != null ? { doc: m.sourceDocumentId, start: i.cut[0], end: i.cut[1] } : undefined;
    rows.push({ ...common, kind: "item", entity_id: i.id, ...content, ...(cut && { cut }) });
  }
  const titleOf = new Map(items.map((i) => [i.id, `${i.number}. ${i.title}`]));
  for (const r of [...resolutions].sort((a, b) => a.id - b.id)) {
    if (exemptItems.has(r.itemId)) continue;
    rows.push({ ...common, kind: "decision", entity_id: r.id, title: titleOf.get(r.itemId) ?? "", text: r.text });
  }
  return rows;
}

/** Replaces a meeting's search entries; `fresh` skips the delete for a meeting that has none yet. */
export async function writeMeetingEntries(db: Db, meetingId: number, rows: EntryRow[], fresh = false): Promise<void> {
  if (!fresh) await db.deleteFrom("search_entries").where("meeting_id", "=", meetingId).execute();
  await insertSearchEntries(db, rows);
}

/** Adds entries (of any meetings), many rows to a statement. */
export async function insertSearchEntries(db: Db, rows: EntryRow[]): Promise<void> {
  const postgres = dialectOf(db) === "postgres";
  const stored = rows.map(({ cut, ...r }) => {
    if (!cut) return r;
    const place = { ...r, text: null, text_doc: cut.doc, text_start: cut.start, text_end: cut.end };
    // SQLite's triggers cut the text for FTS5 themselves; PostgreSQL keeps no text to derive tsv from, so it is given here
    return postgres ? { ...place, tsv: sql<string>`setweight(to_tsvector('english', ${r.title}), 'A') || setweight(to_tsvector('english', ${r.text}), 'B')` } : place;
  });
  // tsv is PostgreSQL's alone, so the schema type leaves it out
  for (let i = 0; i < stored.length; i += 200) await db.insertInto("search_entries").values(stored.slice(i, i + 200) as Insertable<SearchEntriesTable>[]).execute();
}

/**
 * Rewrites the search entries of one meeting (the meeting, its items and decisions) from the
 * database; exempt items released by `today` (the council's date) go in whole.
 */
export async function reindexMeeting(db: Db, meetingId: number, today: string | null = null): Promise<void> {
  const m = await db
    .selectFrom("meetings")
    .innerJoin("bodies", "bodies.id", "meetings.body_id")
    .where("meetings.id", "=", meetingId)
    .select(["meetings.id", "meetings.date", "meetings.start_time", "meetings.venue", "meetings.minutes_status", "meetings.announced_at", "meetings.body_id", "meetings.source_document_id", "bodies.name as body_name", "bodies.authority_id"])
    .executeTakeFirst();
  if (!m || !isMeetingListed({ minutesStatus: m.minutes_status, announcedAt: m.announced_at })) {
    await writeMeetingEntries(db, meetingId, []);
    return;
  }
  const names = await db.selectFrom("attendance").where("meeting_id", "=", m.id).select("raw_name").orderBy("position").execute();
  const stored = await db.selectFrom("items").where("meeting_id", "=", m.id).select(["id", "number", "title", "exempt", "exempt_release_on", ...ITEM_TEXT_COLUMNS]).orderBy("position").execute();
  const cutOf = new Map(stored.map((i) => [i.id, i.text_uncut === null && i.text_start !== null && i.text_end !== null ? ([i.text_start, i.text_end] as [number, number]) : null]));
  const items = await itemTexts(db, m.id, stored);
  const resolutions = await db.selectFrom("resolutions").where("meeting_id", "=", m.id).select(["id", "item_id", "text"]).execute();
  const rows = meetingEntries({
    meeting: { id: m.id, date: m.date, startTime: m.start_time, venue: m.venue, minutesStatus: m.minutes_status, announcedAt: m.announced_at, bodyId: m.body_id, bodyName: m.body_name, authorityId: m.authority_id, sourceDocumentId: m.source_document_id },
    names: names.map((n) => n.raw_name),
    items: items.map(({ exempt_release_on, ...i }) => ({ ...i, exempt: bool(i.exempt), exemptReleaseOn: exempt_release_on, cut: cutOf.get(i.id) ?? null })),
    resolutions: resolutions.map((r) => ({ id: r.id, itemId: r.item_id, text: r.text })),
    today,
  });
  await writeMeetingEntries(db, meetingId, rows);
}

/** Rewrites the search entries of people: the name, the names as written and the bodies attended. */
export async function reindexPeople(db: Db, personIds: number[]): Promise<void> {
  const all = [...new Set(personIds)];
  // in chunks: each id is a bound variable, and SQLite allows 32766 of them in a statement
  for (let i = 0; i < all.length; i += 1000) await reindexSomePeople(db, all.slice(i, i + 1000));
}

async function reindexSomePeople(db: Db, ids: number[]): Promise<void> {
  const people = await db.selectFrom("people").where("id", "in", ids).select(["id", "display_name", "authority_id"]).execute();
  const current = await db.selectFrom("search_entries").where("kind", "=", "person").where("entity_id", "in", ids).select(["id", "entity_id", "title", "text"]).execute();
  const seen = await db
    .selectFrom("attendance")
    .innerJoin("meetings", "meetings.id", "attendance.meeting_id")
    .innerJoin("bodies", "bodies.id", "meetings.body_id")
    .where("attendance.person_id", "in", ids)
    .where(publicMinutesOnly)
    .select(["attendance.person_id", "attendance.raw_name", "bodies.name"])
    .distinct()
    .execute();
  const entryOf = new Map(current.map((c) => [c.entity_id, c]));
  const personOf = new Map(people.map((p) => [p.id, p]));
  const seenOf = new Map<number, typeof seen>();
  for (const s of seen) {
    const list = seenOf.get(s.person_id!);
    if (list) list.push(s);
    else seenOf.set(s.person_id!, [s]);
  }
  for (const id of ids) {
    const p = personOf.get(id);
    const mine = seenOf.get(id) ?? [];
    const entry = entryOf.get(id);
    if (!p || !mine.length) {
      if (entry) await db.deleteFrom("search_entries").where("id", "=", entry.id).execute();
      continue;
    }
    const text = [...new Set([...mine.map((s) => s.raw_name).sort(), ...mine.map((s) => s.name).sort()])].join("\n");
    // Most imports only confirm what a person's entry already says; rewriting it would churn the index.
    if (entry && entry.title === p.display_name && entry.text === text) continue;
    if (entry) await db.updateTable("search_entries").set({ title: p.display_name, text }).where("id", "=", entry.id).execute();
    else await db.insertInto("search_entries").values({ kind: "person", entity_id: p.id, meeting_id: null, body_id: null, authority_id: p.authority_id, year: null, title: p.display_name, text }).execute();
  }
}

export async function reindexPerson(db: Db, personId: number): Promise<void> {
  await reindexPeople(db, [personId]);
}
