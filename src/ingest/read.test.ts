import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readDocument } from "./read.ts";
import { QuorumError } from "../domain/errors.ts";

const tmp = mkdtempSync(join(tmpdir(), "quorum-ingest-"));
after(() => rmSync(tmp, { recursive: true, force: true }));
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

test("markdown front matter becomes blank lines but its title; a leading rule without a closing one does not", async () => {
  const src = await readDocument(file("c.md", "---\ntitle: Minutes\ndate: 2016-03-21\n---\n# Parish Council\n"));
  assert.deepEqual(src.lines.map((l) => l.text), ["", "Minutes", "", "", "Parish Council", ""]);
  const rule = await readDocument(file("d.md", "---\nPresent: Cllr A\n\n_Apologies_: Cllr B\n"));
  assert.deepEqual(rule.lines.map((l) => l.text), ["", "Present: Cllr A", "", "Apologies: Cllr B", ""]);
});

test("text in UTF-16 with a byte-order mark and in Windows-1252 decodes", async () => {
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Minutes – £5\r\nPresent: Cllr Ó Sé\r\n", "utf16le")]);
  assert.deepEqual((await readDocument(file("e.txt", utf16))).lines.map((l) => l.text), ["Minutes – £5", "Present: Cllr Ó Sé", ""]);
  const cp1252 = Buffer.from([0x4d, 0x69, 0x6e, 0x75, 0x74, 0x65, 0x73, 0x20, 0x96, 0x20, 0xa3, 0x35]);
  assert.equal((await readDocument(file("f.txt", cp1252))).text, "Minutes – £5");
});

for (const [name, content, reason] of [
  ["empty.txt", "", /empty\.txt: empty file/],
  ["binary.txt", new Uint8Array([0, 1, 2, 3, 0, 0, 5, 6, 7, 0, 1, 2]), /binary\.txt: .*binary/],
  ["notes.odt", "hello", /unsupported file type/],
  ["fake.pdf", "this is not a pdf at all", /fake\.pdf: not a readable PDF/],
  ["fake.docx", "this is not a docx", /fake\.docx: not a readable DOCX/],
  ["empty.pdf", "", /empty\.pdf: empty file/],
  ["empty.docx", "", /empty\.docx: empty file/],
  ["image.html", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]), /image\.html: binary content/],
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
