// Public search behind one interface: FTS5 (bm25, snippet) on SQLite, tsvector (websearch_to_tsquery,
// ts_headline) on PostgreSQL. Both read `search_entries`, which is written only here and only with
// content that passed the visibility rule, so exempt text is never indexed.
import { sql, type RawBuilder } from "kysely";
import { dialectOf, type Db } from "./db.ts";
import { isMeetingPublic, isReleased, publicSearchContent, publicMeetingsOnly, publicViewer } from "./visibility.ts";
import type { FacetCount, SearchHit, SearchResults, SearchType } from "./read/types.ts";
import { bool, num, pageArgs } from "./read/util.ts";
import { standingOf } from "./lifecycle/standing.ts";
import { filterConditions, groupPasses, toFts5, toWebsearch, type Facet, type SearchFilters } from "./search-query.ts";
import { ITEM_TEXT_COLUMNS, itemTexts } from "./item-body.ts";

export const SEARCH_TYPES: SearchType[] = ["meeting", "item", "decision", "person"];

export interface SearchOptions extends SearchFilters {
  limit?: number;
  offset?: number;
}

export { parseQuery, toFts5, toWebsearch, type ParsedQuery } from "./search-query.ts";

// --- writing the index ---

export interface MeetingIndexInput {
  meeting: { id: number; date: string; startTime: string | null; venue: string | null; minutesStatus: string; bodyId: number; bodyName: string; authorityId: number };
  /** the names as written, in attendance order */
  names: string[];
  items: { id: number; number: string; title: string; exempt: boolean; text: string | null; exemptReleaseOn?: string | null }[];
  resolutions: { id: number; itemId: number; text: string }[];
  /** the council's date, for exempt items released by then; null: none is */
  today?: string | null;
}

type EntryRow = { kind: string; entity_id: number; meeting_id: number; body_id: number; authority_id: number; year: number; title: string; text: string };

/** The search entries of a meeting, its items and decisions — only what the visibility rule lets through. */
export function meetingEntries({ meeting: m, names, items, resolutions, today = null }: MeetingIndexInput): EntryRow[] {
  if (!isMeetingPublic(m)) return [];
  const common = { meeting_id: m.id, body_id: m.bodyId, authority_id: m.authorityId, year: Number(m.date.slice(0, 4)) };
  const rows: EntryRow[] = [
    { ...common, kind: "meeting", entity_id: m.id, title: `${m.bodyName}, ${m.date}${m.startTime ? " " + m.startTime : ""}`, text: [m.venue, ...names].filter(Boolean).join("\n") },
  ];
  const exemptItems = new Set<number>();
  for (const i of items) {
    if (i.exempt && !isReleased(i.exemptReleaseOn, publicViewer(today))) exemptItems.add(i.id);
    const content = publicSearchContent(m, i, today);
    if (content) rows.push({ ...common, kind: "item", entity_id: i.id, ...content });
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
  for (let i = 0; i < rows.length; i += 200) await db.insertInto("search_entries").values(rows.slice(i, i + 200)).execute();
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
    .select(["meetings.id", "meetings.date", "meetings.start_time", "meetings.venue", "meetings.minutes_status", "meetings.body_id", "bodies.name as body_name", "bodies.authority_id"])
    .executeTakeFirst();
  if (!m || !isMeetingPublic({ minutesStatus: m.minutes_status })) {
    await writeMeetingEntries(db, meetingId, []);
    return;
  }
  const names = await db.selectFrom("attendance").where("meeting_id", "=", m.id).select("raw_name").orderBy("position").execute();
  const items = await itemTexts(db, m.id, await db.selectFrom("items").where("meeting_id", "=", m.id).select(["id", "number", "title", "exempt", "exempt_release_on", ...ITEM_TEXT_COLUMNS]).orderBy("position").execute());
  const resolutions = await db.selectFrom("resolutions").where("meeting_id", "=", m.id).select(["id", "item_id", "text"]).execute();
  const rows = meetingEntries({
    meeting: { id: m.id, date: m.date, startTime: m.start_time, venue: m.venue, minutesStatus: m.minutes_status, bodyId: m.body_id, bodyName: m.body_name, authorityId: m.authority_id },
    names: names.map((n) => n.raw_name),
    items: items.map(({ exempt_release_on, ...i }) => ({ ...i, exempt: bool(i.exempt), exemptReleaseOn: exempt_release_on })),
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
    .where(publicMeetingsOnly)
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

// --- reading it ---

const OPEN = "\u0002";
const CLOSE = "\u0003";

function markup(s: string | null): string {
  return (s ?? "")
    .replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!)
    .replace(/\u0002/g, "<mark>")
    .replace(/\u0003/g, "</mark>")
    .replace(/\s+/g, " ")
    .trim();
}

function whereSql(opts: SearchOptions, skip?: Facet): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`(e.meeting_id IS NULL OR m.minutes_status <> 'draft')`];
  for (const c of filterConditions(opts, skip)) parts.push(sql`${sql.ref(c.column)} = ${c.value}`);
  return sql.join(parts, sql` AND `);
}

const JOINS = sql`
  LEFT JOIN meetings m ON m.id = e.meeting_id
  LEFT JOIN bodies b ON b.id = e.body_id
  JOIN authorities a ON a.id = e.authority_id`;

export async function search(db: Db, q: string, opts: SearchOptions = {}): Promise<SearchResults> {
  const { limit, offset } = pageArgs(opts, 20);
  const empty: SearchResults = { query: q, data: [], total: 0, limit, offset, facets: { type: [], body: [], year: [] } };
  const pg = dialectOf(db) === "postgres";
  const match = pg ? toWebsearch(q) : toFts5(q);
  if (!match) return empty;

  // FROM … WHERE <match> for each dialect; `rank` is smaller-is-better on both.
  const from = pg
    ? sql`FROM search_entries e ${JOINS} WHERE e.tsv @@ websearch_to_tsquery('english', ${match})`
    : sql`FROM search_fts JOIN search_entries e ON e.id = search_fts.rowid ${JOINS} WHERE search_fts MATCH ${match}`;

  // One pass over the matches, grouped by the three facet dimensions; each facet then counts the
  // groups that satisfy every filter but its own, and the total those that satisfy all of them.
  const facetless: SearchOptions = { ...opts, type: undefined, body: undefined, year: undefined };
  const groups = (
    await sql<{ kind: string; body_slug: string | null; body_name: string | null; year: number | null; n: number }>`
      SELECT e.kind AS kind, b.slug AS body_slug, b.name AS body_name, e.year AS year, count(*) AS n
      ${from} AND ${whereSql(facetless)}
      GROUP BY e.kind, b.slug, b.name, e.year`.execute(db)
  ).rows.map((g) => ({ ...g, year: g.year == null ? null : Number(g.year), n: num(g.n) }));
  const passes = (g: (typeof groups)[number], skip?: Facet) => groupPasses(g, opts, skip);
  const facet = (skip: Facet, value: (g: (typeof groups)[number]) => string | number | null, label: (g: (typeof groups)[number]) => string | number | null): FacetCount[] => {
    const counts = new Map<string, FacetCount>();
    for (const g of groups) {
      const v = value(g);
      if (v == null || !passes(g, skip)) continue;
      const key = String(v);
      const c = counts.get(key) ?? { value: key, label: String(label(g)), count: 0 };
      c.count += g.n;
      counts.set(key, c);
    }
    return [...counts.values()].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  };
  const typeFacet = facet("type", (g) => g.kind, (g) => g.kind);
  const bodyFacet = facet("body", (g) => g.body_slug, (g) => g.body_name);
  const yearFacet = facet("year", (g) => g.year, (g) => g.year);
  const total = groups.filter((g) => passes(g)).reduce((n, g) => n + g.n, 0);
  if (!total) return { ...empty, facets: { type: typeFacet, body: bodyFacet, year: yearFacet.sort((a, b) => Number(b.value) - Number(a.value)) } };

  const rank = pg ? sql`-ts_rank_cd(e.tsv, websearch_to_tsquery('english', ${match}))` : sql`bm25(search_fts, 4.0, 1.0)`;
  const snippet = pg
    ? sql`ts_headline('english', CASE WHEN to_tsvector('english', page.text) @@ websearch_to_tsquery('english', ${match}) THEN page.text ELSE page.title END, websearch_to_tsquery('english', ${match}), ${`StartSel=${OPEN}, StopSel=${CLOSE}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`})`
    : sql`snippet(search_fts, -1, ${OPEN}, ${CLOSE}, '…', 24)`;
  // PostgreSQL: headline only the page (ts_headline re-parses the text); SQLite's snippet() needs the FTS row.
  const rows = pg
    ? await sql<HitRow>`
        SELECT page.*, ${snippet} AS snip FROM (
          SELECT e.id, e.kind, e.entity_id, e.title, e.text, e.year, ${rank} AS rank,
                 m.slug AS meeting_slug, m.date AS meeting_date, m.minutes_status, m.minutes_draft, (SELECT ap.approved_on FROM minutes_approvals ap WHERE ap.meeting_id = m.id) AS minutes_approved_on, (SELECT max(co.corrected_on) FROM minutes_corrections co WHERE co.meeting_id = m.id) AS minutes_corrected_on, b.slug AS body_slug, b.name AS body_name, a.slug AS authority_slug, a.name AS authority_name
          ${from} AND ${whereSql(opts)}
          ORDER BY rank, e.id LIMIT ${limit} OFFSET ${offset}
        ) page ORDER BY page.rank, page.id`.execute(db)
    : await sql<HitRow>`
        SELECT e.id, e.kind, e.entity_id, e.title, e.year, ${rank} AS rank, ${snippet} AS snip,
               m.slug AS meeting_slug, m.date AS meeting_date, m.minutes_status, m.minutes_draft, (SELECT ap.approved_on FROM minutes_approvals ap WHERE ap.meeting_id = m.id) AS minutes_approved_on, (SELECT max(co.corrected_on) FROM minutes_corrections co WHERE co.meeting_id = m.id) AS minutes_corrected_on, b.slug AS body_slug, b.name AS body_name, a.slug AS authority_slug, a.name AS authority_name
        ${from} AND ${whereSql(opts)}
        ORDER BY rank, e.id LIMIT ${limit} OFFSET ${offset}`.execute(db);

  const hits = rows.rows;
  const itemIds = hits.filter((h) => h.kind === "item").map((h) => num(h.entity_id));
  const decisionIds = hits.filter((h) => h.kind === "decision").map((h) => num(h.entity_id));
  const personIds = hits.filter((h) => h.kind === "person").map((h) => num(h.entity_id));
  const items = itemIds.length ? await db.selectFrom("items").where("id", "in", itemIds).select(["id", "slug"]).execute() : [];
  const decisions = decisionIds.length
    ? await db.selectFrom("resolutions").innerJoin("items", "items.id", "resolutions.item_id").where("resolutions.id", "in", decisionIds).select(["resolutions.id", "resolutions.slug", "items.slug as item_slug"]).execute()
    : [];
  const people = personIds.length ? await db.selectFrom("people").where("id", "in", personIds).select(["id", "slug"]).execute() : [];
  const itemSlug = new Map(items.map((i) => [i.id, i.slug]));
  const decision = new Map(decisions.map((d) => [d.id, d]));
  const personSlug = new Map(people.map((p) => [p.id, p.slug]));

  const data: SearchHit[] = hits.map((h) => {
    const id = num(h.entity_id);
    const d = h.kind === "decision" ? decision.get(id) : undefined;
    return {
      type: h.kind as SearchType,
      id,
      title: h.title,
      snippet: markup(h.snip),
      slug: h.kind === "person" ? personSlug.get(id) ?? "" : h.meeting_slug ?? "",
      itemSlug: h.kind === "item" ? itemSlug.get(id) ?? null : d?.item_slug ?? null,
      decisionSlug: d?.slug ?? null,
      meeting: h.meeting_slug ? { slug: h.meeting_slug, date: h.meeting_date!, ...standingOf({ minutes_status: h.minutes_status ?? "published", minutes_draft: h.minutes_draft, minutes_approved_on: h.minutes_approved_on, minutes_corrected_on: h.minutes_corrected_on }) } : null,
      body: h.body_slug ? { slug: h.body_slug, name: h.body_name! } : null,
      authority: { slug: h.authority_slug, name: h.authority_name },
      rank: num(h.rank),
    };
  });
  return { query: q, data, total, limit, offset, facets: { type: typeFacet, body: bodyFacet, year: yearFacet.sort((a, b) => Number(b.value) - Number(a.value)) } };
}

interface HitRow {
  id: number;
  kind: string;
  entity_id: number;
  title: string;
  year: number | null;
  rank: number;
  snip: string | null;
  meeting_slug: string | null;
  meeting_date: string | null;
  minutes_status: string | null;
  minutes_draft: number | null;
  minutes_approved_on: string | null;
  minutes_corrected_on: string | null;
  body_slug: string | null;
  body_name: string | null;
  authority_slug: string;
  authority_name: string;
}
