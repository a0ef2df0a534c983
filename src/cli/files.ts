import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { formatOf } from "../ingest/read.ts";

export interface FileWalk {
  documents: string[];
  /** files found in folders that are not minutes documents (e.g. .expected.json) */
  ignored: string[];
}

/** Expands files and folders (recursively) into minutes documents, in a stable order. */
export async function walkDocuments(paths: string[]): Promise<FileWalk> {
  const documents: string[] = [];
  const ignored: string[] = [];
  const visit = async (path: string, explicit: boolean): Promise<void> => {
    let info;
    try {
      info = await stat(path);
    } catch {
      documents.push(path); // reported as unreadable by the reader, in order
      return;
    }
    if (info.isDirectory()) {
      const names = (await readdir(path)).filter((n) => !n.startsWith(".")).sort();
      for (const name of names) await visit(join(path, name), false);
    } else if (explicit || formatOf(path)) {
      documents.push(path);
    } else {
      ignored.push(path);
    }
  };
  for (const p of paths) await visit(p, true);
  return { documents, ignored };
}
