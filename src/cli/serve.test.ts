// `quorum serve --seed DIR` (what `npm start` runs) as a real process: an empty database gets the
// folder's minutes (never its README), a second start leaves a non-empty database alone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { servingUrl } from "../../test/support/serving.ts";

const root = resolve(import.meta.dirname, "../..");
const STAFFS = join(root, "test/golden/dev/staffs-safe-strong-2016-12-12.txt");

async function serveOnce(args: string[], check: (url: string, out: string) => Promise<void>): Promise<string> {
  const child = spawn(process.execPath, [join(root, "bin/quorum"), "serve", "--port", "0", "--host", "127.0.0.1", ...args], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr.on("data", (c: Buffer) => (out += c.toString()));
  try {
    const url = await servingUrl(child);
    await check(url, out);
  } finally {
    child.kill("SIGTERM");
    await new Promise((res) => child.once("exit", res));
  }
  return out;
}

test("serve --seed imports the folder into an empty database, skips its README, and serves it", async () => {
  const dir = mkdtempSync(join(tmpdir(), "quorum-serve-"));
  try {
    const seeds = join(dir, "examples");
    const db = join(dir, "quorum.db");
    mkdirSync(seeds);
    copyFileSync(STAFFS, join(seeds, "staffs.txt"));
    writeFileSync(join(seeds, "README.md"), "# Example minutes\n\nMinutes of the Cabinet, 23 April 2018, bundled as examples.\n");

    const first = await serveOnce(["--db", db, "--seed", seeds], async (url) => {
      const home = await fetch(url + "/");
      assert.equal(home.status, 200);
      assert.match(await home.text(), /Safe and Strong Communities Select Committee/);
      const meetings = (await (await fetch(url + "/api/v1/meetings")).json()) as { total: number; data: { id: string }[] };
      assert.equal(meetings.total, 1, "README.md is not imported as minutes");
      assert.equal(meetings.data[0].id, "safe-and-strong-communities-select-committee-2016-12-12");
    });
    assert.match(first, /The database is empty: importing the example minutes/);
    assert.match(first, /Imported 1 document\b/);

    const second = await serveOnce(["--db", db, "--seed", seeds], async (url) => {
      assert.equal((await fetch(url + "/api/v1/meetings")).status, 200);
    });
    assert.doesNotMatch(second, /importing/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
