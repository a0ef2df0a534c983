// ./bin/quorum run the way an operator runs it: from another working directory (a service's
// WorkingDirectory), where the TypeScript must still compile with the project's own settings.
import { test } from "node:test";
import assert from "node:assert/strict";
import { servingUrl } from "../support/serving.ts";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const BIN = new URL("../../bin/quorum", import.meta.url).pathname;

test("bin/quorum serves pages when started from another directory", async () => {
  const dir = mkdtempSync(join(tmpdir(), "quorum-cwd-"));
  const env = { ...process.env, DATABASE_URL: "", QUORUM_DIST: "" };
  const child = spawn(process.execPath, [BIN, "serve", "--host", "127.0.0.1", "--port", "0", "--db", join(dir, "q.db")], { cwd: dir, env });
  try {
    const base = await servingUrl(child);
    const page = await fetch(`${base}/committees`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<title>Committees/);
  } finally {
    child.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
});
