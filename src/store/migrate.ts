// Numbered migrations per dialect. Each file is frozen once released; the migrator records what ran.
import { Migrator, sql, type Kysely, type Migration, type MigrationResult } from "kysely";
import { QuorumError } from "../domain/errors.ts";
import * as sqlite001 from "./migrations/sqlite/001_initial.ts";
import * as postgres001 from "./migrations/postgres/001_initial.ts";
import * as sqlite003 from "./migrations/sqlite/003_provenance_by_document.ts";
import * as postgres003 from "./migrations/postgres/003_provenance_by_document.ts";
import * as sqlite004 from "./migrations/sqlite/004_resolution_movers.ts";
import * as postgres004 from "./migrations/postgres/004_resolution_movers.ts";
import * as sqlite005 from "./migrations/sqlite/005_seal_exempt_derived.ts";
import * as postgres005 from "./migrations/postgres/005_seal_exempt_derived.ts";
import { TRACKER_MIGRATIONS } from "./scrutiny/migrations.ts";
import { dialectOf } from "./db.ts";

const MIGRATIONS: Record<"sqlite" | "postgres", Record<string, Migration>> = {
  sqlite: { "001_initial": sqlite001, ...TRACKER_MIGRATIONS.sqlite, "003_provenance_by_document": sqlite003, "004_resolution_movers": sqlite004, "005_seal_exempt_derived": sqlite005 },
  postgres: { "001_initial": postgres001, ...TRACKER_MIGRATIONS.postgres, "003_provenance_by_document": postgres003, "004_resolution_movers": postgres004, "005_seal_exempt_derived": postgres005 },
};

/** The migrations a store of this dialect ends up with, in order. */
export function migrationNames(dialect: "sqlite" | "postgres"): string[] {
  return Object.keys(MIGRATIONS[dialect]).sort();
}

export function migrator(db: Kysely<any>): Migrator {
  const migrations = MIGRATIONS[dialectOf(db)];
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

/** Applies pending migrations; returns the names applied now (empty when up to date). */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const m = migrator(db);
  // Kysely takes no lock on SQLite and runs its migrations outside a transaction, so two processes
  // opening a new database at once would both create the tables. Pending migrations therefore run
  // inside one BEGIN IMMEDIATE transaction on the store's single connection: the second process
  // waits for the write lock, then finds nothing left to do.
  if (dialectOf(db) !== "sqlite") return run(m);
  if (!(await m.getMigrations()).some((x) => !x.executedAt)) return [];
  await sql`BEGIN IMMEDIATE`.execute(db);
  try {
    const applied = await run(m);
    await sql`COMMIT`.execute(db);
    return applied;
  } catch (err) {
    await sql`ROLLBACK`.execute(db).catch(() => undefined);
    throw err;
  }
}

async function run(m: Migrator): Promise<string[]> {
  const { error, results } = await m.migrateToLatest();
  if (error) {
    const failed = results?.find((r: MigrationResult) => r.status === "Error");
    throw new QuorumError("internal", `migration ${failed?.migrationName ?? ""} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
