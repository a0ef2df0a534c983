// Import documents/s through `quorum import` as its own process, parsing included, over a sample of
// real documents copied into a folder of their own; the reference is the same command over an empty
// folder (starting node, loading the code, opening and migrating the database).
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import type { Dialect, ImportFigure } from "./lib/results.ts";
import { run, tail } from "./lib/proc.ts";
import { importTarget } from "./lib/targets.ts";
import { importFinished, importSummary } from "./lib/import-summary.ts";

/** A folder holding copies of `files` under their paths relative to `base`, with each folder's quorum.json. */
export function sampleFolder(files: string[], base: string): string {
  const dir = mkdtempSync(join(tmpdir(), "quorum-bench-import-"));
  for (const f of files) {
    const to = join(dir, relative(base, f));
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(f, to);
    const settings = join(dirname(f), "quorum.json");
    if (existsSync(settings) && !existsSync(join(dirname(to), "quorum.json"))) copyFileSync(settings, join(dirname(to), "quorum.json"));
  }
  return dir;
}

export async function measureImport(root: string, folder: string, documents: number, db: Dialect, newUrl: () => Promise<string>): Promise<ImportFigure> {
  const quorum = resolve(root, "bin/quorum");
  const empty = mkdtempSync(join(tmpdir(), "quorum-bench-empty-"));
  try {
    const ref = await run(process.execPath, [quorum, "import", empty, "--db", await newUrl()], root);
    const r = await run(process.execPath, [quorum, "import", folder, "--db", await newUrl()], root);
    if (!importFinished(r.code, r.stdout)) throw new Error(`quorum import exited with ${r.code}: ${tail(r)}`);
    const summary = importSummary(r.stdout);
    // every document read and parsed counts, stored or not: the parsing is what is measured
    const docsPerSecond = documents / r.seconds;
    return { db, documents, stored: summary?.ok ?? null, notStored: summary?.failed ?? null, seconds: r.seconds, docsPerSecond, startSeconds: ref.seconds, ...importTarget(docsPerSecond) };
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
}

