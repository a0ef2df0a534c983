// Scanned PDFs read by OCR, with the real programs (Debian tesseract-ocr and poppler-utils).
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { fromBytes } from "./read.ts";
import { DEFAULT_LIMITS } from "./limits.ts";
import { findProgram, ocrBarePages } from "./ocr.ts";
import { buildPdf, textAt, IMAGE_ONLY } from "./pdf-fixture.ts";
import { QuorumError } from "../domain/errors.ts";
import { parseMinutes } from "../parse/minutes.ts";
import { skipUnlessCi } from "../../test/support/ci.ts";

const SCAN = fileURLToPath(new URL("../../test/fixtures/ocr/arra-2008-07-01-page1.pdf", import.meta.url));
const LIMITS = { ...DEFAULT_LIMITS, timeoutMs: 300_000 };

const missing = !(await findProgram("tesseract")) ? "tesseract is not installed" : !(await findProgram("pdftoppm")) ? "pdftoppm is not installed" : null;
const skip = skipUnlessCi(missing ? `${missing} (apt-get install tesseract-ocr poppler-utils)` : null);

const made: string[] = [];
after(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Runs `body` with TMPDIR pointing at a fresh folder, which it returns afterwards. */
async function inTempDir(body: () => Promise<unknown>): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "quorum-ocr-test-"));
  made.push(dir);
  const before = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  try {
    await body();
  } finally {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
  }
  return dir;
}

test("a real scanned page is read by OCR into a record with its heading, date, roll call and items", { skip }, async () => {
  const source = await fromBytes(SCAN, "pdf", readFileSync(SCAN), "arra.pdf", LIMITS);
  const lines = source.lines.map((l) => l.text);
  assert.ok(lines.includes("ALAMEDA REUSE AND REDEVELOPMENT AUTHORITY"), lines.join("\n"));
  assert.ok(lines.includes("Boardmember Frank Matarrese"), lines.join("\n"));
  assert.ok(source.lines.every((l) => l.page === 1));
  assert.equal(source.ocr?.pages.length, 1);
  assert.equal(source.ocr.pages[0].page, 1);
  // a clean office scan: Tesseract is sure of nearly every word
  assert.ok(source.ocr.pages[0].confidence >= 80 && source.ocr.pages[0].confidence <= 100, `confidence ${source.ocr.pages[0].confidence}`);

  const record = parseMinutes(source);
  assert.equal(record.body, "Alameda Reuse and Redevelopment Authority");
  assert.equal(record.date, "2008-07-01");
  assert.deepEqual(record.items.filter((i) => !i.number.includes("-")).map((i) => [i.number, i.title]), [["1", "Roll Call"], ["2", "Consent Calendar"], ["3", "Regular Agenda Items"]]);
  // the consent calendar's lettered items, as printed on the scan
  assert.deepEqual(record.items.find((i) => i.number === "2-A")?.title, "Approve the minutes of the Regular Meeting of June 4, 2008");
  assert.ok(record.attendance.some((a) => a.status === "present" && /Lena Tam/.test(a.name)), JSON.stringify(record.attendance));
  assert.deepEqual(record.ocr, source.ocr);
  assert.deepEqual(record.warnings.filter((w) => /OCR/.test(w)), []);
});

test("only the pages without a text layer are read by OCR; text pages keep their own text", { skip }, async () => {
  // a text page followed by the scanned page
  const text = buildPdf({ pages: [textAt(72, 700, "MINUTES OF THE PARISH COUNCIL held on 3 March 2020 at the Village Hall")] });
  const mixed = await unite(text, readFileSync(SCAN));
  const source = await fromBytes("mixed.pdf", "pdf", mixed, "mixed.pdf", LIMITS);
  assert.deepEqual(source.ocr?.pages.map((p) => p.page), [2]);
  assert.equal(source.lines.find((l) => l.page === 1)?.text, "MINUTES OF THE PARISH COUNCIL held on 3 March 2020 at the Village Hall");
  assert.ok(source.lines.some((l) => l.page === 2 && l.text === "ALAMEDA REUSE AND REDEVELOPMENT AUTHORITY"));
});

test("a blank page in a text PDF is seen to be blank and not read by OCR", { skip }, async () => {
  const prose = (n: number) => textAt(72, 700, `Minutes of the meeting, page ${n}: the Council resolved to approve the accounts.`);
  const programs: number[] = [];
  const source = await fromBytes("blank.pdf", "pdf", buildPdf({ pages: [prose(1), "", prose(3)] }), "blank.pdf", LIMITS, {
    watch: { started: (pid) => programs.push(pid), ended: () => {}, tempDir: () => {} },
  });
  // one thumbnail of page 2, and no OCR
  assert.equal(programs.length, 1);
  assert.equal(source.ocr, undefined);
  assert.deepEqual(source.lines.filter((l) => l.text).map((l) => l.page), [1, 3]);
});

test("a scan with more bare pages than QUORUM_OCR_MAX_PAGES is refused before any OCR", { skip }, async () => {
  let seen = false;
  const dir = await inTempDir(() =>
    assert.rejects(
      fromBytes("long.pdf", "pdf", buildPdf({ pages: [IMAGE_ONLY, IMAGE_ONLY, IMAGE_ONLY] }), "long.pdf", { ...LIMITS, maxOcrPages: 2 }, { watch: { started: () => (seen = true), ended: () => {}, tempDir: () => (seen = true) } }),
      (err: unknown) => err instanceof QuorumError && /^long\.pdf: 3 pages without a text layer to read by OCR, more than the limit of 2 \(limit set by QUORUM_OCR_MAX_PAGES\)$/.test(err.message),
    ),
  );
  assert.equal(seen, false);
  assert.deepEqual(readdirSync(dir), []);
});

test("OCR's temporary folder is private and removed after reading, and when time runs out", { skip }, async () => {
  const folders: (string | undefined)[] = [];
  const modes: number[] = [];
  const watch = {
    started: () => {},
    ended: () => {},
    tempDir: (path: string | undefined) => {
      folders.push(path);
      if (path) modes.push(readdirSync(path).length === 0 ? statMode(path) : -1);
    },
  };
  const bytes = readFileSync(SCAN);
  const dir = await inTempDir(() => fromBytes("scan.pdf", "pdf", bytes, "scan.pdf", LIMITS, { watch }));
  assert.equal(folders.length, 2);
  assert.ok(folders[0]!.startsWith(dir), `${folders[0]} in ${dir}`);
  assert.equal(folders[1], undefined);
  assert.deepEqual(modes, [0o700]);
  assert.deepEqual(readdirSync(dir), []);

  // a deadline already past: the first child is never left running and the folder still goes
  const children: number[] = [];
  const late = await inTempDir(() =>
    assert.rejects(
      fromBytes("late.pdf", "pdf", bytes, "late.pdf", LIMITS, { deadline: Date.now() - 1, watch: { ...watch, started: (pid) => children.push(pid) } }),
      (err: unknown) => err instanceof QuorumError && err.message === "late.pdf: took longer than 300 s to read (scanned pages read by OCR; limit set by QUORUM_TIMEOUT_SECONDS)",
    ),
  );
  assert.deepEqual(children, []);
  assert.deepEqual(readdirSync(late), []);
});

test("a child killed at the deadline fails the document with the time limit, not a crash", { skip }, async () => {
  const started: number[] = [];
  const ended: number[] = [];
  // OCR of the page on its own, so that the deadline runs from just before the first child starts:
  // long enough to start pdftoppm, too short for it and tesseract to read a page at 300 dpi
  const page = { page: 1, width: 612, height: 792, letters: 0 };
  const dir = await inTempDir(() =>
    assert.rejects(
      ocrBarePages(readFileSync(SCAN), [page], 1, {
        deadline: Date.now() + 400,
        budgetMs: 400,
        maxPages: 1,
        watch: { started: (pid) => started.push(pid), ended: (pid) => ended.push(pid), tempDir: () => {} },
      }),
      (err: unknown) => err instanceof QuorumError && /^took longer than 0\.4 s to read \(scanned pages read by OCR;/.test(err.message),
    ),
  );
  assert.ok(started.length >= 1);
  assert.deepEqual(ended, started);
  for (const pid of started) assert.throws(() => process.kill(pid, 0), /ESRCH/);
  assert.deepEqual(readdirSync(dir), []);
});

function statMode(path: string): number {
  return statSync(path).mode & 0o777;
}

/** Two PDFs as one, with poppler's pdfunite. */
async function unite(a: Uint8Array, b: Uint8Array): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), "quorum-unite-"));
  writeFileSync(join(dir, "a.pdf"), a);
  writeFileSync(join(dir, "b.pdf"), b);
  execFileSync("pdfunite", [join(dir, "a.pdf"), join(dir, "b.pdf"), join(dir, "ab.pdf")]);
  const out = readFileSync(join(dir, "ab.pdf"));
  rmSync(dir, { recursive: true, force: true });
  return out;
}
