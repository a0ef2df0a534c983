// Generating an archive into a store: the plan (generate-shape.ts), one meeting per plan from a
// template (generate-meeting.ts), stored through storeRecord and recordImport exactly as
// importMinutes stores them, many meetings to a transaction, and people settled at the end as
// `quorum import` settles them.
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { oneLine } from "../src/domain/errors.ts";
import { PARSER_VERSION } from "../src/parse/minutes.ts";
import type { Db } from "../src/store/db.ts";
import { importMinutes, storeRecord, unstorableReason, type ImportInput } from "../src/store/import.ts";
import { DerivedWork, deriveTouched } from "../src/store/import-derived.ts";
import { recordImport } from "../src/store/imports/queue.ts";
import { settleAllPeople } from "../src/store/people-settle.ts";
import { writeTransaction } from "../src/store/write.ts";
import { loadCorpus } from "./generate-corpus.ts";
import { generateMeeting, sourceOf } from "./generate-meeting.ts";
import { Random } from "./generate-random.ts";
import { planArchive } from "./generate-shape.ts";

export interface GenerateOptions {
  meetings: number;
  seed: number;
  /** folder of real minutes the text is drawn from */
  corpus: string;
  /** meetings stored per transaction (default 200) */
  batch?: number;
  /** where the parsed corpus is cached (default .bench/) */
  cacheDir?: string;
}

export interface GenerateSummary {
  meetings: number;
  items: number;
  resolutions: number;
  attendance: number;
  people: number;
  councils: number;
  committees: number;
  /** meetings that could not be stored (each named on stderr) */
  failed: number;
}

const DEFAULT_CACHE = fileURLToPath(new URL("../.bench", import.meta.url));

export async function generateArchive(db: Db, opts: GenerateOptions, progress: (line: string) => void): Promise<GenerateSummary> {
  const corpus = await loadCorpus(opts.corpus, opts.cacheDir ?? DEFAULT_CACHE, progress);
  if (!corpus.templates.length) throw new Error(`no usable minutes under ${opts.corpus}`);
  progress(`corpus: ${corpus.templates.length} templates from ${corpus.documents} documents (left out: ${JSON.stringify(corpus.skipped)})`);
  const { councils, plans } = planArchive(opts.meetings, opts.seed);
  progress(`plan: ${councils.length} councils, ${councils.reduce((n, c) => n + c.committees.length, 0)} committees, ${opts.meetings} meetings, seed ${opts.seed}`);

  const batchSize = opts.batch ?? 200;
  const hashes = new Set<string>();
  let failed = 0;
  let done = 0;
  const start = performance.now();
  let lastReport = start;
  const store = async (batch: ImportInput[]) => {
    try {
      await writeTransaction(db, async (trx) => {
        // memberships and people's search entries: derived once for the transaction, as a batched import does
        const derived = new DerivedWork();
        for (const input of batch) {
          const result = await storeRecord(trx, input, PARSER_VERSION, false, derived);
          if (result.status !== "unchanged") await recordImport(trx, input, result);
        }
        await deriveTouched(trx, derived);
      });
    } catch {
      // one meeting that cannot be stored must not take its batch with it: each alone, as an import would
      for (const input of batch) {
        try {
          await importMinutes(db, input);
        } catch (err) {
          failed++;
          progress(`  failed: ${input.source.file}: ${oneLine(err)}`);
        }
      }
    }
    done += batch.length;
    const now = performance.now();
    if (now - lastReport > 5000 || done === opts.meetings) {
      lastReport = now;
      progress(`stored ${done}/${opts.meetings} meetings, ${(done / ((now - start) / 1000)).toFixed(1)} meetings/s`);
    }
  };

  let batch: ImportInput[] = [];
  let i = 0;
  for (const plan of plans()) {
    const random = Random.derive(opts.seed, 3, i++);
    const { input } = generateMeeting(random.pick(corpus.templates), plan, random);
    // two meetings rewritten to the very same text would be one document: the later gets a blank line more
    while (hashes.has(input.source.contentHash)) input.source = sourceOf(input.source.file, input.source.format, `${input.source.text}\n`);
    hashes.add(input.source.contentHash);
    const reason = unstorableReason(input.record);
    if (reason) throw new Error(`${input.source.file}: ${reason}`);
    batch.push({ ...input, parserVersion: PARSER_VERSION, actor: "bench:generate" });
    if (batch.length >= batchSize) {
      await store(batch);
      batch = [];
    }
  }
  if (batch.length) await store(batch);

  const settleStart = performance.now();
  const settled = await settleAllPeople(db);
  progress(`people settled: ${settled.people} people, ${settled.relinked} rows relinked, in ${((performance.now() - settleStart) / 1000).toFixed(1)} s`);

  const count = async (table: "meetings" | "items" | "resolutions" | "attendance" | "people" | "authorities" | "bodies") =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
  return {
    meetings: await count("meetings"),
    items: await count("items"),
    resolutions: await count("resolutions"),
    attendance: await count("attendance"),
    people: await count("people"),
    councils: await count("authorities"),
    committees: await count("bodies"),
    failed,
  };
}
