// A backup as one tar archive: a manifest, the database backup (backup.ts: a SQLite file or a
// pg_dump archive) and every file of the document store (agenda papers, reports packs, the
// original minutes documents), each under documents/<first two characters>/<SHA-256>. The database
// is copied first and the documents after, so every file a backed-up row names is in the archive
// (files are written before the rows that name them). On restore each document is checked against
// its name, its SHA-256, so a damaged archive is refused rather than served.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { closeSync, openSync, readSync } from "node:fs";
import { join } from "node:path";
import * as tar from "tar";
import { QuorumError } from "../domain/errors.ts";
import type { DialectName } from "./db.ts";
import { documentKey, isDocumentKey, type DocumentStore } from "./documents/store.ts";

export const MANIFEST = "quorum-backup.json";
const FORMAT = "quorum-backup/1";
const DOCUMENT_ENTRY = /^documents\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

export interface Manifest {
  format: typeof FORMAT;
  dialect: DialectName;
  /** the database backup's name inside the archive */
  database: string;
  documents: number;
}

/** The database backup's name inside an archive. */
export const databaseEntry = (dialect: DialectName) => (dialect === "sqlite" ? "database.sqlite" : "database.pgdump");

/** Whether a file is a tar archive (POSIX ustar: "ustar" at byte 257). */
export function isArchive(file: string): boolean {
  const head = Buffer.alloc(262);
  const fd = openSync(file, "r");
  try {
    if (readSync(fd, head, 0, 262, 0) < 262) return false;
  } finally {
    closeSync(fd);
  }
  return head.subarray(257, 262).toString("latin1") === "ustar";
}

/** The document store's files under a folder, as paths relative to it ("ab/ab12…"). */
export function documentFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const prefix of readdirSync(dir).sort()) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
    for (const name of readdirSync(join(dir, prefix)).sort()) if (isDocumentKey(name) && name.startsWith(prefix)) out.push(`${prefix}/${name}`);
  }
  return out;
}

/**
 * Writes the archive `out` from `stage` (a folder holding the database backup under
 * databaseEntry(dialect)) and the document folder `documentsDir`; answers how many documents it holds.
 */
export async function packArchive(out: string, stage: string, dialect: DialectName, documentsDir: string): Promise<number> {
  const files = documentFiles(documentsDir);
  const manifest: Manifest = { format: FORMAT, dialect, database: databaseEntry(dialect), documents: files.length };
  writeFileSync(join(stage, MANIFEST), JSON.stringify(manifest, null, 2) + "\n");
  await tar.c({ file: out, cwd: stage, portable: true }, [MANIFEST, manifest.database]);
  // in slices, so a very large store is never one huge argument list
  for (let i = 0; i < files.length; i += 1000) await tar.r({ file: out, cwd: documentsDir, prefix: "documents", portable: true }, files.slice(i, i + 1000));
  return files.length;
}

/** Unpacks an archive's manifest and database backup into `stage`; the documents stay in the archive. */
export async function unpackDatabase(file: string, stage: string): Promise<{ manifest: Manifest; database: string }> {
  mkdirSync(stage, { recursive: true });
  await tar.x({ file, cwd: stage, filter: (path) => path === MANIFEST || path === "database.sqlite" || path === "database.pgdump" });
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(stage, MANIFEST), "utf8")) as Manifest;
  } catch {
    throw new QuorumError("invalid", `${file} is not a Quorum backup (a tar archive without ${MANIFEST})`);
  }
  if (manifest.format !== FORMAT || (manifest.dialect !== "sqlite" && manifest.dialect !== "postgres") || manifest.database !== databaseEntry(manifest.dialect)) {
    throw new QuorumError("invalid", `${file}: a backup this release cannot read (${String(manifest.format)})`);
  }
  const database = join(stage, manifest.database);
  if (!existsSync(database)) throw new QuorumError("invalid", `${file} is damaged: it holds no database`);
  return { manifest, database };
}

/**
 * Puts the archive's documents into the store, each checked against its name (its SHA-256);
 * answers how many. Documents already there are not written again.
 */
export async function restoreDocuments(file: string, documents: DocumentStore): Promise<number> {
  const pending: Promise<void>[] = [];
  let count = 0;
  let damaged: string | null = null;
  await tar.t({
    file,
    onReadEntry: (entry) => {
      const m = DOCUMENT_ENTRY.exec(entry.path);
      if (!m || entry.type !== "File") {
        entry.resume();
        return;
      }
      const chunks: Buffer[] = [];
      entry.on("data", (c: Buffer) => chunks.push(c));
      pending.push(
        new Promise<void>((resolve, reject) => {
          entry.on("end", () => {
            const bytes = Buffer.concat(chunks);
            if (documentKey(bytes) !== m[2]) {
              damaged ??= entry.path;
              resolve();
              return;
            }
            count++;
            documents.put(bytes).then(() => resolve(), reject);
          });
        }),
      );
    },
  });
  await Promise.all(pending);
  if (damaged) throw new QuorumError("invalid", `${file} is damaged: ${damaged} does not hold the document its name says`);
  return count;
}
