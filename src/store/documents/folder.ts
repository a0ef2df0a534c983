// The document store as a folder: each document a file named by its key, under a folder named by
// the key's first two characters so no one folder grows too large. Written to a temporary name and
// renamed, so a reader never sees half a file; bytes already kept are not written again.
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { QuorumError } from "../../domain/errors.ts";
import { documentKey, isDocumentKey, type DocumentStore } from "./store.ts";

export function folderDocumentStore(root: string): DocumentStore {
  const base = resolve(root);
  const pathOf = (key: string) => {
    if (!isDocumentKey(key)) throw new QuorumError("invalid", "not a document key");
    return join(base, key.slice(0, 2), key);
  };
  return {
    async put(bytes) {
      const key = documentKey(bytes);
      const path = pathOf(key);
      // a file under this key already holds these bytes (the name is their hash): written once
      if (await stat(path).then((s) => s.size === bytes.byteLength, () => false)) return key;
      await mkdir(dirname(path), { recursive: true });
      const temp = `${path}.${randomBytes(6).toString("hex")}.part`;
      await writeFile(temp, bytes);
      await rename(temp, path);
      return key;
    },
    async get(key) {
      if (!isDocumentKey(key)) return null;
      try {
        return new Uint8Array(await readFile(pathOf(key)));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw err;
      }
    },
    async remove(key) {
      if (!isDocumentKey(key)) return;
      await rm(pathOf(key), { force: true });
    },
  };
}

/**
 * The folder documents are kept in: $QUORUM_DOCUMENTS_DIR, else a `documents` folder beside a
 * SQLite database file, else ./data/documents (PostgreSQL, or a database in memory).
 */
export function documentsDirFor(dbUrl: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (env.QUORUM_DOCUMENTS_DIR) return resolve(env.QUORUM_DOCUMENTS_DIR);
  const url = dbUrl ?? env.DATABASE_URL;
  if (!url) return resolve("data", "documents");
  if (/^postgres(ql)?:\/\//i.test(url)) return resolve("data", "documents");
  const file = url.replace(/^sqlite:/i, "");
  if (file === ":memory:" || file === "") return resolve("data", "documents");
  return join(dirname(resolve(file)), "documents");
}
