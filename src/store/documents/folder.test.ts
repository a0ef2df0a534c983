// The document store as a folder: bytes kept under their SHA-256, read back, removed; a key that is
// not one the store makes never reaches the file system, so no name can point outside the folder.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join, resolve } from "node:path";
import { tempDocuments } from "../../../test/support/agenda.ts";
import { documentsDirFor } from "./folder.ts";
import { sniffFormat } from "./sniff.ts";
import { makeZip } from "../../ingest/zip.ts";
import { docxPaper } from "../../../test/support/agenda.ts";

test("bytes are kept under their SHA-256, read back whole, and removed", async () => {
  const t = tempDocuments();
  try {
    const bytes = Buffer.from("%PDF-1.7 a paper");
    const key = await t.documents.put(bytes);
    assert.equal(key, createHash("sha256").update(bytes).digest("hex"));
    assert.ok(existsSync(join(t.dir, key.slice(0, 2), key)));
    assert.deepEqual(Buffer.from((await t.documents.get(key))!), bytes);
    assert.equal(await t.documents.put(bytes), key, "the same bytes, the same key");
    assert.deepEqual(readdirSync(join(t.dir, key.slice(0, 2))), [key], "no temporary file left behind");
    await t.documents.remove(key);
    assert.equal(await t.documents.get(key), null);
  } finally {
    t.close();
  }
});

test("a key the store did not make is never looked up as a path", async () => {
  const t = tempDocuments();
  try {
    writeFileSync(join(t.dir, "secret.txt"), "outside any key");
    for (const key of ["../secret.txt", "secret.txt", "/etc/passwd", "AB".repeat(32), "a".repeat(63), `${"a".repeat(64)}/..`]) {
      assert.equal(await t.documents.get(key), null, key);
      await t.documents.remove(key);
    }
    assert.ok(existsSync(join(t.dir, "secret.txt")));
  } finally {
    t.close();
  }
});

test("the folder: $QUORUM_DOCUMENTS_DIR, else beside a SQLite file, else ./data/documents", () => {
  assert.equal(documentsDirFor("/srv/quorum/quorum.db", { QUORUM_DOCUMENTS_DIR: "/var/papers" }), "/var/papers");
  assert.equal(documentsDirFor("/srv/quorum/quorum.db", {}), "/srv/quorum/documents");
  assert.equal(documentsDirFor("sqlite:/srv/q/x.db", {}), "/srv/q/documents");
  assert.equal(documentsDirFor("postgres://db/quorum", {}), resolve("data", "documents"));
  assert.equal(documentsDirFor(undefined, { DATABASE_URL: "/srv/other/q.db" }), "/srv/other/documents");
  assert.equal(documentsDirFor(":memory:", {}), resolve("data", "documents"));
});

test("a document's kind is read from its content", () => {
  assert.equal(sniffFormat(Buffer.from("%PDF-1.4\n...")), "pdf");
  assert.equal(sniffFormat(docxPaper("hello")), "docx");
  assert.equal(sniffFormat(makeZip({ "[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>" })), null, "a spreadsheet is not a Word document");
  assert.equal(sniffFormat(Buffer.from("PK\u0003\u0004 truncated")), null);
  assert.equal(sniffFormat(Buffer.from("  %PDF-1.4")), null);
  assert.equal(sniffFormat(new Uint8Array(0)), null);
});
