// `npm start` / `quorum serve --seed DIR`: a fresh clone gets a working portal with the bundled
// example minutes, imported only when the database holds no meetings yet.
import type { Db } from "../store/db.ts";
import { settleAllPeople } from "../store/people-settle.ts";
import { importDocument } from "./import-document.ts";
import { oneLine } from "../domain/errors.ts";
import { walkDocuments } from "./files.ts";
import { folderSettingsReader, licenceCollector } from "./folder-settings.ts";
import type { DocumentStore } from "../store/documents/store.ts";

export interface SeedSummary {
  imported: number;
  failed: { file: string; reason: string }[];
}

/** Imports every minutes document under the given paths, carrying on past documents that fail. */
export async function importDocuments(db: Db, paths: string[], progress?: (done: number, total: number) => void, originals?: DocumentStore): Promise<SeedSummary> {
  const { documents } = await walkDocuments(paths);
  const summary: SeedSummary = { imported: 0, failed: [] };
  const settingsFor = folderSettingsReader();
  const licences = licenceCollector();
  for (const [i, file] of documents.entries()) {
    try {
      const settings = settingsFor(file, paths);
      const { authority, timeZone } = settings;
      licences.add(settings);
      await importDocument(db, file, { authorityOverride: authority, timeZoneOverride: timeZone, documents: originals });
      summary.imported++;
    } catch (err) {
      summary.failed.push({ file, reason: oneLine(err) });
    }
    progress?.(i + 1, documents.length);
  }
  // as `quorum import` does: who is who does not depend on the order the files were walked in
  await settleAllPeople(db);
  await licences.apply(db);
  return summary;
}

export async function seedIfEmpty(db: Db, dir: string, originals?: DocumentStore): Promise<SeedSummary | null> {
  const row = await db.selectFrom("meetings").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
  if (Number(row.n) > 0) return null;
  process.stdout.write(`The database is empty: importing the example minutes in ${dir}\n`);
  const summary = await importDocuments(db, [dir], (done, total) => {
    if (done === total || done % 10 === 0) process.stdout.write(`  ${done}/${total}\n`);
  }, originals);
  process.stdout.write(`Imported ${summary.imported} document${summary.imported === 1 ? "" : "s"}${summary.failed.length ? `, ${summary.failed.length} could not be imported` : ""}\n`);
  for (const f of summary.failed) process.stdout.write(`  ${f.reason.startsWith(f.file) ? f.reason : `${f.file}: ${f.reason}`}\n`);
  return summary;
}
