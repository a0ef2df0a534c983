// The `quorum parse` command as a user runs it: a real process, real files.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const bin = new URL("../../bin/quorum", import.meta.url).pathname;
const golden = new URL("../golden/dev/", import.meta.url).pathname;
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });

test("parse --json prints one quorum.minutes/1 record", () => {
  const r = run("parse", "--json", join(golden, "staffs-safe-strong-2016-12-12.txt"));
  assert.equal(r.status, 0, r.stderr);
  const record = JSON.parse(r.stdout);
  assert.equal(record.schema, "quorum.minutes/1");
  assert.ok(Array.isArray(record.items) && record.items.length > 0);
  assert.ok(Array.isArray(record.warnings));
});

test("parse without --json prints a readable summary", () => {
  const r = run("parse", join(golden, "bucks-cabinet-2018-04-23.txt"));
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Items \(\d+\):/);
  assert.doesNotMatch(r.stdout, /^\s*[{[]/);
});

test("an unreadable file exits 1 with one line naming it, and prints no record", () => {
  const dir = mkdtempSync(join(tmpdir(), "quorum-cli-"));
  const empty = join(dir, "empty.md");
  writeFileSync(empty, "");
  const r = run("parse", "--json", empty);
  assert.equal(r.status, 1);
  assert.equal(r.stdout, "");
  assert.equal(r.stderr.trim().split("\n").length, 1);
  assert.match(r.stderr, /empty\.md: empty file/);
  assert.doesNotMatch(r.stderr, /\bat .*\.ts:\d+/);
});

test("parse --jsonl keeps going past bad files and marks them", () => {
  const dir = mkdtempSync(join(tmpdir(), "quorum-cli-"));
  copyFileSync(join(golden, "staffs-safe-strong-2016-12-12.txt"), join(dir, "a.txt"));
  writeFileSync(join(dir, "b.pdf"), "not a pdf");
  copyFileSync(join(golden, "bucks-cabinet-2018-04-23.txt"), join(dir, "c.txt"));
  writeFileSync(join(dir, "c.expected.json"), "{}");
  const r = run("parse", "--jsonl", dir);
  assert.equal(r.status, 1, "a failed file makes the exit status non-zero");
  const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.file.split("/").pop()), ["a.txt", "b.pdf", "c.txt"]);
  assert.equal(lines[0].record.schema, "quorum.minutes/1");
  assert.match(lines[1].error, /b\.pdf: not a readable PDF/);
  assert.equal(lines[2].record.schema, "quorum.minutes/1");
});

const packs = new URL("../fixtures/packs/", import.meta.url).pathname;

test("parse --jsonl prints one line per meeting of a document holding several; parse --json the first", () => {
  const dir = mkdtempSync(join(tmpdir(), "quorum-cli-"));
  copyFileSync(join(packs, "alameda-city-council-2005-01-18.txt"), join(dir, "a.txt"));
  copyFileSync(join(golden, "bucks-cabinet-2018-04-23.txt"), join(dir, "b.txt"));
  const r = run("parse", "--jsonl", dir);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
  assert.deepEqual(
    lines.map((l) => [l.file.split("/").pop(), l.meeting, l.meetings]),
    [["a.txt", 1, 4], ["a.txt", 2, 4], ["a.txt", 3, 4], ["a.txt", 4, 4], ["b.txt", undefined, undefined]],
  );
  assert.match(lines[1].record.body, /City Council/);
  assert.match(lines[2].record.body, /Community Improvement Commission/);
  const one = run("parse", "--json", join(dir, "a.txt"));
  assert.equal(one.status, 0, one.stderr);
  assert.deepEqual(JSON.parse(one.stdout), lines[0].record);
});

test("an agenda alone exits 1 with one line saying it is an agenda", () => {
  const r = run("parse", "--json", join(packs, "stoke-ferry-agenda-2015-04-08.md"));
  assert.equal(r.status, 1);
  assert.equal(r.stdout, "");
  assert.equal(r.stderr.trim().split("\n").length, 1);
  assert.match(r.stderr, /stoke-ferry-agenda-2015-04-08\.md: is an agenda, not minutes/);
});
