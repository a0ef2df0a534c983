import type { Command } from "commander";
import { backupStore } from "../store/backup.ts";

export function registerBackup(program: Command): void {
  program
    .command("backup")
    .description("write a consistent copy of the database to a file, safe while serve and imports run (PostgreSQL: needs pg_dump)")
    .requiredOption("--out <file>", "the backup file to write")
    .option("--force", "replace --out if it already exists")
    .option("--db <url>", "database: postgres://…, sqlite:PATH or a file path (default: $DATABASE_URL or ./data/quorum.db)")
    .action(async (opts: { out: string; force?: boolean; db?: string }) => {
      const { dialect, bytes } = await backupStore(opts.db ?? process.env.DATABASE_URL, opts.out, { force: opts.force });
      process.stdout.write(`backed up ${dialect} database to ${opts.out} (${bytes} bytes)\n`);
    });
}
