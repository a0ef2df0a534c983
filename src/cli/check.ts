import type { Command } from "commander";
import { QuorumError } from "../domain/errors.ts";
import { checkStore } from "../store/check.ts";
import { documentsDirFor } from "../store/documents/folder.ts";

export function registerCheck(program: Command): void {
  program
    .command("check")
    .description("check the database's integrity, foreign keys, migrations and maintained summaries, and that every document it names is in the document folder; exits 1 with the reason when something is wrong")
    .option("--db <url>", "database: postgres://…, sqlite:PATH or a file path (default: $DATABASE_URL or ./data/quorum.db)")
    .action(async (opts: { db?: string }) => {
      const url = opts.db ?? process.env.DATABASE_URL;
      const report = await checkStore(url, { documentsDir: documentsDirFor(url) });
      if (report.problems.length) throw new QuorumError("internal", `check failed: ${report.problems.join("; ")}`);
      process.stdout.write(`ok: ${report.dialect} ${report.checked.join(", ")}\n`);
    });
}
