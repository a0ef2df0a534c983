import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readDocument } from "./read.ts";
import { QuorumError } from "../domain/errors.ts";

const tmp = mkdtempSync(join(tmpdir(), "quorum-ingest-"));
const file = (name: string, content: string | Uint8Array) => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};

test("a text file keeps its lines and offsets", async () => {
  const src = await readDocument(file("a.txt", "Minutes\r\nPresent: A\r\n"));
  assert.equal(src.format, "txt");
  assert.deepEqual(src.lines.map((l) => l.text), ["Minutes", "Present: A", ""]);
  assert.equal(src.lines[1].offset, 8);
  assert.equal(src.text.slice(src.lines[1].offset, src.lines[1].offset + 10), "Present: A");
  assert.match(src.contentHash, /^[0-9a-f]{64}$/);
});

test("markdown markup is stripped but lines are kept", async () => {
  const src = await readDocument(file("b.md", "# Minutes\n\n**Present:** [Cllr A](http://x)\n"));
  assert.deepEqual(src.lines.map((l) => l.text), ["Minutes", "", "Present: Cllr A", ""]);
});

for (const [name, content, reason] of [
  ["empty.txt", "", /empty\.txt: empty file/],
  ["binary.txt", new Uint8Array([0, 1, 2, 3, 0, 0, 5, 6, 7, 0, 1, 2]), /binary\.txt: .*binary/],
  ["notes.odt", "hello", /unsupported file type/],
  ["fake.pdf", "this is not a pdf at all", /fake\.pdf: not a readable PDF/],
  ["fake.docx", "this is not a docx", /fake\.docx: not a readable DOCX/],
] as const) {
  test(`bad input ${name} gets a one-line error naming the file`, async () => {
    await assert.rejects(readDocument(file(name, content)), (err: unknown) => {
      assert.ok(err instanceof QuorumError);
      assert.match(err.message, reason);
      assert.ok(!err.message.includes("\n"));
      return true;
    });
  });
}
