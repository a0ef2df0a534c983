// Search latency p50/p95/p99 per query kind through the API and the page of an idle `quorum serve`,
// beside the bare FTS5 (SQLite) or tsvector (PostgreSQL) query for the same first page of 20 with
// snippets, timed here in the same run.
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import pg from "pg";
import { toFts5, toWebsearch } from "../src/store/search-query.ts";
import { registerStoreFunctions } from "../src/store/db.ts";
import { cutPacked } from "../src/store/item-body.ts";
import type { Archive } from "./run-archive.ts";
import type { Picks } from "./run-picks.ts";
import { COMMON_WORD } from "./run-picks.ts";
import { get, sequential } from "./lib/load.ts";
import type { SearchFigure, StepError } from "./lib/results.ts";
import type { Server } from "./lib/server.ts";
import { oneLine } from "./lib/errors.ts";
import { latency } from "./lib/stats.ts";
import { searchTarget } from "./lib/targets.ts";

export interface QueryKind {
  kind: string;
  q: string;
  filters: { authority?: string; body?: string; year?: number };
}

export function queryKinds(p: Picks): QueryKind[] {
  return [
    { kind: "common word", q: COMMON_WORD, filters: {} },
    { kind: "rare word", q: "superfast", filters: {} },
    { kind: "phrase", q: '"planning permission"', filters: {} },
    { kind: "person's name", q: p.person.name, filters: {} },
    { kind: "OR", q: "housing OR roads", filters: {} },
    { kind: "exclusion", q: "planning -permission", filters: {} },
    { kind: "by council", q: "planning", filters: { authority: p.council } },
    { kind: "by committee", q: "planning", filters: { body: p.committee } },
    { kind: "by year", q: "planning", filters: { year: p.year } },
  ];
}

function queryString(k: QueryKind): string {
  const u = new URLSearchParams({ q: k.q });
  for (const [key, v] of Object.entries(k.filters)) if (v != null) u.set(key, String(v));
  return u.toString();
}

type Bare = { time(k: QueryKind): Promise<number>; close(): Promise<void> };

function filterSql(k: QueryKind, param: (v: unknown) => string): { joins: string; where: string; } {
  const where: string[] = [];
  if (k.filters.body) where.push(`b.slug = ${param(k.filters.body)}`);
  if (k.filters.authority) where.push(`a.slug = ${param(k.filters.authority)}`);
  if (k.filters.year) where.push(`e.year = ${param(k.filters.year)}`);
  const joins = [k.filters.body ? "JOIN bodies b ON b.id = e.body_id" : "", k.filters.authority ? "JOIN authorities a ON a.id = e.authority_id" : ""].join(" ");
  return { joins, where: where.map((w) => ` AND ${w}`).join("") };
}

function bareSqlite(file: string): Bare {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  // snippets read an item's text through the index's content view, which cuts it from the source (migration 019)
  registerStoreFunctions(db);
  return {
    async time(k) {
      const match = toFts5(k.q);
      if (!match) throw new Error(`no FTS5 query for ${k.q}`);
      const values: unknown[] = [match];
      const f = filterSql(k, (v) => (values.push(v), "?"));
      const stmt = db.prepare(
        `SELECT e.id, bm25(search_fts, 4.0, 1.0) AS rank, snippet(search_fts, -1, '<', '>', '…', 24) AS snip
         FROM search_fts JOIN search_entries e ON e.id = search_fts.rowid ${f.joins}
         WHERE search_fts MATCH ?${f.where} ORDER BY rank LIMIT 20`,
      );
      const t0 = performance.now();
      stmt.all(...values);
      return performance.now() - t0;
    },
    async close() {
      db.close();
    },
  };
}

async function barePostgres(url: string): Promise<Bare> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    async time(k) {
      const match = toWebsearch(k.q);
      if (!match) throw new Error(`no tsquery for ${k.q}`);
      const values: unknown[] = [match];
      const f = filterSql(k, (v) => (values.push(v), `$${values.length}`));
      // the first page, then snippets over its entries' text: an item's is cut from its source here,
      // as the store does (migration 019 keeps no copy of it)
      const text = `SELECT e.id, e.text, e.text_start, e.text_end, d.packed_text FROM (
          SELECT e.id, ts_rank_cd(e.tsv, q) AS rank FROM search_entries e ${f.joins}, websearch_to_tsquery('english', $1) q
          WHERE e.tsv @@ q${f.where} ORDER BY rank DESC LIMIT 20) page
        JOIN search_entries e ON e.id = page.id LEFT JOIN source_documents d ON d.id = e.text_doc
        ORDER BY page.rank DESC`;
      const t0 = performance.now();
      const page = (await client.query(text, values)).rows as { id: number; text: string | null; text_start: number | null; text_end: number | null; packed_text: Buffer | null }[];
      const texts = page.map((r) => r.text ?? (r.packed_text ? cutPacked(r.packed_text, r.text_start!, r.text_end!) : ""));
      if (page.length)
        await client.query(
          `SELECT v.id, ts_headline('english', v.text, websearch_to_tsquery('english', $1), 'MaxWords=30, MinWords=12, MaxFragments=2') AS snip
           FROM unnest($2::int[], $3::text[]) AS v(id, text)`,
          [match, page.map((r) => r.id), texts],
        );
      return performance.now() - t0;
    },
    async close() {
      await client.end();
    },
  };
}

/** Runs `once` at least `min` and at most `max` times, stopping after `budgetMs` once `min` are done. */
async function repeat(once: () => Promise<number>, min: number, max: number, budgetMs: number): Promise<number[]> {
  const times: number[] = [];
  const start = performance.now();
  while (times.length < max && (times.length < min || performance.now() - start < budgetMs)) times.push(await once());
  return times;
}

export async function measureSearch(archive: Archive, server: Server, picks: Picks, samples: number, errors: StepError[]): Promise<SearchFigure[]> {
  const { url } = server;
  const bare = archive.file ? bareSqlite(archive.file) : await barePostgres(archive.url);
  const out: SearchFigure[] = [];
  const min = Math.min(5, samples);
  try {
    for (const k of queryKinds(picks)) {
      const qs = queryString(k);
      if (server.died()) throw new Error(server.died()!);
      try {
      // one of each first, so no figure includes a cold cache the others did not pay
      const r = await get(`${url}/api/v1/search?${qs}`);
      if (!r.ok) throw new Error(`/api/v1/search?${qs} answered ${r.status}`);
      const body = JSON.parse(Buffer.from(r.bytes).toString("utf8")) as { total?: number };
      await sequential(`${url}/search?${qs}`, 1);
      await bare.time(k);
      const api = await repeat(async () => (await sequential(`${url}/api/v1/search?${qs}`, 1))[0], min, samples, 10_000);
      const page = await repeat(async () => (await sequential(`${url}/search?${qs}`, 1))[0], min, samples, 10_000);
      const bareTimes = await repeat(() => bare.time(k), min, samples, 10_000);
      const f = { api: latency(api), page: latency(page), bare: latency(bareTimes) };
      out.push({ size: archive.label, db: archive.db, kind: k.kind, query: qs, matches: typeof body.total === "number" ? body.total : null, ...f, ...searchTarget(f.api.p95, f.bare.p95) });
      console.log(`    ${k.kind.padEnd(14)} API p50 ${f.api.p50?.toFixed(1)} p95 ${f.api.p95?.toFixed(1)}  page p95 ${f.page.p95?.toFixed(1)}  bare p95 ${f.bare.p95?.toFixed(1)} ms  (${body.total ?? "?"} matches)`);
      } catch (err) {
        const message = [oneLine(err), server.died()].filter(Boolean).join("; ");
        console.log(`    ${k.kind.padEnd(14)} failed: ${message}`);
        errors.push({ step: `search ${archive.label} on ${archive.db}: ${k.kind}`, message });
      }
    }
  } finally {
    await bare.close();
  }
  return out;
}
