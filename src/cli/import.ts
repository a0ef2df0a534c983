// `quorum import`: parse and store documents, each whole or not at all, so an interrupted run can simply
// be run again. A document whose bytes were already imported by this parser version is not re-read.
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { Command } from "commander";
import cliProgress from "cli-progress";
import { QuorumError, oneLine } from "../domain/errors.ts";
import type { ParsedMinutes } from "../domain/minutes.ts";
import { openStore } from "../store/db.ts";
import { isTimeZone, unstorableReason, type ImportInput } from "../store/import.ts";
import { IMPORT_BATCH, importMinutesBatch } from "../store/import-batch.ts";
import { settleAllPeople } from "../store/people-settle.ts";
import { nameKey } from "../store/rules/slugs.ts";
import { prepareDocument } from "./import-document.ts";
import { sharedParsePool } from "./parse-pool.ts";
import { walkDocuments } from "./files.ts";
import { folderSettingsReader, licenceCollector } from "./folder-settings.ts";
import { documentsDirFor, folderDocumentStore } from "../store/documents/folder.ts";

interface ImportOptions {
  db?: string;
  authority?: string;
  records?: string;
  timeZone?: string;
  review?: boolean;
  publish?: boolean;
}

interface Job {
  file: string;
  /** a reviewed record to store instead of parsing the document */
  record?: ParsedMinutes;
  /** which of the document's meetings the record is (from 1) */
  meeting?: number;
}

/** A parsed document waiting on disk for its turn to be stored. */
interface Queued {
  index: number;
  file: string;
  path: string;
  key: string[];
}

/**
 * Where a document comes in the order of storing: by meeting date and start time, council and body,
 * then the file's modification time and path. Who a written name refers to, and a person's slug,
 * depend on the names stored before it, so one order for the same documents gives one result
 * however they were listed; of two files for one meeting the later-modified one is stored last and
 * so is the one kept (reported as "replaced").
 */
function orderKey(input: ImportInput, mtimeMs: number): string[] {
  const r = input.record;
  const authority = input.authorityOverride?.trim() || r.authority?.trim() || input.authority?.trim() || r.body!.trim();
  return [r.date!, r.startTime ?? "", nameKey(authority), nameKey(r.body!), String(Math.trunc(mtimeMs)).padStart(16, "0"), input.source.file];
}

function compareQueued(a: Queued, b: Queued): number {
  for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i] < b.key[i] ? -1 : 1;
  return a.index - b.index;
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
    let row: { file?: string; record?: ParsedMinutes; meeting?: number };
    try {
      row = JSON.parse(line);
    } catch {
      throw new QuorumError("invalid", `${path}:${i + 1}: not a JSON line`);
    }
    if (!row.file || !row.record) throw new QuorumError("invalid", `${path}:${i + 1}: expected {"file": …, "record": …}`);
    jobs.push({ file: row.file, record: row.record, ...(Number.isInteger(row.meeting) && row.meeting! > 1 ? { meeting: row.meeting } : {}) });
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
    .option("--review", 'queue documents for review at /admin/imports instead of publishing them (the default when a folder\'s quorum.json says "import": "review")')
    .option("--publish", "publish at once, even where a folder's quorum.json says to review")
    .action(async (paths: string[], opts: ImportOptions) => {
      if (!paths.length && !opts.records) throw new QuorumError("invalid", "import needs files or folders (or --records FILE)");
      if (opts.review && opts.publish) throw new QuorumError("invalid", "choose --review or --publish, not both");
      if (opts.timeZone && !isTimeZone(opts.timeZone)) throw new QuorumError("invalid", `unknown time zone "${opts.timeZone}" (expected an IANA name such as Europe/Dublin)`);
      const walk = await walkDocuments(paths);
      const jobs: Job[] = walk.documents.map((file) => ({ file }));
      if (opts.records) jobs.push(...(await readRecords(opts.records)));
      if (!jobs.length) {
        const n = walk.ignored.length;
        throw new QuorumError("invalid", `no minutes documents found under ${paths.join(", ")} (expected .txt, .md, .html, .pdf or .docx files)${n ? `; ${n} other file${n === 1 ? "" : "s"} ignored` : ""}`);
      }

      const settingsFor = folderSettingsReader();
      const licences = licenceCollector();
      const db = await openStore(opts.db ?? process.env.DATABASE_URL, { bulkWrites: true });
      // each document's original file is kept too, to be downloaded from its meeting
      const documents = folderDocumentStore(documentsDirFor(opts.db ?? process.env.DATABASE_URL));
      const counts = { created: 0, updated: 0, unchanged: 0 };
      // what became of each meeting of each document, by the document's index
      const stored = new Map<number, ("created" | "updated" | "unchanged")[]>();
      const several: string[] = [];
      const notStored: string[] = [];
      const queued = { created: 0, replacing: 0 };
      const failed: { index: number; file: string; reason: string }[] = [];
      const replaced: { meeting: string; old: string; by: string }[] = [];
      let settleError: string | null = null;
      const fail = (index: number, file: string, err: unknown) => {
        const reason = oneLine(err);
        failed.push({ index, file, reason: reason.startsWith(file) ? reason.slice(file.length).replace(/^:\s*/, "") : reason });
      };
      const bar = new cliProgress.SingleBar(
        {
          format: "{phase} [{bar}] {value}/{total} | ok {ok} unchanged {unchanged} failed {failed}",
          noTTYOutput: true,
          notTTYSchedule: 1000,
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      );
      const tick = (phase: string) => bar.increment(1, { phase, ok: counts.created + counts.updated, unchanged: counts.unchanged, failed: failed.length });
      const spill = await mkdtemp(join(tmpdir(), "quorum-import-spill-"));
      try {
        // First every document is read and parsed, each parsed one set aside on disk so that memory
        // holds only its place in the order; then they are stored in that canonical order.
        bar.start(jobs.length, 0, { phase: "reading", ok: 0, unchanged: 0, failed: 0 });
        const queue: Queued[] = [];
        // Documents are read and parsed a few at a time so every parse worker is kept busy.
        const readOne = async (index: number, job: Job) => {
          try {
            const folder = settingsFor(job.file, paths);
            licences.add(folder);
            const review = opts.review || (!opts.publish && folder.import === "review");
            const prepared = await prepareDocument(db, job.file, {
              record: job.record,
              meeting: job.meeting,
              authority: opts.authority,
              authorityOverride: folder.authority,
              timeZone: opts.timeZone,
              timeZoneOverride: folder.timeZone,
              documents,
            });
            if (prepared.status === "unchanged") counts.unchanged++;
            else {
              const { inputs } = prepared;
              // the document fails when its first meeting cannot be stored; a later one is left out
              const reason = unstorableReason(inputs[0].record);
              if (reason) throw new QuorumError("invalid", reason);
              if (inputs.length > 1) several.push(`  ${job.file} holds the minutes of ${inputs.length} meetings: each is stored as its own meeting`);
              const mtimeMs = (await stat(job.file)).mtimeMs;
              for (const [k, input] of inputs.entries()) {
                const later = unstorableReason(input.record);
                if (later) {
                  notStored.push(`  not stored: ${job.file}, meeting ${k + 1} of ${inputs.length}: ${later}`);
                  continue;
                }
                if (review) input.review = true;
                input.actor = "cli";
                const path = join(spill, `${index}-${k}.json`);
                await writeFile(path, JSON.stringify(input));
                queue.push({ index, file: job.file, path, key: orderKey(input, mtimeMs) });
              }
            }
          } catch (err) {
            fail(index, job.file, err);
          }
          tick("reading");
        };
        let next = 0;
        const reader = async () => {
          while (next < jobs.length) {
            const index = next++;
            await readOne(index, jobs[index]);
          }
        };
        await Promise.all(Array.from({ length: sharedParsePool().limits.workers }, reader));
        queue.sort(compareQueued);
        bar.setTotal(jobs.length + queue.length);
        // stored in batches, one transaction each, every document in a savepoint of its own (import-batch.ts)
        for (let start = 0; start < queue.length; start += IMPORT_BATCH) {
          const batch: Queued[] = [];
          const inputs: ImportInput[] = [];
          for (const q of queue.slice(start, start + IMPORT_BATCH)) {
            try {
              inputs.push(JSON.parse(await readFile(q.path, "utf8")) as ImportInput);
              batch.push(q);
              await rm(q.path, { force: true });
            } catch (err) {
              fail(q.index, q.file, err);
              tick("storing");
            }
          }
          const outcomes = await importMinutesBatch(db, inputs);
          for (const [k, q] of batch.entries()) {
            const outcome = outcomes[k];
            if (outcome.ok) {
              const result = outcome.result;
              if (result.queued) queued[result.queued.replaces ? "replacing" : "created"]++;
              else stored.set(q.index, [...(stored.get(q.index) ?? []), result.status]);
              if (result.replaced) replaced.push({ meeting: result.meetingSlug, old: result.replaced, by: basename(q.file) });
            } else fail(q.index, q.file, outcome.error);
            tick("storing");
          }
        }
        // Who is who, settled over everything stored, so the result does not depend on which
        // documents this run brought or in what order (and a killed run's next run settles too).
        try {
          await settleAllPeople(db);
          await licences.apply(db);
        } catch (err) {
          settleError = oneLine(err);
        }
      } finally {
        bar.stop();
        await rm(spill, { recursive: true, force: true });
        await db.destroy();
      }
      // a document holding several meetings counts once: new if any meeting is, else updated if any is
      for (const [index, statuses] of stored) {
        if (failed.some((f) => f.index === index)) continue;
        counts[statuses.includes("created") ? "created" : statuses.includes("updated") ? "updated" : "unchanged"]++;
      }
      failed.sort((a, b) => a.index - b.index);
      const ok = counts.created + counts.updated;
      const lines = [
        `${jobs.length} document${jobs.length === 1 ? "" : "s"}: ok ${ok} (${counts.created} new, ${counts.updated} updated in place), unchanged ${counts.unchanged}, failed ${failed.length}` +
          (walk.ignored.length ? `; ${walk.ignored.length} other file${walk.ignored.length === 1 ? "" : "s"} ignored` : ""),
      ];
      if (queued.created + queued.replacing) {
        lines.push(`queued for review at /admin/imports: ${queued.created + queued.replacing} (${queued.created} new, ${queued.replacing} replacing published minutes)`);
      }
      lines.push(...several, ...notStored);
      for (const r of replaced) lines.push(`  replaced: ${r.meeting}: ${r.old} by ${r.by}`);
      for (const f of failed) lines.push(`  failed: ${f.file}: ${f.reason}`);
      if (settleError) lines.push(`  failed: matching names to people: ${settleError}`);
      process.stdout.write(lines.join("\n") + "\n");
      if (failed.length || settleError) process.exitCode = 1;
    });
}
