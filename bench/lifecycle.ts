// The minutes lifecycle over real minutes: how many documents the header marks as drafts, how many
// meetings a later meeting's minutes item offers an approval for, and what the offers cost to read.
//   npm run bench:lifecycle [-- DIR... [--runs N]]   (default DIR: ../shared/corpus/real/limerick, N = 15)
// Timings are medians over N runs on one SQLite store, with a reference measured in the same run:
// listMeetings of 20 meetings (what the home page reads).
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, platform, release, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { walkDocuments } from "../src/cli/files.ts";
import { readDocument } from "../src/ingest/read.ts";
import { parseMinutes, PARSER_VERSION } from "../src/parse/minutes.ts";
import { openStore } from "../src/store/db.ts";
import { importMinutes, unstorableReason } from "../src/store/import.ts";
import { listMeetings } from "../src/store/read/index.ts";
import { approvalSuggestions } from "../src/store/lifecycle/suggest.ts";

const args = process.argv.slice(2);
let runs = 15;
const dirs: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--runs") runs = Math.max(1, Number(args[++i]) || 1);
  else dirs.push(resolve(args[i]));
}
if (!dirs.length) dirs.push(fileURLToPath(new URL("../../shared/corpus/real/limerick", import.meta.url)));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

console.log(`machine: ${cpus()[0]?.model ?? "?"} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${platform()} ${release()}, node ${process.version}, load ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
console.log(`corpus: ${dirs.join(", ")}`);
const dir = mkdtempSync(join(tmpdir(), "quorum-bench-lifecycle-"));
const db = await openStore(join(dir, "bench.db"));
try {
  const { documents } = await walkDocuments(dirs);
  let drafts = 0;
  let stored = 0;
  const wordings = new Map<string, number>();
  for (const file of documents) {
    let source;
    try {
      source = await readDocument(file);
    } catch {
      continue;
    }
    const record = parseMinutes(source);
    if (record.draftMarking) {
      drafts++;
      const w = record.draftMarking.toLowerCase().replace(/\s+/g, " ").slice(0, 40);
      wordings.set(w, (wordings.get(w) ?? 0) + 1);
    }
    if (unstorableReason(record)) continue;
    await importMinutes(db, { source, record, parserVersion: PARSER_VERSION });
    stored++;
  }
  console.log(`documents: ${documents.length}; marked as drafts by their header: ${drafts}; stored: ${stored}`);
  for (const [w, n] of [...wordings].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${n} × "${w}"`);

  const all = await approvalSuggestions(db);
  const meetings = (await listMeetings(db, { limit: 1 })).total;
  const earlier = new Set(all.map((s) => s.meeting.slug));
  console.log(`meetings: ${meetings}; with an approval offered from a later meeting's minutes item: ${earlier.size} (${all.filter((s) => s.basis === "date").length} offers by a date in the item, ${all.filter((s) => s.basis === "previous").length} by the previous meeting)`);

  const mid = (await listMeetings(db, { limit: 1, offset: Math.floor(meetings / 2) })).data[0];
  const time = async (f: () => Promise<unknown>) => {
    const xs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await f();
      xs.push(performance.now() - t0);
    }
    return median(xs);
  };
  const reference = await time(() => listMeetings(db, { limit: 20 }));
  const panel = await time(() => approvalSuggestions(db, { awaitingOnly: true, limit: 20 }));
  const one = await time(() => approvalSuggestions(db, { meetingId: mid.id }));
  console.log(`median of ${runs} runs: listMeetings(20) ${reference.toFixed(1)} ms (reference); /admin panel (20 offers) ${panel.toFixed(1)} ms; one meeting's offers ${one.toFixed(1)} ms`);
} finally {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
}
