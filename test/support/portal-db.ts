// Databases for the portal tests, made with the store's own import function.
//
// goldenDb(): the documents of test/golden/dev stored with their hand-checked .expected.json
// records (so attendance, people and decisions do not move while the parser improves), with the
// parser's source spans kept wherever they point at the same item or attendee.
// parsedDb(paths): documents imported exactly as `quorum import` would, through the parser, on
// SQLite or (parsedDb(paths, "postgres")) on a throwaway PostgreSQL cluster shared by the file's tests.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { ParsedMinutes, Span } from "../../src/domain/minutes.ts";
import { readDocument } from "../../src/ingest/read.ts";
import { parseMinutes, PARSER_VERSION } from "../../src/parse/minutes.ts";
import { openStore, type Db } from "../../src/store/db.ts";
import { importMinutes } from "../../src/store/import.ts";
import { importDocuments } from "../../src/cli/start.ts";
import { startPostgres, type PostgresCluster } from "./postgres.ts";
import { folderDocumentStore } from "../../src/store/documents/folder.ts";
import type { DocumentStore } from "../../src/store/documents/store.ts";

export const GOLDEN_DEV = resolve(import.meta.dirname, "../golden/dev");
export const STAFFS = join(GOLDEN_DEV, "staffs-safe-strong-2016-12-12.txt");

export interface TestDb {
  db: Db;
  close(): Promise<void>;
  /** where parsedDb kept the imported documents' original files */
  documents?: DocumentStore;
}

async function tempDb(): Promise<{ db: Db; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), "quorum-portal-"));
  return { db: await openStore(join(dir, "test.db")), dir };
}

function closer(db: Db, dir: string) {
  return async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  };
}

/** Keeps the parser's spans that refer to the same item or attendee in the hand-checked record. */
function matchingProvenance(parsed: ParsedMinutes, expected: ParsedMinutes): Record<string, Span> {
  const out: Record<string, Span> = {};
  for (const [path, span] of Object.entries(parsed.provenance ?? {})) {
    const [head, index] = path.split("/");
    const i = Number(index);
    if (head === "items") {
      if (parsed.items[i]?.number === expected.items[i]?.number) out[path] = span;
    } else if (head === "attendance") {
      if (parsed.attendance[i]?.name === expected.attendance[i]?.name) out[path] = span;
    } else if (head === "recommendations") {
      if (parsed.recommendations[i]?.number === expected.recommendations[i]?.number) out[path] = span;
    } else {
      out[path] = span;
    }
  }
  return out;
}

export async function goldenDb(): Promise<TestDb> {
  const { db, dir } = await tempDb();
  const names = readdirSync(GOLDEN_DEV).filter((n) => !n.endsWith(".json"));
  for (const name of names.sort()) {
    const file = join(GOLDEN_DEV, name);
    const expectedPath = file.replace(/\.[^.]+$/, ".expected.json");
    if (!existsSync(expectedPath)) continue;
    const expected = JSON.parse(readFileSync(expectedPath, "utf8")) as ParsedMinutes;
    if (!expected.date || !expected.body) continue;
    const source = await readDocument(file);
    const parsed = parseMinutes(source);
    // Expectations written before items carried their exemption paragraphs take them from the parser.
    const items = expected.items.map((item) => {
      const seen = parsed.items.find((p) => p.number === item.number);
      return item.exempt && item.exemptParagraphs === undefined && seen?.exemptParagraphs ? { ...item, exemptParagraphs: seen.exemptParagraphs } : item;
    });
    const record: ParsedMinutes = { ...expected, items, provenance: matchingProvenance(parsed, expected) };
    await importMinutes(db, { source, record, parserVersion: PARSER_VERSION });
  }
  return { db, close: closer(db, dir) };
}

export type Dialect = "sqlite" | "postgres";

let cluster: Promise<PostgresCluster> | null = null;

/** Stops the PostgreSQL cluster parsedDb started, if any (call once in the test file's `after`). */
export async function stopPostgres(): Promise<void> {
  if (cluster) await (await cluster).stop();
  cluster = null;
}

export async function parsedDb(paths: string[], dialect: Dialect = "sqlite"): Promise<TestDb> {
  let t: TestDb;
  // the originals are kept as `quorum import` keeps them, in a folder of the test's own
  const folder = mkdtempSync(join(tmpdir(), "quorum-portal-documents-"));
  const documents = folderDocumentStore(folder);
  if (dialect === "sqlite") {
    const { db, dir } = await tempDb();
    const close = closer(db, dir);
    t = { db, documents, close: () => close().finally(() => rmSync(folder, { recursive: true, force: true })) };
  } else {
    cluster ??= startPostgres();
    const db = await openStore(await (await cluster).createDatabase());
    t = { db, documents, close: () => db.destroy().finally(() => rmSync(folder, { recursive: true, force: true })) };
  }
  await importInto(t.db, paths, documents);
  return t;
}

/** Imports documents into an open store, in the order given, as `quorum import` would (keeping their originals in `documents`). */
export async function importInto(db: Db, paths: string[], documents?: DocumentStore): Promise<void> {
  const summary = await importDocuments(db, paths, undefined, documents);
  if (!summary.imported) throw new Error(`nothing imported from ${paths.join(", ")}: ${summary.failed.map((f) => f.reason).join("; ")}`);
}
