// `quorum import --review` as a real process: documents wait in the review queue as drafts (or, for
// a meeting already public, held) instead of being published; a folder's quorum.json can ask for
// review, and --publish overrides it. Every import is in the audit log.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getMeeting, listMeetings, openStore } from "../../src/store/index.ts";
import { listImportReviews } from "../../src/store/imports/read.ts";
import { readAudit } from "../../src/store/audit.ts";

const bin = new URL("../../bin/quorum", import.meta.url).pathname;
const fixtures = new URL("../fixtures/exempt/", import.meta.url).pathname;
const V1 = join(fixtures, "staffs-2016-12-12-v1-item-35-public.txt");
const V2 = join(fixtures, "staffs-2016-12-12-v2-item-35-exempt.txt");

function quorum(...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });
}

async function inspect(db: string) {
  const store = await openStore(db);
  try {
    const meetings = await listMeetings(store);
    const queue = await listImportReviews(store);
    const audit = await readAudit(store);
    const slug = queue.data[0]?.meetingSlug ?? meetings.data[0]?.slug;
    return { meetings: meetings.total, queue: queue.data, audit: audit.entries, meeting: slug ? await getMeeting(store, slug) : null };
  } finally {
    await store.destroy();
  }
}

test("--review queues a new meeting instead of publishing it, and the summary says so", async () => {
  const dir = mkdtempSync(join(tmpdir(), "quorum-review-"));
  try {
    const db = join(dir, "q.db");
    const r = quorum("import", "--db", db, "--review", V2);
    assert.equal(r.status, 0, r.stderr + r.stdout);
    assert.match(r.stdout, /queued for review at \/admin\/imports: 1 \(1 new, 0 replacing published minutes\)/);
    const s = await inspect(db);
    assert.equal(s.meetings, 0, "nothing public");
    assert.equal(s.meeting, null);
    assert.deepEqual(s.queue.map((q) => [q.state, q.fileName, q.queuedBy]), [["pending", "staffs-2016-12-12-v2-item-35-exempt.txt", "cli"]]);
    assert.deepEqual(s.audit.map((e) => [e.actorLabel, e.action, e.recordId]), [["cli", "import.queue", s.queue[0].meetingSlug]]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("without --review the meeting is published at once and audited; --review over it holds the new version", async () => {
  const dir = mkdtempSync(join(tmpdir(), "quorum-review-"));
  try {
    const db = join(dir, "q.db");
    assert.equal(quorum("import", "--db", db, V1).status, 0);
    let s = await inspect(db);
    assert.equal(s.meetings, 1);
    assert.deepEqual(s.audit.map((e) => [e.actorLabel, e.action]), [["cli", "import.publish"]]);
    const before = s.meeting;
    const r = quorum("import", "--db", db, "--review", V2);
    assert.equal(r.status, 0, r.stderr + r.stdout);
    assert.match(r.stdout, /queued for review at \/admin\/imports: 1 \(0 new, 1 replacing published minutes\)/);
    s = await inspect(db);
    assert.deepEqual(s.meeting, before, "the public meeting is as it was");
    assert.deepEqual(s.queue.map((q) => [q.state, q.replaces]), [["pending", true]]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a folder\'s quorum.json "import": "review" queues its documents; --publish overrides it; both flags are refused', async () => {
  const dir = mkdtempSync(join(tmpdir(), "quorum-review-"));
  try {
    const folder = join(dir, "minutes");
    spawnSync("mkdir", ["-p", folder]);
    copyFileSync(V2, join(folder, "staffs.txt"));
    writeFileSync(join(folder, "quorum.json"), JSON.stringify({ authority: "Staffordshire County Council", import: "review" }));
    const db = join(dir, "q.db");
    assert.equal(quorum("import", "--db", db, folder).status, 0);
    let s = await inspect(db);
    assert.equal(s.meetings, 0);
    assert.equal(s.queue.length, 1);

    const db2 = join(dir, "q2.db");
    assert.equal(quorum("import", "--db", db2, "--publish", folder).status, 0);
    s = await inspect(db2);
    assert.equal(s.meetings, 1);
    assert.equal(s.queue.length, 0);

    const both = quorum("import", "--db", db2, "--publish", "--review", folder);
    assert.equal(both.status, 1);
    assert.match(both.stderr, /^quorum: choose --review or --publish, not both\n$/);

    writeFileSync(join(folder, "quorum.json"), JSON.stringify({ import: "later" }));
    const bad = quorum("import", "--db", db2, folder);
    assert.equal(bad.status, 1);
    assert.match(bad.stdout + bad.stderr, /quorum\.json: import: /);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
