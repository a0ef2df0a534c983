// `quorum backup`, `restore` and `check` as an operator runs them: real processes, real SQLite
// files and a real PostgreSQL cluster. Round trips keep every row (same digest and counts), a
// backup taken while documents are being imported holds whole documents only, and damage is found.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync, closeSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import SQLite from "better-sqlite3";
import pg from "pg";
import { sql } from "kysely";
import { openStore, type Db } from "../../src/store/db.ts";
import { importMinutes } from "../../src/store/import.ts";
import { storeCounts, storeDigest } from "../../src/store/digest.ts";
import { readAudit } from "../../src/store/audit.ts";
import { GOLDEN_DIR, goldenDocs, sourceOf } from "../support/golden.ts";
import { postgresUnavailable, startPostgres, type PostgresCluster } from "../support/postgres.ts";

const BIN = new URL("../../bin/quorum", import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), "quorum-backup-"));
test.after(() => rmSync(tmp, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs ./bin/quorum; `started` resolves once the process is running, `done` when it exits. */
function start(args: string[]): { started: Promise<void>; done: Promise<Run> } {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: "" } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  return {
    started: new Promise((resolve) => child.once("spawn", () => resolve())),
    done: new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr }))),
  };
}
const quorum = (...args: string[]) => start(args).done;

const GOLDEN = ["bucks-cabinet-2018-04-23.txt", "staffs-safe-strong-2016-12-12.txt", "2016-10-west-dereham-parish-council-october-meeting-2.md"].map((f) => join(GOLDEN_DIR, f));

async function snapshot(url: string) {
  const db = await openStore(url);
  try {
    const audit = (await readAudit(db, { limit: 1000 })).entries.map((e) => [e.at, e.actorLabel, e.action, e.recordId, e.after]);
    return { counts: await storeCounts(db), digest: await storeDigest(db), audit };
  } finally {
    await db.destroy();
  }
}

/** Per meeting: its items, attendance rows and packed provenance's bytes. A document cut in half would differ. */
async function perMeeting(db: Db): Promise<Map<string, string>> {
  const rows = await sql<{ slug: string; items: number; attendance: number; provenance: number }>`
    SELECT m.slug,
      (SELECT count(*) FROM items i WHERE i.meeting_id = m.id) AS items,
      (SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id) AS attendance,
      (SELECT coalesce(length(d.packed_provenance), 0) FROM source_documents d WHERE d.id = m.source_document_id) AS provenance
    FROM meetings m`.execute(db);
  return new Map(rows.rows.map((r) => [r.slug, `${r.items}/${r.attendance}/${r.provenance}`]));
}

/** Distinct documents made from the golden records (another year each), imported in-process. */
const DOCS = goldenDocs().filter((d) => !d.file.endsWith(".pdf") && d.record.date);
async function importCopy(db: Db, k: number): Promise<void> {
  const d = DOCS[k % DOCS.length];
  const record = structuredClone(d.record);
  record.date = `${1700 + k}${record.date!.slice(4)}`;
  await importMinutes(db, { source: sourceOf(`${k}-${basename(d.file)}`, readFileSync(d.file, "utf8") + `\nCopy ${k}\n`), record });
}

/**
 * Imports documents one after another for as long as `quorum backup` runs, then restores the backup
 * into `fresh` and shows it holds whole documents only: each of its meetings matches the live one.
 */
async function backupDuringWrites(live: string, fresh: string, out: string): Promise<void> {
  const db = await openStore(live);
  try {
    // As on a busy server whose readers hold off checkpoints: committed documents stay in the WAL,
    // so a backup must read through SQLite, not copy the main file.
    if (!live.startsWith("postgres")) await sql`PRAGMA wal_autocheckpoint = 0`.execute(db);
    let k = 0;
    for (; k < 3; k++) await importCopy(db, k);
    const backup = start(["backup", "--db", live, "--out", out]);
    let running = true;
    void backup.done.then(() => (running = false));
    await backup.started;
    const before = k;
    while (running && k < 2000) {
      await importCopy(db, k++);
      // better-sqlite3 is synchronous: yield to the event loop so the backup's exit is seen.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const made = await backup.done;
    assert.equal(made.code, 0, made.stderr);
    assert.ok(k - before >= 1, "documents were being imported while the backup ran");
    await importCopy(db, k++); // so the live store certainly holds more than the backup

    const restored = await quorum("restore", "--db", fresh, out);
    assert.equal(restored.code, 0, restored.stderr);
    const checked = await quorum("check", "--db", fresh);
    assert.equal(checked.code, 0, checked.stderr);

    const copy = await openStore(fresh);
    try {
      const [inBackup, inLive] = [await perMeeting(copy), await perMeeting(db)];
      const counts = await storeCounts(copy);
      assert.ok(inBackup.size >= before && inBackup.size < k, `backup holds ${inBackup.size} of ${k} meetings, ${before} stored before it began`);
      assert.equal(counts.sourceDocuments, inBackup.size, "one source document per meeting, none half-stored");
      for (const [slug, shape] of inBackup) {
        assert.equal(shape, inLive.get(slug), `meeting ${slug} in the backup is as stored`);
        assert.doesNotMatch(shape, /^0\//, `meeting ${slug} has its items`);
      }
    } finally {
      await copy.destroy();
    }
  } finally {
    await db.destroy();
  }
}

/** Import, back up, restore into an empty database: same digest and counts; a second restore is refused. */
async function roundTrip(live: string, fresh: string, out: string) {
  const imported = await quorum("import", "--db", live, ...GOLDEN);
  assert.equal(imported.code, 0, imported.stdout + imported.stderr);
  const made = await quorum("backup", "--db", live, "--out", out);
  assert.equal(made.code, 0, made.stderr);
  assert.match(made.stdout, /^backed up (sqlite|postgres) database and \d+ documents? to /);
  assert.equal(statSync(out).mode & 0o077, 0, "only its owner can read a backup");
  const again = await quorum("backup", "--db", live, "--out", out);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /^quorum: .* already exists \(use --force to replace it\)\n$/);

  const restored = await quorum("restore", "--db", fresh, out);
  assert.equal(restored.code, 0, restored.stderr);
  assert.match(restored.stdout, /^restored .*: 3 meetings, 3 source documents/);
  const [a, b] = [await snapshot(live), await snapshot(fresh)];
  assert.equal(a.counts.meetings, 3);
  assert.deepEqual(b.counts, a.counts);
  assert.equal(b.digest, a.digest);
  // the audit log goes with the backup: each import's entry, as written
  assert.deepEqual(a.audit.map((e) => e[2]), ["import.publish", "import.publish", "import.publish"]);
  assert.deepEqual(b.audit, a.audit);

  const refused = await quorum("restore", "--db", fresh, out);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /^quorum: the database .*already holds data \(use --force to replace it\)\n$/);
  const forced = await quorum("restore", "--force", "--db", fresh, out);
  assert.equal(forced.code, 0, forced.stderr);
  assert.equal((await snapshot(fresh)).digest, a.digest);
  return a;
}

let sqliteDigest = "";

test("SQLite: backup, restore into a fresh database, same digest and counts; check passes", async () => {
  const live = join(tmp, "live.db");
  const out = join(tmp, "live.backup");
  sqliteDigest = (await roundTrip(live, join(tmp, "restored.db"), out)).digest;
  const checked = await quorum("check", "--db", live);
  assert.equal(checked.code, 0, checked.stderr);
  assert.match(checked.stdout, /^ok: sqlite integrity_check, foreign_key_check, migrations, summaries, documents \(\d+ kept, \d+ that no row names\)\n$/);
});

test("SQLite: a backup taken while documents are being imported holds whole documents only", async () => {
  await backupDuringWrites(join(tmp, "busy.db"), join(tmp, "busy-restored.db"), join(tmp, "busy.backup"));
});

test("SQLite: check fails with one line on a damaged file and on broken foreign keys", async () => {
  const good = join(tmp, "good.db");
  const made = await quorum("import", "--db", good, GOLDEN[0]);
  assert.equal(made.code, 0, made.stderr);

  const damaged = join(tmp, "damaged.db");
  copyFileSync(good, damaged);
  const db = new SQLite(damaged);
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.pragma("journal_mode = DELETE");
  db.close();
  const size = statSync(damaged).size;
  const fd = openSync(damaged, "r+");
  writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
  closeSync(fd);
  const r = await quorum("check", "--db", damaged);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^quorum: check failed: .*(integrity_check|malformed)/);
  assert.equal(r.stderr.trim().split("\n").length, 1);

  const orphaned = join(tmp, "orphaned.db");
  copyFileSync(good, orphaned);
  const o = new SQLite(orphaned);
  o.pragma("foreign_keys = OFF");
  o.prepare("DELETE FROM meetings").run();
  o.close();
  const f = await quorum("check", "--db", orphaned);
  assert.equal(f.code, 1);
  assert.match(f.stderr, /^quorum: check failed: foreign keys: \d+ row\(s\) point at missing rows/);

  const wrong = await quorum("restore", "--db", join(tmp, "never.db"), damaged);
  assert.equal(wrong.code, 1);
  assert.match(wrong.stderr, /^quorum: .*(damaged|malformed)/);
});

const pgSkip = postgresUnavailable() ?? false;
let cluster: Promise<PostgresCluster> | undefined;
const pgDatabase = async (name: string) => (await (cluster ??= startPostgres())).createDatabase(name);
test.after(async () => (await cluster)?.stop());

test("PostgreSQL: pg_dump backup, restore into a fresh database, same digest as SQLite; check passes", { skip: pgSkip }, async () => {
  const live = await pgDatabase("backup_live");
  const a = await roundTrip(live, await pgDatabase("backup_fresh"), join(tmp, "pg.backup"));
  assert.equal(a.digest, sqliteDigest, "the same documents give the same store on both dialects");
  const checked = await quorum("check", "--db", live);
  assert.equal(checked.code, 0, checked.stderr);

  const sqliteBackup = await quorum("restore", "--db", await pgDatabase("backup_cross"), join(tmp, "live.backup"));
  assert.equal(sqliteBackup.code, 1);
  assert.match(sqliteBackup.stderr, /is a SQLite backup but the database is PostgreSQL/);
});

test("PostgreSQL: a backup taken while documents are being imported holds whole documents only", { skip: pgSkip }, async () => {
  await backupDuringWrites(await pgDatabase("busy_live"), await pgDatabase("busy_fresh"), join(tmp, "pg-busy.backup"));
});

test("PostgreSQL: check fails on rows that point at missing rows and on a missing migration", { skip: pgSkip }, async () => {
  const url = await pgDatabase("broken");
  const made = await quorum("import", "--db", url, GOLDEN[0]);
  assert.equal(made.code, 0, made.stderr);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Replica mode skips foreign-key triggers, as a careless bulk load would.
    await client.query("SET session_replication_role = replica");
    await client.query("DELETE FROM meetings");
    await client.query("SET session_replication_role = DEFAULT");
    const r = await quorum("check", "--db", url);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^quorum: check failed: foreign keys: \d+ row\(s\) point at missing rows/);
    await client.query("DELETE FROM kysely_migration WHERE name = (SELECT max(name) FROM kysely_migration)");
    const m = await quorum("check", "--db", url);
    assert.equal(m.code, 1);
    assert.match(m.stderr, /migrations not applied: .* \(run quorum migrate\)/);
  } finally {
    await client.end();
  }
});
