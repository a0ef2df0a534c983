// Helpers for agenda tests: a scheduled meeting inserted as a row (as the scheduling screens will
// make it), papers made for the test (a PDF with known text on each page, a Word document), a
// document store in a temporary folder, and poppler's pdftotext/pdfinfo to read a pack back with
// a reader that is not the code that wrote it.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import type { Db } from "../../src/store/db.ts";
import { makeZip } from "../../src/ingest/zip.ts";
import { folderDocumentStore } from "../../src/store/documents/folder.ts";
import type { DocumentStore } from "../../src/store/documents/store.ts";

export interface ScheduledMeeting {
  id: number;
  slug: string;
  bodyId: number;
}

/** A meeting row with status 'scheduled' and no minutes; the authority and committee made if missing. */
export async function scheduledMeeting(db: Db, m: { council?: string; body?: string; date: string; startTime?: string; venue?: string; slug?: string }): Promise<ScheduledMeeting> {
  const council = m.council ?? "Northbrook Borough Council";
  const bodyName = m.body ?? "Planning Committee";
  const authSlug = council.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  let auth = await db.selectFrom("authorities").where("slug", "=", authSlug).select("id").executeTakeFirst();
  if (!auth) auth = await db.insertInto("authorities").values({ slug: authSlug, name: council }).returning("id").executeTakeFirstOrThrow();
  const bodySlug = `${authSlug}-${bodyName.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  let body = await db.selectFrom("bodies").where("slug", "=", bodySlug).select("id").executeTakeFirst();
  if (!body) body = await db.insertInto("bodies").values({ authority_id: auth.id, slug: bodySlug, name: bodyName, name_key: bodyName.toLowerCase(), kind: "committee" }).returning("id").executeTakeFirstOrThrow();
  const slug = m.slug ?? `${bodySlug}-${m.date}`;
  const row = await db
    .insertInto("meetings")
    .values({ body_id: body.id, slug, date: m.date, start_time: m.startTime ?? "19:00", end_time: null, venue: m.venue ?? "Council Chamber, Town Hall", status: "scheduled", minutes_status: "published", source_document_id: null, announced_at: "2026-01-01T09:00:00.000Z", next_meeting_date: null, next_meeting_time: null, next_meeting_venue: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, slug, bodyId: body.id };
}

/** A PDF whose pages carry the given text, one string per page. */
export async function pdfPaper(pages: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of pages) doc.addPage([595, 842]).drawText(text, { x: 60, y: 760, size: 14, font });
  return doc.save();
}

/** A minimal Word document holding one paragraph of text. */
export function docxPaper(text: string): Uint8Array {
  return makeZip({
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    "word/document.xml": `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
  });
}

export interface TempDocuments {
  documents: DocumentStore;
  dir: string;
  close(): void;
}

export function tempDocuments(): TempDocuments {
  const dir = mkdtempSync(join(tmpdir(), "quorum-documents-"));
  return { documents: folderDocumentStore(dir), dir, close: () => rmSync(dir, { recursive: true, force: true }) };
}

function withFile<T>(bytes: Uint8Array, run: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "quorum-pdf-"));
  try {
    const path = join(dir, "doc.pdf");
    writeFileSync(path, bytes);
    return run(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of each page, read by poppler's pdftotext. */
export function pdfPagesText(bytes: Uint8Array): string[] {
  return withFile(bytes, (path) => {
    const text = execFileSync("pdftotext", ["-layout", path, "-"], { encoding: "utf8" });
    // pdftotext ends each page with a form feed
    return text.split("\f").slice(0, -1);
  });
}

/** What poppler's pdfinfo says of a PDF, as key → value. */
export function pdfInfo(bytes: Uint8Array): Record<string, string> {
  return withFile(bytes, (path) => {
    const out = execFileSync("pdfinfo", [path], { encoding: "utf8" });
    return Object.fromEntries(out.split("\n").filter((l) => l.includes(":")).map((l) => [l.slice(0, l.indexOf(":")).trim(), l.slice(l.indexOf(":") + 1).trim()]));
  });
}

import { openStore } from "../../src/store/db.ts";
import { startPostgres, type PostgresCluster } from "./postgres.ts";

let cluster: Promise<PostgresCluster> | null = null;

/** An empty, migrated store on SQLite (a temporary file) or on a throwaway PostgreSQL cluster. */
export async function emptyStore(dialect: "sqlite" | "postgres"): Promise<{ db: Db; close(): Promise<void> }> {
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "quorum-agenda-"));
    const db = await openStore(join(dir, "test.db"));
    return { db, close: async () => { await db.destroy(); rmSync(dir, { recursive: true, force: true }); } };
  }
  cluster ??= startPostgres();
  const db = await openStore(await (await cluster).createDatabase());
  return { db, close: () => db.destroy() };
}

/** Stops the cluster emptyStore started, if any. */
export async function stopAgendaPostgres(): Promise<void> {
  if (cluster) await (await cluster).stop();
  cluster = null;
}

import type { Hono } from "hono";
import type { Client } from "./accounts.ts";

/** Posts a multipart form (fields and files) as the client, with its cookies and this site's Origin. */
export async function postMultipart(app: Hono, cl: Client, path: string, fields: Record<string, string>, files: Record<string, { name: string; bytes: Uint8Array; type?: string }>, origin = "http://localhost"): Promise<Response> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  for (const [k, f] of Object.entries(files)) form.set(k, new Blob([f.bytes as Uint8Array<ArrayBuffer>], { type: f.type ?? "application/octet-stream" }), f.name);
  const cookie = [...cl.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  return app.request(origin + path, { method: "POST", body: form, headers: { cookie, origin } });
}
