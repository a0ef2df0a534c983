import { test } from "node:test";
import assert from "node:assert/strict";
import { fromBytes } from "./read.ts";
import { QuorumError } from "../domain/errors.ts";

/** The start of an OLE2 compound file whose directory names `stream` (UTF-16LE, as OLE2 writes it). */
function ole2(stream: string): Buffer {
  const bytes = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
  Buffer.from(stream, "utf16le").copy(bytes, 1024);
  return bytes;
}

const refused = (message: string) => (err: unknown) => err instanceof QuorumError && err.message === message;

test("a Word 97–2003 file is recognised by its bytes under any extension", async () => {
  await assert.rejects(fromBytes("m.docx", "docx", ole2("WordDocument")), refused("m.docx: is a Word 97–2003 .doc; save it as .docx or PDF"));
  await assert.rejects(fromBytes("m.pdf", "pdf", ole2("WordDocument")), refused("m.pdf: is a Word 97–2003 .doc; save it as .docx or PDF"));
  await assert.rejects(fromBytes("m.txt", "txt", ole2("WordDocument")), refused("m.txt: is a Word 97–2003 .doc; save it as .docx or PDF"));
});

test("a password-protected .docx (an OLE2 file too) and other Office 97–2003 files are named as such", async () => {
  await assert.rejects(fromBytes("locked.docx", "docx", ole2("EncryptedPackage")), refused("locked.docx: is an Office document encrypted with a password; save it without one"));
  await assert.rejects(fromBytes("sheet.docx", "docx", ole2("Workbook")), refused("sheet.docx: is an Office 97–2003 file (OLE2), not a document Quorum reads; save it as .docx or PDF"));
});

test("ordinary text is not mistaken for an OLE2 file", async () => {
  const src = await fromBytes("m.txt", "txt", Buffer.from("Minutes of the Parish Council\nPresent: Cllr A Smith\n"));
  assert.match(src.text, /^Minutes of the Parish Council/);
});
