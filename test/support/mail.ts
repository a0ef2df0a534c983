// Stores for the email tests, opened by URL so that two senders (or a `quorum mail` process) can
// share one database: a SQLite file in a temporary folder, and a database in a throwaway
// PostgreSQL cluster; plus a committee with a confirmed subscriber.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe } from "node:test";
import { openStore, type Db } from "../../src/store/db.ts";
import { mailDb } from "../../src/store/mail/schema.ts";
import { confirmSubscription, requestSubscription } from "../../src/store/mail/subscriptions.ts";
import type { MessagePayload } from "../../src/domain/alerts.ts";
import { postgresUnavailable, startPostgres, type PostgresCluster } from "./postgres.ts";

export interface MailStores {
  dialect: "sqlite" | "postgres";
  /** a new, empty database's URL */
  newUrl(): Promise<string>;
  /** a handle on it (migrated); closed after the suite */
  open(url: string): Promise<Db>;
}

export function eachMailStore(name: string, suite: (s: MailStores) => void): void {
  const opened: Db[] = [];
  const open = async (url: string) => {
    const db = await openStore(url);
    opened.push(db);
    return db;
  };
  describe(`${name} (sqlite)`, () => {
    let dir: string;
    let n = 0;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), "quorum-mail-"));
    });
    after(async () => {
      for (const db of opened.splice(0)) await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    });
    suite({ dialect: "sqlite", newUrl: async () => `sqlite:${join(dir, `mail-${++n}.db`)}`, open });
  });
  describe(`${name} (postgres)`, { skip: postgresUnavailable() ?? false }, () => {
    let cluster: PostgresCluster;
    before(async () => {
      cluster = await startPostgres();
    });
    after(async () => {
      for (const db of opened.splice(0)) await db.destroy();
      await cluster?.stop();
    });
    suite({ dialect: "postgres", newUrl: () => cluster.createDatabase(), open });
  });
}

/** The one-time link token a queued message carries (read from its row, as only a test would). */
export async function queuedToken(db: Db, to: string, kind: "confirm" | "alert" | "digest"): Promise<string> {
  const row = await mailDb(db).selectFrom("mail_outbox").where("to_address", "=", to).where("kind", "=", kind).where("payload_json", "is not", null).orderBy("id", "desc").select("payload_json").executeTakeFirstOrThrow();
  return (JSON.parse(row.payload_json!) as MessagePayload).token;
}

/** An address following a committee, confirmed; its confirmation mail is dropped from the outbox. */
let requests = 0;

export async function confirmedSubscriber(db: Db, email: string, committee: string, frequency: "immediate" | "daily" = "immediate", now = new Date()): Promise<void> {
  // each from its own address, clear of the per-IP limit
  await requestSubscription(db, { email, committee, frequency, ip: `198.51.${(++requests >> 8) & 255}.${requests & 255}` }, now);
  const token = await queuedToken(db, email, "confirm");
  await confirmSubscription(db, token, now);
  await mailDb(db).deleteFrom("mail_outbox").where("to_address", "=", email).where("kind", "=", "confirm").execute();
}

export async function outboxStates(db: Db): Promise<string[]> {
  return (await mailDb(db).selectFrom("mail_outbox").select("state").orderBy("id").execute()).map((r) => r.state);
}
