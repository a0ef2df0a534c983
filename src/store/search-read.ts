// Reading public search: a bounded set of candidates drawn from the index (search-candidates.ts),
// ranked, counted and paged in memory; then the one page shown is looked up — its meetings,
// committees, councils and slugs — and only its rows get snippets (FTS5 snippet(), ts_headline).
import { sql, type RawBuilder } from "kysely";
import { dialectOf, type Db } from "./db.ts";
import type { FacetCount, SearchHit, SearchResults, SearchType } from "./read/types.ts";
import { num, pageArgs } from "./read/util.ts";
import { standingOf } from "./lifecycle/standing.ts";
import { areMinutesPublic } from "./visibility.ts";
import { drawCandidates, SEARCH_CAP, type Candidate } from "./search-candidates.ts";
import { cutPacked } from "./item-body.ts";
import { filtersFor, toFts5, toWebsearch, type Facet, type IndexFilters, type SearchFilters } from "./search-query.ts";

export const SEARCH_TYPES: SearchType[] = ["meeting", "item", "decision", "person", "agenda", "paper"];

export interface SearchOptions extends SearchFilters {
  limit?: number;
  offset?: number;
}

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

/** The filters as the index holds them; null when a named committee or council does not exist. */
async function indexFilters(db: Db, opts: SearchFilters): Promise<IndexFilters | null> {
  const f: IndexFilters = {};
  if (opts.type) f.kind = opts.type;
  if (opts.year) f.year = Number(opts.year);
  if (opts.body) {
    const b = await db.selectFrom("bodies").where("slug", "=", opts.body).select("id").executeTakeFirst();
    if (!b) return null;
    f.bodyId = num(b.id);
  }
  if (opts.authority) {
    const a = await db.selectFrom("authorities").where("slug", "=", opts.authority).select("id").executeTakeFirst();
    if (!a) return null;
    f.authorityId = num(a.id);
  }
  return f;
}

interface Named {
  id: number;
  slug: string;
  name: string;
}

/** The committees and councils the facets name, in one statement. */
async function namesOf(db: Db, bodyIds: number[], authorityIds: number[]): Promise<{ bodies: Named[]; authorities: Named[] }> {
  const parts = [
    ...(bodyIds.length ? [sql`SELECT 'body' AS t, id, slug, name FROM bodies WHERE id IN (${sql.join(bodyIds)})`] : []),
    ...(authorityIds.length ? [sql`SELECT 'authority' AS t, id, slug, name FROM authorities WHERE id IN (${sql.join(authorityIds)})`] : []),
  ];
  if (!parts.length) return { bodies: [], authorities: [] };
  const rows = (await sql<Named & { t: string }>`${sql.join(parts, sql` UNION ALL `)}`.execute(db)).rows;
  return { bodies: rows.filter((r) => r.t === "body"), authorities: rows.filter((r) => r.t === "authority") };
}

/** Counts of one facet over a drawn set; past the cap each count is a lower bound. */
function countFacet(set: Candidate[], value: (c: Candidate) => string | null, label: (v: string) => string): FacetCount[] {
  const atLeast = set.length > SEARCH_CAP;
  const counts = new Map<string, number>();
  for (const c of set.slice(0, SEARCH_CAP)) {
    const v = value(c);
    if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts].map(([v, count]) => ({ value: v, label: label(v), count, atLeast }));
}

const byCount = (a: FacetCount, b: FacetCount) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);

export async function search(db: Db, q: string, opts: SearchOptions = {}): Promise<SearchResults> {
  const { limit, offset } = pageArgs(opts, 20);
  const empty: SearchResults = { query: q, data: [], total: 0, totalAtLeast: false, limit, offset, facets: { type: [], body: [], year: [], authority: [] } };
  const dialect = dialectOf(db);
  if (!(dialect === "postgres" ? toWebsearch(q) : toFts5(q))) return empty;
  const filters = await indexFilters(db, opts);
  if (!filters) return empty;

  // One ranked draw for the results; a facet whose own filter is set counts over a draw without
  // it (so it can offer its other values), else over the results' draw. At most five bounded draws.
  const n = SEARCH_CAP + 1;
  const main = await drawCandidates(db, dialect, q, filters, true, n);
  const setFor = async (facet: Facet, on: unknown) => (on ? drawCandidates(db, dialect, q, filtersFor(filters, facet), false, n) : main);
  const typeSet = await setFor("type", filters.kind);
  const bodySet = await setFor("body", filters.bodyId !== undefined);
  const yearSet = await setFor("year", filters.year !== undefined);
  const authoritySet = await setFor("authority", filters.authorityId !== undefined);

  const bodyIds = [...new Set(bodySet.slice(0, SEARCH_CAP).map((c) => c.bodyId).filter((b): b is number => b !== null))];
  // the councils among the candidates only: an instance may hold many, and listing them all would grow with it
  const authorityIds = [...new Set(authoritySet.slice(0, SEARCH_CAP).map((c) => c.authorityId))];
  const { bodies, authorities } = await namesOf(db, bodyIds, authorityIds);
  const bodyOf = new Map(bodies.map((b) => [num(b.id), b]));
  const nameOfSlug = new Map(bodies.map((b) => [b.slug, b.name]));
  const authorityOf = new Map(authorities.map((a) => [num(a.id), a]));
  const authorityName = new Map(authorities.map((a) => [a.slug, a.name]));
  const facets = {
    type: countFacet(typeSet, (c) => c.kind, (v) => v).sort(byCount),
    body: countFacet(bodySet, (c) => (c.bodyId === null ? null : bodyOf.get(c.bodyId)?.slug ?? null), (v) => nameOfSlug.get(v) ?? v).sort(byCount),
    year: countFacet(yearSet, (c) => (c.year === null ? null : String(c.year)), (v) => v).sort((a, b) => Number(b.value) - Number(a.value)),
    authority: countFacet(authoritySet, (c) => authorityOf.get(c.authorityId)?.slug ?? null, (v) => authorityName.get(v) ?? v).sort(byCount),
  };

  const ranked = main.slice(0, SEARCH_CAP).sort((a, b) => a.rank - b.rank || a.id - b.id);
  const total = ranked.length;
  const totalAtLeast = main.length > SEARCH_CAP;
  const page = ranked.slice(offset, offset + limit);
  const data = page.length ? await presentPage(db, dialect, q, page) : [];
  return { query: q, data, total, totalAtLeast, limit, offset, facets };
}

interface HitRow {
  id: number;
  kind: string;
  entity_id: number;
  title: string;
  meeting_slug: string | null;
  meeting_date: string | null;
  minutes_status: string | null;
  minutes_draft: number | null;
  minutes_approved_on: string | null;
  minutes_corrected_on: string | null;
  meeting_status: string | null;
  meeting_source: number | null;
  body_slug: string | null;
  body_name: string | null;
  authority_slug: string;
  authority_name: string;
  item_slug: string | null;
  decision_slug: string | null;
  decision_item_slug: string | null;
  person_slug: string | null;
  agenda_item_id: number | null;
}

/**
 * The shown page only: its entries with their meeting, committee, council and slugs in one
 * statement, each slug looked up by key for the page's rows; their snippets in a second.
 */
async function presentPage(db: Db, dialect: "sqlite" | "postgres", q: string, page: Candidate[]): Promise<SearchHit[]> {
  const ids = page.map((c) => c.id);
  const rows = await sql<HitRow>`
    SELECT e.id, e.kind, e.entity_id, e.title,
           m.slug AS meeting_slug, m.date AS meeting_date, m.minutes_status, m.minutes_draft, m.status AS meeting_status, m.source_document_id AS meeting_source,
           (SELECT ap.approved_on FROM minutes_approvals ap WHERE ap.meeting_id = m.id) AS minutes_approved_on,
           (SELECT max(co.corrected_on) FROM minutes_corrections co WHERE co.meeting_id = m.id) AS minutes_corrected_on,
           b.slug AS body_slug, b.name AS body_name, a.slug AS authority_slug, a.name AS authority_name,
           (SELECT i.slug FROM items i WHERE e.kind = 'item' AND i.id = e.entity_id) AS item_slug,
           (SELECT r.slug FROM resolutions r WHERE e.kind = 'decision' AND r.id = e.entity_id) AS decision_slug,
           (SELECT ri.slug FROM resolutions r JOIN items ri ON ri.id = r.item_id WHERE e.kind = 'decision' AND r.id = e.entity_id) AS decision_item_slug,
           (SELECT p.slug FROM people p WHERE e.kind = 'person' AND p.id = e.entity_id) AS person_slug,
           CASE e.kind WHEN 'agenda' THEN e.entity_id WHEN 'paper' THEN (SELECT ap.item_id FROM agenda_papers ap WHERE ap.id = e.entity_id) END AS agenda_item_id
    FROM search_entries e
    LEFT JOIN meetings m ON m.id = CASE e.kind
      WHEN 'agenda' THEN (SELECT ai.meeting_id FROM agenda_items ai WHERE ai.id = e.entity_id)
      WHEN 'paper' THEN (SELECT ap.meeting_id FROM agenda_papers ap WHERE ap.id = e.entity_id)
      ELSE e.meeting_id END
    LEFT JOIN bodies b ON b.id = e.body_id
    JOIN authorities a ON a.id = e.authority_id
    WHERE e.id IN (${sql.join(ids)})`.execute(db);
  const rowOf = new Map(rows.rows.map((r) => [num(r.id), r]));
  const snippets = dialect === "postgres" ? await pgSnippets(db, q, ids) : await fts5Snippets(db, q, ids);

  return page.flatMap((c) => {
    const h = rowOf.get(c.id);
    if (!h) return [];
    const id = num(h.entity_id);
    return [
      {
        type: h.kind as SearchType,
        id,
        title: h.title,
        snippet: markup(snippets.get(c.id) ?? null),
        slug: h.kind === "person" ? h.person_slug ?? "" : h.meeting_slug ?? "",
        itemSlug: h.kind === "item" ? h.item_slug : h.kind === "decision" ? h.decision_item_slug : null,
        decisionSlug: h.kind === "decision" ? h.decision_slug : null,
        agendaItemId: h.agenda_item_id == null ? null : num(h.agenda_item_id),
        meeting: h.meeting_slug ? { slug: h.meeting_slug, date: h.meeting_date!, ...standingOf({ minutes_status: h.minutes_status ?? "published", minutes_draft: h.minutes_draft, minutes_approved_on: h.minutes_approved_on, minutes_corrected_on: h.minutes_corrected_on }), status: h.meeting_status ?? "held", hasMinutes: h.meeting_source !== null && areMinutesPublic({ minutesStatus: h.minutes_status ?? "published" }) } : null,
        body: h.body_slug ? { slug: h.body_slug, name: h.body_name! } : null,
        authority: { slug: h.authority_slug, name: h.authority_name },
        rank: c.rank,
      },
    ];
  });
}

/** Characters of an entry's text a PostgreSQL snippet is made from, around a query word. */
export const SNIPPET_WINDOW = 1000;

/** The window of `text` from a little before character `at`, starting at a whole word. */
function textWindow(text: string, at: number): string {
  if (at <= 200) return text.slice(0, SNIPPET_WINDOW);
  return text.slice(at - 200, at - 200 + SNIPPET_WINDOW).replace(/^\S*/, "");
}

/**
 * PostgreSQL's snippets for the page's entries. ts_headline parses and stems all the text it is
 * given, and the first page holds the longest entries (they rank highest): from whole texts, one
 * page's snippets took some 150 ms under load at 10,000 meetings, many times the draw. So a snippet
 * is made from a window of the text from a little before the first place a query word appears (as
 * typed: a plain substring search), else from the last such place (a phrase, or words far apart),
 * and from the whole text only when neither window matches the query. An item's text is a cut of
 * its source (migration 019), cut here for the shown entries only.
 */
async function pgSnippets(db: Db, q: string, ids: number[]): Promise<Map<number, string>> {
  const ws = toWebsearch(q)!;
  const entries = await entryTexts(db, ids);
  if (!entries.length) return new Map();
  const typed = (ws.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 2 && w !== "or");
  const rows = entries.map((e) => {
    const lower = e.text.toLowerCase();
    const places = typed.map((w) => lower.indexOf(w)).filter((p) => p >= 0);
    const first = places.length ? Math.min(...places) : -1;
    const last = typed.map((w) => lower.lastIndexOf(w)).filter((p) => p >= 0).reduce((a, b) => Math.max(a, b), -1);
    return { ...e, first: first >= 0 ? textWindow(e.text, first) : null, last: last > first ? textWindow(e.text, last) : null };
  });
  const options = `StartSel=${OPEN}, StopSel=${CLOSE}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
  const out = await sql<{ id: number; snip: string }>`
    SELECT e.id, ts_headline('english', CASE
        WHEN e.first IS NOT NULL AND to_tsvector('english', e.first) @@ w.q THEN e.first
        WHEN e.last IS NOT NULL AND to_tsvector('english', e.last) @@ w.q THEN e.last
        WHEN to_tsvector('english', e.text) @@ w.q THEN e.text
        ELSE e.title END, w.q, ${options}) AS snip
    FROM (VALUES ${sql.join(rows.map((e) => sql`(${e.id}::int, ${e.title}::text, ${e.text}::text, ${e.first}::text, ${e.last}::text)`))}) AS e(id, title, text, first, last)
    CROSS JOIN (SELECT websearch_to_tsquery('english', ${ws}) AS q) w`.execute(db);
  return new Map(out.rows.map((r) => [num(r.id), r.snip]));
}

/** FTS5's snippets for the page's entries only, keyed by entry id. */
async function fts5Snippets(db: Db, q: string, ids: number[]): Promise<Map<number, string>> {
  // The words alone, restricted to title and text, so snippet() never picks the tags column; the
  // rowid list makes FTS5 seek each shown entry rather than walk the matches.
  const out = await sql<{ id: number; snip: string }>`
    SELECT rowid AS id, snippet(search_fts, -1, ${OPEN}, ${CLOSE}, '…', 24) AS snip
    FROM search_fts WHERE search_fts MATCH ${`{title text} : (${toFts5(q)})`} AND rowid IN (${sql.join(ids)})`.execute(db);
  return new Map(out.rows.map((r) => [num(r.id), r.snip]));
}

/** Entries' title and whole text, an item's cut from its source document (each document inflated once). */
export async function entryTexts(db: Db, ids: number[]): Promise<{ id: number; title: string; text: string }[]> {
  if (!ids.length) return [];
  const rows = await db.selectFrom("search_entries").where("id", "in", ids).select(["id", "title", "text", "text_doc", "text_start", "text_end"]).orderBy("text_doc").execute();
  const docIds = [...new Set(rows.flatMap((r) => (r.text === null && r.text_doc !== null ? [r.text_doc] : [])))];
  const docs = new Map<number, Uint8Array>();
  if (docIds.length) for (const d of await db.selectFrom("source_documents").where("id", "in", docIds).select(["id", "packed_text"]).execute()) docs.set(num(d.id), d.packed_text);
  return rows.map((r) => {
    const packed = r.text === null && r.text_doc !== null ? docs.get(r.text_doc) : undefined;
    return { id: num(r.id), title: r.title, text: r.text ?? (packed && r.text_start !== null && r.text_end !== null ? cutPacked(packed, r.text_start, r.text_end) : "") };
  });
}
