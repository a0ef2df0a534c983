// `quorum import`: parse and store documents, one transaction each, so an interrupted run can simply
// be run again. A document whose bytes were already imported by this parser version is not re-read.
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import cliProgress from "cli-progress";
import { QuorumError, oneLine } from "../domain/errors.ts";
import type { ParsedMinutes } from "../domain/minutes.ts";
import { openStore } from "../store/db.ts";
import { isTimeZone } from "../store/import.ts";
import { importDocument } from "./import-document.ts";
import { walkDocuments } from "./files.ts";
import { folderSettingsReader } from "./folder-settings.ts";

interface ImportOptions {
  db?: string;
  authority?: string;
  records?: string;
  timeZone?: string;
}

interface Job {
  file: string;
  /** a reviewed record to store instead of parsing the document */
  record?: ParsedMinutes;
}

/** Records as printed by `quorum parse --jsonl`: one {file, record} per line. */
async function readRecords(path: string): Promise<Job[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new QuorumError("unreadable", `${path}: cannot be read`);
  }
  const jobs: Job[] = [];
  text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    let row: { file?: string; record?: ParsedMinutes };
    try {
      row = JSON.parse(line);
    } catch {
      throw new QuorumError("invalid", `${path}:${i + 1}: not a JSON line`);
    }
    if (!row.file || !row.record) throw new QuorumError("invalid", `${path}:${i + 1}: expected {"file": …, "record": …}`);
    jobs.push({ file: row.file, record: row.record });
  });
  return jobs;
}

export function registerImport(program: Command): void {
  program
    .command("import")
    .description("parse minutes documents (files or folders) and store them; re-importing the same file changes nothing")
    .argument("[paths...]", "files or folders of minutes documents (txt, md, html, pdf, docx)")
    .option("--db <url>", "database: postgres://…, sqlite:PATH or a file path (default: $DATABASE_URL or ./data/quorum.db)")
    .option("--authority <name>", "the council, for documents that do not name one (otherwise the body's own name is used)")
    .option("--time-zone <zone>", "IANA time zone of authorities this import creates (default Europe/London)")
    .option("--records <file>", "store reviewed records from a `quorum parse --jsonl` file instead of parsing")
    .action(async (paths: string[], opts: ImportOptions) => {
      if (!paths.length && !opts.records) throw new QuorumError("invalid", "import needs files or folders (or --records FILE)");
      if (opts.timeZone && !isTimeZone(opts.timeZone)) throw new QuorumError("invalid", `unknown time zone "${opts.timeZone}" (expected an IANA name such as Europe/Dublin)`);
      const walk = await walkDocuments(paths);
      const jobs: Job[] = walk.documents.map((file) => ({ file }));
      if (opts.records) jobs.push(...(await readRecords(opts.records)));
      if (!jobs.length) {
        const n = walk.ignored.length;
        throw new QuorumError("invalid", `no minutes documents found under ${paths.join(", ")} (expected .txt, .md, .html, .pdf or .docx files)${n ? `; ${n} other file${n === 1 ? "" : "s"} ignored` : ""}`);
      }

      const settingsFor = folderSettingsReader();
      const db = await openStore(opts.db ?? process.env.DATABASE_URL);
      const counts = { created: 0, updated: 0, unchanged: 0 };
      const failed: { file: string; reason: string }[] = [];
      const bar = new cliProgress.SingleBar(
        {
          format: "importing [{bar}] {value}/{total} | ok {ok} unchanged {unchanged} failed {failed}",
          noTTYOutput: true,
          notTTYSchedule: 1000,
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      );
      const tick = () => bar.increment(1, { ok: counts.created + counts.updated, unchanged: counts.unchanged, failed: failed.length });
      bar.start(jobs.length, 0, { ok: 0, unchanged: 0, failed: 0 });
      try {
        for (const job of jobs) {
          try {
            const folder = settingsFor(job.file, paths);
            const status = await importDocument(db, job.file, {
              record: job.record,
              authority: opts.authority,
              authorityOverride: folder.authority,
              timeZone: opts.timeZone,
              timeZoneOverride: folder.timeZone,
            });
            counts[status]++;
          } catch (err) {
            const reason = oneLine(err);
            failed.push({ file: job.file, reason: reason.startsWith(job.file) ? reason.slice(job.file.length).replace(/^:\s*/, "") : reason });
          }
          tick();
        }
      } finally {
        bar.stop();
        await db.destroy();
      }
      const ok = counts.created + counts.updated;
      const lines = [
        `${jobs.length} document${jobs.length === 1 ? "" : "s"}: ok ${ok} (${counts.created} new, ${counts.updated} updated in place), unchanged ${counts.unchanged}, failed ${failed.length}` +
          (walk.ignored.length ? `; ${walk.ignored.length} other file${walk.ignored.length === 1 ? "" : "s"} ignored` : ""),
      ];
      for (const f of failed) lines.push(`  failed: ${f.file}: ${f.reason}`);
      process.stdout.write(lines.join("\n") + "\n");
      if (failed.length) process.exitCode = 1;
    });
}
