// Pages without a text layer, read by OCR: each page rasterised by poppler's `pdftoppm` and read by
// `tesseract`, both run as child processes (never through a shell) in a private temporary folder
// that is removed whatever happens. The document's time budget holds: every child is killed when
// it runs out, and a supervisor can be told of the children and the folder so that it can stop
// them itself if it has to stop this thread.
import { execFile } from "node:child_process";
import { constants } from "node:fs";
import { access, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { QuorumError } from "../domain/errors.ts";
import { LIMIT_VARIABLES, overLimit } from "./limits.ts";
import { parseTesseractTsv, type OcrPageText, type OcrWord } from "./ocr-tsv.ts";
import type { BarePage, Run } from "./pdf.ts";

/** Resolution pages are rasterised at: what Tesseract reads best at for ordinary print. */
export const OCR_DPI = 300;

export const OCR_MISSING = "has no text layer; install tesseract-ocr and poppler-utils to read scanned PDFs";

/** Told of what OCR leaves running or on disk while it works. */
export interface OcrWatcher {
  started(pid: number): void;
  ended(pid: number): void;
  /** the private temporary folder, and undefined once it is removed */
  tempDir(path: string | undefined): void;
}

export interface OcrOptions {
  /** epoch milliseconds by which the whole document must be read */
  deadline: number;
  /** the budget the deadline comes from, for the error message */
  budgetMs: number;
  maxPages: number;
  watch?: OcrWatcher;
  /** where the programs are looked for; PATH by default */
  path?: string;
}

export interface OcrResult {
  runs: Map<number, Run[]>;
  pages: { page: number; confidence: number }[];
}

/**
 * Reads bare pages by OCR. Without the programs it refuses a document that is mostly bare (a
 * scan) with a one-line error saying what to install, and leaves the odd bare page of a text
 * document (a blank page, a signature) as it is.
 */
export async function ocrBarePages(pdf: Uint8Array, bare: BarePage[], pageCount: number, options: OcrOptions): Promise<OcrResult> {
  const scanned = bare.length * 2 > pageCount;
  const pdftoppm = await findProgram("pdftoppm", options.path);
  const tesseract = await findProgram("tesseract", options.path);
  if (!pdftoppm || !tesseract) {
    if (scanned) throw new QuorumError("unreadable", OCR_MISSING);
    return { runs: new Map(), pages: [] };
  }
  if (bare.length > options.maxPages) {
    throw overLimit(`${bare.length} pages without a text layer to read by OCR, more than the limit of ${options.maxPages}`, LIMIT_VARIABLES.maxOcrPages);
  }
  const dir = await mkdtemp(join(tmpdir(), "quorum-ocr-"));
  options.watch?.tempDir(dir);
  try {
    const file = join(dir, "document.pdf");
    await writeFile(file, pdf, { mode: 0o600 });
    const result: OcrResult = { runs: new Map(), pages: [] };
    for (const page of bare) {
      // The odd bare page of a text document is often blank (a separator, the back of a sheet): a
      // thumbnail says so in a fraction of the time OCR would take to find nothing.
      if (!scanned && !hasInk(await run(pdftoppm, ["-r", String(PROBE_DPI), "-gray", "-f", String(page.page), "-l", String(page.page), "-singlefile", file], options, "buffer"))) continue;
      const image = join(dir, `page-${page.page}`);
      await run(pdftoppm, ["-r", String(OCR_DPI), "-gray", "-f", String(page.page), "-l", String(page.page), "-singlefile", "-png", file, image], options);
      const tsv = await run(tesseract, [`${image}.png`, "stdout", "-l", "eng", "--dpi", String(OCR_DPI), "tsv"], options);
      await rm(`${image}.png`, { force: true });
      const text = parseTesseractTsv(tsv);
      // a page whose own few letters say more than OCR found (a page number on a blank page) keeps them
      if (text.confidence === null || letters(text) <= page.letters) continue;
      result.runs.set(page.page, toRuns(text, page));
      result.pages.push({ page: page.page, confidence: text.confidence });
    }
    return result;
  } finally {
    await rm(dir, { recursive: true, force: true });
    options.watch?.tempDir(undefined);
  }
}

function letters(text: OcrPageText): number {
  return text.words.reduce((n, w) => n + (w.text.match(/\p{L}/gu)?.length ?? 0), 0);
}

/**
 * Words in image pixels → runs in the page's points, as the PDF reader builds lines from. Each of
 * Tesseract's lines gets one baseline and size, the medians of its words' (a speck read as a tall
 * letter must not stretch the line over the next), and its words are joined into one run up to
 * any gap wide enough to be a table's column break, so two lines can never interleave word by word.
 */
function toRuns(text: OcrPageText, page: BarePage): Run[] {
  const sx = page.width / (text.width || page.width);
  const sy = page.height / (text.height || page.height);
  const lines = new Map<number, OcrWord[]>();
  for (const w of text.words) lines.set(w.line, [...(lines.get(w.line) ?? []), w]);
  const runs: Run[] = [];
  for (const words of lines.values()) {
    const size = Math.max(1, median(words.map((w) => w.box.height)) * sy);
    const y = median(words.map((w) => w.box.top + w.box.height)) * sy;
    let run: Run | undefined;
    for (const w of [...words].sort((a, b) => a.box.left - b.box.left)) {
      const x = w.box.left * sx;
      const end = (w.box.left + w.box.width) * sx;
      if (run && x - run.end < size * 1.5) {
        run.str += ` ${w.text}`;
        run.end = Math.max(run.end, end);
      } else runs.push((run = { str: w.text, x, end, y, size }));
    }
  }
  return runs;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** A program's full path from PATH, or undefined when it is not installed. */
export async function findProgram(name: string, path = process.env.PATH ?? ""): Promise<string | undefined> {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

/** Resolution of the thumbnail that tells a blank page from one with something on it. */
const PROBE_DPI = 24;

/** Whether a greyscale thumbnail (binary PGM, as `pdftoppm -gray` writes it) has any dark pixels. */
export function hasInk(pgm: Buffer): boolean {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString("latin1"));
  if (!header) return true;
  const [, width, height, max] = header.map(Number);
  const pixels = pgm.subarray(header[0].length);
  let dark = 0;
  for (let i = 0; i < Math.min(pixels.length, width * height); i++) if (pixels[i] < max * 0.85) dark++;
  // a few specks are dust, not a line of text
  return dark > Math.max(3, width * height * 0.0005);
}

/** Runs one program to completion within the deadline; its output as text (or bytes). */
function run(program: string, args: string[], options: OcrOptions): Promise<string>;
function run(program: string, args: string[], options: OcrOptions, encoding: "buffer"): Promise<Buffer>;
function run(program: string, args: string[], options: OcrOptions, encoding: "utf8" | "buffer" = "utf8"): Promise<string | Buffer> {
  const left = options.deadline - Date.now();
  if (left <= 0) return Promise.reject(outOfTime(options));
  return new Promise((resolve, reject) => {
    const child = execFile(
      program,
      args,
      {
        encoding,
        timeout: left,
        killSignal: "SIGKILL",
        maxBuffer: 64 * 1024 * 1024,
        windowsHide: true,
        // one thread each: documents are already read side by side, and Tesseract's own threads
        // slow it down several times over on a busy machine
        env: { ...process.env, OMP_THREAD_LIMIT: "1" },
      },
      (err, stdout, stderr) => {
        if (child.pid) options.watch?.ended(child.pid);
        if (!err) return resolve(stdout);
        if (Date.now() >= options.deadline || (err as { killed?: boolean }).killed) return reject(outOfTime(options));
        const name = program.split(/[\\/]/).pop();
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return reject(new QuorumError("unreadable", OCR_MISSING));
        const why = String(stderr).split("\n").find((l) => l.trim()) ?? err.message.split("\n")[0];
        reject(new QuorumError("unreadable", `OCR failed (${name}: ${why.trim().slice(0, 120)})`));
      },
    );
    if (child.pid) options.watch?.started(child.pid);
  });
}

function outOfTime(options: OcrOptions): QuorumError {
  const seconds = +(options.budgetMs / 1000).toFixed(3);
  return new QuorumError("unreadable", `took longer than ${seconds} s to read (scanned pages read by OCR; limit set by ${LIMIT_VARIABLES.timeoutMs})`);
}
