// The first stage of a search: the matches it ranks and counts, drawn from the index alone.
//
// Why the set is capped: bm25 (FTS5) and ts_rank_cd (PostgreSQL) score one match at a time, so
// ranking every match, and counting facets over every match, costs time in proportion to how many
// there are — which grows with the archive ("council" matches most of it). Instead each search
// draws at most SEARCH_CAP + 1 matches in index order, newest entry first (entries are written when
// minutes are imported or re-indexed, so the newest are in practice the latest minutes), and ranks,
// counts and pages within those. The work is bounded by the cap, not by the archive: ranking is
// "the most relevant of the newest 1,000 matches", and past the cap the total and the facet counts
// say "at least" (the extra match drawn is how a search knows there were more). A filter (type,
// committee, council, year) is part of the draw, inside the index, so a narrower search reaches
// older minutes.
//
// Visibility: nothing here joins meetings. search_entries, and the index built from it, holds only
// what the visibility rule lets the public find (search.ts writes it through publicSearchContent:
// no draft minutes, no exempt text until its release), so every row drawn is public as it stands.
import { sql, type RawBuilder } from "kysely";
import type { Db } from "./db.ts";
import { ftsMatch, toWebsearch, type IndexFilters } from "./search-query.ts";
import { num } from "./read/util.ts";

/** How many matches a search ranks and counts at most. */
export const SEARCH_CAP = 1000;

export interface Candidate {
  id: number;
  kind: string;
  bodyId: number | null;
  authorityId: number;
  year: number | null;
  /** smaller is better; 0 when the draw was not ranked */
  rank: number;
}

type Row = { id: number; kind: string; body_id: number | null; authority_id: number; year: number | null; rank: number | null };

const toCandidate = (r: Row): Candidate => ({ id: num(r.id), kind: r.kind, bodyId: r.body_id == null ? null : num(r.body_id), authorityId: num(r.authority_id), year: r.year == null ? null : Number(r.year), rank: r.rank == null ? 0 : Number(r.rank) });

/**
 * SQLite: the FTS5 index streams matches in rowid order, so `ORDER BY rowid DESC LIMIT n` stops
 * after n matches and bm25 is computed for those n only. Filters are tags in the same MATCH.
 */
function fts5Candidates(q: string, filters: IndexFilters, ranked: boolean, n: number): RawBuilder<Row> | null {
  const match = ftsMatch(q, filters);
  if (!match) return null;
  // tags weigh nothing in the rank: they are filters, not words
  const rank = ranked ? sql`bm25(search_fts, 4.0, 1.0, 0.0)` : sql`NULL`;
  return sql<Row>`
    SELECT e.id, e.kind, e.body_id, e.authority_id, e.year, c.rank FROM (
      SELECT rowid AS id, ${rank} AS rank FROM search_fts WHERE search_fts MATCH ${match} ORDER BY rowid DESC LIMIT ${n}
    ) c JOIN search_entries e ON e.id = c.id
    ORDER BY e.id DESC`;
}

/**
 * PostgreSQL: the newest n matches by id. Unfiltered, the planner reads either the GIN index (few
 * matches) or the primary key backwards, testing each entry until n match (many matches). Filtered,
 * the draw walks the filter's own entries newest first instead (migration 018's
 * search_entries_{body,authority,year}_order, the committee first, as the narrowest), or ANDs the
 * GIN index with it: the primary key's walk would test every newer entry of the other committees,
 * councils or years first, and the planner, taking a council's entries to be spread evenly over
 * ids, chooses it (at 10,000 meetings a council filter tested 78,000 entries for 1,000 matches).
 * The walked filter is written `= ANY (ARRAY[v])` and ordered by (column, id): with a plain `=` the
 * planner treats the column as a constant, drops it from the order, and the primary key serves the
 * order again. ts_rank_cd is computed outside the LIMIT, for those n only.
 */
function tsvectorCandidates(q: string, filters: IndexFilters, ranked: boolean, n: number): RawBuilder<Row> | null {
  const ws = toWebsearch(q);
  if (!ws) return null;
  const walked = filters.bodyId !== undefined ? "body_id" : filters.authorityId !== undefined ? "authority_id" : filters.year !== undefined ? "year" : null;
  const conditions = [sql`e.tsv @@ websearch_to_tsquery('english', ${ws})`];
  const equal = (column: "body_id" | "authority_id" | "year", value: number) =>
    column === walked ? sql`e.${sql.ref(column)} = ANY (ARRAY[${value}::integer])` : sql`e.${sql.ref(column)} = ${value}`;
  if (filters.kind) conditions.push(sql`e.kind = ${filters.kind}`);
  if (filters.bodyId !== undefined) conditions.push(equal("body_id", filters.bodyId));
  if (filters.authorityId !== undefined) conditions.push(equal("authority_id", filters.authorityId));
  if (filters.year !== undefined) conditions.push(equal("year", Number(filters.year)));
  const order = walked ? sql`e.${sql.ref(walked)} DESC, e.id DESC` : sql`e.id DESC`;
  const rank = ranked ? sql`-ts_rank_cd(c.tsv, websearch_to_tsquery('english', ${ws}))` : sql`NULL`;
  return sql<Row>`
    SELECT c.id, c.kind, c.body_id, c.authority_id, c.year, ${rank} AS rank FROM (
      SELECT e.id, e.kind, e.body_id, e.authority_id, e.year${ranked ? sql`, e.tsv` : sql``} FROM search_entries e
      WHERE ${sql.join(conditions, sql` AND `)}
      ORDER BY ${order} LIMIT ${n}
    ) c ORDER BY c.id DESC`;
}

/**
 * The newest `n` matches of the query `q` (as typed) that meet the filters, newest first; ranked
 * when `ranked`.
 */
export async function drawCandidates(db: Db, dialect: "sqlite" | "postgres", q: string, filters: IndexFilters, ranked: boolean, n: number): Promise<Candidate[]> {
  const query = candidateSql(dialect, q, filters, ranked, n);
  return query ? (await query.execute(db)).rows.map(toCandidate) : [];
}

/** The draw's SQL (null: nothing to look for), apart so that its query plan can be checked. */
export function candidateSql(dialect: "sqlite" | "postgres", q: string, filters: IndexFilters, ranked: boolean, n: number): RawBuilder<Row> | null {
  return dialect === "postgres" ? tsvectorCandidates(q, filters, ranked, n) : fts5Candidates(q, filters, ranked, n);
}
