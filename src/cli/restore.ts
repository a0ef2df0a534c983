import type { Command } from "commander";
import { restoreStore } from "../store/backup.ts";
import { documentsDirFor } from "../store/documents/folder.ts";
import { openStore } from "../store/db.ts";
import { storeCounts } from "../store/digest.ts";

export function registerRestore(program: Command): void {
  program
    .command("restore")
    .description("load a file written by quorum backup into the database and the document folder (stop quorum serve first); refuses a database that holds data unless --force")
    .argument("<file>", "the backup file")
    .option("--force", "replace a database that already holds data")
    .option("--db <url>", "database: postgres://…, sqlite:PATH or a file path (default: $DATABASE_URL or ./data/quorum.db)")
    .action(async (file: string, opts: { force?: boolean; db?: string }) => {
      const url = opts.db ?? process.env.DATABASE_URL;
      const { dialect, documents } = await restoreStore(url, file, { force: opts.force, documentsDir: documentsDirFor(url) });
      // Opening migrates, so a backup taken by an older release comes back on the current schema.
      const db = await openStore(url);
      try {
        const c = await storeCounts(db);
        const files = documents === undefined ? "" : `, ${documents} document file${documents === 1 ? "" : "s"}`;
        process.stdout.write(`restored ${file} into ${dialect}: ${c.meetings} meetings, ${c.sourceDocuments} source documents, ${c.people} people${files}\n`);
      } finally {
        await db.destroy();
      }
    });
}
