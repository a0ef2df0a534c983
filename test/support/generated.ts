// Archives from the scale generator (bench/generate.ts) for tests: run as a real process over a few
// real documents from the fixtures, in a folder of the caller's.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { GenerateSummary } from "../../bench/generate-archive.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

// real minutes of several layouts: a principal council's committee with an exempt item, a vote and a
// declaration; a cabinet; parish councils; a US council with recorded votes; an Irish district
const DOCUMENTS = [
  "test/fixtures/exempt/staffs-2016-12-12-v2-item-35-exempt.txt",
  "test/fixtures/principal/cabinet-committee.txt",
  "test/fixtures/parish/souldern-2025-09-25.txt",
  "test/fixtures/votes/alameda-public-art-2005-03-24.txt",
  "test/golden/real/2013-03-wereham-parish-council-january.md",
  "test/golden/real/2017-12-minutes-monthly-meeting-of-the-municipal-district-of-newcastle-west-8th-november-2017.md",
];

/** What `bench:generate` reports on its last line: the archive's counts, its time and its size. */
export type Generated = GenerateSummary & { seconds: number; dbBytes: number };

/** Copies the documents into `dir`/corpus (its parsed copy goes in `dir`/cache); returns the generator for that folder. */
export function generatorIn(dir: string): (db: string, opts: { meetings: number; seed: number; batch?: number }) => Generated {
  const corpus = join(dir, "corpus");
  mkdirSync(corpus, { recursive: true });
  for (const d of DOCUMENTS) copyFileSync(join(ROOT, d), join(corpus, basename(d)));
  return (db, opts) => {
    const args = ["--meetings", String(opts.meetings), "--db", db, "--seed", String(opts.seed), "--corpus", corpus, "--cache", join(dir, "cache")];
    if (opts.batch) args.push("--batch", String(opts.batch));
    const run = spawnSync(process.execPath, ["--import", "tsx", "bench/generate.ts", ...args], { cwd: ROOT, encoding: "utf8" });
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.trim().split("\n");
    return JSON.parse(lines[lines.length - 1]) as Generated;
  };
}
