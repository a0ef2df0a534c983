// What a document may cost to read: each limit refuses with a one-line error naming the file and
// the variable that sets the limit, before the cost is paid.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { QuorumError } from "../domain/errors.ts";
import { fromBytes, readDocument } from "./read.ts";
import { DEFAULT_LIMITS, limitsFromEnv, type Limits } from "./limits.ts";
import { deepDocx, deepHtml, docx, docxBomb, entityBombDocx, para } from "../../test/support/hostile.ts";

const tmp = mkdtempSync(join(tmpdir(), "quorum-limits-"));
after(() => rmSync(tmp, { recursive: true, force: true }));
const limits = (over: Partial<Limits>): Limits => ({ ...DEFAULT_LIMITS, ...over });

function refusedFor(file: string, variable: string) {
  return (err: unknown) => {
    assert.ok(err instanceof QuorumError, String(err));
    assert.ok(err.message.startsWith(`${file}: `), err.message);
    assert.match(err.message, new RegExp(variable));
    assert.doesNotMatch(err.message, /\n/);
    return true;
  };
}

test("a DOCX whose document.xml inflates to 400 MiB is refused at the inflate limit", async () => {
  const bomb = docxBomb(400);
  assert.ok(bomb.length < 2 * 1024 * 1024);
  await assert.rejects(fromBytes("bomb.docx", "docx", bomb), refusedFor("bomb.docx", "QUORUM_MAX_INFLATED_BYTES"));
});

test("the inflate limit counts every member of the package together", async () => {
  const text = "x".repeat(600 * 1024);
  const file = docx(para("Minutes of the meeting"), [
    { name: "word/numbering.xml", data: `<w:numbering>${text}</w:numbering>` },
    { name: "word/styles.xml", data: `<w:styles>${text}</w:styles>` },
  ]);
  await assert.rejects(fromBytes("parts.docx", "docx", file, "parts.docx", limits({ maxInflatedBytes: 1024 * 1024 })), refusedFor("parts.docx", "QUORUM_MAX_INFLATED_BYTES"));
  // the same package within a larger budget reads
  assert.match((await fromBytes("parts.docx", "docx", file, "parts.docx", limits({ maxInflatedBytes: 4 * 1024 * 1024 }))).text, /Minutes of the meeting/);
});

test("a zip listing more members than the limit is refused", async () => {
  const members = Array.from({ length: 20 }, (_, i) => ({ name: `word/media/${i}.bin`, data: "x" }));
  await assert.rejects(fromBytes("many.docx", "docx", docx(para("Minutes of the meeting"), members), "many.docx", limits({ maxZipEntries: 10 })), refusedFor("many.docx", "QUORUM_MAX_ZIP_ENTRIES"));
});

test("XML in a DOCX nested deeper than the limit is refused", async () => {
  await assert.rejects(fromBytes("deep.docx", "docx", deepDocx(DEFAULT_LIMITS.maxDepth + 10)), refusedFor("deep.docx", "QUORUM_MAX_DEPTH"));
  // and within it reads
  assert.match((await fromBytes("deep.docx", "docx", deepDocx(20))).text, /Present: Cllr A Smith/);
});

test("HTML nested thousands deep is refused by the depth limit, not by a stack overflow", async () => {
  await assert.rejects(fromBytes("deep.html", "html", Buffer.from(deepHtml(20_000))), refusedFor("deep.html", "QUORUM_MAX_DEPTH"));
  assert.match((await fromBytes("ok.html", "html", Buffer.from(deepHtml(50)))).text, /Present: Cllr A Smith/);
});

test("entities a DOCX defines for itself are never expanded", async () => {
  const src = await fromBytes("laughs.docx", "docx", entityBombDocx());
  assert.match(src.text, /Present: &lol10;/);
  assert.ok(src.text.length < 200);
});

test("a file larger than its format's limit is refused before it is read", async () => {
  const path = join(tmp, "big.txt");
  writeFileSync(path, "Minutes of the meeting\n".repeat(100));
  await assert.rejects(readDocument(path, limits({ maxBytes: { ...DEFAULT_LIMITS.maxBytes, txt: 1000 } })), refusedFor(path, "QUORUM_MAX_BYTES_TXT"));
  assert.equal((await readDocument(path, limits({ maxBytes: { ...DEFAULT_LIMITS.maxBytes, txt: 10_000 } }))).format, "txt");
});

test("text longer than the limits is refused whole, not cut short", async () => {
  const text = Buffer.from(`Minutes of the meeting\nPresent: ${"Cllr A Smith, ".repeat(20)}\n`);
  await assert.rejects(fromBytes("line.txt", "txt", text, "line.txt", limits({ maxLineChars: 100 })), refusedFor("line.txt", "QUORUM_MAX_LINE_CHARS"));
  await assert.rejects(fromBytes("text.txt", "txt", text, "text.txt", limits({ maxTextChars: 100 })), refusedFor("text.txt", "QUORUM_MAX_TEXT_CHARS"));
  assert.match((await fromBytes("ok.txt", "txt", text, "ok.txt", limits({ maxLineChars: 1000 }))).text, /Cllr A Smith/);
});

test("limits come from QUORUM_ variables; a value that is not a positive number is refused", () => {
  const l = limitsFromEnv({ QUORUM_MAX_BYTES: "5000", QUORUM_MAX_BYTES_PDF: "9000", QUORUM_TIMEOUT_SECONDS: "2.5", QUORUM_MAX_DEPTH: "40", QUORUM_PARSE_WORKERS: "3" });
  assert.equal(l.maxBytes.txt, 5000);
  assert.equal(l.maxBytes.docx, 5000);
  assert.equal(l.maxBytes.pdf, 9000);
  assert.equal(l.timeoutMs, 2500);
  assert.equal(l.maxDepth, 40);
  assert.equal(l.workers, 3);
  assert.equal(limitsFromEnv({}).timeoutMs, 30_000);
  assert.throws(() => limitsFromEnv({ QUORUM_MAX_INFLATED_BYTES: "lots" }), /QUORUM_MAX_INFLATED_BYTES=lots/);
  assert.throws(() => limitsFromEnv({ QUORUM_TIMEOUT_SECONDS: "0" }), /QUORUM_TIMEOUT_SECONDS/);
});
