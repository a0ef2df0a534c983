// Write transactions that survive other writers: several `quorum import` processes, or an import
// while `quorum serve` records scrutiny updates. A transient conflict (SQLite busy after its
// timeout; PostgreSQL serialization failure, deadlock, or a unique key another writer has just
// taken) rolls the whole transaction back, and it is run again from the start after a short,
// growing, jittered pause. Anything else, or the last attempt's failure, goes to the caller.
import type { Transaction } from "kysely";
import type { Db } from "./db.ts";
import type { Database } from "./schema.ts";

export const WRITE_ATTEMPTS = 8;

const PG_TRANSIENT = new Set(["40001", "40P01", "23505"]);

/** Whether a failed transaction may succeed when run again unchanged. */
export function isTransientWriteError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return false;
  return PG_TRANSIENT.has(code) || code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED");
}

export interface WriteOptions {
  attempts?: number;
  /** called before each retry, with the attempt about to run (2, 3, …) and the error */
  onRetry?: (attempt: number, err: unknown) => void;
}

export async function writeTransaction<T>(db: Db, work: (trx: Transaction<Database>) => Promise<T>, options: WriteOptions = {}): Promise<T> {
  const attempts = options.attempts ?? WRITE_ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (err) {
      if (attempt >= attempts || !isTransientWriteError(err)) throw err;
      options.onRetry?.(attempt + 1, err);
      const base = Math.min(2000, 25 * 2 ** (attempt - 1));
      await new Promise((resolve) => setTimeout(resolve, base / 2 + Math.random() * base));
    }
  }
}
