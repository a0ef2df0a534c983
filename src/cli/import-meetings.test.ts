// `quorum import` of documents that are not one meeting's minutes: a document holding four
// meetings' minutes (a US city clerk's regular and special meetings of one evening) is stored as
// four meetings over the one source text; an agenda alone fails with one line.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../store/db.ts";
import { saveCorrections } from "../store/corrections/corrections.ts";
import { unpack } from "../store/packed.ts";
import { unpackSpans } from "../store/provenance-pack.ts";

const BIN = new URL("../../bin/quorum", import.meta.url).pathname;
const PACKS = new URL("../../test/fixtures/packs/", import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), "quorum-import-meetings-"));
test.after(() => rmSync(tmp, { recursive: true, force: true }));

const quorum = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env: { ...process.env, DATABASE_URL: "" } });

async function stored(url: string) {
  const db = await openStore(url);
  try {
    const meetings = await db
      .selectFrom("meetings")
      .innerJoin("bodies", "bodies.id", "meetings.body_id")
      .innerJoin("source_documents as d", "d.id", "meetings.source_document_id")
      .select(["meetings.id", "meetings.slug", "meetings.start_time", "meetings.venue", "bodies.name as body", "d.packed_text", "d.file_name", "meetings.source_document_id"])
      .orderBy("meetings.start_time")
      .execute();
    const docs = await db.selectFrom("source_documents").select(["id", "packed_provenance"]).execute();
    const dates = docs.flatMap((d) => unpackSpans(d.packed_provenance).filter((s) => s.entity === "meeting" && s.field === "date").map((s) => ({ ...s, source_document_id: d.id })));
    return { meetings, dates };
  } finally {
    await db.destroy();
  }
}

test("a document with four meetings is stored as four meetings, each with provenance in the one text; re-importing changes nothing", async () => {
  const file = join(tmp, "council-2005-01-18.txt");
  copyFileSync(join(PACKS, "alameda-city-council-2005-01-18.txt"), file);
  const agenda = join(tmp, "agenda.md");
  copyFileSync(join(PACKS, "stoke-ferry-agenda-2015-04-08.md"), agenda);
  const url = `sqlite:${join(tmp, "meetings.db")}`;

  const first = quorum(["import", "--db", url, file, agenda]);
  assert.match(first.stdout, /^2 documents: ok 1 \(1 new, 0 updated in place\), unchanged 0, failed 1$/m, first.stdout + first.stderr);
  assert.match(first.stdout, /council-2005-01-18\.txt holds the minutes of 4 meetings/);
  assert.match(first.stdout, /failed: .*agenda\.md: is an agenda, not minutes/);

  const text = readFileSync(file, "utf8");
  const { meetings, dates } = await stored(url);
  assert.equal(meetings.length, 4, JSON.stringify(meetings.map((m) => m.slug)));
  assert.equal(new Set(meetings.map((m) => m.slug)).size, 4);
  assert.deepEqual(new Set(meetings.map((m) => unpack(m.packed_text))), new Set([text]), "every meeting's source is the whole text");
  assert.deepEqual(new Set(meetings.map((m) => m.file_name)), new Set(["council-2005-01-18.txt"]));
  const special = meetings.find((m) => m.start_time === "18:33")!;
  assert.match(special.body, /City Council/);
  const headingLine = text.split("\n").findIndex((l) => l.includes("MINUTES OF THE SPECIAL CITY COUNCIL MEETING")) + 1;
  const date = dates.find((d) => d.entity_id === special.id)!;
  assert.equal(date.source_document_id, special.source_document_id);
  assert.ok(date.line > headingLine - 1 && date.line <= headingLine + 2, `date of the special meeting read from line ${date.line}`);
  assert.match(text.slice(date.start, date.end), /JANUARY 18, 2005/);

  const again = quorum(["import", "--db", url, file]);
  assert.match(again.stdout, /^1 document: ok 0 \(0 new, 0 updated in place\), unchanged 1, failed 0$/m, again.stdout);
  const after = await stored(url);
  assert.deepEqual(after.meetings.map((m) => [m.id, m.slug]), meetings.map((m) => [m.id, m.slug]));
});

test("a correction to the second meeting of a document still applies when the document is imported again", async () => {
  const file = join(tmp, "council-corrected.txt");
  copyFileSync(join(PACKS, "alameda-city-council-2005-01-18.txt"), file);
  const url = `sqlite:${join(tmp, "corrected.db")}`;
  assert.equal(quorum(["import", "--db", url, file]).status, 0);
  const special = (await stored(url)).meetings.find((m) => m.start_time === "18:33")!;

  const db = await openStore(url);
  try {
    const saved = await saveCorrections(db, { slug: special.slug, expectedVersion: 1, changes: [{ path: "venue", value: "City Hall, Council Chamber" }], actor: { userId: null, label: "clerk@alameda.example" }, now: new Date("2026-03-02T10:00:00Z") });
    assert.equal(saved.status, "saved", JSON.stringify(saved));
  } finally {
    await db.destroy();
  }
  // a new version of the document (other bytes) is parsed and stored again
  appendFileSync(file, "\n");
  const again = quorum(["import", "--db", url, file]);
  assert.equal(again.status, 0, again.stdout + again.stderr);
  const after = await stored(url);
  assert.equal(after.meetings.length, 4);
  const now = after.meetings.find((m) => m.slug === special.slug)!;
  assert.equal(now.venue, "City Hall, Council Chamber");
  assert.deepEqual(after.meetings.filter((m) => m.slug !== special.slug).map((m) => m.venue === "City Hall, Council Chamber"), [false, false, false]);
});

test("reviewed records from parse --jsonl store each meeting of the document as the same meeting a plain import does", async () => {
  const file = join(tmp, "council-records.txt");
  copyFileSync(join(PACKS, "alameda-city-council-2005-01-18.txt"), file);
  const jsonl = quorum(["parse", "--jsonl", file]);
  assert.equal(jsonl.status, 0, jsonl.stderr);
  const records = join(tmp, "records.jsonl");
  writeFileSync(records, jsonl.stdout);
  const viaRecords = `sqlite:${join(tmp, "records.db")}`;
  // the first meeting's record alone, then all of them: the later meetings are not taken as stored already
  const firstOnly = join(tmp, "first.jsonl");
  writeFileSync(firstOnly, jsonl.stdout.split("\n")[0] + "\n");
  assert.equal(quorum(["import", "--db", viaRecords, "--records", firstOnly]).status, 0);
  assert.equal((await stored(viaRecords)).meetings.length, 1);
  const r = quorum(["import", "--db", viaRecords, "--records", records]);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const direct = `sqlite:${join(tmp, "direct.db")}`;
  assert.equal(quorum(["import", "--db", direct, file]).status, 0);
  const slugs = async (url: string) => (await stored(url)).meetings.map((m) => m.slug).sort();
  assert.equal((await slugs(viaRecords)).length, 4);
  assert.deepEqual(await slugs(viaRecords), await slugs(direct));
});
