// What reading the archive's version costs (store/archive-version.ts), the one query the response
// cache adds to every signed-out request: the median of many reads, beside a trivial query on the
// same handle (`SELECT 1`) as the reference, on SQLite and, when given, PostgreSQL.
//   node --import tsx bench/archive-version.ts [--sqlite sqlite:PATH] [--postgres postgres://…] [--n 20000]
import { sql } from "kysely";
import { openStore } from "../src/store/db.ts";
import { archiveVersion } from "../src/store/archive-version.ts";
import { median, percentile } from "./lib/stats.ts";

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const n = Number(arg("--n") ?? 20000);

async function timed(f: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await f();
    out.push((performance.now() - t0) * 1000);
  }
  return out;
}

for (const url of [arg("--sqlite"), arg("--postgres")].filter((u): u is string => !!u)) {
  const db = await openStore(url, { migrate: false });
  try {
    for (let round = 0; round < 2; round++) {
      const ref = await timed(() => sql`SELECT 1`.execute(db));
      const version = await timed(() => archiveVersion(db));
      const f = (xs: number[]) => `median ${median(xs)!.toFixed(1)} µs, p95 ${percentile(xs, 95)!.toFixed(1)} µs`;
      console.log(`${url.split(":")[0]} round ${round + 1}: archiveVersion ${f(version)}; SELECT 1 ${f(ref)} (${n} each)`);
    }
  } finally {
    await db.destroy();
  }
}
