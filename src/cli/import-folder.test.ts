// `quorum import` on folders as people keep them: notes beside the minutes, a quorum.json added
// later, a folder with nothing to import. Real processes, real SQLite.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import SQLite from "better-sqlite3";
import { GOLDEN_DIR } from "../../test/support/golden.ts";

const BIN = new URL("../../bin/quorum", import.meta.url).pathname;
const MINUTES = join(GOLDEN_DIR, "2019-12-minutes-monthly-meeting-of-the-municipal-district-of-cappamore-kilmallock-21st-november-20.md");
const tmp = mkdtempSync(join(tmpdir(), "quorum-import-folder-"));
test.after(() => rmSync(tmp, { recursive: true, force: true }));

function quorum(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env: { ...process.env, DATABASE_URL: "" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function query<T>(path: string, sql: string): T[] {
  const db = new SQLite(path, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

// A README that reads like minutes: a council, a committee and a date.
const README = `# Example minutes

Minutes of the Cabinet of Buckinghamshire County Council, 23 April 2018.

- \`cabinet/\` — the Cabinet's minutes with a select committee's recommendations.
`;

test("a folder walk skips README, CHANGELOG, LICENSE and notes files and says so", () => {
  const dir = mkdtempSync(join(tmp, "walk-"));
  copyFileSync(MINUTES, join(dir, basename(MINUTES)));
  writeFileSync(join(dir, "README.md"), README);
  writeFileSync(join(dir, "CHANGELOG.md"), README);
  writeFileSync(join(dir, "notes.txt"), README);
  writeFileSync(join(dir, "LICENSE.txt"), README);
  const dbPath = join(dir, "x.db");
  const r = quorum(["import", "--db", `sqlite:${dbPath}`, dir]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^1 document: ok 1 .*; 4 other files ignored$/m);
  const files = query<{ file: string }>(dbPath, "SELECT file_name AS file FROM source_documents").map((x) => basename(x.file));
  assert.deepEqual(files, [basename(MINUTES)]);
});

test("a file named on the command line is imported whatever its name", () => {
  const dir = mkdtempSync(join(tmp, "explicit-"));
  const notes = join(dir, "notes.md");
  copyFileSync(MINUTES, notes);
  const r = quorum(["import", "--db", `sqlite:${join(dir, "x.db")}`, notes]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^1 document: ok 1 /m);
});

test("a folder with no minutes documents is a one-line error naming the paths and the files ignored", () => {
  const dir = mkdtempSync(join(tmp, "empty-"));
  const dbPath = join(tmp, "empty.db");
  const empty = quorum(["import", "--db", `sqlite:${dbPath}`, dir]);
  assert.equal(empty.code, 1, empty.stdout + empty.stderr);
  assert.equal(empty.stderr.trim().split("\n").length, 1, empty.stderr);
  assert.match(empty.stderr, new RegExp(`no minutes documents found under ${dir}`));
  assert.doesNotMatch(empty.stdout, /0 documents/);

  mkdirSync(join(dir, "sub"));
  writeFileSync(join(dir, "sub", "README.md"), README);
  writeFileSync(join(dir, "photo.jpg"), "");
  const onlyNotes = quorum(["import", "--db", `sqlite:${dbPath}`, dir]);
  assert.equal(onlyNotes.code, 1);
  assert.match(onlyNotes.stderr, /no minutes documents found under .*; 2 other files ignored/);
  assert.equal(onlyNotes.stderr.trim().split("\n").length, 1, onlyNotes.stderr);
});

test("a quorum.json added or changed after an import takes effect on the next import of the same bytes", () => {
  const dir = mkdtempSync(join(tmp, "settings-"));
  copyFileSync(MINUTES, join(dir, basename(MINUTES)));
  const dbPath = join(dir, "x.db");
  const run = () => quorum(["import", "--db", `sqlite:${dbPath}`, dir]);
  const councils = () =>
    query<{ name: string; time_zone: string }>(
      dbPath,
      "SELECT a.name, a.time_zone FROM meetings m JOIN bodies b ON b.id = m.body_id JOIN authorities a ON a.id = b.authority_id",
    );
  assert.equal(run().code, 0);
  assert.notEqual(councils()[0].name, "Example Borough Council");

  writeFileSync(join(dir, "quorum.json"), JSON.stringify({ authority: "Example Borough Council", timeZone: "Europe/Dublin" }));
  const added = run();
  assert.match(added.stdout, /^1 document: ok 1 .*unchanged 0/m);
  assert.deepEqual(councils(), [{ name: "Example Borough Council", time_zone: "Europe/Dublin" }]);
  assert.match(run().stdout, /^1 document: ok 0 .*unchanged 1/m, "settings already applied: unchanged");

  writeFileSync(join(dir, "quorum.json"), JSON.stringify({ authority: "Example Borough Council", timeZone: "Europe/London" }));
  assert.match(run().stdout, /^1 document: ok 1 /m);
  assert.deepEqual(councils(), [{ name: "Example Borough Council", time_zone: "Europe/London" }]);
  assert.match(run().stdout, /unchanged 1/);
});
