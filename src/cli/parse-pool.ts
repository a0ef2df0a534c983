// Documents are read and parsed in worker threads, each with a time budget and a heap limit: a
// document that runs over either is stopped (its worker terminated and replaced) and becomes a
// one-line error naming the file, and the run goes on with the other documents.
import { Worker } from "node:worker_threads";
import { rmSync } from "node:fs";
import { QuorumError } from "../domain/errors.ts";
import type { ParsedMinutes } from "../domain/minutes.ts";
import type { SourceFormat, SourceText } from "../domain/source.ts";
import { LIMIT_VARIABLES, limitsFromEnv, overLimit, type Limits } from "../ingest/limits.ts";
import type { ParseJob, ParseReply, WorkerNote } from "./parse-worker.ts";

export interface Parsed {
  source: SourceText;
  /** absent when only the text was asked for: the document's first meeting */
  record?: ParsedMinutes;
  /** every meeting the document holds, the first being `record` */
  records?: ParsedMinutes[];
}

export interface ParseRequest {
  file: string;
  /** bytes the caller has read already; otherwise the worker reads the file */
  format?: SourceFormat;
  bytes?: Uint8Array;
  textOnly?: boolean;
}

interface Pending {
  job: ParseJob;
  resolve: (parsed: Parsed) => void;
  reject: (err: QuorumError) => void;
}

interface Slot {
  worker: Worker;
  busy?: Pending;
  timer?: NodeJS.Timeout;
  /** set once the slot is being taken down, so its exit is not reported as a crash */
  retired?: boolean;
  /** child processes the worker's document has running (OCR), killed with the worker */
  children: Set<number>;
  /** the document's temporary folder (OCR), removed with the worker */
  tempDir?: string;
}

// Under tsx (development, tests) this module is TypeScript and so is the worker, which then needs
// tsx's loader: a loader registered on the main thread does not reach a worker's entry module, so
// the worker starts from a two-line module that registers tsx and then imports it. Compiled to
// JavaScript, both are .js and the worker runs as it is.
const EXTENSION = new URL(import.meta.url).pathname.endsWith(".ts") ? ".ts" : ".js";
const WORKER_URL = new URL(`./parse-worker${EXTENSION}`, import.meta.url);

function workerEntry(): URL {
  if (EXTENSION !== ".ts") return WORKER_URL;
  // tsx is resolved from here, not from the working directory, so `quorum` runs from any folder
  const boot = `import { register } from ${JSON.stringify(import.meta.resolve("tsx/esm/api"))};\nregister();\nawait import(${JSON.stringify(WORKER_URL.href)});\n`;
  return new URL(`data:text/javascript,${encodeURIComponent(boot)}`);
}

export class ParsePool {
  private slots = new Set<Slot>();
  private queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  /** what the workers are held to: the size limits never above what their heap can hold */
  private readonly workerLimits: Limits;

  constructor(readonly limits: Limits = limitsFromEnv()) {
    // V8 stops a worker that grows past its heap limit, but a single allocation far beyond it (one
    // string of a whole inflated package) aborts the process instead; so no one text may approach it.
    const heap = limits.maxMemoryMb * 1024 * 1024;
    this.workerLimits = {
      ...limits,
      maxInflatedBytes: Math.min(limits.maxInflatedBytes, Math.floor(heap / 4)),
      maxTextChars: Math.min(limits.maxTextChars, Math.floor(heap / 8)),
      maxLineChars: Math.min(limits.maxLineChars, Math.floor(heap / 8)),
    };
  }

  parse(request: ParseRequest): Promise<Parsed> {
    if (this.closed) return Promise.reject(new QuorumError("internal", "the document reader has been shut down"));
    return new Promise((resolve, reject) => {
      const job: ParseJob = { id: this.nextId++, limits: this.workerLimits, ...request };
      this.queue.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker; documents still waiting are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new QuorumError("internal", `${p.job.file}: not read, the document reader was shut down`));
    await Promise.all([...this.slots].map((slot) => this.retire(slot)));
  }

  private dispatch(): void {
    while (this.queue.length) {
      let slot = [...this.slots].find((s) => !s.busy && !s.retired);
      if (!slot) {
        if (this.slots.size >= this.limits.workers) return;
        slot = this.spawn();
      }
      const pending = this.queue.shift()!;
      slot.busy = pending;
      slot.worker.ref();
      slot.timer = setTimeout(() => {
        const seconds = +(this.limits.timeoutMs / 1000).toFixed(3);
        this.fail(slot!, overLimit(`${pending.job.file}: took longer than ${seconds} s to read`, LIMIT_VARIABLES.timeoutMs));
      }, this.limits.timeoutMs);
      slot.worker.postMessage({ ...pending.job, deadline: Date.now() + this.limits.timeoutMs });
    }
  }

  private spawn(): Slot {
    const worker = new Worker(workerEntry(), {
      resourceLimits: { maxOldGenerationSizeMb: this.limits.maxMemoryMb, stackSizeMb: 8 },
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker, children: new Set() };
    this.slots.add(slot);
    worker.on("message", (reply: ParseReply | WorkerNote) => {
      const pending = slot.busy;
      if (!pending || pending.job.id !== reply.id) return;
      if ("note" in reply) return noted(slot, reply);
      this.release(slot);
      if ("error" in reply) pending.reject(new QuorumError(reply.code, reply.error));
      else pending.resolve({ source: reply.source, record: reply.records?.[0], records: reply.records });
    });
    worker.on("error", (err: Error & { code?: string }) => {
      const file = slot.busy?.job.file ?? "document";
      if (err.code === "ERR_WORKER_OUT_OF_MEMORY") this.fail(slot, overLimit(`${file}: needed more than ${this.limits.maxMemoryMb} MB of memory to read`, LIMIT_VARIABLES.maxMemoryMb));
      else this.fail(slot, new QuorumError("unreadable", `${file}: the reader stopped unexpectedly (${err.message.split("\n")[0]})`));
    });
    worker.on("exit", (code) => {
      if (!slot.retired) this.fail(slot, new QuorumError("unreadable", `${slot.busy?.job.file ?? "document"}: the reader stopped unexpectedly (exit code ${code})`));
    });
    return slot;
  }

  /** The slot's document is done: it waits for the next, without keeping the process alive. */
  private release(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.busy = undefined;
    slot.worker.unref();
    this.dispatch();
  }

  /** The slot's document failed in a way that leaves its worker unusable: stop it, report, go on. */
  private fail(slot: Slot, err: QuorumError): void {
    const pending = slot.busy;
    clearTimeout(slot.timer);
    slot.busy = undefined;
    void this.retire(slot);
    pending?.reject(err);
    this.dispatch();
  }

  private async retire(slot: Slot): Promise<void> {
    if (slot.retired) return;
    slot.retired = true;
    this.slots.delete(slot);
    clearTimeout(slot.timer);
    await slot.worker.terminate();
    leftBehind(slot);
  }
}

function noted(slot: Slot, note: WorkerNote): void {
  if (note.note === "tempDir") slot.tempDir = note.path ?? undefined;
  else if (note.note === "started") slot.children.add(note.pid);
  else slot.children.delete(note.pid);
}

/** A terminated worker runs no `finally`: what its document had running or on disk is ended here. */
function leftBehind(slot: Slot): void {
  for (const pid of slot.children) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  slot.children.clear();
  if (slot.tempDir) rmSync(slot.tempDir, { recursive: true, force: true });
  slot.tempDir = undefined;
}

let shared: ParsePool | undefined;

/** The pool `quorum parse`, `quorum import` and seeding share; created on first use. */
export function sharedParsePool(): ParsePool {
  shared ??= new ParsePool();
  return shared;
}
