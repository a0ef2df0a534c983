// `quorum parse` (a real process) on minutes Quorum rendered as Word gives back what was recorded.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { documentFromRecord, minutesBlocks } from "../../src/render/minutes/document.ts";
import { minutesDocx } from "../../src/render/minutes/docx.ts";
import { recordDifferences } from "../support/round-trip.ts";

const bin = new URL("../../bin/quorum", import.meta.url).pathname;

test("quorum parse --json on rendered minutes gives the recorded record", async () => {
  const record = JSON.parse(readFileSync(new URL("../fixtures/taken/cabinet-committee.record.json", import.meta.url), "utf8"));
  const dir = mkdtempSync(join(tmpdir(), "quorum-rendered-"));
  const file = join(dir, "minutes.docx");
  writeFileSync(file, await minutesDocx(minutesBlocks(documentFromRecord(record)), "Minutes"));
  const r = spawnSync(process.execPath, [bin, "parse", "--json", file], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const parsed = JSON.parse(r.stdout);
  assert.equal(parsed.items.length, 5);
  assert.deepEqual(recordDifferences(record, parsed), []);
});
