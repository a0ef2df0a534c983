// Feeds, calendars and sitemaps on a large archive, in process: medians and p95 of single requests,
// with the calendar page and a committee page (reads of the same meetings the site already serves)
// measured in the same run as the reference.
//   npm run bench:follow -- --db ARCHIVE.db [--runs 15] [--only REGEX] [--in-place]
// The archive is copied to a temporary file first (opening it migrates it); --in-place opens it as
// it is, for a copy already made and migrated. --only measures the rows whose name matches, with
// the two reference rows. "Today" is put twelve
// months before the archive's last meeting, so a calendar holds two years of meetings: a year back
// and a year ahead.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { openStore } from "../src/store/db.ts";
import { createApp } from "../src/serve/app.ts";

const args = process.argv.slice(2);
const arg = (name: string, dflt?: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const source = arg("--db");
if (!source) {
  console.error("give --db ARCHIVE.db (made by npm run bench:generate)");
  process.exit(1);
}
const runs = Number(arg("--runs", "15"));
const only = arg("--only");
const inPlace = args.includes("--in-place");

const dir = mkdtempSync(join(tmpdir(), "quorum-bench-follow-"));
const dbPath = inPlace ? resolve(source) : join(dir, "archive.db");
if (!inPlace) {
  copyFileSync(resolve(source), dbPath);
  if (existsSync(`${source}-wal`)) copyFileSync(`${source}-wal`, `${dbPath}-wal`);
}
const started = loadavg();
const t0 = performance.now();
const db = await openStore(dbPath);
console.error(`opened (and migrated) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

try {
  const one = async <T>(q: Promise<T | undefined>) => (await q)!;
  const last = (await one(db.selectFrom("meetings").select((eb) => eb.fn.max("date").as("d")).executeTakeFirst())).d as string;
  const now = new Date(`${Number(last.slice(0, 4)) - 1}${last.slice(4, 10)}T12:00:00Z`);
  const body = (await one(db.selectFrom("meetings").innerJoin("bodies", "bodies.id", "meetings.body_id").groupBy("bodies.slug").orderBy((eb) => eb.fn.countAll(), "desc").select("bodies.slug").limit(1).executeTakeFirst())).slug;
  const person = (await one(db.selectFrom("attendance").innerJoin("people", "people.id", "attendance.person_id").groupBy("people.slug").orderBy((eb) => eb.fn.countAll(), "desc").select("people.slug").limit(1).executeTakeFirst())).slug;
  const meetings = Number((await one(db.selectFrom("meetings").select((eb) => eb.fn.countAll().as("n")).executeTakeFirst())).n);
  const app = createApp({ db, now: () => now, publicUrl: "https://minutes.example.org" });
  const month = now.toISOString().slice(0, 7);
  const targets = [
    ["calendar page (reference)", `/calendar/${month}`],
    ["committee page (reference)", `/committees/${body}`],
    ["all meetings calendar", "/calendar.ics"],
    ["committee calendar (most meetings)", `/committees/${body}/calendar.ics`],
    ["site feed", "/feed.atom"],
    ["committee feed", `/committees/${body}/feed.atom`],
    ["person feed (most attendance)", `/people/${person}/feed.atom`],
    ["search feed", "/search.atom?q=planning"],
    ["sitemap index", "/sitemap.xml"],
    ["sitemap page of meetings", "/sitemaps/meetings-1.xml"],
  ];
  const rows: string[] = [];
  const chosen = only ? targets.filter(([name]) => name.includes("(reference)") || new RegExp(only).test(name)) : targets;
  for (const [name, path] of chosen) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i <= runs; i++) {
      const s = performance.now();
      const res = await app.request(path);
      const body = await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
      if (i > 0) times.push(performance.now() - s);
      bytes = body.byteLength;
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor((times.length - 1) / 2)];
    const p95 = times[Math.min(times.length - 1, Math.floor((times.length - 1) * 0.95))];
    rows.push(`| ${name} | \`${path.length > 60 ? path.slice(0, 57) + "…" : path}\` | ${median.toFixed(1)} | ${p95.toFixed(1)} | ${bytes.toLocaleString("en-GB")} |`);
    console.error(`${name}: median ${median.toFixed(1)} ms`);
  }
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(" / ");
  console.log(`Feeds and calendars on ${meetings.toLocaleString("en-GB")} meetings (SQLite, in process), ${runs} requests each after one warm-up; today = ${now.toISOString().slice(0, 10)}. Load ${load(started)} at start, ${load(loadavg())} at end.\n`);
  console.log("| what | path | median ms | p95 ms | bytes |\n|---|---|---|---|---|");
  console.log(rows.join("\n"));
} finally {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
}
