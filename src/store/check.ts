// `quorum check`: is the store sound? The database's own integrity checks, foreign keys scanned row
// by row (they can be broken by a restore with checks off, or by hand), the schema's migrations,
// the maintained summaries counted again from their rows (summaries/recount.ts), and the document
// store: every file a row names (a paper, a reports pack, an original minutes document) must be
// there; files no row names (left by an import that was rolled back) are harmless and counted.
import { existsSync } from "node:fs";
import SQLite from "better-sqlite3";
import pg from "pg";
import { QuorumError } from "../domain/errors.ts";
import { openStore, parseDatabaseUrl, registerStoreFunctions } from "./db.ts";
import { summaryDifferences } from "./summaries/recount.ts";
import { migrationNames } from "./migrate.ts";
import { sql } from "kysely";
import type { Db } from "./db.ts";
import { documentFiles } from "./backup-archive.ts";

export interface CheckReport {
  dialect: "sqlite" | "postgres";
  /** what was checked, for the success line */
  checked: string[];
  /** one line each; empty when the store is sound */
  problems: string[];
}

function migrationProblems(dialect: "sqlite" | "postgres", applied: string[] | null): string[] {
  if (applied === null) return ["no migrations recorded: this is not a Quorum database, or it was never migrated (run quorum migrate)"];
  const known = migrationNames(dialect);
  const pending = known.filter((n) => !applied.includes(n));
  const unknown = applied.filter((n) => !known.includes(n));
  const problems: string[] = [];
  if (pending.length) problems.push(`migrations not applied: ${pending.join(", ")} (run quorum migrate)`);
  if (unknown.length) problems.push(`migrations this version does not know: ${unknown.join(", ")} (the database was written by a newer Quorum)`);
  return problems;
}

function checkSqlite(path: string): CheckReport {
  if (path === ":memory:") throw new QuorumError("invalid", "an in-memory database cannot be checked");
  if (!existsSync(path)) throw new QuorumError("not_found", `no SQLite database at ${path}`);
  const report: CheckReport = { dialect: "sqlite", checked: ["integrity_check", "foreign_key_check", "migrations"], problems: [] };
  let db: SQLite.Database | undefined;
  try {
    db = new SQLite(path, { readonly: true, fileMustExist: true });
    db.pragma("busy_timeout = 5000");
    registerStoreFunctions(db);
    const integrity = db.prepare("PRAGMA integrity_check").pluck().all() as string[];
    if (integrity[0] !== "ok") report.problems.push(`integrity_check: ${integrity[0]}${integrity.length > 1 ? ` (and ${integrity.length - 1} more)` : ""}`);
    const broken = db.prepare("PRAGMA foreign_key_check").all() as { table: string; rowid: number; parent: string }[];
    if (broken.length) report.problems.push(`foreign keys: ${broken.length} row(s) point at missing rows (first: ${broken[0].table} row ${broken[0].rowid} → ${broken[0].parent})`);
    const hasLog = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'").get() !== undefined;
    const applied = hasLog ? (db.prepare("SELECT name FROM kysely_migration").pluck().all() as string[]) : null;
    report.problems.push(...migrationProblems("sqlite", applied));
  } catch (err) {
    // A damaged header or page makes SQLite refuse the file or a query outright.
    report.problems.push(`SQLite cannot read ${path}: ${(err as Error).message}`);
  } finally {
    db?.close();
  }
  return report;
}

interface ForeignKey {
  child: string;
  parent: string;
  name: string;
  cols: string[];
  pcols: string[];
}

async function checkPostgres(url: string): Promise<CheckReport> {
  const report: CheckReport = { dialect: "postgres", checked: ["foreign keys", "invalid indexes", "migrations"], problems: [] };
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (err) {
    throw new QuorumError("invalid", `cannot connect to PostgreSQL: ${(err as Error).message}`);
  }
  try {
    const id = (s: string) => client.escapeIdentifier(s);
    const fks = (
      await client.query<ForeignKey & { validated: boolean }>(`
        SELECT c.conname AS name, ch.relname AS child, p.relname AS parent, c.convalidated AS validated,
          ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS cols,
          ARRAY(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS pcols
        FROM pg_constraint c
        JOIN pg_class ch ON ch.oid = c.conrelid JOIN pg_class p ON p.oid = c.confrelid
        JOIN pg_namespace ns ON ns.oid = c.connamespace
        WHERE c.contype = 'f' AND ns.nspname = 'public'
        ORDER BY ch.relname, c.conname`)
    ).rows;
    let orphans = 0;
    let first = "";
    for (const fk of fks) {
      if (!fk.validated) report.problems.push(`foreign key ${fk.name} on ${fk.child} is not validated`);
      const present = fk.cols.map((c) => `c.${id(c)} IS NOT NULL`).join(" AND ");
      const match = fk.cols.map((c, i) => `p.${id(fk.pcols[i])} = c.${id(c)}`).join(" AND ");
      const n = Number((await client.query(`SELECT count(*) AS n FROM public.${id(fk.child)} c WHERE ${present} AND NOT EXISTS (SELECT 1 FROM public.${id(fk.parent)} p WHERE ${match})`)).rows[0].n);
      if (n && !first) first = `${fk.child}.${fk.cols.join(",")} → ${fk.parent}`;
      orphans += n;
    }
    if (orphans) report.problems.push(`foreign keys: ${orphans} row(s) point at missing rows (first: ${first})`);
    const invalid = (await client.query<{ name: string }>(`SELECT i.indexrelid::regclass::text AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace ns ON ns.oid = c.relnamespace WHERE ns.nspname = 'public' AND NOT (i.indisvalid AND i.indisready)`)).rows;
    if (invalid.length) report.problems.push(`invalid indexes: ${invalid.map((r) => r.name).join(", ")} (REINDEX them)`);
    const hasLog = (await client.query("SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = 'kysely_migration'")).rowCount;
    const applied = hasLog ? (await client.query<{ name: string }>("SELECT name FROM kysely_migration")).rows.map((r) => r.name) : null;
    report.problems.push(...migrationProblems("postgres", applied));
  } finally {
    await client.end();
  }
  return report;
}

/** Rows naming documents that are not in the folder (problems); the files kept, and those no row names. */
async function documentProblems(db: Db, dir: string): Promise<{ problems: string[]; checked: string }> {
  const named = await sql<{ key: string }>`SELECT document_key AS key FROM agenda_papers UNION SELECT pack_key FROM agenda_publications UNION SELECT document_key FROM source_documents WHERE document_key IS NOT NULL`.execute(db);
  const keys = new Set(named.rows.map((r) => r.key));
  const files = new Set(documentFiles(dir).map((f) => f.slice(3)));
  const missing = [...keys].filter((k) => !files.has(k)).sort();
  const unnamed = [...files].filter((k) => !keys.has(k)).length;
  const problems = missing.length ? [`${missing.length} document${missing.length === 1 ? "" : "s"} the database names ${missing.length === 1 ? "is" : "are"} missing from ${dir}: ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ", …" : ""} (restore them from a backup)`] : [];
  return { problems, checked: `documents (${files.size} kept, ${unnamed} that no row names)` };
}

export async function checkStore(url: string | undefined, options: { documentsDir?: string } = {}): Promise<CheckReport> {
  const loc = parseDatabaseUrl(url);
  const report = loc.dialect === "sqlite" ? checkSqlite(loc.target) : await checkPostgres(loc.target);
  // the summaries are read through the store, which needs a sound file on the current schema
  if (!report.problems.some((p) => /^(SQLite cannot read|integrity_check|migrations|no migrations)/.test(p))) {
    const db = await openStore(url, { migrate: false });
    try {
      report.problems.push(...(await summaryDifferences(db)));
      report.checked.push("summaries");
      if (options.documentsDir) {
        const documents = await documentProblems(db, options.documentsDir);
        report.problems.push(...documents.problems);
        report.checked.push(documents.checked);
      }
    } finally {
      await db.destroy();
    }
  }
  return report;
}
