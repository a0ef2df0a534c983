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
export type Facet = "type" | "body" | "year";

export type FilterColumn = "e.kind" | "b.slug" | "e.year" | "a.slug";

/** Column = value conditions every hit must meet, all of them; `skip` leaves out one facet's own filter. */
export function filterConditions(opts: SearchFilters, skip?: Facet): { column: FilterColumn; value: string | number }[] {
  const out: { column: FilterColumn; value: string | number }[] = [];
  if (opts.type && skip !== "type") out.push({ column: "e.kind", value: opts.type });
  if (opts.body && skip !== "body") out.push({ column: "b.slug", value: opts.body });
  if (opts.year && skip !== "year") out.push({ column: "e.year", value: Number(opts.year) });
  if (opts.authority) out.push({ column: "a.slug", value: opts.authority });
  return out;
}

export interface FacetGroup {
  kind: string;
  body_slug: string | null;
  year: number | null;
}

/** Whether a group of matches (one kind, body and year) meets the facet filters, but `skip`'s own. */
export function groupPasses(g: FacetGroup, opts: SearchFilters, skip?: Facet): boolean {
  return (
    (!opts.type || skip === "type" || g.kind === opts.type) &&
    (!opts.body || skip === "body" || g.body_slug === opts.body) &&
    (!opts.year || skip === "year" || g.year === Number(opts.year))
  );
}
