// Which DATABASE_URL / --db values name a database, and that anything else is refused before a
// file is created.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseDatabaseUrl } from "./db.ts";

const BIN = new URL("../../bin/quorum", import.meta.url).pathname;

test("postgres URLs, sqlite: URLs, :memory: and paths to SQLite files are accepted", () => {
  assert.deepEqual(parseDatabaseUrl("postgres://u@localhost/q"), { dialect: "postgres", target: "postgres://u@localhost/q" });
  assert.deepEqual(parseDatabaseUrl("postgresql://localhost/q"), { dialect: "postgres", target: "postgresql://localhost/q" });
  assert.deepEqual(parseDatabaseUrl("sqlite:data/x"), { dialect: "sqlite", target: "data/x" });
  assert.deepEqual(parseDatabaseUrl("sqlite:///tmp/x.db"), { dialect: "sqlite", target: "/tmp/x.db" });
  assert.deepEqual(parseDatabaseUrl(":memory:"), { dialect: "sqlite", target: ":memory:" });
  assert.deepEqual(parseDatabaseUrl(undefined), { dialect: "sqlite", target: "./data/quorum.db" });
  for (const path of ["quorum.db", "archive.sqlite", "archive.sqlite3", "./quorum", "data/quorum", "/var/lib/quorum/store"]) {
    assert.deepEqual(parseDatabaseUrl(path), { dialect: "sqlite", target: path });
  }
});

test("a value that is neither a database URL nor a path to a SQLite file is a one-line error", () => {
  for (const bad of ["not a url at all", "quorum", "localhost:5432", "mysql://localhost/q"]) {
    assert.throws(() => parseDatabaseUrl(bad), (err: Error) => {
      assert.match(err.message, /postgres:\/\/.*sqlite:PATH/);
      assert.ok(!err.message.includes("\n"));
      return true;
    }, bad);
  }
});

test("DATABASE_URL=\"not a url at all\" creates no file and exits 1 with one line", () => {
  const dir = mkdtempSync(join(tmpdir(), "quorum-dburl-"));
  try {
    const r = spawnSync(process.execPath, [BIN, "migrate"], { cwd: dir, encoding: "utf8", env: { ...process.env, DATABASE_URL: "not a url at all" } });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
    assert.match(r.stderr, /not a url at all/);
    assert.equal(existsSync(join(dir, "not a url at all")), false);
    assert.deepEqual(readdirSync(dir), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
