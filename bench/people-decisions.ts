// What clerks' decisions cost the settle step that runs after every import, on SQLite.
//   npm run bench:people [-- DIR [--runs N]]   (default DIR: examples/cappamore-kilmallock, N = 9)
// Imports the folder once, then times settling its people with no decisions (the reference), then
// after a rename, a merge and a split have been decided, and times each of those writes (each
// settles the authority inside its own transaction). Medians over the runs.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { walkDocuments } from "../src/cli/files.ts";
import { readDocument } from "../src/ingest/read.ts";
import { parseMinutes } from "../src/parse/minutes.ts";
import { openStore } from "../src/store/db.ts";
import { importMinutes } from "../src/store/import.ts";
import { settleAllPeople } from "../src/store/people-settle.ts";
import { editPerson, fieldsOf, personRow } from "../src/store/people/edit.ts";
import { mergePeople, splitPerson } from "../src/store/people/merge.ts";

const args = process.argv.slice(2);
let runs = 9;
let dir = fileURLToPath(new URL("../examples/cappamore-kilmallock", import.meta.url));
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--runs") runs = Math.max(1, Number(args[++i]) || 1);
  else dir = resolve(args[i]);
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const time = async (work: () => Promise<unknown>) => {
  const t = performance.now();
  await work();
  return performance.now() - t;
};

const settings = JSON.parse(readFileSync(join(dir, "quorum.json"), "utf8")) as { authority?: string; timeZone?: string };
const tmp = mkdtempSync(join(tmpdir(), "quorum-bench-people-"));
const db = await openStore(`sqlite:${join(tmp, "bench.db")}`);
const actor = { userId: null, label: "bench" };
try {
  let docs = 0;
  for (const file of (await walkDocuments([dir])).documents) {
    const source = await readDocument(file);
    await importMinutes(db, { source, record: parseMinutes(source), authorityOverride: settings.authority, timeZone: settings.timeZone }).catch(() => undefined);
    docs++;
  }
  await settleAllPeople(db);
  const count = async (t: "people" | "attendance") => Number((await db.selectFrom(t).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
  console.log(`machine: ${cpus()[0]?.model ?? "?"} × ${cpus().length}, load ${loadavg().map((x) => x.toFixed(1)).join(" ")}; ${dir}: ${docs} documents, ${await count("attendance")} attendance rows, ${await count("people")} people`);

  // warm up first, so the reference is not the one paying for a cold start
  for (let i = 0; i < 3; i++) await settleAllPeople(db);
  const reference: number[] = [];
  for (let i = 0; i < runs; i++) reference.push(await time(() => settleAllPeople(db)));

  // people named at two or more meetings: edit, split and merge among them, one of each per run
  const busy = async () =>
    (await db.selectFrom("people").innerJoin("attendance", "attendance.person_id", "people.id").groupBy(["people.slug"]).having((eb) => eb.fn.countAll(), ">", 1).select("people.slug").orderBy("people.slug").execute()).map((r) => r.slug);
  const edits: number[] = [];
  const merges: number[] = [];
  const splits: number[] = [];
  for (let i = 0; i < runs; i++) {
    const slugs = await busy();
    if (slugs.length < 3) break;
    const p = await personRow(db, slugs[0]);
    edits.push(await time(() => editPerson(db, { slug: p.slug, version: p.version, fields: { ...fieldsOf(p), party: `Party ${i}` }, actor, now: new Date() })));
    const s = await personRow(db, slugs[1]);
    const row = await db.selectFrom("attendance").where("person_id", "=", s.id).select("id").orderBy("id", "desc").executeTakeFirstOrThrow();
    splits.push(await time(() => splitPerson(db, { slug: s.slug, version: s.version, attendanceIds: [row.id], actor, now: new Date() })));
    const [a, b] = (await busy()).slice(-2).map((x) => x);
    const gone = await personRow(db, a);
    merges.push(await time(() => mergePeople(db, { slug: gone.slug, version: gone.version, into: b, actor, now: new Date() })));
  }
  const decided: number[] = [];
  for (let i = 0; i < runs; i++) decided.push(await time(() => settleAllPeople(db)));
  const decisions = Number((await db.withTables<{ person_decisions: { id: number } }>().selectFrom("person_decisions").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
  const ms = (xs: number[]) => `${median(xs).toFixed(1)} ms (n=${xs.length})`;
  console.log(`settle, no decisions (reference): median ${ms(reference)}`);
  console.log(`settle, ${decisions} decisions:        median ${ms(decided)}`);
  console.log(`rename/party edit:              median ${ms(edits)}`);
  console.log(`split (settles in the write):   median ${ms(splits)}`);
  console.log(`merge (settles in the write):   median ${ms(merges)}`);
} finally {
  await db.destroy();
  rmSync(tmp, { recursive: true, force: true });
}
