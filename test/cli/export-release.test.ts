// `quorum export` as a real process, on SQLite and PostgreSQL, with exempt item 35 given a release
// date: until that date (in the council's zone) no file holds its business; from it, the files hold
// it, as the portal's pages do. The date is set either side of the real day, so the process runs
// on its own clock.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { openStore } from "../../src/store/db.ts";
import { EXEMPT_V2, leaks, words } from "../support/opendata.ts";
import { postgresUnavailable, startPostgres, type PostgresCluster } from "../support/postgres.ts";

const bin = new URL("../../bin/quorum", import.meta.url).pathname;
const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", env: { ...process.env, PUBLIC_URL: "" } });
/** Item 35's resolution, found in no file until it is released. */
const RESOLUTION = "the briefing note be received";

let cluster: Promise<PostgresCluster> | null = null;

for (const dialect of ["sqlite", "postgres"] as const) {
  const skip = dialect === "postgres" ? (postgresUnavailable() ?? false) : false;
  describe(`quorum export of a released exempt item on ${dialect}`, { skip }, () => {
    after(async () => {
      if (cluster) await (await cluster).stop();
      cluster = null;
    });

    test("before its release date no export holds item 35's business; from it, every format does", async () => {
      const dir = mkdtempSync(join(tmpdir(), "quorum-export-release-"));
      try {
        mkdirSync(join(dir, "minutes"));
        copyFileSync(EXEMPT_V2, join(dir, "minutes", "staffs.txt"));
        const db = dialect === "sqlite" ? join(dir, "q.db") : await (await (cluster ??= startPostgres())).createDatabase();
        const imported = run(["import", "--db", db, join(dir, "minutes")]);
        assert.equal(imported.status, 0, imported.stderr + imported.stdout);
        const releaseOn = async (date: string) => {
          const store = await openStore(db);
          try {
            const r = await store.updateTable("items").set({ exempt_release_on: date }).where(sql<boolean>`exempt`).executeTakeFirst();
            assert.equal(Number(r.numUpdatedRows), 1);
          } finally {
            await store.destroy();
          }
        };
        const exportAll = (tag: string) => {
          const files: { url: string; body: string }[] = [];
          for (const format of ["csv", "ocd", "oparl"]) {
            const out = join(dir, tag, format);
            const r = run(["export", "--db", db, "--format", format, "--out", out, "--public-url", "https://minutes.example.org"]);
            assert.equal(r.status, 0, r.stderr + r.stdout);
            for (const f of ["meetings.csv", "decisions.csv", "votes.csv", "events.jsonl", "vote-events.jsonl", "meetings.jsonl"]) {
              try {
                files.push({ url: `${format}/${f}`, body: readFileSync(join(out, f), "utf8") });
              } catch {
                // not this format's file
              }
            }
          }
          assert.equal(files.length, 6, files.map((f) => f.url).join(", "));
          return files;
        };

        // a day far ahead: not released
        await releaseOn("2999-01-01");
        const before = exportAll("before");
        assert.deepEqual(leaks(before), []);

        // a day passed: released, in every format
        await releaseOn("2000-01-01");
        const released = exportAll("after");
        for (const url of ["csv/decisions.csv", "ocd/events.jsonl", "oparl/meetings.jsonl"]) {
          assert.ok(words(released.find((f) => f.url === url)!.body).includes(words(RESOLUTION)), `${url} holds item 35's resolution once released`);
        }
        assert.ok(leaks(released).length > 0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
