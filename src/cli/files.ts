import { readdir, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { formatOf } from "../ingest/read.ts";
import { LEGACY_WORD_EXTENSIONS } from "../ingest/legacy.ts";

export interface FileWalk {
  documents: string[];
  /** files found in folders that are not minutes documents (e.g. .expected.json, README.md) */
  ignored: string[];
}

// A folder of minutes often carries its own README, notes or licence, which can read like minutes
// (a council's name, a date) yet never are. Only a folder walk skips them: a file named on the
// command line is imported whatever it is called.
const NOT_MINUTES = /^(readme|notes|sources|changelog|changes|history|licen[cs]e|copying|contributing|authors)\b/i;

/**
 * Whether a file found in a folder is taken as a minutes document. A Word 97–2003 .doc is, so that
 * it is reported with what to do about it rather than passed over in silence.
 */
export function isMinutesFile(path: string): boolean {
  return (!!formatOf(path) || LEGACY_WORD_EXTENSIONS.includes(extname(path).toLowerCase())) && !NOT_MINUTES.test(basename(path));
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
    } else if (explicit || isMinutesFile(path)) {
      documents.push(path);
    } else {
      ignored.push(path);
    }
  };
  for (const p of paths) await visit(p, true);
  return { documents, ignored };
}
