// The search query language and the filters, as plain data: what `search` asks each dialect for.
// Kept apart from the SQL so the rules can be tested without a database.
import type { SearchType } from "./read/types.ts";

export interface SearchFilters {
  type?: SearchType;
  /** authority slug */
  authority?: string;
  /** body slug */
  body?: string;
  year?: number;
}

// --- query language: words (all must match), "phrases", OR between alternatives, -exclusions ---

export interface ParsedQuery {
  /** alternatives joined by OR; each is a list of terms that must all match */
  any: string[][];
  /** terms that must not match */
  none: string[];
}

export function parseQuery(q: string): ParsedQuery {
  const any: string[][] = [[]];
  const none: string[] = [];
  const re = /(-?)"([^"]*)"?|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(q))) {
    if (/^or$/i.test(m[3])) {
      // a leading or doubled OR leaves an empty alternative, dropped below
      any.push([]);
      continue;
    }
    const negative = m[1] === "-" || (m[3] !== undefined && m[3].startsWith("-"));
    const raw = m[2] !== undefined ? m[2] : m[3].replace(/^-+/, "");
    const term = raw.replace(/[^\p{L}\p{N}'’&/.\-\s]/gu, " ").replace(/\s+/g, " ").trim();
    if (!/[\p{L}\p{N}]/u.test(term)) continue;
    if (negative) none.push(term);
    else any[any.length - 1].push(term);
  }
  return { any: any.filter((c) => c.length), none };
}

// parseQuery leaves no double quote in a term; the escape stays should that change
const quote = (t: string) => `"${t.replace(/"/g, '""')}"`;

/** The FTS5 MATCH expression for a query, or null when it has nothing to look for. */
export function toFts5(q: string): string | null {
  const { any, none } = parseQuery(q);
  if (!any.length) return null;
  const positive = any.map((c) => `(${c.map(quote).join(" AND ")})`).join(" OR ");
  return none.length ? `(${positive}) NOT (${none.map(quote).join(" OR ")})` : positive;
}

/** The query as websearch_to_tsquery reads it, rebuilt from the same parse so both dialects agree. */
export function toWebsearch(q: string): string | null {
  const { any, none } = parseQuery(q);
  if (!any.length) return null;
  const term = (t: string) => (/\s/.test(t) ? `"${t}"` : t);
  const positive = any.map((c) => c.map(term).join(" ")).join(" or ");
  return [positive, ...none.map((t) => `-${term(t)}`)].join(" ");
}

// --- filters ---

/** The filters a facet leaves out when it counts its own values. */
export type Facet = "type" | "body" | "year" | "authority";

/** The filters with the committee and council named by id, as the index holds them. */
export interface IndexFilters {
  kind?: SearchType;
  bodyId?: number;
  authorityId?: number;
  year?: number;
}

/** The filters a facet's counts are drawn with: every one but the facet's own (`skip`). */
export function filtersFor(f: IndexFilters, skip?: Facet): IndexFilters {
  const out: IndexFilters = { ...f };
  if (skip === "type") delete out.kind;
  if (skip === "body") delete out.bodyId;
  if (skip === "year") delete out.year;
  if (skip === "authority") delete out.authorityId;
  return out;
}

/**
 * The FTS5 tokens of the filters, as the `tags` column spells them (migration 016_search_tags):
 * k<kind> b<body id> a<authority id> y<year>. Quoted, so they go through the column's tokenizer
 * just as the indexed tags did.
 */
export function ftsTags(f: IndexFilters): string[] {
  const out: string[] = [];
  if (f.kind) out.push(`"k${f.kind}"`);
  if (f.bodyId !== undefined) out.push(`"b${Math.trunc(f.bodyId)}"`);
  if (f.authorityId !== undefined) out.push(`"a${Math.trunc(f.authorityId)}"`);
  if (f.year !== undefined) out.push(`"y${Math.trunc(Number(f.year))}"`);
  return out;
}

/**
 * Whether a word typed could read as a token of the filter tags (k<kind>, b<id>, a<id>, y<year>, as
 * FTS5 folds and stems them). Told from the query as typed, with every character that is not an
 * ASCII letter or digit taken for a place a token may start (FTS5's tokenizer may split where
 * JavaScript sees a letter), and accents and compatibility forms folded first, as FTS5 folds them:
 * a word that only might is treated as one that does.
 */
export function mayReachTags(q: string): boolean {
  const folded = q.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  return /(^|[^a-z0-9])([bay][0-9]|k(meet|item|decis|person|agenda|paper))/.test(folded);
}

/**
 * The whole FTS5 MATCH for a search: the words looked for in the title and text only (so no word
 * typed can reach the tags), and the filters as tags. Null when the query has nothing to look for.
 *
 * The words are held to title and text by a column filter only when one of them could reach the
 * tags (mayReachTags); otherwise they cannot match there anyway, and the filter is left out:
 * with it, FTS5 reads every match's positions to see which column holds it, and bm25 counts each
 * word's matches over the whole index that way, so a common word cost twice the time. The matches,
 * their bm25 and snippets are the same either way (search-pinned.test.ts).
 */
export function ftsMatch(q: string, f: IndexFilters = {}): string | null {
  const words = toFts5(q);
  if (!words) return null;
  const tags = ftsTags(f);
  return `${mayReachTags(q) ? "{title text} : " : ""}(${words})${tags.length ? ` AND tags : (${tags.join(" AND ")})` : ""}`;
}
