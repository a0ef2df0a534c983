import type { Command } from "commander";
import { openStore, parseDatabaseUrl } from "../store/db.ts";
import { migrateToLatest } from "../store/migrate.ts";

export function registerMigrate(program: Command): void {
  program
    .command("migrate")
    .description("create or upgrade the database schema (every other command does this on start)")
    .option("--db <url>", "database: postgres://…, sqlite:PATH or a file path (default: $DATABASE_URL or ./data/quorum.db)")
    .action(async (opts: { db?: string }) => {
      const url = opts.db ?? process.env.DATABASE_URL;
      const db = await openStore(url, { migrate: false });
      try {
        const applied = await migrateToLatest(db);
        const where = parseDatabaseUrl(url);
        const target = where.dialect === "postgres" ? where.target.replace(/\/\/[^@/]*@/, "//") : where.target;
        process.stdout.write(applied.length ? `applied ${applied.join(", ")} to ${where.dialect} ${target}\n` : `${where.dialect} ${target} is up to date\n`);
      } finally {
        await db.destroy();
      }
    });
}
