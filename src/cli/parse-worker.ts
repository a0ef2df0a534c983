// The worker thread that reads and parses one document at a time for the parse pool. It runs apart
// from the command so that a document that takes too long or too much memory can be stopped (the
// pool terminates the thread) without taking the run, or the store, with it.
import { parentPort } from "node:worker_threads";
import { basename } from "node:path";
import { oneLine, QuorumError } from "../domain/errors.ts";
import type { ParsedMinutes } from "../domain/minutes.ts";
import type { SourceFormat, SourceText } from "../domain/source.ts";
import type { Limits } from "../ingest/limits.ts";
import { fromBytes, readDocumentBytes } from "../ingest/read.ts";
import { parseDocument } from "../parse/minutes.ts";

export interface ParseJob {
  id: number;
  file: string;
  limits: Limits;
  /** the document's bytes when the caller has read them already (to hash them); else read here */
  format?: SourceFormat;
  bytes?: Uint8Array;
  /** extract the text only: the caller has a reviewed record for it */
  textOnly?: boolean;
  /** epoch milliseconds at which the pool stops this worker */
  deadline?: number;
}

export type ParseReply = { id: number; source: SourceText; records?: ParsedMinutes[] } | { id: number; error: string; code: QuorumError["code"] };

/**
 * What the worker leaves outside itself while reading (OCR's child processes, its temporary
 * folder), so that the pool can stop and remove them if it has to terminate the worker.
 */
export type WorkerNote = { id: number; note: "started" | "ended"; pid: number } | { id: number; note: "tempDir"; path: string | null };

/**
 * The worker's own deadline falls a little before the pool's, so that running out of time in OCR
 * is reported, and its children and files cleaned up, by the worker itself.
 */
function deadlineOf(job: ParseJob): number {
  return (job.deadline ?? Date.now() + job.limits.timeoutMs) - Math.min(1000, job.limits.timeoutMs * 0.1);
}

async function run(job: ParseJob): Promise<ParseReply> {
  try {
    let { format, bytes } = job;
    if (!format || !bytes) ({ format, bytes } = await readDocumentBytes(job.file, job.limits));
    const note = (n: WorkerNote) => parentPort?.postMessage(n);
    const source = await fromBytes(job.file, format, bytes, basename(job.file), job.limits, {
      deadline: deadlineOf(job),
      watch: {
        started: (pid) => note({ id: job.id, note: "started", pid }),
        ended: (pid) => note({ id: job.id, note: "ended", pid }),
        tempDir: (path) => note({ id: job.id, note: "tempDir", path: path ?? null }),
      },
    });
    return { id: job.id, source, records: job.textOnly ? undefined : parseDocument(source) };
  } catch (err) {
    // a stack overflow or a parser's own exception is still a one-line error about this file
    const message = err instanceof QuorumError ? err.message : `${job.file}: could not be read (${oneLine(err)})`;
    return { id: job.id, error: message, code: err instanceof QuorumError ? err.code : "unreadable" };
  }
}

parentPort?.on("message", async (job: ParseJob) => {
  parentPort!.postMessage(await run(job));
});
