// `quorum release`: puts into search the text of exempt items whose release date has come (in the
// council's zone). The pages and API read release dates as they are asked, but the search index
// holds copies, so a date passing reaches it only when something indexes it again: this command,
// `quorum serve` (when it starts and every hour), or setting a date already come in the workspace.
import type { Command } from "commander";
import { openStore, type Db } from "../store/db.ts";
import { councilToday } from "../store/exempt/access.ts";
import { indexReleased } from "../store/exempt/release.ts";

const HOUR_MS = 60 * 60 * 1000;

export async function indexReleasesNow(db: Db, now = new Date()): Promise<{ today: string; meetings: number }> {
  const today = await councilToday(db, now);
  return { today, meetings: await indexReleased(db, today) };
}

/** Indexes releases now, then every hour; the timer does not keep the process alive. */
export async function indexReleasesEveryHour(db: Db): Promise<NodeJS.Timeout> {
  await indexReleasesNow(db);
  const timer = setInterval(() => void indexReleasesNow(db).catch(() => undefined), HOUR_MS);
  timer.unref();
  return timer;
}

export function registerRelease(program: Command): void {
  program
    .command("release")
    .description("put into search the exempt items whose release date has come (run it daily, or let quorum serve do it)")
    .option("--db <url>", "database: postgres://…, sqlite:PATH or a file path (default: $DATABASE_URL or ./data/quorum.db)")
    .action(async (opts: { db?: string }) => {
      const db = await openStore(opts.db ?? process.env.DATABASE_URL);
      try {
        const { today, meetings } = await indexReleasesNow(db);
        process.stdout.write(`released by ${today}: ${meetings} meeting${meetings === 1 ? "" : "s"} indexed again\n`);
      } finally {
        await db.destroy();
      }
    });
}
