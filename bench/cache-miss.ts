// What the response cache adds to a request it cannot answer (a miss: the version read, the body
// kept and hashed): the same meeting and person pages made in-process through the app with the
// cache off and with it on but never serving (every entry too old), interleaved, medians.
//   node --import tsx bench/cache-miss.ts --db ARCHIVE.db   (opened read-only for the picks; the app only reads)
import { openStore } from "../src/store/db.ts";
import { createApp } from "../src/serve/app.ts";
import SQLite from "better-sqlite3";
const at = process.argv.indexOf("--db");
if (at < 0) throw new Error("--db ARCHIVE.db is required");
const DB = process.argv[at + 1];
const raw = new SQLite(DB, { readonly: true });
const slugs = raw.prepare("SELECT slug FROM meetings WHERE minutes_status != 'draft' AND id % 500 = 0 LIMIT 100").pluck().all() as string[];
const people = raw.prepare("SELECT slug FROM people WHERE id % 50 = 0 LIMIT 100").pluck().all() as string[];
raw.close();
const db = await openStore(`sqlite:${DB}`, { migrate: false });
const off = createApp({ db });
// every request a miss: entries are kept but never young enough to be served
const on = createApp({ db, responseCache: { maxBytes: 32 * 1024 * 1024, maxAgeMs: 0 } });
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [kind, paths] of [["meeting", slugs.map((s) => `/meetings/${s}`)], ["person", people.map((s) => `/people/${s}`)]] as const) {
  for (const p of paths.slice(0, 10)) { await (await off.request("http://localhost" + p)).arrayBuffer(); }
  const t = { off: [] as number[], on: [] as number[] };
  const order: ["off" | "on", typeof on][] = [["off", off], ["on", on]];
  for (let round = 0; round < 3; round++) for (const p of paths) for (const [name, app] of round % 2 ? [...order].reverse() : order) {
    const t0 = performance.now();
    const r = await app.request("http://localhost" + p);
    await r.arrayBuffer();
    if (name === "on" && r.headers.get("x-quorum-cache") !== "miss") throw new Error("not a miss");
    t[name].push(performance.now() - t0);
  }
  console.log(`${kind}: ${t.off.length} requests each, interleaved; median off ${med(t.off).toFixed(2)} ms, on (every one a miss) ${med(t.on).toFixed(2)} ms, ratio ${(med(t.on) / med(t.off)).toFixed(3)}`);
}
await db.destroy();
