import type { Command } from "commander";
import { backupStore } from "../store/backup.ts";
import { documentsDirFor } from "../store/documents/folder.ts";

export function registerBackup(program: Command): void {
  program
    .command("backup")
    .description("write a consistent copy of the database and the document store (papers, packs, original minutes) to one archive, safe while serve and imports run (PostgreSQL: needs pg_dump)")
    .requiredOption("--out <file>", "the backup file to write")
    .option("--force", "replace --out if it already exists")
    .option("--db <url>", "database: postgres://…, sqlite:PATH or a file path (default: $DATABASE_URL or ./data/quorum.db)")
    .action(async (opts: { out: string; force?: boolean; db?: string }) => {
      const url = opts.db ?? process.env.DATABASE_URL;
      const { dialect, bytes, documents } = await backupStore(url, opts.out, { force: opts.force, documentsDir: documentsDirFor(url) });
      process.stdout.write(`backed up ${dialect} database and ${documents} document${documents === 1 ? "" : "s"} to ${opts.out} (${bytes} bytes)\n`);
    });
}
