// `quorum user add|reset|list` as a real process: a one-time link is printed, never a password,
// and each command leaves an audit entry; the printed link then works once against the server.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { openStore, type Db } from "../../src/store/db.ts";
import { readAudit } from "../../src/store/audit.ts";
import { createApp } from "../../src/serve/app.ts";
import { client } from "../support/accounts.ts";

const BIN = new URL("../../bin/quorum", import.meta.url).pathname;
let dir: string;
let dbPath: string;

function quorum(args: string[], env: Record<string, string> = {}) {
  const { PUBLIC_URL: _p, ...rest } = process.env;
  return spawnSync(process.execPath, [BIN, ...args, "--db", dbPath], { encoding: "utf8", env: { ...rest, ...env }, timeout: 60_000 });
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), "quorum-user-"));
  dbPath = join(dir, "quorum.db");
});
after(() => rmSync(dir, { recursive: true, force: true }));

test("quorum user add prints a one-time link and no password, and writes an audit entry; the link signs in once", async () => {
  const r = quorum(["user", "add", "--email", "Clerk@Council.gov.uk", "--role", "admin", "--name", "Jo Clerk"]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, "");
  const links = r.stdout.match(/http:\/\/localhost:3000\/account\/set-password\?token=([A-Za-z0-9_-]{43})\n/g) ?? [];
  assert.equal(links.length, 1, r.stdout);
  const token = /token=([A-Za-z0-9_-]{43})/.exec(r.stdout)![1];
  assert.doesNotMatch(r.stdout, /password:|temporary|default password/i);
  let db: Db = await openStore(dbPath);
  try {
    const user = await sql<{ password_hash: string | null; email: string; role: string }>`SELECT password_hash, email, role FROM users`.execute(db);
    assert.deepEqual(user.rows, [{ password_hash: null, email: "clerk@council.gov.uk", role: "admin" }]);
    const stored = await sql<{ token_hash: string }>`SELECT token_hash FROM sign_in_tokens`.execute(db);
    assert.equal(stored.rows.length, 1);
    assert.notEqual(stored.rows[0].token_hash, token);
    const audit = await readAudit(db, { actor: "cli" });
    assert.deepEqual(audit.entries.map((e) => [e.action, e.recordId]), [["user.add", "clerk@council.gov.uk"]]);
    assert.deepEqual(audit.entries[0].after, { email: "clerk@council.gov.uk", displayName: "Jo Clerk", role: "admin" });

    const app = createApp({ db });
    const cl = client(app);
    const form = await cl.get(`/account/set-password?token=${token}`);
    assert.equal(form.status, 200);
    const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())![1];
    const set = await cl.post("/account/set-password", { csrf, token, password: "a long enough passphrase", confirm: "a long enough passphrase" });
    assert.equal(set.status, 303);
    assert.equal((await cl.get("/admin/audit")).status, 200);
    const twice = client(app);
    assert.equal((await twice.get(`/account/set-password?token=${token}`)).status, 410);
  } finally {
    await db.destroy();
  }

  const dup = quorum(["user", "add", "--email", "clerk@council.gov.uk", "--role", "clerk"]);
  assert.equal(dup.status, 1);
  assert.match(dup.stderr, /^quorum: there is already a user with the email clerk@council.gov.uk\n$/);
  const badRole = quorum(["user", "add", "--email", "x@council.gov.uk", "--role", "root"]);
  assert.equal(badRole.status, 1);
  assert.match(badRole.stderr, /role must be one of admin, clerk, officer, member/);

  const reset = quorum(["user", "reset", "--email", "CLERK@council.gov.uk"], { PUBLIC_URL: "https://minutes.example.org/" });
  assert.equal(reset.status, 0, reset.stderr);
  assert.match(reset.stdout, /https:\/\/minutes\.example\.org\/account\/set-password\?token=[A-Za-z0-9_-]{43}\n/);
  const unknown = quorum(["user", "reset", "--email", "nobody@council.gov.uk"]);
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /no user with the email nobody@council.gov.uk/);

  const list = quorum(["user", "list"]);
  assert.equal(list.status, 0, list.stderr);
  assert.equal(list.stdout, "clerk@council.gov.uk\tadmin\tJo Clerk\tactive\n");
  db = await openStore(dbPath);
  try {
    assert.deepEqual((await readAudit(db, { actor: "cli" })).entries.map((e) => e.action), ["user.list", "user.reset", "user.add"]);
  } finally {
    await db.destroy();
  }
});
