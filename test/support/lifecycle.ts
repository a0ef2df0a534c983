// Documents and helpers for the minutes-lifecycle tests: real minutes of the Municipal District of
// Newcastle West (5 October 2016, and 9 November 2016, whose item 1 adopted the October minutes), the
// West Dereham minutes headed "DRAFT MINUTES", and re-imports of a changed copy (a correction).
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Db } from "../../src/store/db.ts";
import { fromBytes } from "../../src/ingest/read.ts";
import { parseMinutes, PARSER_VERSION } from "../../src/parse/minutes.ts";
import { importMinutes } from "../../src/store/import.ts";

const FIXTURES = resolve(import.meta.dirname, "../fixtures/lifecycle");
export const NEWCASTLE_OCT = join(FIXTURES, "newcastle-west/2016-11-minutes-municipal-district-of-newcastle-west-5th-october-2016.md");
export const NEWCASTLE_NOV = join(FIXTURES, "newcastle-west/2016-12-minutes-municipal-district-of-newcastle-west-9th-november-2016.md");
export const WEST_DEREHAM = resolve(import.meta.dirname, "../golden/dev/2016-10-west-dereham-parish-council-october-meeting-2.md");
export const STAFFS_EXEMPT = resolve(import.meta.dirname, "../fixtures/exempt/staffs-2016-12-12-v2-item-35-exempt.txt");

/** Imports a document's text with `change` applied, under the same file name: a corrected version of the same minutes. */
export async function importChanged(db: Db, path: string, change: (text: string) => string): Promise<void> {
  const text = change(readFileSync(path, "utf8"));
  const name = path.split("/").pop()!;
  const source = await fromBytes(name, (name.endsWith(".txt") ? "txt" : "md") as "txt" | "md", Buffer.from(text));
  await importMinutes(db, { source, record: parseMinutes(source), parserVersion: PARSER_VERSION });
}

export async function slugOf(db: Db, date: string): Promise<{ id: number; slug: string }> {
  return db.selectFrom("meetings").where("date", "=", date).select(["id", "slug"]).executeTakeFirstOrThrow();
}
