// Scanned PDFs and Word 97–2003 files through `quorum parse`, as a user runs it: a real process.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findProgram } from "../../src/ingest/ocr.ts";
import { skipUnlessCi } from "../support/ci.ts";

const bin = new URL("../../bin/quorum", import.meta.url).pathname;
const SCAN = new URL("../fixtures/ocr/arra-2008-07-01-page1.pdf", import.meta.url).pathname;
const run = (env: NodeJS.ProcessEnv, ...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", env: { ...process.env, ...env } });
const made: string[] = [];
const fresh = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `quorum-${name}-`));
  made.push(dir);
  return dir;
};
after(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const missing = !(await findProgram("tesseract")) || !(await findProgram("pdftoppm"));
const skip = skipUnlessCi(missing ? "tesseract or pdftoppm is not installed (apt-get install tesseract-ocr poppler-utils)" : null);

/** Processes still running whose command line mentions `text`. */
function processesNaming(text: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync("/proc").filter((n) => /^\d+$/.test(n))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
      if (cmd.includes(text)) found.push(`${pid}: ${cmd}`);
    } catch {
      // ended meanwhile
    }
  }
  return found;
}

test("without tesseract on the PATH, a scanned PDF fails in one line saying what to install", () => {
  const empty = fresh("nopath");
  const r = run({ PATH: empty }, "parse", "--json", SCAN);
  assert.equal(r.status, 1);
  assert.equal(r.stdout, "");
  assert.equal(r.stderr, `quorum: ${SCAN}: has no text layer; install tesseract-ocr and poppler-utils to read scanned PDFs\n`);
});

test("parse --json of a scanned PDF prints the record with the page read by OCR and leaves no temporary files", { skip }, () => {
  const tmp = fresh("ocr-tmp");
  const r = run({ TMPDIR: tmp, QUORUM_TIMEOUT_SECONDS: "300" }, "parse", "--json", SCAN);
  assert.equal(r.status, 0, r.stderr);
  const record = JSON.parse(r.stdout);
  assert.equal(record.date, "2008-07-01");
  assert.equal(record.body, "Alameda Reuse and Redevelopment Authority");
  assert.deepEqual(record.ocr.pages.map((p: { page: number }) => p.page), [1]);
  assert.deepEqual(readdirSync(tmp).filter((n) => n.startsWith("quorum-ocr-")), []);
});

test("a scan that runs out of time fails on its own line, its OCR programs stopped and its files removed", { skip }, () => {
  const tmp = fresh("ocr-timeout");
  // long enough to open the page, far too short to render and read it
  const r = run({ TMPDIR: tmp, QUORUM_TIMEOUT_SECONDS: "1.5" }, "parse", "--json", SCAN);
  assert.equal(r.status, 1);
  assert.equal(r.stdout, "");
  // the worker's own deadline (in OCR) or, on a machine too busy for it to get there, the pool's
  assert.match(r.stderr, /^quorum: .*arra-2008-07-01-page1\.pdf: took longer than 1\.5 s to read \((scanned pages read by OCR; )?limit set by QUORUM_TIMEOUT_SECONDS\)\n$/);
  assert.deepEqual(readdirSync(tmp).filter((n) => n.startsWith("quorum-ocr-")), []);
  assert.deepEqual(processesNaming(tmp), []);
});

test("a Word 97–2003 file is named for what it is, whatever it is called, and --jsonl goes on past it", () => {
  const dir = fresh("doc");
  // the start of a real Word 97–2003 compound file: the OLE2 signature, then a directory entry
  // naming the WordDocument stream (UTF-16LE)
  const ole2 = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole2);
  Buffer.from("WordDocument", "utf16le").copy(ole2, 1024);
  writeFileSync(join(dir, "2009-03-minutes.doc"), ole2);
  writeFileSync(join(dir, "2009-04-minutes.docx"), ole2);
  copyFileSync(new URL("../golden/dev/staffs-safe-strong-2016-12-12.txt", import.meta.url), join(dir, "2016-12-minutes.txt"));

  const one = run({}, "parse", "--json", join(dir, "2009-03-minutes.doc"));
  assert.equal(one.status, 1);
  assert.equal(one.stderr, `quorum: ${join(dir, "2009-03-minutes.doc")}: is a Word 97–2003 .doc; save it as .docx or PDF\n`);
  const renamed = run({}, "parse", "--json", join(dir, "2009-04-minutes.docx"));
  assert.equal(renamed.stderr, `quorum: ${join(dir, "2009-04-minutes.docx")}: is a Word 97–2003 .doc; save it as .docx or PDF\n`);

  const all = run({}, "parse", "--jsonl", dir);
  assert.equal(all.status, 1);
  const lines = all.stdout.trim().split("\n").map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => [l.file.slice(dir.length + 1), l.error ?? l.record.schema]), [
    ["2009-03-minutes.doc", `${join(dir, "2009-03-minutes.doc")}: is a Word 97–2003 .doc; save it as .docx or PDF`],
    ["2009-04-minutes.docx", `${join(dir, "2009-04-minutes.docx")}: is a Word 97–2003 .doc; save it as .docx or PDF`],
    ["2016-12-minutes.txt", "quorum.minutes/1"],
  ]);
});
