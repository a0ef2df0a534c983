// Records the statements a read runs and explains each: SQLite's EXPLAIN QUERY PLAN, PostgreSQL's
// EXPLAIN (FORMAT JSON) with sequential scans priced out of reach (enable_seqscan off), so that on
// a small test database a sequential scan still chosen means no index serves the read. A read of
// the archive's big tables must SEARCH them through an index, or walk an order index from one end.
import SQLite from "better-sqlite3";
import pg from "pg";
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect } from "kysely";
import type { Database } from "../../src/store/schema.ts";
import { registerStoreFunctions, type Db } from "../../src/store/db.ts";

export const BIG_TABLES = ["meetings", "items", "resolutions", "attendance", "memberships", "decision_votes"];
/** Indexes a read may walk from one end: the registers' order, stopped by the page's LIMIT. */
export const ORDER_INDEXES = ["meetings_date_order", "meetings_body_order"];

export interface Recorded {
  db: Db;
  statements: CompiledQuery[];
  /** every full scan of a big table in the plans of the statements recorded since the last call */
  fullScans(): Promise<string[]>;
  destroy(): Promise<void>;
}

/** A second handle on the same database (already migrated) that records what it runs. */
export function recordingStore(url: string): Recorded {
  const statements: CompiledQuery[] = [];
  const log = (e: { level: string; query: CompiledQuery }) => {
    if (e.level === "query") statements.push(e.query);
  };
  const postgres = url.startsWith("postgres");
  const db = postgres
    ? new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }), log })
    : new Kysely<Database>({ dialect: new SqliteDialect({ database: withStoreFunctions(new SQLite(url.replace(/^sqlite:/, ""))) }), log });
  let seen = 0;
  return {
    db,
    statements,
    async fullScans() {
      const batch = statements.slice(seen);
      seen = statements.length;
      const found: string[] = [];
      if (postgres) await db.executeQuery(CompiledQuery.raw("SET enable_seqscan = off"));
      for (const q of batch) {
        if (!/^\s*select/i.test(q.sql)) continue;
        const before = statements.length;
        const plan = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(`${postgres ? "EXPLAIN (FORMAT JSON)" : "EXPLAIN QUERY PLAN"} ${q.sql}`, [...q.parameters]));
        statements.splice(before);
        seen = statements.length;
        for (const scan of postgres ? pgScans(plan.rows[0]["QUERY PLAN"]) : sqliteScans(plan.rows.map((r) => String(r.detail)))) found.push(`${scan}  in: ${q.sql.slice(0, 160)}`);
      }
      return found;
    },
    destroy: () => db.destroy(),
  };
}

function sqliteScans(details: string[]): string[] {
  return details.filter((d) => {
    const m = /^SCAN (\w+)(?: AS \w+)?(?: USING (?:COVERING )?INDEX (\w+))?/.exec(d);
    if (!m) return false;
    const table = m[1];
    if (!BIG_TABLES.includes(table)) return false;
    return !(m[2] && ORDER_INDEXES.includes(m[2]));
  });
}

function pgScans(plan: unknown): string[] {
  const out: string[] = [];
  const visit = (node: Record<string, unknown>) => {
    const table = node["Relation Name"] as string | undefined;
    if (node["Node Type"] === "Seq Scan" && table && BIG_TABLES.includes(table)) out.push(`Seq Scan on ${table}`);
    for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) visit(child);
  };
  const root = (typeof plan === "string" ? JSON.parse(plan) : plan) as { Plan: Record<string, unknown> }[];
  for (const p of root) visit(p.Plan);
  return out;
}

function withStoreFunctions(database: SQLite.Database): SQLite.Database {
  registerStoreFunctions(database);
  return database;
}
