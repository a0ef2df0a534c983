import { test } from "node:test";
import assert from "node:assert/strict";
import { databaseInPlace, givenFor, parseDbFor, parseSize, parseSizes, sizeLabel } from "../../bench/lib/sizes.ts";
import { parseArgs } from "../../bench/lib/args.ts";

test("sizes read with k and m suffixes, in either case", () => {
  assert.equal(parseSize("1k"), 1_000);
  assert.equal(parseSize("10K"), 10_000);
  assert.equal(parseSize("100k"), 100_000);
  assert.equal(parseSize("1.5k"), 1_500);
  assert.equal(parseSize("2m"), 2_000_000);
  assert.equal(parseSize(" 750 "), 750);
});

test("sizes that are not a positive number of meetings are refused", () => {
  for (const bad of ["", "k", "0", "-1k", "1kb", "ten", "1e3", "0.0001k"]) assert.throws(() => parseSize(bad), /not a number of meetings/, bad);
});

test("a list of sizes comes back ascending without repeats", () => {
  assert.deepEqual(parseSizes("100k,1k,10k,1000"), [1_000, 10_000, 100_000]);
  assert.throws(() => parseSizes(" , "), /no sizes/);
});

test("labels round-trip through parseSize", () => {
  for (const n of [999, 1_000, 1_500, 10_000, 100_000, 2_000_000]) assert.equal(parseSize(sizeLabel(n)), n);
  assert.equal(sizeLabel(100_000), "100k");
  assert.equal(sizeLabel(1_234), "1234");
});

test("--db-for gives a path for both databases or for one", () => {
  const given = parseDbFor(["10k=/tmp/a.db", "postgres:10k=/tmp/dir", "sqlite:1k=/tmp/b.db"]);
  assert.equal(givenFor(given, 10_000, "sqlite"), "/tmp/a.db");
  assert.equal(givenFor(given, 10_000, "postgres"), "/tmp/dir");
  assert.equal(givenFor(given, 1_000, "sqlite"), "/tmp/b.db");
  assert.equal(givenFor(given, 1_000, "postgres"), undefined);
  assert.throws(() => parseDbFor(["10k"]), /SIZE=PATH/);
  assert.throws(() => parseDbFor(["mysql:10k=x"]), /not a number of meetings/);
});

test("the command line: defaults, --quick, and refusals", () => {
  const d = parseArgs([]);
  assert.deepEqual(d.sizes, [1_000, 10_000, 100_000]);
  assert.equal(d.seconds, 12);
  assert.equal(d.rounds, 3);
  assert.equal(d.connections, 50);
  const q = parseArgs(["--quick", "--sizes", "1k", "--no-postgres", "--skip", "parse,import"]);
  assert.equal(q.seconds, 2);
  assert.equal(q.rounds, 1);
  assert.equal(parseArgs(["--rounds", "4", "--seconds", "8"]).rounds, 4);
  assert.throws(() => parseArgs(["--rounds", "5", "--seconds", "4"]), /under a second a round/);
  assert.deepEqual(q.sizes, [1_000]);
  assert.equal(q.postgres, false);
  assert.deepEqual([...q.skip], ["parse", "import"]);
  assert.throws(() => parseArgs(["--sizes"]), /needs a value/);
  assert.throws(() => parseArgs(["--skip", "everything"]), /--skip takes/);
  assert.throws(() => parseArgs(["--connections", "0"]), /whole number/);
  assert.throws(() => parseArgs(["--fast"]), /unknown option/);
});

test("--no-sqlite measures PostgreSQL only, and both refusals together are refused", () => {
  const o = parseArgs(["--no-sqlite"]);
  assert.equal(o.sqlite, false);
  assert.equal(o.postgres, true);
  assert.equal(parseArgs([]).sqlite, true);
  assert.throws(() => parseArgs(["--no-sqlite", "--no-postgres"]), /no database/);
});

test("--db-for postgres:SIZE=postgres://... names a database to measure in place, a path does not", () => {
  const given = parseDbFor(["postgres:100k=postgres://postgres@127.0.0.1:5544/q100k", "10k=/tmp/a.db"]);
  assert.equal(databaseInPlace(givenFor(given, 100_000, "postgres")), "postgres://postgres@127.0.0.1:5544/q100k");
  assert.equal(databaseInPlace("postgresql://h/db"), "postgresql://h/db");
  assert.equal(databaseInPlace(givenFor(given, 10_000, "postgres")), null);
  assert.equal(databaseInPlace(undefined), null);
});
