import type { Command } from "commander";
import { QuorumError, oneLine } from "../domain/errors.ts";
import type { ParsedMinutes } from "../domain/minutes.ts";
import { walkDocuments } from "./files.ts";
import { sharedParsePool, type Parsed } from "./parse-pool.ts";
import { summarise } from "./summary.ts";

export function registerParse(program: Command): void {
  program
    .command("parse")
    .description("read minutes documents (txt, md, html, pdf, docx) and print what happened at each meeting")
    .argument("<paths...>", "files, or folders with --jsonl")
    .option("--json", "print the quorum.minutes/1 record as JSON")
    .option("--jsonl", "one JSON line per file (per meeting, for a file holding several), keep going past bad files")
    .option("--no-provenance", "leave out the provenance map")
    .action(async (paths: string[], opts: { json?: boolean; jsonl?: boolean; provenance: boolean }) => {
      const out = (record: ParsedMinutes) => {
        if (!opts.provenance) {
          const { provenance: _p, ...rest } = record;
          return rest;
        }
        return record;
      };
      const pool = sharedParsePool();
      if (opts.jsonl) {
        const { documents } = await walkDocuments(paths);
        let failed = 0;
        // documents are parsed side by side but printed in order; a few ahead of the printer at most
        const ahead = pool.limits.workers * 2;
        const started: Promise<Parsed>[] = [];
        const start = (i: number) => {
          if (i < documents.length) (started[i] = pool.parse({ file: documents[i] })).catch(() => {});
        };
        for (let i = 0; i < ahead; i++) start(i);
        for (const [i, file] of documents.entries()) {
          try {
            const { record, records = [record!] } = await started[i];
            // a document holding several meetings gives a line for each, numbered from 1
            const lines = records.map((r, k) => JSON.stringify(records.length > 1 ? { file, meeting: k + 1, meetings: records.length, record: out(r) } : { file, record: out(r) }));
            process.stdout.write(lines.join("\n") + "\n");
          } catch (err) {
            failed++;
            process.stdout.write(JSON.stringify({ file, error: oneLine(err) }) + "\n");
          }
          delete started[i];
          start(i + ahead);
        }
        if (failed) process.exitCode = 1;
        return;
      }
      if (paths.length !== 1) throw new QuorumError("invalid", "parse takes one file (use --jsonl for several files or folders)");
      const record = (await pool.parse({ file: paths[0] })).record!;
      process.stdout.write(opts.json ? JSON.stringify(out(record), null, 2) + "\n" : summarise(record));
    });
}
