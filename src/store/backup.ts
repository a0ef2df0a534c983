// Backups of a live store, and bringing one back. SQLite: VACUUM INTO copies one read snapshot
// (WAL lets `quorum serve` and imports go on writing meanwhile) into a compact, self-contained
// database file. PostgreSQL: pg_dump's custom format, also taken from one snapshot. Given the
// document folder, a backup is a tar archive of the database backup and the documents
// (backup-archive.ts); a backup of the database alone, as earlier releases wrote, still restores.
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import SQLite from "better-sqlite3";
import pg from "pg";
import { QuorumError } from "../domain/errors.ts";
import { parseDatabaseUrl, registerStoreFunctions, type DialectName } from "./db.ts";
import { findPgTool, pgConnection, startPgTool } from "./pg-tools.ts";
import { databaseEntry, isArchive, packArchive, restoreDocuments, unpackDatabase } from "./backup-archive.ts";
import { folderDocumentStore } from "./documents/folder.ts";

/** Tables that exist in a freshly migrated, empty store. */
const BOOKKEEPING = new Set(["kysely_migration", "kysely_migration_lock"]);

/** What kind of backup a file holds, from its first bytes. */
export function backupKind(file: string): DialectName | null {
  const head = Buffer.alloc(16);
  const fd = openSync(file, "r");
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString("latin1") === "SQLite format 3\0") return "sqlite";
  if (head.subarray(0, 5).toString("latin1") === "PGDMP") return "postgres";
  return null;
}

function openSqlite(path: string, readonly: boolean): SQLite.Database {
  try {
    const db = new SQLite(path, { readonly, fileMustExist: true });
    db.pragma("busy_timeout = 5000");
    registerStoreFunctions(db);
    return db;
  } catch (err) {
    throw new QuorumError("invalid", `cannot open SQLite database ${path}: ${(err as Error).message}`);
  }
}

function sqliteTables(db: SQLite.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((r) => r.name);
}

/** Writes to a temporary file beside `out`, then renames, so `out` is never half written. */
async function writeAtomically(out: string, force: boolean, write: (tmp: string) => Promise<void> | void): Promise<void> {
  if (existsSync(out) && !force) throw new QuorumError("conflict", `${out} already exists (use --force to replace it)`);
  mkdirSync(dirname(resolve(out)), { recursive: true });
  const tmp = `${out}.partial-${process.pid}`;
  rmSync(tmp, { force: true });
  try {
    await write(tmp);
    // A backup holds exempt business the portal never shows: readable by its owner only.
    chmodSync(tmp, 0o600);
    renameSync(tmp, out);
  } finally {
    rmSync(tmp, { force: true });
  }
}

export interface BackupResult {
  dialect: DialectName;
  bytes: number;
  /** the documents the archive holds; absent for a backup of the database alone */
  documents?: number;
}

/**
 * Takes a consistent backup of the store at `url` into the file `out`: with `documentsDir`, an
 * archive of the database backup and the document store's files; without, the database alone.
 */
export async function backupStore(url: string | undefined, out: string, options: { force?: boolean; documentsDir?: string } = {}): Promise<BackupResult> {
  const loc = parseDatabaseUrl(url);
  let documents: number | undefined;
  // the database backup into `file`, then (with documents) the archive around it
  const write = async (tmp: string, dump: (file: string) => Promise<void> | void) => {
    if (!options.documentsDir) return dump(tmp);
    const stage = mkdtempSync(`${tmp}.stage-`);
    try {
      await dump(join(stage, databaseEntry(loc.dialect)));
      documents = await packArchive(tmp, stage, loc.dialect, options.documentsDir);
    } finally {
      rmSync(stage, { recursive: true, force: true });
    }
  };
  if (loc.dialect === "sqlite") {
    if (loc.target === ":memory:") throw new QuorumError("invalid", "an in-memory database cannot be backed up");
    if (!existsSync(loc.target)) throw new QuorumError("not_found", `no SQLite database at ${loc.target}`);
    const db = openSqlite(loc.target, true);
    try {
      if (!sqliteTables(db).includes("kysely_migration")) throw new QuorumError("invalid", `${loc.target} is not a Quorum database`);
      await writeAtomically(out, options.force ?? false, (tmp) => write(tmp, (file) => void db.prepare("VACUUM INTO ?").run(file)));
    } finally {
      db.close();
    }
  } else {
    const { url: conn, env } = pgConnection(loc.target);
    findPgTool("pg_dump");
    await writeAtomically(out, options.force ?? false, (tmp) => write(tmp, (file) => startPgTool("pg_dump", ["--format=custom", "--no-owner", "--no-acl", `--file=${file}`, `--dbname=${conn}`], env).done));
  }
  return { dialect: loc.dialect, bytes: statSync(out).size, ...(documents !== undefined ? { documents } : {}) };
}

/** Whether the store at `url` holds anything beyond an empty, migrated schema (false when it does not exist). */
export async function storeHasData(url: string | undefined): Promise<boolean> {
  const loc = parseDatabaseUrl(url);
  if (loc.dialect === "sqlite") {
    if (loc.target === ":memory:" || !existsSync(loc.target) || statSync(loc.target).size === 0) return false;
    const db = openSqlite(loc.target, true);
    try {
      return sqliteTables(db).some((t) => !BOOKKEEPING.has(t) && db.prepare(`SELECT 1 FROM "${t.replaceAll('"', '""')}" LIMIT 1`).get() !== undefined);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: loc.target });
  await client.connect();
  try {
    const tables = (await client.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'")).rows.map((r) => r.name);
    for (const t of tables) {
      if (BOOKKEEPING.has(t)) continue;
      if ((await client.query(`SELECT 1 FROM public.${client.escapeIdentifier(t)} LIMIT 1`)).rowCount) return true;
    }
    return false;
  } finally {
    await client.end();
  }
}

/**
 * Replaces the store at `url` with the backup in `file`. Refuses a store that holds data unless
 * `force`. The caller migrates afterwards, so a backup from an older release comes back upgraded.
 */
export async function restoreStore(url: string | undefined, file: string, options: { force?: boolean; documentsDir?: string } = {}): Promise<{ dialect: DialectName; documents?: number }> {
  if (!existsSync(file) || !statSync(file).isFile()) throw new QuorumError("not_found", `no backup file at ${file}`);
  if (!isArchive(file)) return { dialect: await restoreDatabase(url, file, options) };
  // An archive: its database backup is unpacked beside the document folder, the documents are
  // restored first (a failure after them leaves files no row names, never rows without files),
  // then the database.
  const loc = parseDatabaseUrl(url);
  if (!options.documentsDir) throw new QuorumError("invalid", `${file} holds documents: say where they go`);
  mkdirSync(options.documentsDir, { recursive: true });
  const stage = mkdtempSync(join(dirname(resolve(options.documentsDir)), ".quorum-restore-"));
  try {
    const { manifest, database } = await unpackDatabase(file, stage);
    if (manifest.dialect !== loc.dialect) throw new QuorumError("invalid", `${file} is a ${manifest.dialect === "sqlite" ? "SQLite" : "PostgreSQL"} backup but the database is ${loc.dialect === "sqlite" ? "SQLite" : "PostgreSQL"}; restore it into a ${manifest.dialect} database`);
    if (!options.force && (await storeHasData(url))) throw new QuorumError("conflict", `the database ${loc.dialect === "sqlite" ? loc.target : "in DATABASE_URL"} already holds data (use --force to replace it)`);
    const documents = await restoreDocuments(file, folderDocumentStore(options.documentsDir));
    return { dialect: await restoreDatabase(url, database, options), documents };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** Replaces the store at `url` with the database backup in `file` (a SQLite file or a pg_dump archive). */
async function restoreDatabase(url: string | undefined, file: string, options: { force?: boolean }): Promise<DialectName> {
  const loc = parseDatabaseUrl(url);
  const kind = backupKind(file);
  if (!kind) throw new QuorumError("invalid", `${file} is not a Quorum backup (neither a SQLite database nor a pg_dump custom-format archive)`);
  if (kind !== loc.dialect) throw new QuorumError("invalid", `${file} is a ${kind === "sqlite" ? "SQLite" : "PostgreSQL"} backup but the database is ${loc.dialect === "sqlite" ? "SQLite" : "PostgreSQL"}; restore it into a ${kind} database`);
  const refuse = () => new QuorumError("conflict", `the database ${loc.dialect === "sqlite" ? loc.target : "in DATABASE_URL"} already holds data (use --force to replace it)`);

  if (loc.dialect === "sqlite") {
    if (loc.target === ":memory:") throw new QuorumError("invalid", "cannot restore into an in-memory database");
    const src = openSqlite(file, true);
    try {
      const verdict = (src.prepare("PRAGMA integrity_check").pluck().all() as string[])[0];
      if (verdict !== "ok") throw new QuorumError("invalid", `${file} is damaged: ${verdict}`);
      if (!sqliteTables(src).includes("kysely_migration")) throw new QuorumError("invalid", `${file} is not a Quorum backup`);
      if (!options.force && (await storeHasData(url))) throw refuse();
      mkdirSync(dirname(resolve(loc.target)), { recursive: true });
      // The online backup API writes through SQLite's own locking, so a reader that has the file open sees old or new, never a mix.
      await src.backup(loc.target);
    } finally {
      src.close();
    }
    return "sqlite";
  }

  const { url: conn, env } = pgConnection(loc.target);
  // Reading the archive's table of contents first rejects a damaged or foreign file before anything is dropped.
  await startPgTool("pg_restore", ["--list", file], env).done;
  if (!options.force && (await storeHasData(url))) throw refuse();
  // One psql transaction: the old schema is dropped and the backup loaded, or (on any error, or if
  // pg_restore fails part-way) nothing changes, because COMMIT is only sent once pg_restore succeeded.
  const psql = startPgTool("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", `--dbname=${conn}`], env, { stdin: true });
  const dump = startPgTool("pg_restore", ["--no-owner", "--no-acl", "--file=-", file], env, { stdout: true });
  const stdin = psql.child.stdin!;
  // If psql stops on an error, keep draining pg_restore so it can finish instead of blocking on a full pipe.
  psql.child.once("close", () => {
    dump.child.stdout!.unpipe(stdin);
    dump.child.stdout!.resume();
  });
  stdin.write("BEGIN;\nDROP SCHEMA IF EXISTS public CASCADE;\nCREATE SCHEMA public;\n");
  dump.child.stdout!.pipe(stdin, { end: false });
  try {
    await dump.done;
  } catch (err) {
    stdin.end();
    await psql.done.catch(() => {});
    throw err;
  }
  stdin.end("COMMIT;\n");
  await psql.done;
  return "postgres";
}
