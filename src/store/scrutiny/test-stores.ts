// Fresh stores for the tracker's tests: a SQLite database in memory and, when the machine can
// run one, a throwaway PostgreSQL cluster; each migrated with the store's schema and the tracker's.
import { readFileSync } from "node:fs";
import { after, before, describe } from "node:test";
import type { ParsedMinutes } from "../../domain/minutes.ts";
import { readDocument } from "../../ingest/read.ts";
import { openStore, dialectOf, type Db } from "../db.ts";
import { importMinutes } from "../import.ts";
import { postgresUnavailable, startPostgres, type PostgresCluster } from "../../../test/support/postgres.ts";
import { migrateToLatest } from "../migrate.ts";
import { trackMeeting } from "./track-meeting.ts";

/** Every migration the store runs, the tracker's included. */
export async function migrateAll(db: Db): Promise<void> {
  await migrateToLatest(db);
}

export interface StoreFactory {
  dialect: "sqlite" | "postgres";
  open(): Promise<Db>;
}

/** Runs `suite` once per dialect; PostgreSQL is skipped only with the reason it cannot run. */
export function eachStore(name: string, suite: (store: StoreFactory) => void): void {
  describe(`${name} (sqlite)`, () => {
    const opened: Db[] = [];
    after(async () => {
      for (const db of opened) await db.destroy();
    });
    suite({
      dialect: "sqlite",
      async open() {
        const db = await openStore(":memory:", { migrate: false });
        await migrateAll(db);
        opened.push(db);
        return db;
      },
    });
  });
  const reason = postgresUnavailable();
  describe(`${name} (postgres)`, { skip: reason ?? false }, () => {
    let cluster: PostgresCluster;
    const opened: Db[] = [];
    before(async () => {
      cluster = await startPostgres();
    });
    after(async () => {
      for (const db of opened) await db.destroy();
      await cluster?.stop();
    });
    suite({
      dialect: "postgres",
      async open() {
        const db = await openStore(await cluster.createDatabase(), { migrate: false });
        await migrateAll(db);
        opened.push(db);
        return db;
      },
    });
  });
}

const CORPUS = new URL("../../../test/golden/dev/", import.meta.url);

/** A dev-corpus document with its hand-checked record, as `quorum import` would store it. */
export async function importFromCorpus(db: Db, name: string, change?: (r: ParsedMinutes) => ParsedMinutes) {
  const source = await readDocument(new URL(`${name}.txt`, CORPUS).pathname);
  let record = JSON.parse(readFileSync(new URL(`${name}.expected.json`, CORPUS), "utf8")) as ParsedMinutes;
  record = { ...record, provenance: record.provenance ?? {} };
  if (change) {
    record = change(record);
    // A corrected document is different content.
    source.contentHash = source.contentHash.replace(/.$/, (c) => (c === "0" ? "1" : "0"));
  }
  const result = await importMinutes(db, { source, record, parserVersion: "test" });
  // importing tracks the meeting; an unchanged document is tracked again to show nothing doubles
  const tracked = result.tracked ?? (await trackMeeting(db, result.meetingId));
  return { ...result, tracked };
}

export const BUCKS = "bucks-cabinet-2018-04-23";
export const STAFFS = "staffs-safe-strong-2016-12-12";
